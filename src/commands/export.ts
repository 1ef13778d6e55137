import { extname } from 'node:path';
import type { Context } from '../cli/context.js';
import { parseOptions } from '../cli/options.js';
import { selectExport, type ExportSelection } from '../core/export-scope.js';
import { ExportInput, type ExportFormat } from '../core/inputs.js';
import { UsageError, UserError } from '../errors.js';
import { writePrivateFile } from '../store/output-file.js';
import { renderExport } from '../ui/export/render-export.js';

const FORMAT_BY_EXTENSION: Record<string, ExportFormat> = {
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.ics': 'ics',
  '.json': 'json',
};

export async function exportCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(ExportInput, raw);
  if (input.schema) {
    const { exportJsonSchemaDocument } = await import('../core/export-shape.js');
    return ctx.print(JSON.stringify(exportJsonSchemaDocument(), null, 2));
  }
  const format = input.format ?? formatFromFile(input.out) ?? 'md';
  const journal = await ctx.store.read();
  const selection = selectExport(journal, input, ctx.now);
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
    if (format === 'ics') return 'the calendar of planned meetings and due dates';
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
