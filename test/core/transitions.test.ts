/**
 * Every status change of every record, from each status to each: an allowed one changes the status and
 * exactly the related records it should; a forbidden one is refused with what to do instead and
 * changes nothing at all.
 */
import { describe, expect, it } from 'vitest';
import { addAction, closeAction } from '../../src/core/actions.js';
import { logMeeting } from '../../src/core/log.js';
import { ACTION_STATUSES, GOAL_STATUSES, MEETING_STATUSES, MENTOR_STATUSES } from '../../src/core/model.js';
import { prepMeeting } from '../../src/core/prep.js';
import { DomainError, type Problem } from '../../src/core/problems.js';
import type { Journal } from '../../src/core/schema.js';
import {
  ACTION_MACHINE,
  changeStatus,
  GOAL_MACHINE,
  MEETING_MACHINE,
  MENTOR_MACHINE,
  type Machine,
} from '../../src/core/transitions.js';
import { action, actionInput, daysBefore, goal, logInput, mentor, NOW, prepInput, withAda } from './fixtures.js';

/**
 * Ada: m1 planned for yesterday (awaiting notes), m2 planned for next week; a1 mine with her, a2 her
 * open offer, a3 her offer already done. Turing: m3 planned next week, a4 his offer. Goal g1, with
 * a5 open for it.
 */
/** The same journal each time (uids included), so a change's result can be compared with it. */
const related = (): Journal => structuredClone(RELATED);
const RELATED = buildRelated();

function buildRelated(): Journal {
  const j = withAda();
  mentor(j, { name: 'Prof Alan Turing' });
  goal(j, { title: 'Choose a specialty', mentor: ['lovelace'] });
  prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-11-24 17:30' }), daysBefore(7));
  prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-12-02 17:30' }), NOW);
  prepMeeting(j, prepInput({ mentor: 'turing', when: '2026-12-02 12:00' }), NOW);
  action(j, { title: 'Draft a personal statement', mentor: 'lovelace' });
  action(j, { title: 'Introduce me to the lead', mentor: 'lovelace', owner: 'mentor' });
  action(j, { title: 'Send the curriculum', mentor: 'lovelace', owner: 'mentor' });
  closeAction(j, 'a3', 'done', NOW);
  action(j, { title: 'Review my CV', mentor: 'turing', owner: 'mentor' });
  action(j, { title: 'Shadow a GP clinic', goal: 'g1' });
  return j;
}

const LATER = new Date('2026-11-25T10:00:00.000Z');
const pairs = <S extends string>(statuses: readonly S[]) =>
  statuses.flatMap((from) => statuses.map((to): [S, S] => [from, to]));

/**
 * Runs one change (with the person's choice, if any) from a journal whose record was put in `from`;
 * checks the refusal (what to do instead, or another problem) or the result.
 */
function transition<S extends string, R extends { status: S; updatedAt: string }, C = never>(
  machine: Machine<S, R, C>,
  pick: (j: Journal) => R,
  from: S,
  to: S,
  expected: Record<string, string | Partial<Problem>>,
  choice?: C,
): Journal {
  const j = related();
  pick(j).status = from;
  const before = structuredClone(j);
  const verdict = expected[`${from}>${to}`] ?? 'ok';
  if (verdict === 'ok') {
    changeStatus(machine, j, pick(j), to, LATER, choice);
    expect(pick(j).status).toBe(to);
    expect(pick(j).updatedAt).toBe(LATER.toISOString());
    return j;
  }
  let problem: Problem | undefined;
  try {
    changeStatus(machine, j, pick(j), to, LATER, choice);
  } catch (error) {
    if (error instanceof DomainError) problem = error.problem;
  }
  expect(problem).toMatchObject(
    typeof verdict === 'string' ? { code: 'state-change-refused', from, to, instead: verdict } : verdict,
  );
  expect(j).toEqual(before);
  return j;
}

const others = (j: Journal, except: { id?: string; handle?: string }) => ({
  meetings: j.meetings.filter((record) => record.id !== except.id),
  actions: j.actions.filter((record) => record.id !== except.id),
  goals: j.goals.filter((record) => record.id !== except.id),
  mentors: j.mentors.filter((record) => record.handle !== except.handle),
});

describe('a meeting: planned, held or cancelled', () => {
  const refused = {
    'planned>planned': 'already',
    'held>planned': 'plan-new-meeting',
    'held>held': 'already',
    'held>cancelled': 'amend-notes',
    'cancelled>planned': 'plan-new-meeting',
    'cancelled>held': 'log-unplanned',
    'cancelled>cancelled': 'already',
  };
  it.each(pairs(MEETING_STATUSES))('%s → %s', (from, to) => {
    const j = transition(MEETING_MACHINE, (k) => k.meetings[1]!, from, to, refused);
    // No status change of a meeting touches another record.
    expect(others(j, { id: 'm2' })).toEqual(others(related(), { id: 'm2' }));
  });
});

