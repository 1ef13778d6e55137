/** Small builders for core tests: a fixed clock and journals filled through the real core functions. */
import { addAction } from '../../src/core/actions.js';
import { addGoal } from '../../src/core/goals.js';
import {
  ActionAddInput,
  ExportInput,
  GoalAddInput,
  LogInput,
  MentorAddInput,
  PrepInput,
} from '../../src/core/inputs.js';
import { addMentor } from '../../src/core/mentors.js';
import { emptyJournal } from '../../src/core/model.js';
import type { Journal, Mentor } from '../../src/core/schema.js';

/** Wednesday 25 November 2026, 09:00 (tests run with TZ=UTC). */
export const NOW = new Date('2026-11-25T09:00:00Z');

export function daysBefore(days: number, from: Date = NOW): Date {
  return new Date(from.getTime() - days * 24 * 60 * 60 * 1000);
}

export function journal(): Journal {
  return emptyJournal(NOW);
}

export function mentor(j: Journal, fields: Record<string, unknown> & { name: string }, now: Date = NOW): Mentor {
  return addMentor(j, MentorAddInput.parse(fields), now);
}

export const prepInput = (fields: Record<string, unknown>) => PrepInput.parse(fields);
export const logInput = (fields: Record<string, unknown>) => LogInput.parse(fields);
export const goalInput = (fields: Record<string, unknown>) => GoalAddInput.parse(fields);
export const actionInput = (fields: Record<string, unknown>) => ActionAddInput.parse(fields);
export const exportInput = (fields: Record<string, unknown>) => ExportInput.parse(fields);

export function goal(j: Journal, fields: Record<string, unknown>, now: Date = NOW) {
  return addGoal(j, goalInput(fields), now);
}

export function action(j: Journal, fields: Record<string, unknown>, now: Date = NOW) {
  return addAction(j, actionInput(fields), now);
}
