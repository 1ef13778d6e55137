/**
 * Rules that used to be written in several places whose copies disagreed. Each is one core function
 * now; these tests pin what a user expects of it, wherever it is used (agenda, wizard, command).
 */
import { describe, expect, it } from 'vitest';
import { buildAgenda, openActionsConcerning } from '../../src/core/agenda.js';
import { closeAction } from '../../src/core/actions.js';
import { logMeeting } from '../../src/core/log.js';
import {
  chooseMentor,
  lastHeldMeeting,
  meetingAwaitingLog,
  meetingsToLog,
  whichMentor,
} from '../../src/core/meetings.js';
import { setMentorStatus } from '../../src/core/mentors.js';
import { parkedTopicsFor, prepMeeting } from '../../src/core/prep.js';
import { JournalSchema, type Journal } from '../../src/core/schema.js';
import { readMinutes } from '../../src/input/minutes.js';
import { action, daysBefore, goal, journal, logInput, mentor, NOW, prepInput, worded } from './fixtures.js';

function withAdaAndBlair(): Journal {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace', cadence: '4w' }, daysBefore(120));
  mentor(j, { name: 'Dr Jo Blair' }, daysBefore(120));
  return j;
}

const reported = (j: Journal, meetingId: string) =>
  buildAgenda(
    j,
    j.meetings.find((meeting) => meeting.id === meetingId)!,
  ).actionsReviewed.map(({ action: each }) => each.title);

describe('which open actions an agenda reports on', () => {
  it('an action reported on at an earlier meeting stays on every later agenda with that mentor until it is done', () => {
    const j = withAdaAndBlair();
    goal(j, { title: 'Choose a specialty' }, daysBefore(100));
    action(j, { title: 'Draft a personal statement', goal: 'g1' }, daysBefore(90));
    prepMeeting(
      j,
      prepInput({ mentor: 'ada', when: '2026-09-01 17:30', review: ['a1=progress:first half'] }),
      daysBefore(90),
    );
    logMeeting(j, logInput({ meeting: 'm1' }), daysBefore(80));
    prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-10-01 17:30' }), daysBefore(60));
    logMeeting(j, logInput({ meeting: 'm2' }), daysBefore(50));
    prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-12-03 17:30' }), NOW);
    expect(reported(j, 'm3')).toEqual(['Draft a personal statement']);
    // Not Blair's business: it was reported to Ada only.
    prepMeeting(j, prepInput({ mentor: 'blair', when: '2026-12-04 17:30' }), NOW);
    expect(reported(j, 'm4')).toEqual([]);
    closeAction(j, 'a1', 'done', NOW);
    prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-12-17 17:30' }), NOW);
    // Done since the last meeting with Ada: that is news for her, once.
    expect(reported(j, 'm5')).toEqual(['Draft a personal statement']);
    logMeeting(j, logInput({ meeting: 'm3' }), new Date('2026-12-04T09:00:00Z'));
    expect(reported(j, 'm3')).toEqual(['Draft a personal statement']);
    expect(reported(j, 'm5')).toEqual([]);
  });

  it('an action done or dropped since the last meeting with a mentor is on the next agenda, whichever meeting it was agreed at', () => {
    const j = withAdaAndBlair();
    action(j, { title: 'Collect 50 sets of notes', mentor: 'ada' }, daysBefore(100));
    action(j, { title: 'Book a taster day', mentor: 'ada' }, daysBefore(100));
    action(j, { title: 'Ask Blair about posters', mentor: 'blair' }, daysBefore(100));
    prepMeeting(
      j,
      prepInput({ mentor: 'ada', when: '2026-09-01 17:30', review: ['a1=progress:18 of 50'] }),
      daysBefore(90),
    );
    logMeeting(j, logInput({ meeting: 'm1' }), daysBefore(80));
    prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-10-01 17:30' }), daysBefore(60));
    logMeeting(j, logInput({ meeting: 'm2' }), daysBefore(50));
    // An unplanned chat with Ada, logged afterwards, comes between; both are closed after it.
    logMeeting(j, logInput({ mentor: 'ada', when: '2026-10-20 13:00' }), daysBefore(30));
    closeAction(j, 'a1', 'done', daysBefore(10));
    closeAction(j, 'a2', 'dropped', daysBefore(9));
    closeAction(j, 'a3', 'done', daysBefore(8));
    prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-12-03 17:30' }), NOW);
    const agenda = buildAgenda(
      j,
      j.meetings.find((meeting) => meeting.id === 'm4')!,
    );
    expect(agenda.actionsReviewed.map(({ action: each, state }) => `${each.title}: ${state}`)).toEqual([
      'Collect 50 sets of notes: done',
      'Book a taster day: dropped',
    ]);
  });

  it("the prep wizard's list and the agenda's are the same list: linked to the mentor, to a goal they help with, or what they offered", () => {
    const j = withAdaAndBlair();
    goal(j, { title: 'Get into GP training', mentor: ['ada'] }, daysBefore(50));
    action(j, { title: 'Email the training lead', mentor: 'ada' }, daysBefore(40));
    action(j, { title: 'Shadow a GP clinic', goal: 'g1' }, daysBefore(30));
    action(j, { title: 'Introduce me to Dr Blair', owner: 'mentor', mentor: 'ada' }, daysBefore(20));
    action(j, { title: 'Renew my parking permit' }, daysBefore(10));
    action(j, { title: 'Send Blair the poster', mentor: 'blair' }, daysBefore(5));
    const when = new Date('2026-12-03T17:30:00Z');
    const asked = openActionsConcerning(j, 'lovelace', when).map((each) => each.title);
    expect(asked).toEqual(['Email the training lead', 'Shadow a GP clinic', 'Introduce me to Dr Blair']);
    prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-12-03 17:30' }), NOW);
    expect(reported(j, 'm1')).toEqual(asked);
  });
});

