import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  readActionSpec,
  readCadence,
  readContact,
  readDate,
  readDay,
  readReviewSpec,
  readTopicNumbers,
  readTopicSpec,
} from '../../src/core/specs.js';
import { NOW } from './fixtures.js';

describe('--topic "title:minutes"', () => {
  it('reads the minutes after the last colon', () => {
    expect(readTopicSpec('Research plan:10')).toEqual({ title: 'Research plan', minutes: 10 });
  });

  it('leaves minutes out when none are given', () => {
    expect(readTopicSpec('Specialty choice')).toEqual({ title: 'Specialty choice' });
  });

  it('accepts "min" and "minutes" after the number, with spaces', () => {
    expect(readTopicSpec('Rota: 15 min')).toEqual({ title: 'Rota', minutes: 15 });
    expect(readTopicSpec('Rota:5minutes')).toEqual({ title: 'Rota', minutes: 5 });
  });

  it('keeps a colon followed by words as part of the title', () => {
    expect(readTopicSpec('Question: should I apply?')).toEqual({ title: 'Question: should I apply?' });
  });

  it('refuses a topic with minutes but no title', () => {
    expect(() => readTopicSpec(':10')).toThrow(UsageError);
    expect(() => readTopicSpec('   ')).toThrow(UsageError);
  });

  it('refuses zero minutes and more than a day', () => {
    expect(() => readTopicSpec('Research plan:0')).toThrow(/1 to 1440 minutes/);
    expect(() => readTopicSpec('Research plan:1441')).toThrow(/1 to 1440 minutes/);
  });
});

describe('--action "title:due"', () => {
  it('reads a natural due date after the colon', () => {
    expect(readActionSpec('Email the training lead:in 2 weeks', NOW, '--action')).toEqual({
      title: 'Email the training lead',
      due: '2026-12-09',
    });
  });

  it('reads an ISO due date after the colon', () => {
    expect(readActionSpec('Draft statement: 2026-12-18', NOW, '--action')).toEqual({
      title: 'Draft statement',
      due: '2026-12-18',
    });
  });

  it('has no due date when there is no colon', () => {
    expect(readActionSpec('Read the curriculum', NOW, '--action')).toEqual({ title: 'Read the curriculum' });
  });

  it('keeps a time with a colon in the title when a due date follows', () => {
    expect(readActionSpec('Call at 5:30pm:tomorrow', NOW, '--action')).toEqual({
      title: 'Call at 5:30pm',
      due: '2026-11-26',
    });
  });

  it('keeps earlier colons in the title when the last part is the date', () => {
    expect(readActionSpec('Read: chapter 2:next friday', NOW, '--action')).toMatchObject({ title: 'Read: chapter 2' });
  });

  it('takes "\\:" as a colon that belongs to the title', () => {
    expect(readActionSpec('Ratio 3\\:1 review', NOW, '--action')).toEqual({ title: 'Ratio 3:1 review' });
    expect(readActionSpec('Ratio 3\\:1 review:tomorrow', NOW, '--action')).toEqual({
      title: 'Ratio 3:1 review',
      due: '2026-11-26',
    });
  });

  it('refuses a mistyped due date rather than folding it into the title', () => {
    expect(() => readActionSpec('Email the lead:nxt fridya', NOW, '--action')).toThrow(UsageError);
    expect(() => readActionSpec('Email the lead:nxt fridya', NOW, '--action')).toThrow(/nxt fridya/);
  });

  it('refuses an impossible due date', () => {
    expect(() => readActionSpec('Submit form:2026-02-30', NOW, '--action')).toThrow(UsageError);
  });

  it('names the flag it was given in its errors', () => {
    expect(() => readActionSpec('Intro:whenever', NOW, '--mentor-action')).toThrow(/--mentor-action/);
  });

  it('refuses an action with a due date but no title', () => {
    expect(() => readActionSpec(':tomorrow', NOW, '--action')).toThrow(/no title/);
    expect(() => readActionSpec('  ', NOW, '--action')).toThrow(UsageError);
  });
});

