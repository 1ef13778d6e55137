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
 * What goes in a calendar file: meetings and the due dates of open actions. One meeting brings the
 * actions agreed at it; a summary brings everything ahead, since a calendar is about what is to come,
 * so its end (usually now) does not cut anything, while its start does.
 */
export function calendarItems(journal: Journal, selection: ExportSelection, now: Date): CalendarItems {
  if (selection.kind === 'meeting') {
    const meeting = selection.agenda.meeting;
    return {
      meetings: [meeting],
      actions: openWithDue(journal.actions.filter((action) => action.meetingId === meeting.id)),
    };
  }
  const { from, mentor } = selection.summary.scope;
  const start = from === undefined ? undefined : new Date(from);
  const ended = endedMentors(journal);
  // As for the next meeting: naming a mentor shows their meetings even once the mentoring has ended.
  const concerns = mentorScope(mentor?.handle);
  const meetings = journal.meetings
    .filter(
      (meeting) =>
        concerns.meeting(meeting) &&
        (start === undefined || Date.parse(meeting.when) >= start.getTime()) &&
        ((meeting.status === 'planned' && (mentor !== undefined || !ended.has(meeting.mentor))) ||
          // Still listed so that re-importing the file marks it cancelled in the calendar.
          (meeting.status === 'cancelled' && Date.parse(meeting.when) > now.getTime())),
    )
    .sort(byWhen);
  const actions = openWithDue(journal.actions.filter(concerns.action)).filter(
    (action) => start === undefined || daysUntil(action.due!, start) >= 0,
  );
  return { meetings, actions };
}

function openWithDue(actions: Action[]): Action[] {
  return actions
    .filter((action) => action.status === 'open' && action.due !== undefined)
    .sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
}
