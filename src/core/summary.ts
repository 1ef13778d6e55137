import { closedAt } from './actions.js';
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
  figures: {
    meetingsHeld: number;
    actionsCompleted: number;
    /** Your own actions with a due date, done in the period by it, and after it (see timeliness). */
    completedOnTime: number;
    completedLate: number;
    /** completedOnTime of those two together; null when neither has any. */
    onTimeRate: number | null;
  };
}

/** Where an action stood over a period: done in it (by its due date or after), open at its end, dropped in it. */
export type ActionOutcome = 'onTime' | 'late' | 'open' | 'dropped';

/** A progress summary over a period: meetings held and cancelled, goals and their progress, actions done, open and dropped. */
export function buildSummary(journal: Journal, scope: SummaryScope): Summary {
  const from = scope.from ? Date.parse(scope.from) : -Infinity;
  const to = Date.parse(scope.to);
  const inRange = (at: string | undefined) => {
    if (at === undefined) return false;
    const time = Date.parse(at);
    return time >= from && time <= to;
  };
  const concerns = mentorScope(scope.mentor?.handle);
  const meetingsWith = (status: Meeting['status']) =>
    journal.meetings
      .filter((meeting) => meeting.status === status && inRange(meeting.when) && concerns.meeting(meeting))
      .sort(byWhen);
  const meetings = meetingsWith('held');
  const goals = journal.goals
    .filter((goal) => concerns.goal(goal) && Date.parse(goal.createdAt) <= to)
    .map((goal) => ({ goal, progress: goal.progress.filter((note) => inRange(note.at)) }))
    .filter(({ goal, progress }) => goal.status === 'active' || progress.length > 0 || inRange(goal.updatedAt));
  const actionsDone: Action[] = [];
  const actionsOpen: Action[] = [];
  const actionsDropped: Action[] = [];
  let completedOnTime = 0;
  let completedLate = 0;
  for (const action of journal.actions) {
    if (!concerns.action(action)) continue;
    const outcome = actionOutcome(action, from, to);
    if (outcome === 'open') actionsOpen.push(action);
    else if (outcome === 'dropped') actionsDropped.push(action);
    else if (outcome) {
      actionsDone.push(action);
      // Its timeliness (see timeliness), already known from its outcome: each done action is read once.
      if (hasTimeliness(action) && outcome === 'onTime') completedOnTime++;
      else if (hasTimeliness(action)) completedLate++;
    }
  }
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
      completedLate,
      onTimeRate: completedOnTime + completedLate ? completedOnTime / (completedOnTime + completedLate) : null,
    },
  };
}

/** Whether a done action was done by its due date (one without a due date always is). */
export function doneOnTime(action: Action): boolean {
  return !action.due || daysUntil(action.due, new Date(action.completedAt!)) >= 0;
}

/**
 * Where an action stood over the period from `from` to `to` (epoch ms): done in it (on time or late),
 * open at its end (so one done or dropped after the period was still open then), dropped in it; or
 * undefined when it was closed before the period began or made after it ended.
 */
export function actionOutcome(action: Action, from: number, to: number): ActionOutcome | undefined {
  if (Date.parse(action.createdAt) > to) return undefined;
  const closed = closedAt(action);
  const time = closed === undefined ? undefined : Date.parse(closed);
  if (time === undefined || time > to) return 'open';
  if (time < from) return undefined;
  if (action.status === 'dropped') return 'dropped';
  return doneOnTime(action) ? 'onTime' : 'late';
}

/**
 * What a done action says about keeping to your own dates: done by its due date or after it; null for
 * one with no due date, or one a mentor offered (their timeliness is not yours), which on-time rates leave out.
 */
export function timeliness(action: Action): 'onTime' | 'late' | null {
  if (action.status !== 'done' || !hasTimeliness(action)) return null;
  return doneOnTime(action) ? 'onTime' : 'late';
}

/** Whether a done action counts in on-time rates: one of your own, with a due date. */
function hasTimeliness(action: Action): boolean {
  return Boolean(action.due) && action.owner === 'me';
}
