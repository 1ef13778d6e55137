import { describe, expect, it } from 'vitest';
import { closeAction } from '../../src/core/actions.js';
import { updateGoal } from '../../src/core/goals.js';
import { logMeeting } from '../../src/core/log.js';
import { cancelMeeting } from '../../src/core/meetings.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { buildSummary } from '../../src/core/summary.js';
import { action, goal, goalUpdate, journal, logInput, mentor, NOW, prepInput } from './fixtures.js';

const at = (iso: string) => new Date(iso);

function twoMentors(): Journal {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-01' }, at('2026-01-01T09:00:00Z'));
  mentor(j, { name: 'Prof Alan Turing', since: '2026-01-01' }, at('2026-01-01T09:00:00Z'));
  return j;
}

describe('summary figures', () => {
  it('counts an action done on or before its due day as on time, and one done after as late', () => {
    const j = twoMentors();
    action(j, { title: 'Done on the day', due: '2026-11-20' }, at('2026-11-01T09:00:00Z'));
    action(j, { title: 'Done late', due: '2026-11-18' }, at('2026-11-01T09:00:00Z'));
    action(j, { title: 'Done early', due: '2026-11-30' }, at('2026-11-01T09:00:00Z'));
    closeAction(j, 'a1', 'done', at('2026-11-20T22:00:00Z'));
    closeAction(j, 'a2', 'done', at('2026-11-22T09:00:00Z'));
    closeAction(j, 'a3', 'done', at('2026-11-21T09:00:00Z'));
    const { figures } = buildSummary(j, { to: NOW.toISOString() });
    expect(figures.actionsCompleted).toBe(3);
    expect(figures.completedOnTime).toBe(2);
    expect(figures.onTimeRate).toBeCloseTo(2 / 3);
  });

  it("leaves a mentor's offers and actions with no due date out of the on-time rate", () => {
    const j = twoMentors();
    action(j, { title: 'Mine, late', due: '2026-11-18' }, at('2026-11-01T09:00:00Z'));
    action(j, { title: 'Mine, no due date' }, at('2026-11-01T09:00:00Z'));
    action(j, { title: 'Send the checklist', owner: 'mentor', mentor: 'lovelace' }, at('2026-11-01T09:00:00Z'));
    for (const id of ['a1', 'a2', 'a3']) closeAction(j, id, 'done', at('2026-11-22T09:00:00Z'));
    const { figures } = buildSummary(j, { to: NOW.toISOString() });
    expect(figures.actionsCompleted).toBe(3);
    expect([figures.completedOnTime, figures.completedLate, figures.onTimeRate]).toEqual([0, 1, 0]);
  });

  it('has no on-time rate when nothing was completed, rather than 0%', () => {
    const j = twoMentors();
    action(j, { title: 'Still open', due: '2026-11-20' }, at('2026-11-01T09:00:00Z'));
    const summary = buildSummary(j, { to: NOW.toISOString() });
    expect(summary.figures.onTimeRate).toBeNull();
    expect(summary.actionsOpen.map((item) => item.title)).toEqual(['Still open']);
  });

  it('counts only meetings that were held, not planned or cancelled ones', () => {
    const j = twoMentors();
    logMeeting(j, logInput({ mentor: 'lovelace', when: '2026-11-10 17:00' }), at('2026-11-10T18:00:00Z'));
    prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-11-24 17:00' }), at('2026-11-11T09:00:00Z'));
    prepMeeting(j, prepInput({ mentor: 'turing', when: '2026-11-20 17:00' }), at('2026-11-11T09:00:00Z'));
    cancelMeeting(j, 'm3', at('2026-11-12T09:00:00Z'));
    const summary = buildSummary(j, { to: NOW.toISOString() });
    expect(summary.figures.meetingsHeld).toBe(1);
    expect(summary.meetings.map((meeting) => meeting.id)).toEqual(['m1']);
  });
});