describe('the mentor meant when none is named', () => {
  it('is the only active one; with several, a choice of those not ended, active first, then paused', () => {
    const j = withAdaAndBlair();
    mentor(j, { name: 'Prof Alan Turing' }, daysBefore(100));
    mentor(j, { name: 'Dr Grace Hopper' }, daysBefore(100));
    setMentorStatus(j, 'blair', 'paused', NOW);
    setMentorStatus(j, 'hopper', 'ended', NOW);
    const meant = whichMentor(j, undefined);
    expect('choices' in meant && meant.choices.map((each) => each.handle)).toEqual(['lovelace', 'turing', 'blair']);
    // A command cannot ask, so it names them all in one line.
    expect(() => worded(() => chooseMentor(j, undefined))).toThrow(
      'Which mentor? Give --mentor: lovelace, turing, blair.',
    );
    setMentorStatus(j, 'turing', 'ended', NOW);
    expect(whichMentor(j, undefined)).toEqual({ mentor: j.mentors[0] });
  });

  it('is refused when every mentorship has ended', () => {
    const j = withAdaAndBlair();
    setMentorStatus(j, 'lovelace', 'ended', NOW);
    setMentorStatus(j, 'blair', 'ended', NOW);
    expect(() => worded(() => whichMentor(j, undefined))).toThrow('You have no active mentor yet.');
  });
});

describe('the meetings waiting for notes', () => {
  it('the log wizard offers the meetings `mentee log` would take, none of an ended mentorship, none still to come', () => {
    const j = withAdaAndBlair();
    prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-11-20 17:30' }), daysBefore(10));
    prepMeeting(j, prepInput({ mentor: 'blair', when: '2026-11-23 17:30' }), daysBefore(10));
    prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-11-25 09:30' }), daysBefore(10));
    prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-12-03 17:30' }), daysBefore(10));
    setMentorStatus(j, 'blair', 'ended', NOW);
    // m3 starts in half an hour: it can be logged as it ends, but is not yet waiting.
    expect(meetingsToLog(j, NOW).map((meeting) => meeting.id)).toEqual(['m1', 'm3']);
    expect(meetingAwaitingLog(j, NOW)?.id).toBe('m1');
  });
});

describe('the last meeting held with a mentor', () => {
  it('is the same meeting for parked topics, the agenda and the first-meeting check', () => {
    const j = withAdaAndBlair();
    prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-10-01 17:30', topic: ['Rota', 'Exams'] }), daysBefore(60));
    logMeeting(j, logInput({ meeting: 'm1', covered: ['1'], parked: ['2'] }), daysBefore(50));
    prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-11-01 17:30', topic: ['Audit'] }), daysBefore(30));
    logMeeting(j, logInput({ meeting: 'm2', parked: ['1'] }), daysBefore(20));
    const { meeting: next } = prepMeeting(j, prepInput({ mentor: 'ada', when: '2026-12-03 17:30' }), NOW);
    expect(lastHeldMeeting(j, 'lovelace')?.id).toBe('m2');
    expect(lastHeldMeeting(j, 'lovelace', next)?.id).toBe('m2');
    expect(lastHeldMeeting(j, 'lovelace', j.meetings[1])?.id).toBe('m1');
    expect(parkedTopicsFor(j, 'lovelace', next)).toEqual([{ title: 'Audit', carriedFrom: 'm2' }]);
    expect(lastHeldMeeting(j, 'blair')).toBeUndefined();
  });
});

describe('minutes and handles', () => {
  it('minutes are read by one rule for flags and every wizard: whole, above 0, at most a day', () => {
    expect(readMinutes('45')).toBe(45);
    for (const bad of ['0', '1441', '1.5', '1e3', 'an hour']) expect(() => readMinutes(bad)).toThrow();
    expect(() => prepInput({ length: '1441' })).toThrow('--length: must be at most a day (1440 minutes).');
    expect(() => mentor(journal(), { name: 'Dr B', length: '5000' })).toThrow(/--length/);
  });

  it('a handle the commands would refuse is refused in the journal file too', () => {
    const j = withAdaAndBlair();
    expect(JournalSchema.safeParse(j).success).toBe(true);
    j.mentors[0]!.handle = 'a'.repeat(40);
    expect(JournalSchema.safeParse(j).success).toBe(false);
  });
});
