/**
 * Every status change of a meeting, an action, a goal and a mentor, as one table each: which changes
 * are allowed, what a refused one should be instead, and what an allowed one changes in related
 * records. Commands, prep's reviews and logging all change a status through `changeStatus`, so a
 * journal never says two things at once (a dropped action completed, an ended mentor's plans still on).
 */
import { refuse, type Instead, type StatusRecord } from './problems.js';
import { mentorWithHandle } from './refs.js';
import type { Action, Goal, Journal, Meeting, Mentor } from './schema.js';

/** A related record changed by the same change: a meeting cancelled, an action dropped. */
export interface Cascade {
  record: 'meeting' | 'action';
  id: string;
  to: string;
}

interface Stated<S extends string> {
  status: S;
  updatedAt: string;
}

/**
 * `allowed[from][to]`: 'ok', or what to do instead; `enter[to]`: what else changes on the way in.
 * `C`: a choice the person makes about related records (what becomes of a dropped goal's actions).
 */
export interface Machine<S extends string, R extends Stated<S>, C = never> {
  record: StatusRecord;
  allowed: Record<S, Record<S, 'ok' | Instead>>;
  /** A change the table allows that a related record forbids (refuses itself). */
  guard?: (journal: Journal, record: R, to: S, choice: C | undefined) => void;
  enter?: Partial<Record<S, (journal: Journal, record: R, now: Date, choice: C | undefined) => Cascade[]>>;
  ref: (record: R) => string;
  mentor: (journal: Journal, record: R) => Mentor | undefined;
}

export const MEETING_MACHINE: Machine<Meeting['status'], Meeting> = {
  record: 'meeting',
  allowed: {
    planned: { planned: 'already', held: 'ok', cancelled: 'ok' },
    held: { planned: 'plan-new-meeting', held: 'already', cancelled: 'amend-notes' },
    cancelled: { planned: 'plan-new-meeting', held: 'log-unplanned', cancelled: 'already' },
  },
  ref: (meeting) => meeting.id,
  mentor: (journal, meeting) => mentorWithHandle(journal, meeting.mentor),
};

export const ACTION_MACHINE: Machine<Action['status'], Action> = {
  record: 'action',
  allowed: {
    open: { open: 'already', done: 'ok', dropped: 'ok' },
    done: { open: 'ok', done: 'already', dropped: 'reopen-action-first' },
    dropped: { open: 'ok', done: 'reopen-action-first', dropped: 'already' },
  },
  guard: (journal, action, to) => {
    if (to === 'open') assertOfferable(journal, { ...action, status: 'open' });
  },
  enter: {
    open: (_journal, action) => (delete action.completedAt, []),
    done: (_journal, action, now) => ((action.completedAt = now.toISOString()), []),
    dropped: (_journal, action) => (delete action.completedAt, []),
  },
  ref: (action) => action.id,
  mentor: (journal, action) => mentorWithHandle(journal, action.mentor),
};

/** What becomes of a goal's open actions as it stops being active: dropped with it, or kept open. */
export type GoalActions = 'drop' | 'keep';

export const GOAL_MACHINE: Machine<Goal['status'], Goal, GoalActions> = {
  record: 'goal',
  allowed: {
    active: { active: 'already', achieved: 'ok', paused: 'ok', dropped: 'ok' },
    paused: { active: 'ok', achieved: 'ok', paused: 'already', dropped: 'ok' },
    achieved: { active: 'ok', achieved: 'already', paused: 'reactivate-goal-first', dropped: 'reactivate-goal-first' },
    dropped: { active: 'ok', achieved: 'reactivate-goal-first', paused: 'reactivate-goal-first', dropped: 'already' },
  },
  // Dropping or pausing a goal says what becomes of its open actions; achieving it may leave some open.
  guard: (journal, goal, to, choice) => {
    if ((to !== 'dropped' && to !== 'paused') || choice) return;
    const open = openActionsOfGoal(journal, goal.id);
    if (open.length)
      refuse({
        code: 'goal-has-open-actions',
        id: goal.id,
        to,
        actions: open.map((action) => ({ id: action.id, title: action.title })),
      });
  },
  enter: {
    achieved: dropGoalActions,
    paused: dropGoalActions,
    dropped: dropGoalActions,
  },
  ref: (goal) => goal.id,
  mentor: () => undefined,
};

