import type { Agenda } from '../../core/agenda.js';
import { tagsOfMeeting, type ExportSelection, type PlanSelection } from '../../core/export-scope.js';
import type { ExportFormat } from './formats.js';
import type { Journal } from '../../core/schema.js';
import { exportJson } from '../json.js';
import { meetingView } from '../views/meeting-view.js';
import { pdpView } from '../views/pdp-view.js';
import { summaryView } from '../views/summary-view.js';
import { recut } from './document-pieces.js';
import { layoutPieces, renderLayout } from './layouts.js';

/** The export of `selection` in `format`, as the text of one file. Libraries are loaded per format. */
export async function renderExport(
  format: ExportFormat,
  journal: Journal,
  selection: ExportSelection | PlanSelection,
  includePrivate: boolean,
  now: Date,
  /** The tag `journal` was narrowed to, for a summary to say so. */
  tag?: string,
): Promise<string> {
  return (await exportPieces(format, journal, selection, includePrivate, now, tag)).join('');
}

/**
 * The same text in the pieces it was written in: the whole journal in HTML is tens of MB, which export
 * checks and prints piece by piece rather than copy into one string.
 */
export async function exportPieces(
  format: ExportFormat,
  journal: Journal,
  selection: ExportSelection | PlanSelection,
  includePrivate: boolean,
  now: Date,
  tag?: string,
): Promise<string[]> {
  if (selection.kind === 'pdp') return [await renderPlan(format, journal, selection, now)];
  switch (format) {
    case 'json':
      return [`${JSON.stringify(exportJson(journal, selection, includePrivate, now), null, 2)}\n`];
    case 'ics': {
      const [{ calendarItems }, { calendarFile }] = await Promise.all([
        import('../../core/calendar-items.js'),
        import('./ics.js'),
      ]);
      return [calendarFile(journal, calendarItems(journal, selection), now)];
    }
    case 'portfolio': {
      // The command allows a portfolio entry of one meeting's record only.
      if (selection.kind !== 'meeting') throw new Error('a portfolio entry is of one meeting');
      const { meetingEntry } = await import('./portfolio.js');
      const view = meetingView(journal, selection.agenda, { includePrivate, now });
      return [meetingEntry(view, tagsOfMeeting(selection.agenda, includePrivate))];
    }
    case 'csv':
      throw new Error('only the development plan is written as CSV');
    case 'md':
    case 'html': {
      const pieces =
        selection.kind === 'meeting'
          ? await layoutPieces(format, 'meeting', {
              meeting: meetingView(journal, selection.agenda, { includePrivate, now }),
            })
          : await summaryPieces(format, journal, selection, includePrivate, now, tag);
      return format === 'md' ? tidyMarkdownPieces(pieces) : pieces;
    }
  }
}

/** A meeting's agenda (or record) in Markdown, as `mentee export --meeting` writes it. */
export function meetingMarkdown(journal: Journal, agenda: Agenda, now: Date): Promise<string> {
  return renderExport('md', journal, { kind: 'meeting', agenda }, false, now);
}

/** The development plan: Markdown or HTML through its layouts, plain text for a portfolio, or CSV. */
async function renderPlan(
  format: ExportFormat,
  journal: Journal,
  selection: PlanSelection,
  now: Date,
): Promise<string> {
  const pdp = pdpView(journal, selection, now);
  switch (format) {
    case 'md':
      return tidyMarkdown(await renderLayout(format, 'pdp', { pdp }));
    case 'html':
      return renderLayout(format, 'pdp', { pdp });
    case 'portfolio':
      return (await import('./portfolio.js')).pdpText(pdp);
    case 'csv': {
      const [{ pdpRows, PDP_COLUMNS }, { stringify }] = await Promise.all([
        import('./portfolio.js'),
        import('./export-libraries.js'),
      ]);
      // RFC 4180 (CRLF, quotes only where needed), with a byte order mark so a spreadsheet reads it as UTF-8.
      return stringify([[...PDP_COLUMNS], ...pdpRows(pdp)], {
        record_delimiter: 'windows',
        bom: true,
        // A line break inside a cell needs quotes too (csv-stringify quotes only for its own delimiter, CRLF).
        quoted_match: /[\r\n]/,
      });
    }
    default:
      throw new Error(`no ${format} export of the development plan`);
  }
}

async function summaryPieces(
  format: 'md' | 'html',
  journal: Journal,
  selection: Extract<ExportSelection, { kind: 'summary' }>,
  includePrivate: boolean,
  now: Date,
  tag: string | undefined,
): Promise<string[]> {
  const summary = summaryView(journal, selection.summary, { includePrivate, all: selection.all, now, tag });
  if (format === 'md') return layoutPieces(format, 'summary', { summary });
  const { timelineSvg } = await import('./timeline-svg.js');
  return layoutPieces(format, 'summary', { summary, timelineSvg: timelineSvg(summary.timeline) });
}

/** Layouts are written for people to read and change; their blank lines are evened out here. */
export function tidyMarkdown(text: string): string {
  return tidyMarkdownPieces([text]).join('');
}

/** About how long a piece of a Markdown document tidied alone is. */
const TIDIED_AT_ONCE = 1 << 20;

/**
 * The same, a piece at a time: spaces at the ends of lines dropped, three line breaks or more made two,
 * white space trimmed from both ends of the document. A piece ends with a line break and the next
 * starts with a character that is not white space, so no line, run of line breaks or white space at
 * either end crosses from one piece into the next.
 */
export function tidyMarkdownPieces(document: readonly string[], size = TIDIED_AT_ONCE): string[] {
  const pieces = [...recut(document, size, /\n(?=\S)/g, 1)];
  return pieces.map((piece, index) => {
    let text = piece.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n');
    if (index === 0) text = text.trimStart();
    if (index === pieces.length - 1) text = `${text.trimEnd()}\n`;
    return text;
  });
}
