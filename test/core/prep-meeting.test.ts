import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/errors.js';
import { timeCheck } from '../../src/core/agenda.js';
import { setMentorStatus } from '../../src/core/mentors.js';
import { logMeeting } from '../../src/core/log.js';
import { cancelMeeting, isPrepared } from '../../src/core/meetings.js';
import { parkedTopicsFor, prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { action, daysBefore, goal, journal, logInput, mentor, NOW, prepInput, withAda, worded } from './fixtures.js';

describe('prep', () => {
  it('creates a planned meeting with the mentor at the time given, with the agenda saved', () => {
    const j = withAda({ length: '45' });
    const { meeting, created } = prepMeeting(
      j,
      prepInput({
        mentor: 'lovelace',
        when: '2026-12-03 17:30',
        intention: 'Leave with a decision plan',
        topic: ['Specialty choice', 'Research plan:10'],
      }),
      NOW,
    );
    expect(created).toBe(true);
    expect(meeting).toMatchObject({
      id: 'm1',
      mentor: 'lovelace',
      when: '2026-12-03T17:30:00.000Z',
      lengthMinutes: 45,
      status: 'planned',
    });
    expect(meeting.prep?.intention).toBe('Leave with a decision plan');
    expect(meeting.prep?.topics).toEqual([{ title: 'Specialty choice' }, { title: 'Research plan', minutes: 10 }]);
    expect(meeting.prep?.preparedAt).toBe(NOW.toISOString());
    expect(j.meetings).toHaveLength(1);
  });

  it('uses a 30-minute meeting when the mentor has no usual length, and --length overrides it', () => {
    const j = withAda();
    expect(prepMeeting(j, prepInput({ when: '2026-12-03 17:30' }), NOW).meeting.lengthMinutes).toBe(30);
    expect(
      prepMeeting(j, prepInput({ when: '2026-12-10 17:30', length: '20', mode: 'Video' }), NOW).meeting,
    ).toMatchObject({
      lengthMinutes: 20,
      mode: 'video',
    });
  });

  it('picks the only active mentor when --mentor is left out', () => {
    const j = withAda();
    expect(prepMeeting(j, prepInput({ when: 'tomorrow 17:30' }), NOW).meeting.mentor).toBe('lovelace');
  });

  it('re-running prep for the same mentor on the same day updates that meeting instead of adding another', () => {
    const j = withAda();
    const first = prepMeeting(
      j,
      prepInput({ mentor: 'ada', when: '2026-12-03 17:30', topic: ['Specialty choice'] }),
      NOW,
    );
    const again = prepMeeting(
      j,
      prepInput({ mentor: 'ada', when: '2026-12-03 18:00', topic: ['Research plan:10'] }),
      NOW,
    );
    expect(again.created).toBe(false);
    expect(again.meeting.id).toBe(first.meeting.id);
    expect(j.meetings).toHaveLength(1);
    expect(again.meeting.when).toBe('2026-12-03T18:00:00.000Z');
    expect(again.meeting.prep?.topics.map((topic) => topic.title)).toEqual(['Specialty choice', 'Research plan']);
    // The next new meeting still gets the next number: re-prep used no id.
    expect(prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-12-10 17:30' }), NOW).meeting.id).toBe('m2');
  });

  it('naming a topic again changes it rather than listing it twice', () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['Specialty choice:10'] }), NOW);
    const { meeting } = prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['specialty choice:15'] }), NOW);
    expect(meeting.prep?.topics).toHaveLength(1);
    expect(meeting.prep?.topics[0]?.minutes).toBe(15);
  });

  it('prep on another day plans a separate meeting', () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30' }), NOW);
    const { meeting, created } = prepMeeting(j, prepInput({ when: '2026-12-04 17:30' }), NOW);
    expect(created).toBe(true);
    expect(meeting.id).toBe('m2');
    expect(j.meetings).toHaveLength(2);
  });

  it("without --when, adds to the mentor's next planned meeting", () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['Specialty choice'] }), NOW);
    const { meeting, created } = prepMeeting(j, prepInput({ topic: ['Research plan'] }), NOW);
    expect(created).toBe(false);
    expect(meeting.id).toBe('m1');
    expect(meeting.prep?.topics.map((topic) => topic.title)).toEqual(['Specialty choice', 'Research plan']);
  });

  it('leaves a topic given without minutes untimed, never inventing a length, and records the template', () => {
    const j = withAda();
    const { meeting } = prepMeeting(
      j,
      prepInput({ when: '2026-12-03 17:30', topic: ['Specialty choice', 'Research plan:10'] }),
      NOW,
      { templateName: 'check-in' },
    );
    expect(meeting.prep?.topics.map((topic) => topic.minutes)).toEqual([undefined, 10]);
    expect(meeting.prep?.template).toBe('check-in');
  });

  it('naming a topic again without minutes keeps the minutes it had and its original spelling', () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['Handover plan:30'] }), NOW);
    const { meeting } = prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['handover PLAN'] }), NOW);
    expect(meeting.prep?.topics).toEqual([expect.objectContaining({ title: 'Handover plan', minutes: 30 })]);
  });

  it('links goals to discuss once each, and refuses an unknown goal', () => {
    const j = withAda();
    goal(j, { title: 'Choose between paediatrics and general practice' });
    const { meeting } = prepMeeting(j, prepInput({ when: '2026-12-03 17:30', goal: ['g1', 'G1'] }), NOW);
    expect(meeting.prep?.goals).toEqual(['g1']);
    expect(() => worded(() => prepMeeting(j, prepInput({ when: '2026-12-03 17:30', goal: ['g7'] }), NOW))).toThrow(
      UserError,
    );
  });

  describe('--review of open actions', () => {
    function withActions() {
      const j = withAda();
      action(j, { title: 'Draft personal statement' }, daysBefore(10));
      action(j, { title: 'Shadow a GP clinic' }, daysBefore(10));
      action(j, { title: 'Ask rota coordinator' }, daysBefore(10));
      action(j, { title: 'Read curriculum' }, daysBefore(10));
      return j;
    }

    it('marks an action reviewed as done as completed now', () => {
      const j = withActions();
      prepMeeting(j, prepInput({ when: '2026-12-03 17:30', review: ['a1=done'] }), NOW);
      expect(j.actions[0]).toMatchObject({ status: 'done', completedAt: NOW.toISOString() });
    });

    it('drops an action reviewed as dropped and keeps the reason as a note', () => {
      const j = withActions();
      prepMeeting(j, prepInput({ when: '2026-12-03 17:30', review: ['a2=dropped:clinic closed'] }), NOW);
      expect(j.actions[1]?.status).toBe('dropped');
      expect(j.actions[1]?.completedAt).toBeUndefined();
      expect(j.actions[1]?.notes.map((note) => note.note)).toEqual(['clinic closed']);
    });

    it('keeps a blocked action open with a note saying what blocks it', () => {
      const j = withActions();
      prepMeeting(j, prepInput({ when: '2026-12-03 17:30', review: ['a3=blocked:waiting on rota'] }), NOW);
      expect(j.actions[2]?.status).toBe('open');
      expect(j.actions[2]?.notes.map((note) => note.note)).toEqual(['Blocked: waiting on rota']);
    });

    it('records progress on an action without closing it', () => {
      const j = withActions();
      prepMeeting(j, prepInput({ when: '2026-12-03 17:30', review: ['a4=progress'] }), NOW);
      expect(j.actions[3]?.status).toBe('open');
      expect(j.actions[3]?.notes.map((note) => note.note)).toEqual(['In progress']);
    });

    it('reopens a done action reviewed as open', () => {
      const j = withActions();
      prepMeeting(j, prepInput({ when: '2026-12-03 17:30', review: ['a1=done'] }), NOW);
      prepMeeting(j, prepInput({ when: '2026-12-03 17:30', review: ['a1=open:not finished after all'] }), NOW);
      expect(j.actions[0]?.status).toBe('open');
      expect(j.actions[0]?.completedAt).toBeUndefined();
    });

    it('keeps one review entry per action on the agenda, the latest', () => {
      const j = withActions();
      prepMeeting(j, prepInput({ when: '2026-12-03 17:30', review: ['a3=blocked:rota'] }), NOW);
      const { meeting } = prepMeeting(
        j,
        prepInput({ when: '2026-12-03 17:30', review: ['a3=progress:asked again', 'a1=done'] }),
        NOW,
      );
      expect(meeting.prep?.review).toEqual([
        { actionId: 'a3', state: 'progress', note: 'asked again' },
        { actionId: 'a1', state: 'done' },
      ]);
    });

    it('refuses to review an action that does not exist', () => {
      const j = withActions();
      expect(() =>
        worded(() => prepMeeting(j, prepInput({ when: '2026-12-03 17:30', review: ['a9=done'] }), NOW)),
      ).toThrow(/No action with id "a9"/);
    });
  });

  describe('parked topics', () => {
    /** A meeting with Ada on 12 November where "Research plan" was parked. */
    function afterParkedMeeting(): Journal {
      const j = withAda();
      prepMeeting(
        j,
        prepInput({ when: '2026-11-12 17:30', topic: ['Specialty choice:15', 'Research plan:10'] }),
        daysBefore(14),
      );
      logMeeting(j, logInput({ meeting: 'm1', covered: ['1'], parked: ['2'] }), daysBefore(12));
      return j;
    }

    it('a parked topic is carried into the next prep with --carry-parked', () => {
      const j = afterParkedMeeting();
      const { meeting } = prepMeeting(
        j,
        prepInput({ when: '2026-12-03 17:30', carryParked: true, topic: ['Rota'] }),
        NOW,
      );
      expect(meeting.prep?.topics).toEqual([
        { title: 'Research plan', minutes: 10, carriedFrom: 'm1' },
        { title: 'Rota' },
      ]);
    });

    it('a parked topic is not carried without --carry-parked', () => {
      const j = afterParkedMeeting();
      const { meeting } = prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['Rota'] }), NOW);
      expect(meeting.prep?.topics.map((topic) => topic.title)).toEqual(['Rota']);
    });

    it('carrying twice does not list the parked topic twice', () => {
      const j = afterParkedMeeting();
      prepMeeting(j, prepInput({ when: '2026-12-03 17:30', carryParked: true }), NOW);
      const { meeting } = prepMeeting(j, prepInput({ when: '2026-12-03 17:30', carryParked: true }), NOW);
      expect(meeting.prep?.topics).toHaveLength(1);
    });

    it('topics parked with another mentor stay with that mentor', () => {
      const j = afterParkedMeeting();
      mentor(j, { name: 'Prof Alan Turing' });
      const { meeting } = prepMeeting(
        j,
        prepInput({ mentor: 'turing', when: '2026-12-03 17:30', carryParked: true }),
        NOW,
      );
      expect(meeting.prep?.topics ?? []).toEqual([]);
      expect(parkedTopicsFor(j, 'lovelace').map((topic) => topic.title)).toEqual(['Research plan']);
    });

    it('a topic already on the agenda keeps its minutes when parked topics are carried in', () => {
      const j = afterParkedMeeting();
      prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['Research plan:25'] }), NOW);
      const { meeting } = prepMeeting(j, prepInput({ when: '2026-12-03 17:30', carryParked: true }), NOW);
      expect(meeting.prep?.topics).toEqual([{ title: 'Research plan', minutes: 25 }]);
    });
  });

  describe('topics of a cancelled meeting', () => {
    /** m1 (12 Nov) parked "Research plan"; m2 (19 Nov) was to discuss it, "Portfolio" and "Rota", and was cancelled. */
    function afterCancelledMeeting(): Journal {
      const j = withAda();
      prepMeeting(
        j,
        prepInput({ when: '2026-11-12 17:30', topic: ['Specialty choice:15', 'Research plan:10'] }),
        daysBefore(14),
      );
      logMeeting(j, logInput({ meeting: 'm1', covered: ['1'], parked: ['2'] }), daysBefore(12));
      prepMeeting(
        j,
        prepInput({ meeting: undefined, when: '2026-11-19 17:30', carryParked: true, topic: ['Portfolio:10', 'Rota'] }),
        daysBefore(12),
      );
      cancelMeeting(j, 'm2', daysBefore(7), 'Ada was on call');
      return j;
    }
    const titles = (topics: { title: string }[] | undefined) => (topics ?? []).map((topic) => topic.title);

    it('are carried into the next prep with --carry-parked, each once, after those parked last time', () => {
      const j = afterCancelledMeeting();
      const { meeting } = prepMeeting(j, prepInput({ when: '2026-12-03 17:30', carryParked: true }), NOW);
      expect(meeting.prep?.topics).toEqual([
        { title: 'Research plan', minutes: 10, carriedFrom: 'm1' },
        { title: 'Portfolio', minutes: 10, carriedFrom: 'm2' },
        { title: 'Rota', carriedFrom: 'm2' },
      ]);
    });

    it('are not carried without --carry-parked', () => {
      const j = afterCancelledMeeting();
      const { meeting } = prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['Exams'] }), NOW);
      expect(titles(meeting.prep?.topics)).toEqual(['Exams']);
    });

    it('are carried even when no meeting with the mentor has been held yet', () => {
      const j = withAda();
      prepMeeting(j, prepInput({ when: '2026-11-19 17:30', topic: ['Portfolio'] }), daysBefore(12));
      cancelMeeting(j, 'm1', daysBefore(7));
      const { meeting } = prepMeeting(j, prepInput({ when: '2026-12-03 17:30', carryParked: true }), NOW);
      expect(meeting.prep?.topics).toEqual([{ title: 'Portfolio', carriedFrom: 'm1' }]);
    });

    it('a topic discussed at a meeting held since is not carried again', () => {
      const j = afterCancelledMeeting();
      // They met after all, unplanned, and covered the portfolio.
      logMeeting(
        j,
        logInput({ mentor: 'lovelace', when: '2026-11-18 12:00', topic: ['Portfolio'], covered: ['1'] }),
        daysBefore(6),
      );
      const { meeting } = prepMeeting(j, prepInput({ when: '2026-12-03 17:30', carryParked: true }), NOW);
      // The research plan, parked at m1 and left by m2, is still to discuss.
      expect(titles(meeting.prep?.topics)).toEqual(['Research plan', 'Rota']);
    });

    it('topics of a meeting cancelled before the last one held stay behind', () => {
      const j = afterCancelledMeeting();
      prepMeeting(j, prepInput({ when: '2026-11-23 17:30', topic: ['Exams'] }), daysBefore(5));
      logMeeting(j, logInput({ meeting: 'm3', covered: ['1'] }), daysBefore(1));
      const { meeting } = prepMeeting(j, prepInput({ when: '2026-12-03 17:30', carryParked: true }), NOW);
      expect(meeting.prep?.topics ?? []).toEqual([]);
    });

    it("another mentor's cancelled meeting brings nothing, and the wizard's set is the same", () => {
      const j = afterCancelledMeeting();
      mentor(j, { name: 'Prof Alan Turing' });
      expect(parkedTopicsFor(j, 'turing')).toEqual([]);
      const { meeting } = prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-12-03 17:30' }), NOW);
      expect(titles(parkedTopicsFor(j, 'lovelace', meeting))).toEqual(['Research plan', 'Portfolio', 'Rota']);
    });
  });

  describe('refusals', () => {
    it('refuses to prepare a meeting with a mentor whose mentoring has ended', () => {
      const j = withAda();
      setMentorStatus(j, 'lovelace', 'ended', NOW, 'Retired');
      expect(() =>
        worded(() => prepMeeting(j, prepInput({ mentor: 'lovelace', when: 'tomorrow 17:30' }), NOW)),
      ).toThrow(/has ended/);
      expect(j.meetings).toHaveLength(0);
    });

    it('asks when the meeting is when --when is missing and nothing is planned', () => {
      const j = withAda();
      expect(() => worded(() => prepMeeting(j, prepInput({ topic: ['Rota'] }), NOW))).toThrow(UsageError);
      expect(() => worded(() => prepMeeting(j, prepInput({ topic: ['Rota'] }), NOW))).toThrow(/--when/);
    });

    it('asks which mentor when several are active, listing their handles', () => {
      const j = withAda();
      mentor(j, { name: 'Prof Alan Turing' });
      expect(() => worded(() => prepMeeting(j, prepInput({ when: 'tomorrow 17:30' }), NOW))).toThrow(UsageError);
      expect(() => worded(() => prepMeeting(j, prepInput({ when: 'tomorrow 17:30' }), NOW))).toThrow(
        /lovelace, turing/,
      );
    });

    it('says there is no mentor yet when there is none', () => {
      expect(() => worded(() => prepMeeting(journal(), prepInput({ when: 'tomorrow 17:30' }), NOW))).toThrow(
        /no active mentor/,
      );
    });

    it('refuses an unreadable --when', () => {
      const j = withAda();
      expect(() => worded(() => prepMeeting(j, prepInput({ when: 'whenever suits' }), NOW))).toThrow(/--when/);
      expect(j.meetings).toHaveLength(0);
    });

    it('refuses to prepare a meeting that has already been held', () => {
      const j = withAda();
      prepMeeting(j, prepInput({ when: '2026-11-20 17:30' }), daysBefore(10));
      logMeeting(j, logInput({ meeting: 'm1' }), daysBefore(4));
      expect(() => worded(() => prepMeeting(j, prepInput({ meeting: 'm1', topic: ['More'] }), NOW))).toThrow(
        /m1 is held/,
      );
    });
  });
});

describe('time check', () => {
  it('adds up the minutes and says how far over the meeting length they go', () => {
    expect(timeCheck([{ title: 'A', minutes: 20 }, { title: 'B', minutes: 15 }, { title: 'C' }], 30)).toEqual({
      plannedMinutes: 35,
      lengthMinutes: 30,
      overBy: 5,
      untimed: 1,
    });
  });

  it('is not over when the topics fit exactly', () => {
    expect(
      timeCheck(
        [
          { title: 'A', minutes: 20 },
          { title: 'B', minutes: 10 },
        ],
        30,
      ).overBy,
    ).toBe(0);
    expect(timeCheck([], 30)).toMatchObject({ plannedMinutes: 0, overBy: 0, untimed: 0 });
  });
});

describe('isPrepared', () => {
  it('a meeting counts as prepared once it has an intention or topics', () => {
    const j = withAda();
    const bare = prepMeeting(j, prepInput({ when: '2026-12-03 17:30', goal: [] }), NOW).meeting;
    expect(isPrepared(bare)).toBe(false);
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30', intention: 'Decide on GP training' }), NOW);
    expect(isPrepared(bare)).toBe(true);
  });
});
