import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { logMeeting } from '../../src/core/log.js';
import { cancelMeeting, meetingAwaitingLog } from '../../src/core/meetings.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { daysBefore, logInput, NOW, prepInput, withAda, worded } from './fixtures.js';

describe('log', () => {
  function prepared(): Journal {
    const j = withAda();
    prepMeeting(
      j,
      prepInput({ when: '2026-11-24 17:30', topic: ['Specialty choice', 'Research plan', 'Rota', 'Exams'] }),
      daysBefore(7),
    );
    return j;
  }

  it('marks topics covered and parked by their numbers, and the meeting as held', () => {
    const j = prepared();
    const { meeting } = logMeeting(j, logInput({ meeting: 'm1', covered: ['1,3'], parked: ['2', '4'] }), NOW);
    expect(meeting.status).toBe('held');
    expect(meeting.prep?.topics.map((topic) => topic.outcome)).toEqual(['covered', 'parked', 'covered', 'parked']);
  });

  it('accepts a range of topic numbers', () => {
    const j = prepared();
    const { meeting } = logMeeting(j, logInput({ meeting: 'm1', covered: ['1-3'] }), NOW);
    expect(meeting.prep?.topics.map((topic) => topic.outcome)).toEqual(['covered', 'covered', 'covered', undefined]);
  });

  it('refuses a topic number past the end of the agenda, saying how many there are', () => {
    const j = prepared();
    expect(() => worded(() => logMeeting(j, logInput({ meeting: 'm1', covered: ['5'] }), NOW))).toThrow(UsageError);
    expect(() => worded(() => logMeeting(j, logInput({ meeting: 'm1', parked: ['5'] }), NOW))).toThrow(
      /--parked: there is no topic 5; the agenda has 4/,
    );
  });

  it('refuses topic numbers for a meeting with no topics', () => {
    const j = withAda();
    expect(() =>
      worded(() => logMeeting(j, logInput({ mentor: 'lovelace', when: 'yesterday 15:00', covered: ['1'] }), NOW)),
    ).toThrow(/no topics/);
  });

  it('records advice, feedback, decisions, challenged assumptions and the private reflection', () => {
    const j = prepared();
    const { meeting } = logMeeting(
      j,
      logInput({
        meeting: 'm1',
        advice: ['Talk to three GPs before deciding'],
        feedback: ['Your audit was strong'],
        decision: ['Apply for GP training'],
        challenged: ['That GP is a lesser choice'],
        private: 'Felt anxious about telling my consultant',
      }),
      NOW,
    );
    expect(meeting.log).toMatchObject({
      advice: ['Talk to three GPs before deciding'],
      feedback: ['Your audit was strong'],
      decisions: ['Apply for GP training'],
      challenged: ['That GP is a lesser choice'],
      privateReflection: 'Felt anxious about telling my consultant',
      loggedAt: NOW.toISOString(),
    });
  });

  it("creates my actions and the mentor's commitments, linked to the meeting and the mentor", () => {
    const j = prepared();
    const { actions } = logMeeting(
      j,
      logInput({
        meeting: 'm1',
        action: ['Email the training lead:in 2 weeks', 'Read the curriculum'],
        mentorAction: ['Introduce me to Dr Blair'],
      }),
      NOW,
    );
    expect(actions).toHaveLength(3);
    expect(actions[0]).toMatchObject({
      id: 'a1',
      title: 'Email the training lead',
      owner: 'me',
      due: '2026-12-09',
      mentor: 'lovelace',
      meetingId: 'm1',
      status: 'open',
    });
    expect(actions[1]).toMatchObject({ id: 'a2', title: 'Read the curriculum', owner: 'me', meetingId: 'm1' });
    expect(actions[1]?.due).toBeUndefined();
    expect(actions[2]).toMatchObject({
      id: 'a3',
      title: 'Introduce me to Dr Blair',
      owner: 'mentor',
      mentor: 'lovelace',
      meetingId: 'm1',
    });
    expect(j.actions).toHaveLength(3);
  });

  it('refuses an action whose due date cannot be read', () => {
    const j = prepared();
    expect(() =>
      worded(() => logMeeting(j, logInput({ meeting: 'm1', action: ['Email the lead:next fridya'] }), NOW)),
    ).toThrow(UsageError);
    expect(j.actions).toHaveLength(0);
  });

  it("--next plans the next meeting with the same mentor, on the mentor's usual length and mode", () => {
    const j = prepared();
    const { nextMeeting, meeting } = logMeeting(
      j,
      logInput({ meeting: 'm1', length: '40', mode: 'video', next: '2027-01-07 17:30' }),
      NOW,
    );
    expect(nextMeeting).toMatchObject({
      id: 'm2',
      mentor: 'lovelace',
      when: '2027-01-07T17:30:00.000Z',
      status: 'planned',
      // The mentor has no usual length; with no meeting held before this one, its mode is the usual.
      lengthMinutes: 30,
      mode: 'video',
    });
    expect(meeting.log?.nextMeeting).toBe('2027-01-07T17:30:00.000Z');
    expect(j.meetings).toHaveLength(2);
  });

  it('--next on a day that already has a planned meeting reuses it, at the time given', () => {
    const j = prepared();
    prepMeeting(j, prepInput({ when: '2027-01-07 12:00', topic: ['Later'] }), NOW);
    const { nextMeeting } = logMeeting(j, logInput({ meeting: 'm1', next: '2027-01-07 17:30' }), NOW);
    expect(nextMeeting?.id).toBe('m2');
    expect(j.meetings).toHaveLength(2);
    expect(nextMeeting?.when).toBe('2027-01-07T17:30:00.000Z');
  });

  it('logs a meeting that was not prepared, from --mentor and --when', () => {
    const j = withAda();
    const { meeting } = logMeeting(
      j,
      logInput({ mentor: 'ada', when: 'yesterday 15:00', advice: ['Sleep more'] }),
      NOW,
    );
    expect(meeting).toMatchObject({ id: 'm1', mentor: 'lovelace', status: 'held', when: '2026-11-24T15:00:00.000Z' });
    expect(meeting.log?.advice).toEqual(['Sleep more']);
  });

  it('--mentor and --when on the day of a planned meeting logs that meeting rather than adding one', () => {
    const j = prepared();
    const { meeting } = logMeeting(j, logInput({ mentor: 'lovelace', when: 'yesterday 15:00', covered: ['1'] }), NOW);
    expect(meeting.id).toBe('m1');
    expect(j.meetings).toHaveLength(1);
    expect(meeting.prep?.topics[0]?.outcome).toBe('covered');
  });

  it('with no meeting named, logs the most recent planned meeting that has started', () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-11-10 17:30' }), daysBefore(20));
    prepMeeting(j, prepInput({ when: '2026-11-24 17:30' }), daysBefore(20));
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30' }), daysBefore(20));
    expect(meetingAwaitingLog(j, NOW)?.id).toBe('m2');
    const { meeting } = logMeeting(j, logInput({ advice: ['Keep going'] }), NOW);
    expect(meeting.id).toBe('m2');
    expect(j.meetings.find((candidate) => candidate.id === 'm3')?.status).toBe('planned');
  });

  it('with no meeting named and none started, asks which meeting', () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30' }), NOW);
    expect(() => worded(() => logMeeting(j, logInput({ advice: ['x'] }), NOW))).toThrow(UsageError);
    expect(j.meetings[0]?.status).toBe('planned');
  });

  it('refuses to log a cancelled meeting', () => {
    const j = prepared();
    cancelMeeting(j, 'm1', NOW);
    expect(() => worded(() => logMeeting(j, logInput({ meeting: 'm1' }), NOW))).toThrow(/cancelled/);
  });

  it('refuses to log an unknown meeting', () => {
    const j = prepared();
    expect(() => worded(() => logMeeting(j, logInput({ meeting: 'm9' }), NOW))).toThrow(/No meeting with id "m9"/);
  });
});
