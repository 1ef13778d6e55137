import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/errors.js';
import { setGoalStatus, updateGoal } from '../../src/core/goals.js';
import { lastProgressAt } from '../../src/core/goal-progress.js';
import { editMentor, mentorHandles, setMentorStatus } from '../../src/core/mentors.js';
import { daysBefore, goal, goalUpdate, journal, mentor, mentorEdit, NOW, worded } from './fixtures.js';

describe('mentors', () => {
  it('edit adds ground rules and expectations to the lists, or replaces them when asked', () => {
    const j = journal();
    mentor(j, { name: 'Dr Ada Lovelace', rule: ['Email first'], expect: ['career'] });
    const edited = editMentor(j, 'ada', mentorEdit({ rule: ['Meet monthly'], expect: ['career', 'emotional'] }), NOW);
    expect(edited.rules).toEqual(['Email first', 'Meet monthly']);
    expect(edited.expectations).toEqual(['career', 'emotional']);
    const cleared = editMentor(j, 'ada', mentorEdit({ clearRules: true, rule: ['Video calls only'] }), NOW);
    expect(cleared.rules).toEqual(['Video calls only']);
  });

  it('edit reads a new cadence and refuses one it cannot read', () => {
    const j = journal();
    mentor(j, { name: 'Dr Ada Lovelace' });
    expect(editMentor(j, 'lovelace', mentorEdit({ cadence: 'fortnightly' }), NOW).cadenceDays).toBe(14);
    expect(() => worded(() => editMentor(j, 'lovelace', mentorEdit({ cadence: 'now and then' }), NOW))).toThrow(
      UsageError,
    );
  });

  it('ending a mentorship keeps the end note; making it active again clears it', () => {
    const j = journal();
    mentor(j, { name: 'Dr Ada Lovelace' });
    expect(setMentorStatus(j, 'lovelace', 'ended', NOW, 'Moved to another deanery').mentor).toMatchObject({
      status: 'ended',
      endNote: 'Moved to another deanery',
    });
    const resumed = setMentorStatus(j, 'lovelace', 'active', NOW).mentor;
    expect(resumed.status).toBe('active');
    expect(resumed.endNote).toBeUndefined();
  });

  it('links a goal to mentors by handle, once each, and refuses an unknown one', () => {
    const j = journal();
    mentor(j, { name: 'Dr Ada Lovelace' });
    expect(mentorHandles(j, ['ada', 'Lovelace'])).toEqual(['lovelace']);
    expect(() => worded(() => mentorHandles(j, ['hopper']))).toThrow(UserError);
  });
});

describe('goals', () => {
  it('a progress note is dated and becomes the latest progress', () => {
    const j = journal();
    goal(j, { title: 'Choose a specialty', target: '2027-03-01' }, daysBefore(90));
    expect(lastProgressAt(j.goals[0]!)).toBe(daysBefore(90).toISOString());
    updateGoal(j, 'g1', goalUpdate({ note: 'Shadowed two GP clinics' }), NOW);
    expect(j.goals[0]?.progress).toEqual([{ at: NOW.toISOString(), note: 'Shadowed two GP clinics' }]);
    expect(lastProgressAt(j.goals[0]!)).toBe(NOW.toISOString());
    expect(j.goals[0]?.targetDate).toBe('2027-03-01');
  });

  it('refuses an update that changes nothing', () => {
    const j = journal();
    goal(j, { title: 'Choose a specialty' });
    expect(() => worded(() => updateGoal(j, 'g1', goalUpdate({}), NOW))).toThrow(UsageError);
  });

  it('refuses an impossible target date', () => {
    const j = journal();
    expect(() => worded(() => goal(j, { title: 'Choose a specialty', target: '2027-02-30' }))).toThrow(/--target/);
    expect(j.goals).toEqual([]);
  });

  it('done marks a goal achieved with an optional closing note', () => {
    const j = journal();
    goal(j, { title: 'Pass the exam' });
    const { goal: done } = setGoalStatus(j, 'g1', 'achieved', NOW, 'Passed first time');
    expect(done.status).toBe('achieved');
    expect(done.progress.at(-1)?.note).toBe('Passed first time');
  });
});