describe('an action: open, done or dropped', () => {
  const refused = {
    'open>open': 'already',
    'done>done': 'already',
    'dropped>dropped': 'already',
    'done>dropped': 'reopen-action-first',
    'dropped>done': 'reopen-action-first',
  };
  it.each(pairs(ACTION_STATUSES))('%s → %s', (from, to) => {
    const j = transition(ACTION_MACHINE, (k) => k.actions[0]!, from, to, refused);
    const a1 = j.actions[0]!;
    if (a1.status === 'done' && from !== 'done') expect(a1.completedAt).toBe(LATER.toISOString());
    if (a1.status !== 'done') expect(a1.completedAt).toBeUndefined();
    expect(others(j, { id: 'a1' })).toEqual(others(related(), { id: 'a1' }));
  });
});

describe('a goal: active, achieved, paused or dropped', () => {
  const refused = {
    'active>active': 'already',
    'achieved>achieved': 'already',
    'paused>paused': 'already',
    'dropped>dropped': 'already',
    'achieved>paused': 'reactivate-goal-first',
    'achieved>dropped': 'reactivate-goal-first',
    'dropped>achieved': 'reactivate-goal-first',
    'dropped>paused': 'reactivate-goal-first',
  };
  // Dropping or pausing a goal whose actions are still open needs a choice: drop them too, or keep them.
  const openActions = { code: 'goal-has-open-actions', actions: [{ id: 'a5', title: 'Shadow a GP clinic' }] };
  const mustChoose = {
    'active>paused': { ...openActions, to: 'paused' },
    'active>dropped': { ...openActions, to: 'dropped' },
    'paused>dropped': { ...openActions, to: 'dropped' },
  };
  const choices = ['none', 'keep', 'drop'] as const;
  const cases = pairs(GOAL_STATUSES).flatMap(([from, to]) => choices.map((choice) => [from, to, choice] as const));

  it.each(cases)('%s → %s, its open actions: %s', (from, to, choice) => {
    const expected = choice === 'none' ? { ...refused, ...mustChoose } : refused;
    const j = transition(GOAL_MACHINE, (k) => k.goals[0]!, from, to, expected, choice === 'none' ? undefined : choice);
    const changed = j.goals[0]!.status === to && j.goals[0]!.updatedAt === LATER.toISOString();
    const a5 = j.actions.find((record) => record.id === 'a5')!;
    if (changed && choice === 'drop' && to !== 'active') {
      // Dropped with the goal, saying why; nothing else changes.
      expect(a5.status).toBe('dropped');
      expect(a5.notes.at(-1)).toEqual({ at: LATER.toISOString(), note: `goal g1 ${to}` });
      expect(others(j, { id: 'a5' }).actions).toEqual(others(related(), { id: 'a5' }).actions);
    } else {
      expect(a5).toEqual(related().actions.find((record) => record.id === 'a5'));
    }
    expect({ ...others(j, { id: 'g1' }), actions: [] }).toEqual({ ...others(related(), { id: 'g1' }), actions: [] });
  });

  it('dropping reports the actions it dropped with the goal', () => {
    const j = related();
    expect(changeStatus(GOAL_MACHINE, j, j.goals[0]!, 'dropped', LATER, 'drop')).toEqual([
      { record: 'action', id: 'a5', to: 'dropped' },
    ]);
  });

  it('achieving a goal leaves its open actions open, and so does pausing it when asked to keep them', () => {
    const j = related();
    changeStatus(GOAL_MACHINE, j, j.goals[0]!, 'achieved', LATER);
    expect(j.actions.find((record) => record.id === 'a5')?.status).toBe('open');
    const k = related();
    expect(changeStatus(GOAL_MACHINE, k, k.goals[0]!, 'paused', LATER, 'keep')).toEqual([]);
    expect(k.actions.find((record) => record.id === 'a5')?.status).toBe('open');
  });

  it('a goal whose actions are all closed is dropped without a choice', () => {
    const j = related();
    closeAction(j, 'a5', 'done', NOW);
    expect(changeStatus(GOAL_MACHINE, j, j.goals[0]!, 'dropped', LATER)).toEqual([]);
    expect(j.goals[0]!.status).toBe('dropped');
  });
});

