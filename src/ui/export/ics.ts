/**
 * The iCalendar (RFC 5545) export: the only door to ical-generator. A calendar syncs to servers, so
 * nothing private goes in, whatever --include-private says: no reflections, nothing from the log.
 *
 * Every record keeps one UID for good, so a newer file updates the events an older one made: a moved
 * meeting gets its new times, a cancelled meeting, a dropped action and one whose due date was removed
 * STATUS:CANCELLED (calendar apps strike those through or remove them). A done action stays CONFIRMED, with "Done:" in its title: a
 * VEVENT has no "completed" status (RFC 5545 keeps COMPLETED for to-dos, which most calendar apps
 * ignore on import), and CANCELLED would make Google Calendar and Outlook hide the record that it was done.
 */
import { ical, ICalAlarmType, ICalEventStatus, ICalEventTransparency } from './export-libraries.js';
import { buildAgenda, indexForAgendas } from '../../core/agenda.js';
import { calendarDay } from '../../core/calendar-items.js';
import type { Action, Journal, Meeting } from '../../core/schema.js';
import { withoutControls } from '../../core/text.js';
import { meetingView, type MeetingView } from '../views/meeting-view.js';
import { actionView } from '../views/record-views.js';

/**
 * A record's UID for good: from its uid, which no device shares and no renumbering changes, or the one
 * it had before journal version 3 (its short id and the journal's key), so no calendar gets it twice.
 */
function calendarUid(record: Meeting | Action): string {
  return record.calendarUid ?? `${record.uid}@mentee`;
}

/** A planned meeting's reminder to prepare: a day before it starts. */
const REMINDER_SECONDS = 24 * 60 * 60;

export function calendarFile(journal: Journal, items: { meetings: Meeting[]; actions: Action[] }, now: Date): string {
  // Grows with every export, so a calendar app takes a newer file's events as updates: also after an
  // undo or a restore has taken an event back to an older version.
  const sequence = Math.max(0, Math.floor((now.getTime() - Date.parse(journal.createdAt)) / 1000));
  const mentee = withoutControls(journal.profile.name?.trim() ?? '');
  const calendar = ical({
    name: mentee ? `mentee: ${mentee}` : 'mentee',
    prodId: { company: 'mentee', product: 'mentee', language: 'EN' },
  });
  const index = indexForAgendas(journal);
  for (const meeting of items.meetings) {
    const view = meetingView(journal, buildAgenda(journal, meeting, index), { includePrivate: false, now });
    const start = new Date(meeting.when);
    const who = mentee ? `${mentee} with ${view.mentor.name}` : view.mentor.name;
    const event = calendar.createEvent({
      id: calendarUid(meeting),
      stamp: now,
      sequence,
      start,
      end: new Date(start.getTime() + meeting.lengthMinutes * 60_000),
      summary: withoutControls(`${meeting.status === 'cancelled' ? 'Cancelled: ' : ''}Mentoring: ${who}`),
      description: withoutControls(agendaText(view)),
      status: meeting.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    if (meeting.status === 'planned')
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: REMINDER_SECONDS,
        description: withoutControls(
          `Prepare for tomorrow's meeting with ${view.mentor.name}: mentee prep ${meeting.id}`,
        ),
      });
  }
  for (const action of items.actions) {
    const day = calendarDay(action);
    if (!day) continue;
    const view = actionView(journal, action, now);
    // No longer due: its event stays where it was, cancelled, and says why.
    const undated = !action.due;
    calendar.createEvent({
      id: calendarUid(action),
      stamp: now,
      sequence,
      allDay: true,
      // Day strings, not Dates: a local midnight would land on the day before east of UTC.
      start: day,
      end: nextDay(day),
      summary: withoutControls(
        undated ? `No longer due: ${view.byMentor ? `${view.owner}: ` : ''}${view.title}` : actionSummary(view),
      ),
      description: withoutControls(undated ? undatedText(view, action) : actionText(view, action)),
      status: undated || action.status === 'dropped' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // toString() leaves out the CRLF that ends the last line.
  return `${calendar.toString()}\r\n`;
}

/** "Due: Book the exam", "Dr Ada Lovelace will: …", and once closed "Done: …" or "Dropped: …". */
function actionSummary(view: ReturnType<typeof actionView>): string {
  if (view.status === 'done') return `Done: ${view.byMentor ? `${view.owner}: ` : ''}${view.title}`;
  if (view.status === 'dropped') return `Dropped: ${view.byMentor ? `${view.owner}: ` : ''}${view.title}`;
  return view.byMentor ? `${view.owner} will: ${view.title}` : `Due: ${view.title}`;
}

function actionText(view: ReturnType<typeof actionView>, action: Action): string {
  const why = view.note ? `: ${view.note}` : '.';
  if (view.status === 'done')
    return `Done${view.completed ? ` on ${view.completed}` : ''}${view.lateBy ? `, ${view.lateBy} late` : ''}${why}`;
  if (view.status === 'dropped') return `Dropped${why}`;
  return `Mark it done with: mentee done ${action.id}`;
}

/** An action whose due date was removed: what became of it since. */
function undatedText(view: ReturnType<typeof actionView>, action: Action): string {
  const removed = 'Its due date was removed';
  if (view.status === 'open')
    return `${removed}; it is still open, with no date. See it with: mentee show ${action.id}`;
  return `${removed}. ${actionText(view, action)}`;
}

/** The agenda as plain text, from the meeting's one view; the library escapes and folds it. */
function agendaText(view: MeetingView): string {
  const section = (title: string, lines: string[]) => (lines.length ? ['', title, ...lines] : []);
  const lines = [
    ...(view.status === 'cancelled'
      ? [view.cancelNote ? `Cancelled: ${view.cancelNote}` : 'Cancelled.', '']
      : view.status === 'held'
        ? ['Held.', '']
        : []),
    `Mode: ${view.mode}, ${view.lengthMinutes} minutes`,
    ...(view.intention ? ['', `What I want from this meeting: ${view.intention}`] : []),
    ...section(
      'Topics:',
      view.topics.map((topic) => {
        const about = [topic.kind, topic.minutes ? `${topic.minutes} min` : ''].filter(Boolean).join(', ');
        const carried = topic.carriedOver ? ' (carried over)' : '';
        return `${topic.number}. ${topic.title}${about ? ` (${about})` : ''}${carried}`;
      }),
    ),
    ...(view.topics.length ? [`Planned: ${view.time.plannedMinutes} of ${view.time.lengthMinutes} minutes`] : []),
    ...section(
      'Goals to discuss:',
      view.goals.map((goal) => `- ${goal.title}`),
    ),
    ...section(
      'Actions to report on:',
      view.actionsReviewed.map((action) => {
        const who = action.byMentor ? `${action.owner}: ` : '';
        const due = action.due ? ` (due ${action.due})` : '';
        const report = action.state === 'open' ? '' : ` — ${action.state}${action.note ? `: ${action.note}` : ''}`;
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
