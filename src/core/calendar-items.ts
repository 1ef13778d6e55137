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
 * a meeting moved, held or cancelled and an action done or dropped stay in the file in their new state
 * rather than vanish (a re-import would leave the old event standing). One meeting brings the actions
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
    const dated = start === -Infinity || daysUntil(action.due!, new Date(start)) >= 0;
    return action.status === 'open' ? dated : dated || changedSince(action);
  });
  return { meetings, actions };
}

/** Actions with a due date (the only ones a calendar can place), soonest first. */
function withDue(actions: Action[]): Action[] {
  return actions
    .filter((action) => action.due !== undefined)
    .sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
}
