import { newUid, takeId } from './ids.js';
import { changesSomething, type GoalAddInput, type GoalUpdateInput } from './inputs.js';
import { mentorHandles } from './mentors.js';
import { refuse } from './problems.js';
import { findGoal } from './refs.js';
import type { Goal, Journal } from './schema.js';
import {
  assertCanChange,
  changeStatus,
  GOAL_MACHINE,
  openActionsOfGoal,
  type Cascade,
  type GoalActions,
} from './transitions.js';

/** A goal whose status changed: the actions dropped with it, and those of its actions still open. */
export interface GoalChange {
  goal: Goal;
  cascades: Cascade[];
  stillOpen: string[];
}

export function addGoal(journal: Journal, input: GoalAddInput, now: Date): Goal {
  const at = now.toISOString();
  const goal: Goal = {
    id: takeId(journal, 'g'),
    uid: newUid(),
    title: input.title,
    category: input.category ?? 'career',
    ...(input.why ? { why: input.why } : {}),
    ...(input.success ? { success: input.success } : {}),
    ...(input.targetDate ? { targetDate: input.targetDate } : {}),
    status: 'active',
    progress: [],
    mentors: mentorHandles(journal, input.mentors),
    createdAt: at,
    updatedAt: at,
  };
  journal.goals.push(goal);
  return goal;
}

export function updateGoal(journal: Journal, id: string, input: GoalUpdateInput, now: Date): Goal {
  const goal = findGoal(journal, id);
  if (!changesSomething(input)) refuse({ code: 'nothing-to-change', record: 'goal' });
  // A status already so is refused only when it is all the update asks for.
  const status =
    input.status !== goal.status || !changesSomething({ ...input, status: undefined }) ? input.status : undefined;
  if (status) assertCanChange(GOAL_MACHINE, journal, goal, status);
  if (input.title) goal.title = input.title;
  if (input.category) goal.category = input.category;
  if (input.why) goal.why = input.why;
  if (input.success) goal.success = input.success;
  if (input.targetDate) goal.targetDate = input.targetDate;
  goal.mentors = [...new Set([...goal.mentors, ...mentorHandles(journal, input.mentors)])];
  if (input.note) goal.progress.push({ at: now.toISOString(), note: input.note });
  if (status) changeStatus(GOAL_MACHINE, journal, goal, status, now);
  goal.updatedAt = now.toISOString();
  return goal;
}

/** `actions`: what becomes of its open actions when it is dropped or paused (see GOAL_MACHINE). */
export function setGoalStatus(
  journal: Journal,
  id: string,
  status: Goal['status'],
  now: Date,
  note?: string,
  actions?: GoalActions,
): GoalChange {
  const goal = findGoal(journal, id);
  const cascades = changeStatus(GOAL_MACHINE, journal, goal, status, now, actions);
  if (note) goal.progress.push({ at: now.toISOString(), note });
  goal.updatedAt = now.toISOString();
  return { goal, cascades, stillOpen: openActionsOfGoal(journal, goal.id).map((action) => action.id) };
}