/** The open actions linked to a goal, in the journal's order. */
export function openActionsOfGoal(journal: Journal, goalId: string): Action[] {
  return journal.actions.filter((action) => action.goalId === goalId && action.status === 'open');
}

/** When asked to, a goal that stops being active drops its open actions, each noting why. */
function dropGoalActions(journal: Journal, goal: Goal, now: Date, choice: GoalActions | undefined): Cascade[] {
  if (choice !== 'drop') return [];
  return openActionsOfGoal(journal, goal.id).map((action) => {
    changeStatus(ACTION_MACHINE, journal, action, 'dropped', now);
    action.notes.push({ at: now.toISOString(), note: `goal ${goal.id} ${goal.status}` });
    return { record: 'action', id: action.id, to: 'dropped' };
  });
}

export const MENTOR_MACHINE: Machine<Mentor['status'], Mentor> = {
  record: 'mentor',
  allowed: {
    active: { active: 'already', paused: 'ok', ended: 'ok' },
    paused: { active: 'ok', paused: 'already', ended: 'ok' },
    ended: { active: 'ok', paused: 'resume-mentor-first', ended: 'already' },
  },
  enter: {
    active: (_journal, mentor) => (delete mentor.endNote, []),
    ended: endMentoring,
  },
  ref: (mentor) => mentor.handle,
  mentor: (_journal, mentor) => mentor,
};

/**
 * Ending a mentorship cancels the meetings planned with them that are still to come and drops what
 * they offered and have not done. Planned meetings already past keep waiting for their notes.
 */
function endMentoring(journal: Journal, mentor: Mentor, now: Date): Cascade[] {
  const cascades: Cascade[] = [];
  for (const meeting of journal.meetings) {
    if (meeting.mentor !== mentor.handle || meeting.status !== 'planned') continue;
    if (Date.parse(meeting.when) <= now.getTime()) continue;
    changeStatus(MEETING_MACHINE, journal, meeting, 'cancelled', now);
    cascades.push({ record: 'meeting', id: meeting.id, to: 'cancelled' });
  }
  for (const action of journal.actions) {
    if (action.mentor !== mentor.handle || action.owner !== 'mentor' || action.status !== 'open') continue;
    changeStatus(ACTION_MACHINE, journal, action, 'dropped', now);
    cascades.push({ record: 'action', id: action.id, to: 'dropped' });
  }
  return cascades;
}

/** An open offer from a mentor needs a mentorship that has not ended. */
export function assertOfferable(journal: Journal, action: Pick<Action, 'owner' | 'mentor' | 'status'>): void {
  if (action.owner !== 'mentor' || action.status !== 'open') return;
  const mentor = mentorWithHandle(journal, action.mentor);
  if (mentor?.status === 'ended')
    refuse({ code: 'mentorship-ended', mentor: { handle: mentor.handle, name: mentor.name } });
}

/** Refuses a change the table (or a related record) forbids; changes nothing. */
export function assertCanChange<S extends string, R extends Stated<S>, C = never>(
  machine: Machine<S, R, C>,
  journal: Journal,
  record: R,
  to: NoInfer<S>,
  choice?: NoInfer<C>,
): void {
  const verdict = machine.allowed[record.status][to];
  if (verdict !== 'ok') {
    const mentor = machine.mentor(journal, record);
    refuse({
      code: 'state-change-refused',
      record: machine.record,
      ref: machine.ref(record),
      from: record.status,
      to,
      instead: verdict,
      ...(mentor ? { mentor: { handle: mentor.handle, name: mentor.name } } : {}),
    });
  }
  machine.guard?.(journal, record, to, choice);
}

/** Changes a record's status as its table allows, with the related changes; returns those. */
export function changeStatus<S extends string, R extends Stated<S>, C = never>(
  machine: Machine<S, R, C>,
  journal: Journal,
  record: R,
  to: NoInfer<S>,
  now: Date,
  choice?: NoInfer<C>,
): Cascade[] {
  assertCanChange(machine, journal, record, to, choice);
  record.status = to;
  record.updatedAt = now.toISOString();
  return machine.enter?.[to]?.(journal, record, now, choice) ?? [];
}
