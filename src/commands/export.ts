import { extname } from 'node:path';
import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { selectExport, type ExportScope, type ExportSelection } from '../core/export-scope.js';
import { UsageError, UserError } from '../errors.js';
import { flag, oneOf, optionalText, readWith } from '../input/flags.js';
import { readPeriodEnd, readPeriodStart } from '../input/period.js';
import { writePrivateFile } from '../store/output-file.js';
import { EXPORT_FORMATS, type ExportFormat } from '../ui/export/formats.js';
import { renderExport } from '../ui/export/render-export.js';
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
      since: readWith((text) => readPeriodStart(text, dates)).optional(),
      from: readWith((text) => readPeriodStart(text, dates)).optional(),
      to: readWith((text) => readPeriodEnd(text, dates)).optional(),
      all: flag,
      mentor: optionalText,
      includePrivate: flag,
      out: optionalText,
      force: flag,
      schema: flag,
    })
    .transform(({ next, meeting, since, from, to, all, ...rest }) => {
      if (since && from) throw new UsageError('--since and --from mean the same; give one of them.');
      const start = since ?? from;
      const scopes = [next, meeting !== undefined, start !== undefined || to !== undefined, all];
      if (scopes.filter(Boolean).length > 1)
        throw new UsageError('Give only one of --next, --meeting, a period (--since/--from, --to) and --all.');
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

const FORMAT_BY_EXTENSION: Record<string, ExportFormat> = {
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.ics': 'ics',
  '.json': 'json',
};

export async function exportCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(exportFlags(ctx.dates), raw);
  if (input.schema) {
    const { exportJsonSchemaDocument } = await import('../ui/json-shapes.js');
    return ctx.print(JSON.stringify(exportJsonSchemaDocument(), null, 2));
  }
  const format = input.format ?? formatFromFile(input.out) ?? 'md';
  const journal = await ctx.store.read();
  // A calendar file named by no scope is the whole calendar, to re-import or subscribe to: not the next meeting alone.
  const scope: ExportScope = format === 'ics' && input.scope.kind === 'unnamed' ? { kind: 'period' } : input.scope;
  const selection = selectExport(journal, scope, input.mentor, ctx.now);
  if (await ctx.store.isEncrypted())
    ctx.warn('Your journal is encrypted, but this export is plain text: keep it private, or delete it once sent.');
  if (format === 'ics' && input.includePrivate)
    ctx.warn('Calendar files never carry private reflections (calendars sync to servers); they are left out.');
  const text = await renderExport(format, journal, selection, input.includePrivate && format !== 'ics', ctx.now);
  if (!input.out) return ctx.print(text.replace(/\n$/, ''));
  if (await ctx.store.owns(input.out)) {
    throw new UserError(`--out ${input.out} is your journal or one of its backups; write the export somewhere else.`);
  }
  await writePrivateFile(input.out, text, input.force);
  const privateNote = input.includePrivate && format !== 'ics' ? ' (includes private reflections)' : '';
  ctx.warn(`Wrote ${describe(selection, format)} to ${input.out}${privateNote}.`);
}

function describe(selection: ExportSelection, format: ExportFormat): string {
  if (selection.kind === 'summary') {
    if (format === 'ics') return 'the calendar of meetings and due dates';
    return selection.all ? 'the whole journal' : 'the summary';
  }
  const { meeting } = selection.agenda;
  if (format === 'ics') return `the calendar event for ${meeting.id}`;
  return meeting.log ? `the record of ${meeting.id}` : `the agenda for ${meeting.id}`;
}

function formatFromFile(out: string | undefined): ExportFormat | undefined {
  if (!out) return undefined;
  const extension = extname(out).toLowerCase();
  if (!extension) return undefined;
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format)
    throw new UsageError(`--out: cannot tell the format from "${extension}"; add --format md, html, ics or json.`);
  return format;
}
