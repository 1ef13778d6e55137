/** The rules behind the review fixes, tested on the core functions directly with a fixed clock. */
import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/errors.js';
import { toDay } from '../../src/core/dates.js';
import { newUid } from '../../src/core/ids.js';
import { parseDateInput } from '../../src/input/date-text.js';
import { assertLoggable, logMeeting } from '../../src/core/log.js';
import { hasHappened } from '../../src/core/meetings.js';
import { editMentor, setMentorStatus } from '../../src/core/mentors.js';
import { addTopic, prepMeeting } from '../../src/core/prep.js';
import type { Journal, Meeting, Topic } from '../../src/core/schema.js';
import { InputError } from '../../src/input/input-error.js';
import { readTopicNumbers, readTopicSpec } from '../../src/input/read.js';
import { parseOptions } from '../../src/commands/parse-options.js';
import { noteFlags } from '../../src/commands/common-flags.js';
import { computeStatus } from '../../src/core/status.js';
import { withoutControls } from '../../src/core/text.js';
import {
  action,
  actionInput,
  journal,
  logInput,
  mentor,
  mentorEdit,
  mentorInput,
  NOW,
  prepInput,
  worded,
} from './fixtures.js';

const MINUTE = 60_000;
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function withAda(): Journal {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace' });
  return j;
}

/** Ada's journal with a meeting prepared for `when` (m1), two topics on its agenda. */
function preparedAt(when: string): Journal {
  const j = withAda();
  prepMeeting(j, prepInput({ when, topic: ['Specialty choice', 'Rota'] }), NOW);
  return j;
}

const meetingAt = (when: string): Meeting => ({
  id: 'm1',
  uid: newUid(),
  mentor: 'lovelace',
  when,
  lengthMinutes: 30,
  mode: 'in-person',
  status: 'planned',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
});

describe('logging a meeting that already has notes', () => {
  it('is refused without --amend, naming the flag and how to see the notes', () => {
    const j = preparedAt('2026-11-20 17:30');
    logMeeting(j, logInput({ meeting: 'm1', advice: ['Talk to three GPs'] }), NOW);
    const again = () => worded(() => logMeeting(j, logInput({ meeting: 'm1', advice: ['Shadow a clinic'] }), NOW));
    expect(again).toThrow(UserError);
    expect(again).toThrow('m1 already has notes; add --amend to add to them.');
    expect(j.meetings[0]!.log?.advice).toEqual(['Talk to three GPs']);
  });

  it('with --amend adds advice and appends the new private reflection to the first, keeping both', () => {
    const j = preparedAt('2026-11-20 17:30');
    logMeeting(j, logInput({ meeting: 'm1', advice: ['Talk to three GPs'], private: 'First thought' }), NOW);
    const { meeting } = logMeeting(
      j,
      logInput({ meeting: 'm1', amend: true, advice: ['Shadow a clinic'], private: 'Second thought' }),
      NOW,
    );
    expect(meeting.log?.advice).toEqual(['Talk to three GPs', 'Shadow a clinic']);
    const reflection = meeting.log?.privateReflection ?? '';
    expect(reflection.startsWith('First thought')).toBe(true);
    expect(reflection.endsWith('Second thought')).toBe(true);
  });

  it('with --amend but no new reflection leaves the first reflection as it was', () => {
    const j = preparedAt('2026-11-20 17:30');
    logMeeting(j, logInput({ meeting: 'm1', private: 'First thought' }), NOW);
    const { meeting } = logMeeting(j, logInput({ meeting: 'm1', amend: true, decision: ['Apply'] }), NOW);
    expect(meeting.log?.privateReflection).toBe('First thought');
    expect(meeting.log?.decisions).toEqual(['Apply']);
  });
});

