import { daysUntil } from './dates.js';
import { mentorScope } from './mentor-scope.js';
import { recordsTagged } from './record-texts.js';
import { findGoal, findMentor } from './refs.js';
import type { Action, Journal } from './schema.js';

export interface ActionFilter {
  /** Done and dropped ones too. */
  all?: boolean | undefined;
  overdue?: boolean | undefined;
  /** A mentor by handle or part of the name; a goal by id. */
  mentor?: string | undefined;
  goal?: string | undefined;
  /** Only your own, not what mentors offered. */
  mine?: boolean | undefined;
  /** Only actions that have this tag (as tagsIn names it). */
  tag?: string | undefined;
}

/** Whether a list with `filter` looks at nothing but what a journal's everyday part keeps (see everyday.ts). */
export function looksOnlyAtOpen(filter: ActionFilter): boolean {
  // A tag is found in every text that mentions it, of any record.
  return !filter.all && !filter.tag;
}

/** The actions a list shows: open ones by default, soonest due first, undated last. */
export function selectActions(journal: Journal, filter: ActionFilter, now: Date): Action[] {
  const concerns = mentorScope(filter.mentor ? findMentor(journal, filter.mentor).handle : undefined);
  const goal = filter.goal ? findGoal(journal, filter.goal).id : undefined;
  const tagged = filter.tag ? recordsTagged(journal, filter.tag) : undefined;
  return journal.actions
    .filter((action) => filter.all || action.status === 'open')
    .filter((action) => !filter.overdue || isOverdue(action, now))
    .filter(concerns.action)
    .filter((action) => !goal || action.goalId === goal)
    .filter((action) => !filter.mine || action.owner === 'me')
    .filter((action) => !tagged || tagged.has(action.id))
    .sort(byDue);
}

export function isOverdue(action: Action, now: Date): boolean {
  return action.status === 'open' && isPastDue(action, now);
}

/** Whether an action's due day had ended by `at` (the day itself is still in time). */
export function isPastDue(action: Action, at: Date): boolean {
  return action.due !== undefined && daysUntil(action.due, at) < 0;
}

export function byDue(a: Action, b: Action): number {
  // Due days are "yyyy-MM-dd", so comparing the text orders them by date.
  if (a.due && b.due && a.due !== b.due) return a.due < b.due ? -1 : 1;
  if (a.due && b.due) return idNumber(a.id) - idNumber(b.id);
  if (a.due) return -1;
  if (b.due) return 1;
  return idNumber(a.id) - idNumber(b.id);
}

function idNumber(id: string): number {
  return Number(id.slice(1));
}
