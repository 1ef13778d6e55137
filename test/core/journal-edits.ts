/**
 * Journals grown by random edits made with the core's own functions, as mentee's commands make them:
 * for properties that must hold of any journal a person could have (the merge, the everyday part).
 */
import fc from 'fast-check';
import { closeAction, editAction } from '../../src/core/actions.js';
import { updateGoal } from '../../src/core/goals.js';
import { logMeeting } from '../../src/core/log.js';
import { cancelMeeting } from '../../src/core/meetings.js';
import { editMentor, setMentorStatus } from '../../src/core/mentors.js';
import { prepMeeting } from '../../src/core/prep.js';
import { DomainError } from '../../src/core/problems.js';
import { setProfile } from '../../src/core/profile.js';
import type { Journal } from '../../src/core/schema.js';
import { action, actionEdit, goal, goalUpdate, logInput, mentor, mentorEdit, prepInput } from './fixtures.js';
import { later, saved } from './merge-fixtures.js';

const WORDS = ['Ask early', 'Read the guide', 'Sleep more', 'Plan the week', 'Call Sam', 'Research', 'research'];
const NAMES = ['Grace Hopper', 'Alan Turing', 'ada lovelace', 'Grace Lovelace', 'Alan turing', 'Ada Hopper'];
const OPS = [
  'mentor',
  'goal',
  'action',
  'title',
  'due',
  'note',
  'close',
  'progress',
  'why',
  'rule',
  'rules',
  'prep',
  'log',
  'amend',
  'remove',
  'profile',
  // A journal's life beyond what two devices edit in the merge's tests.
  'cancel',
  'mentor-status',
  'plan-past',
  'cadence',
] as const;

/** The edits the merge's tests make on two devices. */
const MERGE_OPS = OPS.slice(0, OPS.indexOf('cancel'));

export interface Edit {
  op: (typeof OPS)[number];
  pick: number;
  word: string;
  other: string;
  n: number;
  /** Minutes since the device's previous edit: 0 makes two edits at one moment. */
  wait: number;
}

const editOf = (ops: readonly Edit['op'][]): fc.Arbitrary<Edit> =>
  fc.record({
    op: fc.constantFrom(...ops),
    pick: fc.nat(20),
    word: fc.constantFrom(...WORDS),
    other: fc.constantFrom(...WORDS),
    n: fc.nat(4),
    wait: fc.nat(3),
  });

/** One edit of those two devices make in the merge's tests. */
export const editArb = editOf(MERGE_OPS);
/** One edit of any kind a journal's life brings, cancelled meetings and ended mentors too. */
export const lifeEditArb = editOf(OPS);

const of = <T>(items: readonly T[], pick: number): T | undefined => items[pick % Math.max(items.length, 1)];
const day = (n: number, past: boolean) => `2026-${past ? '11-1' : '12-0'}${n + 1} 17:30`;

/** One edit as a command makes it: on a copy, kept only when the core accepts it. */
function apply(j: Journal, edit: Edit, at: Date): Journal {
  const next = structuredClone(j);
  try {
    change(next, edit, at);
    return saved(next, at);
  } catch (error) {
    if (error instanceof DomainError) return j;
    throw error;
  }
}
/** One edit made in place, as a command makes it; throws a DomainError when the core refuses it. */

export function change(j: Journal, { op, pick, word, other, n }: Edit, at: Date): void {
  const handle = of(j.mentors, pick)?.handle;
  const goalId = of(j.goals, pick)?.id;
  const actionId = of(j.actions, pick)?.id;
  const meeting = of(j.meetings, pick);
  switch (op) {
    case 'mentor':
      mentor(j, { name: of(NAMES, pick)!, rule: [word] }, at);
      return;
    case 'goal':
      goal(j, { title: word, mentor: handle && n % 2 ? [handle] : [] }, at);
      return;
    case 'action':
      action(j, { title: word, ...(goalId && n % 2 ? { goal: goalId } : {}) }, at);
      return;
    case 'title':
      if (actionId) editAction(j, actionId, actionEdit({ title: word }), at);
      return;
    case 'due':
      if (actionId) editAction(j, actionId, actionEdit(n ? { due: `2026-12-0${n}` } : { clearDue: true }), at);
      return;
    case 'note':
      if (actionId) editAction(j, actionId, actionEdit({ note: word }), at);
      return;
    case 'close':
      if (actionId) closeAction(j, actionId, (['done', 'dropped', 'open'] as const)[n % 3]!, at, n ? word : undefined);
      return;
    case 'progress':
      if (goalId) updateGoal(j, goalId, goalUpdate({ note: word }), at);
      return;
    case 'why':
      if (goalId) updateGoal(j, goalId, goalUpdate(n % 2 ? { why: word } : { title: word }), at);
      return;
    case 'rule':
    case 'rules':
      if (handle) editMentor(j, handle, mentorEdit({ rule: [word], clearRules: op === 'rules' }), at);
      return;
    case 'prep': {
      const review = actionId && n % 2 ? [`${actionId}=progress:${other}`] : [];
      const where =
        meeting?.status === 'planned' && n > 1 ? { meeting: meeting.id } : { mentor: handle, when: day(n, false) };
      if (handle)
        prepMeeting(j, prepInput({ ...where, topic: [`${word}:${n + 5}`], intention: other, review }, at), at);
      return;
    }
    case 'log':
      if (handle)
        logMeeting(
          j,
          logInput(
            { mentor: handle, when: day(n, true), advice: [word], private: other, action: n % 2 ? [other] : [] },
            at,
          ),
          at,
        );
      return;
    case 'amend':
      if (meeting?.log)
        logMeeting(j, logInput({ meeting: meeting.id, amend: true, feedback: [word], private: other }, at), at);
      return;
    case 'remove':
      remove(j, pick, n);
      return;
    case 'profile':
      setProfile(j, n % 2 ? { name: word } : { stage: word });
      return;
    case 'cancel':
      if (meeting?.status === 'planned') cancelMeeting(j, meeting.id, at, n ? word : undefined);
      return;
    case 'mentor-status':
      if (handle) setMentorStatus(j, handle, (['ended', 'paused', 'active'] as const)[n % 3]!, at);
      return;
    case 'cadence':
      if (handle) editMentor(j, handle, mentorEdit({ cadence: `${n + 1} weeks` }), at);
      return;
    case 'plan-past':
      // Planned for a time now past: awaiting its log.
      if (handle) prepMeeting(j, prepInput({ mentor: handle, when: day(n, true), topic: [`${word}:10`] }, at), at);
      return;
  }
}

/** What undo does to an added record: takes it away, when nothing the journal checks still names it. */
function remove(j: Journal, pick: number, n: number): void {
  const named = new Set([
    ...j.goals.flatMap((each) => each.mentors),
    ...j.meetings.map((each) => each.mentor),
    ...j.actions.flatMap((each) => [each.mentor, each.goalId, each.meetingId]),
  ]);
  const lists = [j.actions, j.goals, j.meetings] as { id: string }[][];
  const list = lists[n % 3]!;
  const record = of(list, pick);
  if (record && !named.has(record.id)) list.splice(list.indexOf(record), 1);
  const gone = of(j.mentors, pick);
  if (n === 3 && gone && !named.has(gone.handle)) j.mentors.splice(j.mentors.indexOf(gone), 1);
}

export function play(start: Journal, edits: Edit[], from: number): Journal {
  let j = start;
  let minutes = from;
  for (const edit of edits) {
    minutes += edit.wait;
    j = apply(j, edit, later(minutes));
  }
  return j;
}