describe('logging a meeting still to come', () => {
  it('is refused for a planned meeting days ahead, saying when it is planned', () => {
    const j = preparedAt('2026-11-28 10:00');
    expect(() => worded(() => logMeeting(j, logInput({ meeting: 'm1', advice: ['x'] }), NOW))).toThrow(
      'm1 is planned for Sat 28 Nov 2026, 10:00; log it once it has happened',
    );
    expect(j.meetings[0]!.log).toBeUndefined();
  });

  it('is refused for --mentor with --when tomorrow', () => {
    const j = withAda();
    expect(() =>
      worded(() => logMeeting(j, logInput({ mentor: 'lovelace', when: 'tomorrow 17:30', advice: ['x'] }), NOW)),
    ).toThrow(/log it once it has happened/);
  });

  it('allows an hour of slack before the start, and no more', () => {
    expect(hasHappened(new Date(NOW.getTime() + 60 * MINUTE), NOW)).toBe(true);
    expect(hasHappened(new Date(NOW.getTime() + 61 * MINUTE), NOW)).toBe(false);
    expect(hasHappened('2026-11-24T09:00:00.000Z', NOW)).toBe(true);
    expect(() => worded(() => assertLoggable(meetingAt('2026-11-25T09:45:00.000Z'), false, NOW))).not.toThrow();
    expect(() => worded(() => assertLoggable(meetingAt('2026-11-25T10:30:00.000Z'), false, NOW))).toThrow(UserError);
  });

  it('--amend does not make a meeting still to come loggable', () => {
    expect(() => worded(() => assertLoggable(meetingAt('2026-12-01T10:00:00.000Z'), true, NOW))).toThrow(
      /is planned for/,
    );
  });
});

describe('--next', () => {
  it.each(['2026-11-19 09:00', '2026-11-20 17:30'])('is refused when %s is not after the meeting', (next) => {
    const j = preparedAt('2026-11-20 17:30');
    const log = () => worded(() => logMeeting(j, logInput({ meeting: 'm1', next }), NOW));
    expect(log).toThrow(UsageError);
    expect(log).toThrow('--next: the next meeting must come after this one (Fri 20 Nov 2026, 17:30).');
  });

  it('on the same day as another planned meeting moves that meeting to the given time', () => {
    const j = preparedAt('2026-11-20 17:30');
    prepMeeting(j, prepInput({ when: '2026-12-03 09:00', topic: ['Research plan'] }), NOW);
    const { nextMeeting } = logMeeting(j, logInput({ meeting: 'm1', next: '2026-12-03 18:15' }), NOW);
    expect(nextMeeting).toMatchObject({ id: 'm2', when: '2026-12-03T18:15:00.000Z', status: 'planned' });
    expect(nextMeeting?.prep?.topics).toEqual([{ title: 'Research plan' }]);
    expect(j.meetings).toHaveLength(2);
  });

  it('never moves the meeting being logged, even to a later time on its own day', () => {
    const j = preparedAt('2026-11-24 10:00');
    const { meeting, nextMeeting } = logMeeting(j, logInput({ meeting: 'm1', next: '2026-11-24 16:00' }), NOW);
    expect(meeting).toMatchObject({ id: 'm1', when: '2026-11-24T10:00:00.000Z', status: 'held' });
    expect(nextMeeting).toMatchObject({ id: 'm2', when: '2026-11-24T16:00:00.000Z', status: 'planned' });
    expect(j.meetings).toHaveLength(2);
  });
});

describe('log --mentor X --when yesterday, twice on the same day', () => {
  it('finds the same meeting the second time: refused without --amend, added to with it', () => {
    const j = withAda();
    const first = logMeeting(
      j,
      logInput({ mentor: 'lovelace', when: 'yesterday 15:00', advice: ['One'] }),
      NOW,
    ).meeting;
    expect(() =>
      worded(() => logMeeting(j, logInput({ mentor: 'lovelace', when: 'yesterday 15:00', advice: ['Two'] }), NOW)),
    ).toThrow(`${first.id} already has notes; add --amend`);
    const second = logMeeting(
      j,
      logInput({ mentor: 'lovelace', when: 'yesterday 15:00', advice: ['Two'], amend: true }),
      NOW,
    ).meeting;
    expect(second).toBe(first);
    expect(j.meetings).toHaveLength(1);
    expect(second.log?.advice).toEqual(['One', 'Two']);
  });
});

