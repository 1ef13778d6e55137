/**
 * Every status change of a meeting, an action, a goal and a mentor, as one table each: which changes
 * are allowed, what a refused one should be instead, and what an allowed one changes in related
 * records. Commands, prep's reviews and logging all change a status through `changeStatus`, so a
 * journal never says two things at once (a dropped action completed, an ended mentor's plans still on).
 */
import { refuse, type Instead, type StatusRecord } from './problems.js';
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

/** `allowed[from][to]`: 'ok', or what to do instead; `enter[to]`: what else changes on the way in. */
export interface Machine<S extends string, R extends Stated<S>> {
  record: StatusRecord;
  allowed: Record<S, Record<S, 'ok' | Instead>>;
  /** A change the table allows that a related record forbids (refuses itself). */
  guard?: (journal: Journal, record: R, to: S) => void;
  enter?: Partial<Record<S, (journal: Journal, record: R, now: Date) => Cascade[]>>;
  ref: (record: R) => string;
  mentor: (journal: Journal, record: R) => Mentor | undefined;
}

const mentorNamed = (journal: Journal, handle: string | undefined) =>
  journal.mentors.find((mentor) => mentor.handle === handle);

export const MEETING_MACHINE: Machine<Meeting['status'], Meeting> = {
  record: 'meeting',
  allowed: {
    planned: { planned: 'already', held: 'ok', cancelled: 'ok' },
    held: { planned: 'plan-new-meeting', held: 'already', cancelled: 'amend-notes' },
    cancelled: { planned: 'plan-new-meeting', held: 'log-unplanned', cancelled: 'already' },
  },
  ref: (meeting) => meeting.id,
  mentor: (journal, meeting) => mentorNamed(journal, meeting.mentor),
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
  mentor: (journal, action) => mentorNamed(journal, action.mentor),
};

export const GOAL_MACHINE: Machine<Goal['status'], Goal> = {
  record: 'goal',
  allowed: {
    active: { active: 'already', achieved: 'ok', paused: 'ok', dropped: 'ok' },
    paused: { active: 'ok', achieved: 'ok', paused: 'already', dropped: 'ok' },
    achieved: { active: 'ok', achieved: 'already', paused: 'reactivate-goal-first', dropped: 'reactivate-goal-first' },
    dropped: { active: 'ok', achieved: 'reactivate-goal-first', paused: 'reactivate-goal-first', dropped: 'already' },
  },
  ref: (goal) => goal.id,
  mentor: () => undefined,
};

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
  const mentor = mentorNamed(journal, action.mentor);
  if (mentor?.status === 'ended')
    refuse({ code: 'mentorship-ended', mentor: { handle: mentor.handle, name: mentor.name } });
}

/** Refuses a change the table (or a related record) forbids; changes nothing. */
export function assertCanChange<S extends string, R extends Stated<S>>(
  machine: Machine<S, R>,
  journal: Journal,
  record: R,
  to: NoInfer<S>,
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
  machine.guard?.(journal, record, to);
}

/** Changes a record's status as its table allows, with the related changes; returns those. */
export function changeStatus<S extends string, R extends Stated<S>>(
  machine: Machine<S, R>,
  journal: Journal,
  record: R,
  to: NoInfer<S>,
  now: Date,
): Cascade[] {
  assertCanChange(machine, journal, record, to);
  record.status = to;
  record.updatedAt = now.toISOString();
  return machine.enter?.[to]?.(journal, record, now) ?? [];
}