describe('a mentor: active, paused or ended', () => {
  const refused = {
    'active>active': 'already',
    'paused>paused': 'already',
    'ended>ended': 'already',
    'ended>paused': 'resume-mentor-first',
  };
  const status = (j: Journal, id: string) => [...j.meetings, ...j.actions].find((record) => record.id === id)?.status;

  it.each(pairs(MENTOR_STATUSES))('%s → %s', (from, to) => {
    const j = transition(MENTOR_MACHINE, (k) => k.mentors[0]!, from, to, refused);
    const ending = to === 'ended' && from !== 'ended';
    // Ending cancels her meetings still to come and drops her open offers; nothing else changes.
    expect(status(j, 'm2')).toBe(ending ? 'cancelled' : 'planned');
    expect(status(j, 'a2')).toBe(ending ? 'dropped' : 'open');
    expect(status(j, 'm1')).toBe('planned');
    expect(status(j, 'a1')).toBe('open');
    expect(status(j, 'a3')).toBe('done');
    expect(others(j, { handle: 'lovelace', id: ending ? 'm2' : undefined }).meetings).toEqual(
      others(related(), { handle: 'lovelace', id: ending ? 'm2' : undefined }).meetings,
    );
    expect(j.actions.filter((record) => record.id !== 'a2')).toEqual(
      related().actions.filter((record) => record.id !== 'a2'),
    );
  });

  it('ending reports what it cancelled and dropped with it', () => {
    const j = related();
    expect(changeStatus(MENTOR_MACHINE, j, j.mentors[0]!, 'ended', LATER)).toEqual([
      { record: 'meeting', id: 'm2', to: 'cancelled' },
      { record: 'action', id: 'a2', to: 'dropped' },
    ]);
  });
});

describe('the tables are the rules every command follows', () => {
  const code = (work: () => unknown) => {
    try {
      work();
    } catch (error) {
      if (error instanceof DomainError) return error.problem;
    }
    return undefined;
  };

  it("an ended mentor's offer cannot be reopened, nor a new one recorded, nor a next meeting planned", () => {
    const j = related();
    changeStatus(MENTOR_MACHINE, j, j.mentors[0]!, 'ended', LATER);
    expect(code(() => closeAction(j, 'a2', 'open', LATER))).toMatchObject({ code: 'mentorship-ended' });
    const offer = actionInput({ title: 'Another intro', mentor: 'lovelace', owner: 'mentor' });
    expect(code(() => addAction(j, offer, LATER))).toMatchObject({ code: 'mentorship-ended' });
    expect(
      code(() => logMeeting(j, logInput({ meeting: 'm1', mentorAction: ['Another intro'] }), LATER)),
    ).toMatchObject({ code: 'mentorship-ended' });
    expect(code(() => logMeeting(j, logInput({ meeting: 'm1', next: '2026-12-09 17:30' }), LATER))).toMatchObject({
      code: 'mentorship-ended',
    });
    // My own actions from that last meeting are still mine to record.
    expect(logMeeting(j, logInput({ meeting: 'm1', action: ['Write a thank-you note'] }), LATER).actions).toHaveLength(
      1,
    );
  });

  it("prep's review of a dropped action as done is refused, and progress on a done one", () => {
    const j = related();
    closeAction(j, 'a1', 'dropped', NOW);
    expect(code(() => prepMeeting(j, prepInput({ meeting: 'm2', review: ['a1=done'] }), LATER))).toMatchObject({
      code: 'state-change-refused',
      instead: 'reopen-action-first',
    });
    expect(code(() => prepMeeting(j, prepInput({ meeting: 'm2', review: ['a3=progress'] }), LATER))).toMatchObject({
      code: 'review-of-closed-action',
    });
    prepMeeting(j, prepInput({ meeting: 'm2', review: ['a1=open'] }), LATER);
    expect(j.actions[0]!.status).toBe('open');
  });

  it('a log names a topic covered or parked, not both; amending needs notes to amend', () => {
    const j = related();
    prepMeeting(j, prepInput({ meeting: 'm1', topic: ['Specialty choice'] }), NOW);
    expect(code(() => logMeeting(j, logInput({ meeting: 'm1', covered: ['1'], parked: ['1'] }), LATER))).toMatchObject({
      code: 'topic-covered-and-parked',
      number: 1,
    });
    expect(code(() => logMeeting(j, logInput({ meeting: 'm1', amend: true, advice: ['x'] }), LATER))).toEqual({
      code: 'nothing-to-amend',
      id: 'm1',
    });
    expect(code(() => logMeeting(j, logInput({ amend: true, advice: ['x'] }), LATER))).toEqual({
      code: 'nothing-to-amend',
      id: undefined,
    });
  });

  it('amending with no meeting named adds to the notes written last', () => {
    const j = related();
    logMeeting(j, logInput({ meeting: 'm1', advice: ['Talk to three GPs'] }), LATER);
    const { meeting } = logMeeting(j, logInput({ amend: true, advice: ['Shadow a clinic'] }), LATER);
    expect(meeting.id).toBe('m1');
    expect(meeting.log?.advice).toEqual(['Talk to three GPs', 'Shadow a clinic']);
  });
});
