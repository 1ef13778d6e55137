/**
 * Small builders for core tests: a fixed clock, and journals filled through the real core functions
 * with input read from flag-like fields by the commands' own flag schemas (so `{ when: 'tomorrow 17:30' }`
 * reads as the command line reads it, and a bad value fails as it does there).
 */
import { parseOptions } from '../../src/commands/parse-options.js';
import { wordProblem } from '../../src/commands/problem-words.js';
import { actionAddFlags, actionEditFlags } from '../../src/commands/action.js';
import { exportFlags } from '../../src/commands/export.js';
import { goalAddFlags, goalUpdateFlags } from '../../src/commands/goal.js';
import { logFlags } from '../../src/commands/log.js';
import { mentorAddFlags, mentorEditFlags } from '../../src/commands/mentor.js';
import { prepFlags } from '../../src/commands/prep.js';
import { addAction } from '../../src/core/actions.js';
import { selectExport } from '../../src/core/export-scope.js';
import { addGoal } from '../../src/core/goals.js';
import { addMentor } from '../../src/core/mentors.js';
import { emptyJournal } from '../../src/core/model.js';
import { DomainError } from '../../src/core/problems.js';
import type { Journal, Mentor } from '../../src/core/schema.js';
import { NOW } from '../helpers/clock.js';

export { daysBefore, NOW } from '../helpers/clock.js';

export function journal(): Journal {
  return emptyJournal(NOW);
}

/** A journal with one mentor, Dr Ada Lovelace, with any other mentor fields given. */
export function withAda(fields: Record<string, unknown> = {}): Journal {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace', ...fields });
  return j;
}

type Fields = Record<string, unknown>;

export const mentorInput = (fields: Fields, now: Date = NOW) => parseOptions(mentorAddFlags({ now }), fields).input;
export const mentorEdit = (fields: Fields, now: Date = NOW) => parseOptions(mentorEditFlags({ now }), fields);
export const prepInput = (fields: Fields, now: Date = NOW) => parseOptions(prepFlags({ now }), fields).input;
export const logInput = (fields: Fields, now: Date = NOW) => parseOptions(logFlags({ now }), fields).input;
export const goalInput = (fields: Fields, now: Date = NOW) => parseOptions(goalAddFlags({ now }), fields).input;
export const goalUpdate = (fields: Fields, now: Date = NOW) => parseOptions(goalUpdateFlags({ now }), fields);
export const actionInput = (fields: Fields, now: Date = NOW) => parseOptions(actionAddFlags({ now }), fields).input;
export const actionEdit = (fields: Fields, now: Date = NOW) => parseOptions(actionEditFlags({ now }), fields);

export function mentor(j: Journal, fields: Fields & { name: string }, now: Date = NOW): Mentor {
  return worded(() => addMentor(j, mentorInput(fields, now), now));
}

export function goal(j: Journal, fields: Fields, now: Date = NOW) {
  return worded(() => addGoal(j, goalInput(fields, now), now));
}

export function action(j: Journal, fields: Fields, now: Date = NOW) {
  return worded(() => addAction(j, actionInput(fields, now), now));
}

/** What `mentee export` with these flags selects. */
export function exportSelection(j: Journal, fields: Fields, now: Date = NOW) {
  const { scope, mentor: mentorRef } = parseOptions(exportFlags({ now }), fields);
  return worded(() => selectExport(j, scope, mentorRef, now));
}

/** Runs core code as a command does: what the core refuses comes out worded as the command line says it. */
export function worded<T>(work: () => T): T {
  const word = (error: unknown) => (error instanceof DomainError ? wordProblem(error.problem) : error);
  try {
    const result = work();
    return (result instanceof Promise ? result.catch((error: unknown) => Promise.reject(word(error))) : result) as T;
  } catch (error) {
    throw word(error);
  }
}
