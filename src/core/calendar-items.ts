import { daysUntil } from './dates.js';
import type { ExportSelection } from './export-scope.js';
import { endedMentors } from './meetings.js';
import { mentorScope } from './mentor-scope.js';
import { byWhen } from './order.js';
import type { Action, Journal, Meeting } from './schema.js';

export interface CalendarItems {
  meetings: Meeting[];
  actions: Action[];
}

/**
 * What goes in a calendar file: meetings and the due dates of actions, in whatever state they are now.
 * A calendar app matches events by UID, and one that subscribes drops what a newer file leaves out, so
 * a meeting moved, held or cancelled and an action done, dropped or no longer due stay in the file in
 * their new state rather than vanish (a re-import would leave the old event standing). One meeting brings the actions
 * agreed at it; a summary brings everything ahead, since a calendar is about what is to come, so its
 * end (usually now) cuts nothing, while its start does: what is dated before it, and did not change
 * after it, is left out.
 */
export function calendarItems(journal: Journal, selection: ExportSelection): CalendarItems {
  if (selection.kind === 'meeting') {
    const meeting = selection.agenda.meeting;
    return {
      meetings: [meeting],
      actions: withDue(journal.actions.filter((action) => action.meetingId === meeting.id)),
    };
  }
  const { from, mentor } = selection.summary.scope;
  const start = from === undefined ? -Infinity : Date.parse(from);
  const changedSince = (record: { updatedAt: string }) => Date.parse(record.updatedAt) >= start;
  const ended = endedMentors(journal);
  // As for the next meeting: naming a mentor shows their meetings even once the mentoring has ended.
  const concerns = mentorScope(mentor?.handle);
  const meetings = journal.meetings
    .filter((meeting) => {
      if (!concerns.meeting(meeting)) return false;
      const dated = Date.parse(meeting.when) >= start;
      if (meeting.status === 'planned') return dated && (mentor !== undefined || !ended.has(meeting.mentor));
      return dated || changedSince(meeting);
    })
    .sort(byWhen);
  const actions = withDue(journal.actions.filter(concerns.action)).filter((action) => {
    const dated = start === -Infinity || daysUntil(calendarDay(action)!, new Date(start)) >= 0;
    return action.status === 'open' && action.due ? dated : dated || changedSince(action);
  });
  return { meetings, actions };
}

/**
 * The day an action's event stands on: its due date, or the one it had before it was removed (its
 * event then says so, cancelled); undefined when it never had one.
 */
export function calendarDay(action: Action): string | undefined {
  return action.due ?? action.dueRemoved;
}

/** Actions a calendar can place (due, or due once), soonest first. */
function withDue(actions: Action[]): Action[] {
  const dated = actions.flatMap((action) => {
    const day = calendarDay(action);
    return day === undefined ? [] : [{ action, day }];
  });
  return dated.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)).map(({ action }) => action);
}
