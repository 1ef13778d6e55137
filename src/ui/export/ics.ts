/**
 * The iCalendar (RFC 5545) export: the only door to ical-generator. A calendar syncs to servers, so
 * nothing private goes in, whatever --include-private says: no reflections, nothing from the log.
 */
import { ical, ICalEventStatus, ICalEventTransparency } from './export-libraries.js';
import { buildAgenda, type Agenda } from '../../core/agenda.js';
import { mentorName } from '../../core/refs.js';
import type { Action, Journal, Meeting } from '../../core/schema.js';
import { formatDay } from '../words.js';

const MODES: Record<Meeting['mode'], string> = {
  'in-person': 'in person',
  video: 'video',
  phone: 'phone',
  other: 'other',
};

export function calendarFile(journal: Journal, items: { meetings: Meeting[]; actions: Action[] }, now: Date): string {
  // Stable for one journal, different between two: a mentor importing two mentees' files gets no clashes.
  const key = Date.parse(journal.createdAt).toString(36);
  // Grows with every export, so a calendar app takes a newer file's events as updates: also after an
  // undo or a restore has taken an event back to an older version.
  const sequence = Math.max(0, Math.floor((now.getTime() - Date.parse(journal.createdAt)) / 1000));
  const calendar = ical({ name: 'mentee', prodId: { company: 'mentee', product: 'mentee', language: 'EN' } });
  for (const meeting of items.meetings) {
    const agenda = buildAgenda(journal, meeting);
    const start = new Date(meeting.when);
    calendar.createEvent({
      id: `${meeting.id}.${key}@mentee`,
      stamp: now,
      sequence,
      start,
      end: new Date(start.getTime() + meeting.lengthMinutes * 60_000),
      summary: `Mentoring: ${agenda.mentor.name}`,
      description: agendaText(journal, agenda),
      status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  for (const action of items.actions) {
    if (!action.due) continue;
    calendar.createEvent({
      id: `${action.id}.${key}@mentee`,
      stamp: now,
      sequence,
      allDay: true,
      // Day strings, not Dates: a local midnight would land on the day before east of UTC.
      start: action.due,
      end: nextDay(action.due),
      summary:
        action.owner === 'mentor'
          ? `${mentorName(journal, action.mentor)} will: ${action.title}`
          : `Due: ${action.title}`,
      description: `Mark it done with: mentee done ${action.id}`,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // toString() leaves out the CRLF that ends the last line.
  return `${calendar.toString()}\r\n`;
}

/** The agenda as plain text; the library escapes and folds it. */
function agendaText(journal: Journal, agenda: Agenda): string {
  const { meeting, topics, timeCheck } = agenda;
  const section = (title: string, lines: string[]) => (lines.length ? ['', title, ...lines] : []);
  const lines = [
    `Mode: ${MODES[meeting.mode]}, ${meeting.lengthMinutes} minutes`,
    ...(meeting.prep?.intention ? ['', `What I want from this meeting: ${meeting.prep.intention}`] : []),
    ...section(
      'Topics:',
      topics.map((topic, index) => {
        const about = [topic.kind, topic.minutes ? `${topic.minutes} min` : undefined].filter(Boolean).join(', ');
        const carried = topic.carriedFrom ? ' (carried over)' : '';
        return `${index + 1}. ${topic.title}${about ? ` (${about})` : ''}${carried}`;
      }),
    ),
    ...(topics.length ? [`Planned: ${timeCheck.plannedMinutes} of ${timeCheck.lengthMinutes} minutes`] : []),
    ...section(
      'Goals to discuss:',
      agenda.goals.map((goal) => `- ${goal.title}`),
    ),
    ...section(
      'Actions to report on:',
      agenda.actionsReviewed.map(({ action, state, note }) => {
        const who = action.owner === 'mentor' ? `${mentorName(journal, action.mentor)}: ` : '';
        const due = action.due ? ` (due ${formatDay(action.due)})` : '';
        const report = state === 'open' ? '' : ` — ${state}${note ? `: ${note}` : ''}`;
        return `- ${who}${action.title}${due}${report}`;
      }),
    ),
  ];
  return lines.join('\n');
}

/** "2026-12-05" → "2026-12-06", by the calendar alone. */
function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, date! + 1)).toISOString().slice(0, 10);
}
