import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import {
  journalWithTag,
  selectExport,
  selectPlan,
  type ExportScope,
  type ExportSelection,
  type PlanSelection,
} from '../core/export-scope.js';
import { UsageError, UserError } from '../errors.js';
import { optionalTag } from '../input/tag.js';
import { flag, oneOf, optionalText } from '../input/flags.js';
import { periodEndFlag, periodStartFlag } from '../input/period.js';
import { deliverDocument, formatFromOut } from './out-file.js';
import { EXPORT_FORMATS, type ExportFormat } from '../ui/export/formats.js';
import { exportPieces } from '../ui/export/render-export.js';
import type { DateContext } from '../input/date-text.js';

/**
 * `mentee export`'s flags: one scope at most (--next, --meeting, a period, --all), read into the
 * scope the core selects by. A period runs from the start of its first day to the end of its last:
 * "--since last month" from the 1st of last month, "--to last month" to the end of its last day.
 */
export const exportFlags = (dates: DateContext) =>
  z
    .object({
      format: oneOf(EXPORT_FORMATS).optional(),
      next: flag,
      meeting: optionalText,
      since: periodStartFlag(dates),
      from: periodStartFlag(dates),
      to: periodEndFlag(dates),
      all: flag,
      mentor: optionalText,
      includePrivate: flag,
      out: optionalText,
      force: flag,
      schema: flag,
      pdp: flag,
      tag: optionalTag,
      allowIdentifiers: flag,
    })
    .transform(({ next, meeting, since, from, to, all, ...rest }) => {
      if (since && from) throw new UsageError('--since and --from mean the same; give one of them.');
      const start = since ?? from;
      const scopes = [next, meeting !== undefined, start !== undefined || to !== undefined, all, rest.pdp];
      if (scopes.filter(Boolean).length > 1)
        throw new UsageError('Give only one of --next, --meeting, a period (--since/--from, --to), --all and --pdp.');
      if (rest.tag !== undefined && (next || meeting !== undefined))
        throw new UsageError(
          `--tag narrows a summary, the whole journal (--all) or the plan (--pdp); ${next ? '--next' : '--meeting'} is one meeting.`,
        );
      const startFlag = since ? '--since' : '--from';
      const end = to ?? dates.now;
      if (start && start > end)
        throw new UsageError(
          to
            ? `${startFlag} is after --to; the period would be empty.`
            : `${startFlag} is in the future; the period would be empty.`,
        );
      const scope: ExportScope = all
        ? { kind: 'all' }
        : meeting
          ? { kind: 'meeting', ref: meeting }
          : next
            ? { kind: 'next' }
            : start || to
              ? { kind: 'period', from: start, to }
              : { kind: 'unnamed' };
      return { ...rest, scope };
    });

export async function exportCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(exportFlags(ctx.dates), raw);
  if (input.schema) {
    const { exportJsonSchemaDocument } = await import('../ui/json-shapes.js');
    return ctx.print(JSON.stringify(exportJsonSchemaDocument(), null, 2));
  }
  const format = input.format ?? formatFromOut(input.out, EXPORT_FORMATS) ?? 'md';
  checkFormat(format, input.pdp, input.scope);
  const whole = await ctx.store.read();
  const { tag } = input;
  // With --tag, a summary or the whole journal is made of the records that have it alone, figures too.
  const journal = tag !== undefined && !input.pdp ? journalWithTag(whole, tag, input.includePrivate) : whole;
  // A calendar file named by no scope is the whole calendar, to re-import or subscribe to: not the next
  // meeting alone; and so is a summary of a tag.
  const scope: ExportScope =
    (format === 'ics' || tag !== undefined) && input.scope.kind === 'unnamed' ? { kind: 'period' } : input.scope;
  const selection = input.pdp
    ? selectPlan(journal, input.mentor, { tag, includePrivate: input.includePrivate })
    : selectExport(journal, scope, input.mentor, ctx.now);
  if (format === 'portfolio' && selection.kind === 'meeting') checkHeld(selection);
  if (tag !== undefined && nothingTagged(journal, selection)) {
    const unread = input.includePrivate ? '' : ' (private notes were not read)';
    ctx.warn(
      selection.kind === 'pdp'
        ? `No goal has #${tag}; the plan is empty.`
        : `No meeting, action or goal has #${tag}${unread}; the export is empty.`,
    );
  }
  if (format === 'ics' && input.includePrivate)
    ctx.warn('Calendar files never carry private reflections (calendars sync to servers); they are left out.');
  const text = await exportPieces(format, journal, selection, input.includePrivate && format !== 'ics', ctx.now, tag);
  await deliverDocument(ctx, text, {
    journal: whole,
    allowIdentifiers: input.allowIdentifiers,
    out: input.out,
    force: input.force,
    what: describe(selection, format),
    includesPrivate: input.includePrivate && format !== 'ics',
  });
}

/** Which formats each scope is written in: CSV is the plan's table, plain text a meeting's entry or the plan. */
function checkFormat(format: ExportFormat, pdp: boolean, scope: ExportScope): void {
  if (pdp && (format === 'ics' || format === 'json'))
    throw new UsageError(`--pdp is written as md, html, portfolio or csv, not ${format}.`);
  if (!pdp && format === 'csv')
    throw new UsageError('CSV is the format of the development plan: add --pdp, or choose another --format.');
  if (!pdp && format === 'portfolio' && scope.kind !== 'meeting')
    throw new UsageError(
      "The portfolio format is one meeting's reflective entry (--meeting m7) or the development plan (--pdp): add one of them.",
    );
}

/** A reflective entry is written from a meeting's record: one not held yet, or cancelled, has none. */
function checkHeld({ agenda: { meeting } }: Extract<ExportSelection, { kind: 'meeting' }>): void {
  if (meeting.status === 'cancelled')
    throw new UserError(`${meeting.id} was cancelled: there is no meeting to reflect on.`);
  if (!meeting.log)
    throw new UserError(`${meeting.id} has no record yet: a reflective entry is written from what happened.`, {
      hint: `Log it first: mentee log ${meeting.id}`,
    });
}

function nothingTagged(
  journal: { meetings: unknown[]; actions: unknown[]; goals: unknown[] },
  selection: ExportSelection | PlanSelection,
): boolean {
  if (selection.kind === 'pdp') return selection.goals.length === 0;
  return journal.meetings.length + journal.actions.length + journal.goals.length === 0;
}

function describe(selection: ExportSelection | PlanSelection, format: ExportFormat): string {
  if (selection.kind === 'pdp')
    return format === 'csv' ? 'the development plan (one row per goal)' : 'the development plan';
  if (selection.kind === 'summary') {
    if (format === 'ics') return 'the calendar of meetings and due dates';
    return selection.all ? 'the whole journal' : 'the summary';
  }
  const { meeting } = selection.agenda;
  if (format === 'ics') return `the calendar event for ${meeting.id}`;
  if (format === 'portfolio') return `the reflective entry for ${meeting.id}`;
  return meeting.log ? `the record of ${meeting.id}` : `the agenda for ${meeting.id}`;
}