describe('dates (now is Wed 25 Nov 2026)', () => {
  const day = (text: string) => {
    const parsed = parseDateInput(text, { now: NOW });
    return parsed && toDay(parsed);
  };

  it('"last monday" is Mon 23 Nov, in the past', () => {
    expect(day('last monday')).toBe('2026-11-23');
    expect(parseDateInput('last monday', { now: NOW })!.getTime()).toBeLessThan(NOW.getTime());
  });

  it('a bare weekday is the coming one: "friday" is 27 Nov, "monday" 30 Nov', () => {
    expect(day('friday')).toBe('2026-11-27');
    expect(day('monday')).toBe('2026-11-30');
  });

  it.each(['03/12/2026', '12/03/2026 17:30', '3.12.2026', '3 / 12'])('refuses the ambiguous date "%s"', (text) => {
    expect(parseDateInput(text, { now: NOW })).toBeUndefined();
  });
});

describe('control characters in typed text', () => {
  it('are removed, the rest of the text kept', () => {
    expect(withoutControls('Call\u001b]0;pwned\u0007 the lead\u001b[2J now\u202E!')).toBe(
      'Call]0;pwned the lead[2J now!',
    );
  });

  it('keep newlines and tabs, which are text', () => {
    expect(withoutControls('one\ntwo\tthree')).toBe('one\ntwo\tthree');
  });

  it('are removed by the input schemas before anything is saved', () => {
    const input = logInput({ meeting: 'm1', advice: ['\u001b[2JTalk to GPs'], private: 'Felt \u202Eodd\u202C' });
    expect(input.advice).toEqual(['[2JTalk to GPs']);
    expect(input.privateReflection).toBe('Felt odd');
    const title = actionInput({ title: 'Email\u0007 the lead\u009b' }).title;
    expect(title).toBe('Email the lead');
    expect(title).not.toMatch(UNSAFE);
  });

  it('leave a title made only of control characters empty, which is refused', () => {
    expect(() => worded(() => actionInput({ title: '\u001b\u0007\u202E' }))).toThrow(/must not be empty/);
  });
});

