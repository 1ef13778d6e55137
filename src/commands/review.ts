import * as z from 'zod';
import type { Context } from './context.js';
import { deliverDocument, formatFromOut } from './out-file.js';
import { parseOptions } from './parse-options.js';
import { buildReview } from '../core/review.js';
import { findMentor } from '../core/refs.js';
import { UsageError } from '../errors.js';
import { flag, oneOf, optionalText } from '../input/flags.js';
import type { DateContext } from '../input/date-text.js';
import { periodEndFlag, periodStartFlag } from '../input/period.js';
import { REVIEW_FORMATS } from '../ui/export/formats.js';

/** The built-in prep template whose prompts a review asks you to answer (yours wins if you have one by that name). */
const REFLECTION_TEMPLATE = 'portfolio-reflection';

/**
 * `mentee review`'s flags: a period from the start of --from's first day to the end of --to's last
 * (now when left out), read as export reads a period ("last month", "2026", "march 2026").
 */
export const reviewFlags = (dates: DateContext) =>
  z
    .object({
      from: periodStartFlag(dates),
      to: periodEndFlag(dates),
      mentor: optionalText,
      format: oneOf(REVIEW_FORMATS).optional(),
      json: flag,
      includePrivate: flag,
      out: optionalText,
      force: flag,
      allowIdentifiers: flag,
    })
    .transform(({ from, to, json, format, ...rest }) => {
      if (!from)
        throw new UsageError(
          'review needs --from, the first day of the period, e.g. --from 2026-08-01 or --from "last month".',
        );
      if (json && format && format !== 'json')
        throw new UsageError(`--json and --format ${format} disagree; give one.`);
      // A review is of what has happened: a period that runs on past today ends today.
      const end = to === undefined || to > dates.now ? dates.now : to;
      if (from > end)
        throw new UsageError(
          to
            ? '--from is after --to; the period would be empty.'
            : '--from is in the future; the period would be empty.',
        );
      return { ...rest, from, to: end, format: json ? ('json' as const) : format };
    });

export async function reviewCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(reviewFlags(ctx.dates), raw);
  const format = input.format ?? formatFromOut(input.out, REVIEW_FORMATS) ?? 'md';
  const journal = await ctx.store.read();
  const mentor = input.mentor ? findMentor(journal, input.mentor) : undefined;
  const review = buildReview(journal, { from: input.from.toISOString(), to: input.to.toISOString(), mentor });
  const [{ loadPrepTemplates }, { renderReview }] = await Promise.all([
    import('../config/prep-templates.js'),
    import('../ui/export/render-review.js'),
  ]);
  const { templates } = await loadPrepTemplates();
  const prompts = templates.find((loaded) => loaded.template.name === REFLECTION_TEMPLATE)?.template.prompts ?? [];
  const text = await renderReview(format, journal, review, {
    includePrivate: input.includePrivate,
    prompts,
    now: ctx.now,
  });
  await deliverDocument(ctx, text, {
    journal,
    allowIdentifiers: input.allowIdentifiers,
    out: input.out,
    force: input.force,
    what: 'the review',
    includesPrivate: input.includePrivate,
  });
}