describe('summary period', () => {
  function busyAutumn(): Journal {
    const j = twoMentors();
    logMeeting(
      j,
      logInput({ mentor: 'lovelace', when: '2026-09-15 17:00', advice: ['Old advice'] }),
      at('2026-09-15T18:00:00Z'),
    );
    logMeeting(
      j,
      logInput({ mentor: 'lovelace', when: '2026-11-01 00:00', advice: ['Midnight advice'] }),
      at('2026-11-01T01:00:00Z'),
    );
    logMeeting(j, logInput({ mentor: 'turing', when: '2026-11-12 17:00' }), at('2026-11-12T18:00:00Z'));
    action(j, { title: 'Done in September' }, at('2026-09-01T09:00:00Z'));
    action(j, { title: 'Done in November', mentor: 'turing' }, at('2026-09-01T09:00:00Z'));
    closeAction(j, 'a1', 'done', at('2026-09-20T09:00:00Z'));
    closeAction(j, 'a2', 'done', at('2026-11-13T09:00:00Z'));
    return j;
  }

  it('includes meetings from the first moment of the period and leaves out earlier ones, oldest first', () => {
    const summary = buildSummary(busyAutumn(), { from: '2026-11-01T00:00:00.000Z', to: NOW.toISOString() });
    expect(summary.meetings.map((meeting) => meeting.when)).toEqual([
      '2026-11-01T00:00:00.000Z',
      '2026-11-12T17:00:00.000Z',
    ]);
  });

  it('leaves out meetings after the end of the period', () => {
    const summary = buildSummary(busyAutumn(), { from: '2026-09-01T00:00:00.000Z', to: '2026-10-31T23:59:59.999Z' });
    expect(summary.meetings.map((meeting) => meeting.id)).toEqual(['m1']);
  });

  it('lists only actions completed within the period as done', () => {
    const summary = buildSummary(busyAutumn(), { from: '2026-11-01T00:00:00.000Z', to: NOW.toISOString() });
    expect(summary.actionsDone.map((item) => item.title)).toEqual(['Done in November']);
  });

  it("narrowed to one mentor, shows only that mentor's meetings and actions", () => {
    const j = busyAutumn();
    const turing = j.mentors.find((item) => item.handle === 'turing')!;
    const summary = buildSummary(j, { to: NOW.toISOString(), mentor: turing });
    expect(summary.meetings.map((meeting) => meeting.mentor)).toEqual(['turing']);
    expect(summary.actionsDone.map((item) => item.title)).toEqual(['Done in November']);
  });

  it('shows goals with only the progress notes made within the period', () => {
    const j = twoMentors();
    goal(j, { title: 'Choose a specialty', mentor: ['lovelace'] }, at('2026-08-01T09:00:00Z'));
    updateGoal(j, 'g1', goalUpdate({ note: 'Read about GP training' }), at('2026-09-10T09:00:00Z'));
    updateGoal(j, 'g1', goalUpdate({ note: 'Shadowed two GP clinics' }), at('2026-11-10T09:00:00Z'));
    const summary = buildSummary(j, { from: '2026-11-01T00:00:00.000Z', to: NOW.toISOString() });
    expect(summary.goals).toHaveLength(1);
    expect(summary.goals[0]?.progress.map((note) => note.note)).toEqual(['Shadowed two GP clinics']);
    const turing = j.mentors.find((item) => item.handle === 'turing')!;
    expect(buildSummary(j, { to: NOW.toISOString(), mentor: turing }).goals).toEqual([]);
  });
});

describe('what a summary says of things that did not go ahead', () => {
  it('lists the meetings of the period that were cancelled, and the actions dropped in it', () => {
    const j = twoMentors();
    prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-11-20 17:00' }), at('2026-11-11T09:00:00Z'));
    prepMeeting(j, prepInput({ mentor: 'turing', when: '2026-08-20 17:00' }), at('2026-08-11T09:00:00Z'));
    cancelMeeting(j, 'm1', at('2026-11-12T09:00:00Z'));
    cancelMeeting(j, 'm2', at('2026-08-12T09:00:00Z'));
    action(j, { title: 'Dropped in time', due: '2026-11-20' }, at('2026-08-01T09:00:00Z'));
    action(j, { title: 'Dropped long ago' }, at('2026-08-01T09:00:00Z'));
    closeAction(j, 'a1', 'dropped', at('2026-11-10T09:00:00Z'), 'No longer needed');
    closeAction(j, 'a2', 'dropped', at('2026-08-10T09:00:00Z'));
    const summary = buildSummary(j, { from: '2026-11-01T00:00:00.000Z', to: NOW.toISOString() });
    expect(summary.meetingsCancelled.map((meeting) => meeting.id)).toEqual(['m1']);
    expect(summary.actionsDropped.map((item) => item.id)).toEqual(['a1']);
    expect(summary.figures.meetingsHeld).toBe(0);
  });
});

describe('a summary of a past period', () => {
  it('shows what stood open at its end: not what was made after it, and what was done after it as open', () => {
    const j = twoMentors();
    action(j, { title: 'Open then, done later' }, at('2026-10-01T09:00:00Z'));
    action(j, { title: 'Made after the period' }, at('2026-11-10T09:00:00Z'));
    goal(j, { title: 'Set after the period' }, at('2026-11-10T09:00:00Z'));
    closeAction(j, 'a1', 'done', at('2026-11-05T09:00:00Z'));
    const summary = buildSummary(j, { from: '2026-10-01T00:00:00Z', to: '2026-10-31T23:59:59Z' });
    expect(summary.actionsOpen.map((item) => item.title)).toEqual(['Open then, done later']);
    expect(summary.actionsDone).toEqual([]);
    expect(summary.goals).toEqual([]);
  });
});
