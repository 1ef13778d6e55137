import { newUid, takeId } from './ids.js';
import { changesSomething, type ActionAddInput, type ActionEditInput } from './inputs.js';
import { refuse } from './problems.js';
import { findAction, findGoal, findMentor } from './refs.js';
import type { Action, Journal } from './schema.js';
import { ACTION_MACHINE, assertOfferable, changeStatus } from './transitions.js';

export interface NewAction {
  title: string;
  owner: Action['owner'];
  due?: string | undefined;
  goalId?: string | undefined;
  mentor?: string | undefined;
  meetingId?: string | undefined;
  note?: string | undefined;
}

/**
 * When an action was closed: done at its completedAt; dropped, at its last change (a drop keeps no time
 * of its own); undefined while it is open.
 */
export function closedAt(action: Action): string | undefined {
  if (action.status === 'done') return action.completedAt;
  return action.status === 'dropped' ? action.updatedAt : undefined;
}

/** Appends an action whose references are already resolved. */
export function createAction(journal: Journal, fields: NewAction, now: Date): Action {
  const at = now.toISOString();
  const action: Action = {
    id: takeId(journal, 'a'),
    uid: newUid(),
    title: fields.title,
    owner: fields.owner,
    ...(fields.mentor ? { mentor: fields.mentor } : {}),
    ...(fields.due ? { due: fields.due } : {}),
    status: 'open',
    ...(fields.goalId ? { goalId: fields.goalId } : {}),
    ...(fields.meetingId ? { meetingId: fields.meetingId } : {}),
    notes: fields.note ? [{ at, note: fields.note }] : [],
    createdAt: at,
    updatedAt: at,
  };
  journal.actions.push(action);
  return action;
}

export function addAction(journal: Journal, input: ActionAddInput, now: Date): Action {
  if (input.owner === 'mentor' && !input.mentor) refuse({ code: 'mentor-commitment-needs-mentor', adding: true });
  const mentor = input.mentor ? findMentor(journal, input.mentor).handle : undefined;
  assertOfferable(journal, { owner: input.owner, mentor, status: 'open' });
  return createAction(
    journal,
    {
      title: input.title,
      owner: input.owner,
      due: input.due,
      goalId: input.goal ? findGoal(journal, input.goal).id : undefined,
      mentor,
      note: input.note,
    },
    now,
  );
}

export function editAction(journal: Journal, id: string, input: ActionEditInput, now: Date): Action {
  const action = findAction(journal, id);
  if (!changesSomething(input)) refuse({ code: 'nothing-to-change', record: 'action' });
  const mentor = input.mentor ? findMentor(journal, input.mentor).handle : action.mentor;
  assertOfferable(journal, { owner: input.owner ?? action.owner, mentor, status: action.status });
  if (input.title) action.title = input.title;
  if (input.clearDue) setDue(action, undefined);
  else if (input.due) setDue(action, input.due);
  if (input.goal) action.goalId = findGoal(journal, input.goal).id;
  if (mentor) action.mentor = mentor;
  if (input.owner) action.owner = input.owner;
  if (action.owner === 'mentor' && !action.mentor) refuse({ code: 'mentor-commitment-needs-mentor', adding: false });
  if (input.note) action.notes.push({ at: now.toISOString(), note: input.note });
  action.updatedAt = now.toISOString();
  return action;
}

/**
 * Gives an action a due date or removes it: the one rule for changing a due date once the action
 * exists. A removed one is remembered, so a calendar file can cancel the event it made (see ics.ts).
 */
export function setDue(action: Action, due: string | undefined): void {
  if (due) {
    action.due = due;
    delete action.dueRemoved;
  } else if (action.due) {
    action.dueRemoved = action.due;
    delete action.due;
  }
}

/** Completes, drops or reopens an action as ACTION_MACHINE allows (a dropped one is reopened before it is done). */
export function closeAction(journal: Journal, id: string, status: Action['status'], now: Date, note?: string): Action {
  const action = findAction(journal, id);
  changeStatus(ACTION_MACHINE, journal, action, status, now);
  if (note) action.notes.push({ at: now.toISOString(), note });
  return action;
}