describe('--review "a3=done" / "a4=blocked:reason"', () => {
  it('reads an action id and a state', () => {
    expect(readReviewSpec('a3=done')).toEqual({ actionId: 'a3', state: 'done' });
  });

  it('reads a reason after the colon as a note', () => {
    expect(readReviewSpec('a4=blocked:waiting on rota')).toEqual({
      actionId: 'a4',
      state: 'blocked',
      note: 'waiting on rota',
    });
  });

  it('is forgiving about case, spaces and common synonyms', () => {
    expect(readReviewSpec(' A5 = Done ')).toEqual({ actionId: 'a5', state: 'done' });
    expect(readReviewSpec('a6=in-progress:half drafted')).toEqual({
      actionId: 'a6',
      state: 'progress',
      note: 'half drafted',
    });
    expect(readReviewSpec('a7=completed').state).toBe('done');
    expect(readReviewSpec('a8=drop').state).toBe('dropped');
  });

  it('refuses an unknown state, naming the accepted ones', () => {
    expect(() => readReviewSpec('a3=finished')).toThrow(UsageError);
    expect(() => readReviewSpec('a3=finished')).toThrow(/done, progress, blocked, dropped, open/);
  });

  it('refuses a review that does not name an action', () => {
    expect(() => readReviewSpec('3=done')).toThrow(UsageError);
    expect(() => readReviewSpec('g3=done')).toThrow(UsageError);
    expect(() => readReviewSpec('a3')).toThrow(UsageError);
  });
});

describe('topic numbers for --covered / --parked', () => {
  it('reads single numbers, lists and ranges', () => {
    expect(readTopicNumbers(['1'], '--covered')).toEqual([1]);
    expect(readTopicNumbers(['1,3'], '--covered')).toEqual([1, 3]);
    expect(readTopicNumbers(['1-3'], '--covered')).toEqual([1, 2, 3]);
    expect(readTopicNumbers(['1', '4-5'], '--covered')).toEqual([1, 4, 5]);
  });

  it('reads nothing when the flag was not given', () => {
    expect(readTopicNumbers([], '--parked')).toEqual([]);
  });

  it('refuses topic 0, backwards ranges and words, naming the flag', () => {
    expect(() => readTopicNumbers(['0'], '--parked')).toThrow(/--parked/);
    expect(() => readTopicNumbers(['3-1'], '--covered')).toThrow(UsageError);
    expect(() => readTopicNumbers(['first'], '--covered')).toThrow(/"first" is not a topic number/);
  });
});

describe('--contact "channel:address"', () => {
  it('splits a channel from its address at the first colon', () => {
    expect(readContact('email:ada@example.org')).toEqual({ channel: 'email', address: 'ada@example.org' });
    expect(readContact('Teams: https://example.org/ada')).toEqual({
      channel: 'teams',
      address: 'https://example.org/ada',
    });
  });

  it('accepts a channel on its own', () => {
    expect(readContact('phone')).toEqual({ channel: 'phone', address: '' });
  });

  it('refuses an address with no channel', () => {
    expect(() => readContact(':ada@example.org')).toThrow(UsageError);
  });
});

describe('dates and cadences given to flags', () => {
  it('reports an unreadable date as a usage error naming the flag and the text', () => {
    expect(() => readDate('someday', NOW, '--when')).toThrow(UsageError);
    expect(() => readDate('someday', NOW, '--when')).toThrow(/--when: cannot read "someday"/);
  });

  it('stores a day as YYYY-MM-DD', () => {
    expect(readDay('tomorrow', NOW, '--due')).toBe('2026-11-26');
  });

  it('refuses a cadence it cannot read', () => {
    expect(readCadence('4w')).toBe(28);
    expect(() => readCadence('often')).toThrow(/--cadence/);
  });
});
