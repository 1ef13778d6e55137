import { describe, expect, it } from 'vitest';
import { closeAction } from '../../src/core/actions.js';
import { setGoalStatus, updateGoal } from '../../src/core/goals.js';
import { setMentorStatus } from '../../src/core/mentors.js';
import { logMeeting } from '../../src/core/log.js';
import { cancelMeeting } from '../../src/core/meetings.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { computeStatus, UPCOMING_WEEKS } from '../../src/core/status.js';
import { action, daysBefore, goal, goalUpdate, journal, logInput, mentor, NOW, prepInput } from './fixtures.js';

function withAda(fields: Record<string, unknown> = {}): Journal {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-05', ...fields }, daysBefore(300));
  return j;
}

const titles = (actions: { title: string }[]) => actions.map((item) => item.title);

describe('status: the next meeting', () => {
  it('shows the soonest planned meeting and that it is prepared', () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-12-10 17:30' }), NOW);
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['Specialty choice'] }), NOW);
    const status = computeStatus(j, NOW);
    expect(status.nextMeeting?.meeting.when).toBe('2026-12-03T17:30:00.000Z');
    expect(status.nextMeeting?.mentor.handle).toBe('lovelace');
    expect(status.nextMeeting?.prepared).toBe(true);
  });

  it('says when the next meeting has no agenda yet', () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30' }), NOW);
    expect(computeStatus(j, NOW).nextMeeting?.prepared).toBe(false);
  });

  it('has no next meeting when none is planned, and ignores held and cancelled ones', () => {
    const j = withAda();
    logMeeting(j, logInput({ mentor: 'lovelace', when: '2026-11-20 17:30' }), daysBefore(4));
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['Rota'] }), NOW);
    cancelMeeting(j, 'm2', NOW);
    expect(computeStatus(j, NOW).nextMeeting).toBeUndefined();
  });

  it('points out a planned meeting that has passed without being logged', () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-11-24 17:30', topic: ['Rota'] }), daysBefore(7));
    const status = computeStatus(j, NOW);
    expect(status.awaitingLog?.id).toBe('m1');
    expect(status.nextMeeting).toBeUndefined();
  });
});

describe('status: every meeting coming up', () => {
  it('lists every planned meeting in the coming weeks with every mentor, soonest first, prepared or not', () => {
    const j = withAda();
    mentor(j, { name: 'Prof Bob Blair', since: '2026-01-05' }, daysBefore(300));
    prepMeeting(j, prepInput({ mentor: 'blair', when: '2026-12-10 10:00' }), NOW);
    prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-12-03 17:30', topic: ['Exams'] }), NOW);
    prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-12-31 17:30' }), NOW);
    const upcoming = computeStatus(j, NOW).upcoming;
    expect(upcoming.map(({ meeting, mentor: who, prepared }) => [meeting.id, who.handle, prepared])).toEqual([
      ['m2', 'lovelace', true],
      ['m1', 'blair', false],
      ['m3', 'lovelace', false],
    ]);
  });

  it(`reaches ${UPCOMING_WEEKS} weeks ahead; the next meeting beyond them is still the next meeting`, () => {
    const j = withAda();
    // 25 Nov + 42 days is 6 Jan.
    prepMeeting(j, prepInput({ when: '2027-01-06 17:30' }), NOW);
    prepMeeting(j, prepInput({ when: '2027-01-07 17:30' }), NOW);
    expect(computeStatus(j, NOW).upcoming.map(({ meeting }) => meeting.id)).toEqual(['m1']);
    cancelMeeting(j, 'm1', NOW);
    const status = computeStatus(j, NOW);
    expect(status.upcoming).toEqual([]);
    expect(status.nextMeeting?.meeting.id).toBe('m2');
  });

  it('keeps the meetings of a paused mentor and leaves out those of an ended one, and cancelled ones', () => {
    const j = withAda();
    mentor(j, { name: 'Prof Bob Blair', since: '2026-01-05' }, daysBefore(300));
    mentor(j, { name: 'Dr Jo Okafor', since: '2026-01-05' }, daysBefore(300));
    prepMeeting(j, prepInput({ mentor: 'blair', when: '2026-12-10 10:00' }), NOW);
    prepMeeting(j, prepInput({ mentor: 'okafor', when: '2026-12-11 10:00' }), NOW);
    prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-12-12 10:00' }), NOW);
    setMentorStatus(j, 'blair', 'paused', NOW);
    setMentorStatus(j, 'okafor', 'ended', NOW, 'Moved away');
    cancelMeeting(j, 'm3', NOW);
    expect(computeStatus(j, NOW).upcoming.map(({ meeting }) => meeting.id)).toEqual(['m1']);
  });
});

