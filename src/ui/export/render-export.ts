import type { Agenda } from '../../core/agenda.js';
import type { ExportSelection } from '../../core/export-scope.js';
import type { ExportFormat } from './formats.js';
import type { Journal } from '../../core/schema.js';
import { exportJson } from '../json.js';
import { meetingView } from '../views/meeting-view.js';
import { summaryView } from '../views/summary-view.js';
import { renderLayout } from './layouts.js';

/** The export of `selection` in `format`, as the text of one file. Libraries are loaded per format. */
export async function renderExport(
  format: ExportFormat,
  journal: Journal,
  selection: ExportSelection,
  includePrivate: boolean,
  now: Date,
): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(exportJson(journal, selection, includePrivate, now), null, 2)}\n`;
    case 'ics': {
      const [{ calendarItems }, { calendarFile }] = await Promise.all([
        import('../../core/calendar-items.js'),
        import('./ics.js'),
      ]);
      return calendarFile(journal, calendarItems(journal, selection), now);
    }
    case 'md':
    case 'html': {
      const text =
        selection.kind === 'meeting'
          ? await renderLayout(format, 'meeting', {
              meeting: meetingView(journal, selection.agenda, { includePrivate, now }),
            })
          : await renderSummary(format, journal, selection, includePrivate, now);
      return format === 'md' ? tidyMarkdown(text) : text;
    }
  }
}

/** A meeting's agenda (or record) in Markdown, as `mentee export --meeting` writes it. */
export function meetingMarkdown(journal: Journal, agenda: Agenda, now: Date): Promise<string> {
  return renderExport('md', journal, { kind: 'meeting', agenda }, false, now);
}

async function renderSummary(
  format: 'md' | 'html',
  journal: Journal,
  selection: Extract<ExportSelection, { kind: 'summary' }>,
  includePrivate: boolean,
  now: Date,
): Promise<string> {
  const summary = summaryView(journal, selection.summary, { includePrivate, all: selection.all, now });
  if (format === 'md') return renderLayout(format, 'summary', { summary });
  const { timelineSvg } = await import('./timeline-svg.js');
  return renderLayout(format, 'summary', { summary, timelineSvg: timelineSvg(summary.timeline) });
}

/** Layouts are written for people to read and change; their blank lines are evened out here. */
export function tidyMarkdown(text: string): string {
  return `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
