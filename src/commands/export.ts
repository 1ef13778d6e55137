import { extname } from 'node:path';
import type { Context } from '../cli/context.js';
import { parseOptions } from '../cli/options.js';
import { selectExport, type ExportSelection } from '../core/export-scope.js';
import { ExportInput } from '../core/inputs.js';
import type { Journal } from '../core/schema.js';
import { UsageError, UserError } from '../errors.js';
import { writePrivateFile } from '../store/output-file.js';
import { exportJson } from '../ui/json.js';
import { meetingMarkdown, summaryMarkdown } from '../ui/export/markdown.js';

const FORMAT_BY_EXTENSION: Record<string, 'md' | 'json'> = { '.md': 'md', '.markdown': 'md', '.json': 'json' };

export async function exportCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(ExportInput, raw);
  const format = input.format ?? formatFromFile(input.out) ?? 'md';
  const journal = await ctx.store.read();
  const selection = selectExport(journal, input, ctx.now);
  const text =
    format === 'json'
      ? `${JSON.stringify(exportJson(selection, input.includePrivate), null, 2)}\n`
      : exportMarkdown(journal, selection, input.includePrivate);
  if (!input.out) return ctx.print(text.replace(/\n$/, ''));
  if (await ctx.store.owns(input.out)) {
    throw new UserError(`--out ${input.out} is your journal or one of its backups; write the export somewhere else.`);
  }
  await writePrivateFile(input.out, text, input.force);
  const what =
    selection.kind === 'summary'
      ? 'summary'
      : selection.agenda.meeting.log
        ? `record of ${selection.agenda.meeting.id}`
        : `agenda for ${selection.agenda.meeting.id}`;
  ctx.warn(`Wrote the ${what} to ${input.out}${input.includePrivate ? ' (includes private reflections)' : ''}.`);
}

function formatFromFile(out: string | undefined): 'md' | 'json' | undefined {
  if (!out) return undefined;
  const extension = extname(out).toLowerCase();
  if (!extension) return undefined;
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format)
    throw new UsageError(`--out: cannot tell the format from "${extension}"; add --format md or --format json.`);
  return format;
}

function exportMarkdown(journal: Journal, selection: ExportSelection, includePrivate: boolean): string {
  return selection.kind === 'meeting'
    ? meetingMarkdown(journal, selection.agenda, includePrivate)
    : summaryMarkdown(journal, selection.summary, includePrivate);
}