describe('topic numbers', () => {
  it('refuses a huge range quickly instead of listing every number', () => {
    const started = Date.now();
    expect(() => worded(() => readTopicNumbers(['1-99999999']))).toThrow(InputError);
    expect(() => worded(() => readTopicNumbers(['1-99999999']))).toThrow(/goes past any agenda/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('still reads a range up to the limit', () => {
    expect(readTopicNumbers(['1-200'])).toHaveLength(200);
    expect(() => worded(() => readTopicNumbers(['201']))).toThrow(InputError);
  });

  it('a huge range given to log is refused and leaves the meeting unlogged', () => {
    const j = preparedAt('2026-11-20 17:30');
    expect(() => worded(() => logMeeting(j, logInput({ meeting: 'm1', covered: ['1-99999999'] }), NOW))).toThrow(
      UsageError,
    );
    expect(j.meetings[0]!.status).toBe('planned');
  });
});

describe('topics', () => {
  it('"Handover at 17:30" keeps the whole text as its title, with no minutes', () => {
    expect(readTopicSpec('Handover at 17:30')).toEqual({ title: 'Handover at 17:30' });
    expect(readTopicSpec('Research plan:10')).toEqual({ title: 'Research plan', minutes: 10 });
  });

  it('naming a topic again without minutes keeps the minutes it had', () => {
    const topics: Topic[] = [{ title: 'Rota', minutes: 15 }];
    addTopic(topics, { title: 'rota', kind: 'update' });
    expect(topics).toHaveLength(1);
    expect(topics[0]).toMatchObject({ minutes: 15, kind: 'update' });
    expect(topics[0]!.title.toLowerCase()).toBe('rota');
  });

  it('naming a topic again with new minutes changes them', () => {
    const topics: Topic[] = [{ title: 'Rota', minutes: 15 }];
    addTopic(topics, { title: 'Rota', minutes: 5 });
    expect(topics).toEqual([{ title: 'Rota', minutes: 5 }]);
  });

  it('template topics added through prep are not duplicated by a second prep', () => {
    const j = withAda();
    const drafts = [{ title: 'The options I am weighing', kind: 'decision' as const, minutes: 10 }];
    prepMeeting(j, { ...prepInput({ when: '2026-12-03 17:30' }), topics: drafts }, NOW);
    prepMeeting(j, { ...prepInput({ meeting: 'm1' }), topics: drafts }, NOW);
    expect(j.meetings[0]!.prep?.topics).toEqual(drafts);
  });
});

describe('values that are refused', () => {
  it.each([
    ['1e3', 'must be a whole number of minutes'],
    ['0x10', 'must be a whole number of minutes'],
    ['0', 'must be more than 0 minutes'],
    ['1.5', 'must be a whole number of minutes'],
  ])('--length %s', (length, message) => {
    expect(() => worded(() => mentorInput({ name: 'Dr B', length }))).toThrow(`--length: ${message}.`);
    expect(() => worded(() => prepInput({ length }))).toThrow(`--length: ${message}.`);
  });

  it('--length 30 is read as 30 minutes', () => {
    expect(mentorInput({ name: 'Dr B', length: '30' }).lengthMinutes).toBe(30);
  });

  it.each(['m1', 'g2', 'A3'])('--handle %s, which looks like a record id', (handle) => {
    const j = journal();
    expect(() => worded(() => mentor(j, { name: 'Dr B', handle }))).toThrow(UsageError);
    expect(() => worded(() => mentor(j, { name: 'Dr B', handle }))).toThrow(/looks like a record id/);
    expect(j.mentors).toHaveLength(0);
  });

  it('mentor edit with no change flags', () => {
    const j = withAda();
    const before = structuredClone(j.mentors[0]);
    expect(() => worded(() => editMentor(j, 'lovelace', mentorEdit({}), NOW))).toThrow(/^Nothing to change/);
    expect(j.mentors[0]).toEqual(before);
  });

  it('a blank --note', () => {
    expect(() => worded(() => parseOptions(noteFlags, { note: '   ' }))).toThrow('--note: must not be empty.');
    expect(parseOptions(noteFlags, {}).note).toBeUndefined();
  });
});

describe('status', () => {
  it('leaves out planned meetings of a mentor whose mentorship has ended', () => {
    const j = withAda();
    mentor(j, { name: 'Prof Bob Blair' });
    prepMeeting(j, prepInput({ mentor: 'blair', when: '2026-12-01 10:00' }), NOW);
    prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-12-05 10:00' }), NOW);
    setMentorStatus(j, 'blair', 'ended', NOW);
    expect(computeStatus(j, NOW).nextMeeting?.meeting.id).toBe('m2');
  });

  it('leaves out commitments of a mentor whose mentorship has ended', () => {
    const j = withAda();
    mentor(j, { name: 'Prof Bob Blair' });
    action(j, { title: 'Introduce me to Dr Xu', owner: 'mentor', mentor: 'blair' });
    action(j, { title: 'Send the rota', owner: 'mentor', mentor: 'lovelace' });
    setMentorStatus(j, 'blair', 'ended', NOW);
    expect(computeStatus(j, NOW).mentorCommitments.map((commitment) => commitment.title)).toEqual(['Send the rota']);
  });

  it('counts a meeting that started earlier today as awaiting notes, not next, once its length has passed', () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-11-25 08:00', length: '30' }), NOW);
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30' }), NOW);
    const status = computeStatus(j, NOW);
    expect(status.awaitingLog?.id).toBe('m1');
    expect(status.nextMeeting?.meeting.id).toBe('m2');
  });

  it('keeps a meeting in progress as the next meeting until its length has passed', () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-11-25 08:45', length: '30' }), NOW);
    expect(computeStatus(j, NOW).nextMeeting?.meeting.id).toBe('m1');
    expect(computeStatus(j, new Date(NOW.getTime() + 16 * MINUTE)).nextMeeting).toBeUndefined();
  });
});