describe('status: actions', () => {
  it('lists my open actions past their due date as overdue, and not finished or undated ones', () => {
    const j = withAda();
    action(j, { title: 'Overdue statement', due: '2026-11-20' }, daysBefore(20));
    action(j, { title: 'Finished late', due: '2026-11-20' }, daysBefore(20));
    action(j, { title: 'Whenever' }, daysBefore(20));
    closeAction(j, 'a2', 'done', NOW);
    expect(titles(computeStatus(j, NOW).overdue)).toEqual(['Overdue statement']);
  });

  it('lists the oldest overdue action first', () => {
    const j = withAda();
    action(j, { title: 'Week late', due: '2026-11-18' }, daysBefore(20));
    action(j, { title: 'Month late', due: '2026-10-25' }, daysBefore(40));
    expect(titles(computeStatus(j, NOW).overdue)).toEqual(['Month late', 'Week late']);
  });

  it('lists actions due in the next 7 days, today included, soonest first', () => {
    const j = withAda();
    action(j, { title: 'In a week', due: '2026-12-02' });
    action(j, { title: 'Today', due: '2026-11-25' });
    action(j, { title: 'In 8 days', due: '2026-12-03' });
    action(j, { title: 'No date' });
    action(j, { title: 'Yesterday', due: '2026-11-24' });
    expect(titles(computeStatus(j, NOW).dueSoon)).toEqual(['Today', 'In a week']);
  });

  it('lists what mentors promised separately from my own actions, while still open', () => {
    const j = withAda();
    action(j, { title: 'Introduce me to Dr Blair', owner: 'mentor', mentor: 'lovelace', due: '2026-11-20' });
    action(j, { title: 'Send the rota', owner: 'mentor', mentor: 'lovelace' });
    closeAction(j, 'a2', 'done', NOW);
    const status = computeStatus(j, NOW);
    expect(titles(status.mentorCommitments)).toEqual(['Introduce me to Dr Blair']);
    // A mentor's late promise is not my overdue action.
    expect(status.overdue).toEqual([]);
  });
});

describe('status: goals with no progress lately', () => {
  it('lists an active goal with no progress note for more than 60 days', () => {
    const j = withAda();
    goal(j, { title: 'Publish the audit' }, daysBefore(61));
    goal(j, { title: 'Pass the exam' }, daysBefore(10));
    expect(computeStatus(j, NOW).staleGoals.map((item) => item.title)).toEqual(['Publish the audit']);
  });

  it('a recent progress note keeps an old goal off the list', () => {
    const j = withAda();
    goal(j, { title: 'Choose a specialty' }, daysBefore(120));
    updateGoal(j, 'g1', goalUpdate({ note: 'Shadowed two GP clinics' }), daysBefore(30));
    expect(computeStatus(j, NOW).staleGoals).toEqual([]);
    expect(computeStatus(j, new Date('2027-01-30T09:00:00Z')).staleGoals.map((item) => item.id)).toEqual(['g1']);
  });

  it('does not nag about goals that are achieved, paused or dropped', () => {
    const j = withAda();
    goal(j, { title: 'Achieved' }, daysBefore(200));
    goal(j, { title: 'Paused' }, daysBefore(200));
    goal(j, { title: 'Dropped' }, daysBefore(200));
    setGoalStatus(j, 'g1', 'achieved', daysBefore(100));
    setGoalStatus(j, 'g2', 'paused', daysBefore(100));
    setGoalStatus(j, 'g3', 'dropped', daysBefore(100));
    expect(computeStatus(j, NOW).staleGoals).toEqual([]);
  });
});

describe('status: goals past their target date', () => {
  it('lists active goals whose target date has passed, the longest past first, with how long ago', () => {
    const j = withAda();
    goal(j, { title: 'Pass the exam', target: '2026-11-01' }, daysBefore(100));
    goal(j, { title: 'Choose a specialty', target: '2026-10-01' }, daysBefore(100));
    goal(j, { title: 'Due today', target: '2026-11-25' }, daysBefore(100));
    goal(j, { title: 'Later', target: '2027-03-01' }, daysBefore(100));
    goal(j, { title: 'Dropped', target: '2026-09-01' }, daysBefore(100));
    setGoalStatus(j, 'g5', 'dropped', NOW);
    const past = computeStatus(j, NOW).goalsPastTarget;
    expect(past.map(({ goal: item, daysPast }) => [item.title, daysPast])).toEqual([
      ['Choose a specialty', 55],
      ['Pass the exam', 24],
    ]);
  });
});

