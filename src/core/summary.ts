import { daysUntil } from './dates.js';
import type { Action, Goal, Journal, Meeting, Mentor } from './schema.js';
import { mentorScope } from './mentor-scope.js';
import { byWhen } from './order.js';

export interface SummaryScope {
  /** Inclusive ISO timestamp; undefined means from the start of the journal. */
  from?: string | undefined;
  to: string;
  mentor?: Mentor | undefined;
}

export interface Summary {
  scope: SummaryScope;
  meetings: Meeting[];
  /** Meetings that were to be in the period and were cancelled. */
  meetingsCancelled: Meeting[];
  goals: { goal: Goal; progress: Goal['progress'] }[];
  actionsDone: Action[];
  actionsOpen: Action[];
  /** Actions dropped in the period (when they last changed, which dropping them was). */
  actionsDropped: Action[];
  figures: { meetingsHeld: number; actionsCompleted: number; completedOnTime: number; onTimeRate: number | null };
}

/** A progress summary over a period: meetings held and cancelled, goals and their progress, actions done, open and dropped. */
export function buildSummary(journal: Journal, scope: SummaryScope): Summary {
  const from = scope.from ? Date.parse(scope.from) : -Infinity;
  const to = Date.parse(scope.to);
  const inRange = (at: string | undefined) => at !== undefined && Date.parse(at) >= from && Date.parse(at) <= to;
  const concerns = mentorScope(scope.mentor?.handle);
  const meetingsWith = (status: Meeting['status']) =>
    journal.meetings
      .filter((meeting) => meeting.status === status && inRange(meeting.when) && concerns.meeting(meeting))
      .sort(byWhen);
  const meetings = meetingsWith('held');
  const goals = journal.goals
    .filter(concerns.goal)
    .map((goal) => ({ goal, progress: goal.progress.filter((note) => inRange(note.at)) }))
    .filter(({ goal, progress }) => goal.status === 'active' || progress.length > 0 || inRange(goal.updatedAt));
  const actionsDone = journal.actions.filter(
    (action) => action.status === 'done' && inRange(action.completedAt) && concerns.action(action),
  );
  const actionsOpen = journal.actions.filter((action) => action.status === 'open' && concerns.action(action));
  const actionsDropped = journal.actions.filter(
    (action) => action.status === 'dropped' && inRange(action.updatedAt) && concerns.action(action),
  );
  const completedOnTime = actionsDone.filter(doneOnTime).length;
  return {
    scope,
    meetings,
    meetingsCancelled: meetingsWith('cancelled'),
    goals,
    actionsDone,
    actionsOpen,
    actionsDropped,
    figures: {
      meetingsHeld: meetings.length,
      actionsCompleted: actionsDone.length,
      completedOnTime,
      onTimeRate: actionsDone.length ? completedOnTime / actionsDone.length : null,
    },
  };
}

/** Whether a done action was done by its due date (one without a due date always is). */
export function doneOnTime(action: Action): boolean {
  return !action.due || daysUntil(action.due, new Date(action.completedAt!)) >= 0;
}