describe('status: mentors not seen for longer than their cadence', () => {
  it('a mentor not met for longer than their cadence appears in status, with when you last met', () => {
    const j = withAda({ cadence: '4w' });
    // 23 September is 9 weeks before the clock.
    logMeeting(j, logInput({ mentor: 'lovelace', when: '2026-09-23 09:00' }), new Date('2026-09-23T10:00:00Z'));
    const [overdue, ...rest] = computeStatus(j, NOW).mentorsOverdue;
    expect(rest).toEqual([]);
    expect(overdue?.mentor.handle).toBe('lovelace');
    expect(overdue?.lastMet).toBe('2026-09-23T09:00:00.000Z');
    expect(overdue?.daysSince).toBe(63);
  });

  it('a mentor met within their cadence does not appear', () => {
    const j = withAda({ cadence: '4w' });
    logMeeting(j, logInput({ mentor: 'lovelace', when: '2026-09-23 09:00' }), new Date('2026-09-23T10:00:00Z'));
    logMeeting(j, logInput({ mentor: 'lovelace', when: '2026-11-11 09:00' }), new Date('2026-11-11T10:00:00Z'));
    expect(computeStatus(j, NOW).mentorsOverdue).toEqual([]);
  });

  it('counts from the start of the mentoring when you have never met', () => {
    const j = journal();
    mentor(j, { name: 'Prof Alan Turing', cadence: '4w', since: '2026-10-01' });
    mentor(j, { name: 'Dr Jo Blair', cadence: '4w', since: '2026-11-15' });
    const overdue = computeStatus(j, NOW).mentorsOverdue;
    expect(overdue.map((item) => item.mentor.handle)).toEqual(['turing']);
    expect(overdue[0]?.lastMet).toBeUndefined();
    expect(overdue[0]?.daysSince).toBe(55);
  });

  it('a mentor with a meeting booked is not nudged: the meeting is listed with those ahead', () => {
    const j = withAda({ cadence: '4w' });
    logMeeting(j, logInput({ mentor: 'lovelace', when: '2026-09-23 09:00' }), new Date('2026-09-23T10:00:00Z'));
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30' }), NOW);
    const status = computeStatus(j, NOW);
    expect(status.mentorsOverdue).toEqual([]);
    expect(status.upcoming.map(({ meeting }) => meeting.id)).toEqual(['m2']);
  });

  it('leaves out paused and ended mentors and those with no cadence', () => {
    const j = journal();
    mentor(j, { name: 'Prof Alan Turing', cadence: '4w', since: '2026-01-01' });
    mentor(j, { name: 'Dr Jo Blair', cadence: '4w', since: '2026-01-01' });
    mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-01' });
    setMentorStatus(j, 'turing', 'paused', NOW);
    setMentorStatus(j, 'blair', 'ended', NOW, 'Moved on');
    expect(computeStatus(j, NOW).mentorsOverdue).toEqual([]);
  });
});

describe('status: each thing said once, without contradiction', () => {
  it('a meeting that has happened but has no notes yet counts as meeting the mentor: no nudge to get in touch', () => {
    const j = withAda({ cadence: '4w' });
    logMeeting(j, logInput({ mentor: 'lovelace', when: '2026-09-23 09:00' }), new Date('2026-09-23T10:00:00Z'));
    prepMeeting(j, prepInput({ when: '2026-11-20 17:30' }), daysBefore(20));
    const status = computeStatus(j, NOW);
    expect(status.awaitingLog?.id).toBe('m2');
    expect(status.mentorsOverdue).toEqual([]);
  });

  it('a goal past its target is listed there alone, not also as a goal with no progress', () => {
    const j = withAda();
    goal(j, { title: 'Pass the exam', target: '2026-11-01' }, daysBefore(200));
    goal(j, { title: 'Choose a specialty' }, daysBefore(200));
    const status = computeStatus(j, NOW);
    expect(status.goalsPastTarget.map(({ goal: each }) => each.title)).toEqual(['Pass the exam']);
    expect(status.staleGoals.map((each) => each.title)).toEqual(['Choose a specialty']);
  });
});
