import { describe, expect, it } from 'vitest';
import {
  readActionSpec,
  readCadence,
  readContact,
  readDate,
  readDay,
  readReviewSpec,
  readTopicNumbers,
  readTopicSpec,
} from '../../src/input/read.js';
import { InputError } from '../../src/input/input-error.js';
import { NOW } from '../core/fixtures.js';

/** A due-dated action as --action reads it, less its owner. */
function actionSpec(spec: string) {
  const { owner: _owner, ...rest } = readActionSpec(spec, { now: NOW }, 'me');
  return rest;
}

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
    expect(() => readTopicSpec(':10')).toThrow(InputError);
    expect(() => readTopicSpec('   ')).toThrow(InputError);
  });

  it('refuses zero minutes and more than a day', () => {
    expect(() => readTopicSpec('Research plan:0')).toThrow(/1 to 1440 minutes/);
    expect(() => readTopicSpec('Research plan:1441')).toThrow(/1 to 1440 minutes/);
  });
});

describe('--action "title:due"', () => {
  it('reads a natural due date after the colon', () => {
    expect(actionSpec('Email the training lead:in 2 weeks')).toEqual({
      title: 'Email the training lead',
      due: '2026-12-09',
    });
  });

  it('reads an ISO due date after the colon', () => {
    expect(actionSpec('Draft statement: 2026-12-18')).toEqual({
      title: 'Draft statement',
      due: '2026-12-18',
    });
  });

  it('has no due date when there is no colon', () => {
    expect(actionSpec('Read the curriculum')).toEqual({ title: 'Read the curriculum' });
  });

  it('keeps a time with a colon in the title when a due date follows', () => {
    expect(actionSpec('Call at 5:30pm:tomorrow')).toEqual({
      title: 'Call at 5:30pm',
      due: '2026-11-26',
    });
  });

  it('keeps earlier colons in the title when the last part is the date', () => {
    expect(actionSpec('Read: chapter 2:next friday')).toMatchObject({ title: 'Read: chapter 2' });
  });

  it('takes "\\:" as a colon that belongs to the title', () => {
    expect(actionSpec('Ratio 3\\:1 review')).toEqual({ title: 'Ratio 3:1 review' });
    expect(actionSpec('Ratio 3\\:1 review:tomorrow')).toEqual({
      title: 'Ratio 3:1 review',
      due: '2026-11-26',
    });
  });

  it('refuses a mistyped due date rather than folding it into the title', () => {
    expect(() => actionSpec('Email the lead:nxt fridya')).toThrow(InputError);
    expect(() => actionSpec('Email the lead:nxt fridya')).toThrow(/nxt fridya/);
  });

  it('refuses an impossible due date', () => {
    expect(() => actionSpec('Submit form:2026-02-30')).toThrow(InputError);
  });

  it('names the flag it was given in its errors', () => {
    expect(() => readActionSpec('Intro:whenever', { now: NOW }, 'mentor')).toThrow(
      /cannot read "whenever" as a due date/,
    );
  });

  it('refuses an action with a due date but no title', () => {
    expect(() => actionSpec(':tomorrow')).toThrow(/no title/);
    expect(() => actionSpec('  ')).toThrow(InputError);
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
    expect(() => readReviewSpec('a3=finished')).toThrow(InputError);
    expect(() => readReviewSpec('a3=finished')).toThrow(/done, progress, blocked, dropped, open/);
  });

  it('refuses a review that does not name an action', () => {
    expect(() => readReviewSpec('3=done')).toThrow(InputError);
    expect(() => readReviewSpec('g3=done')).toThrow(InputError);
    expect(() => readReviewSpec('a3')).toThrow(InputError);
  });
});

describe('topic numbers for --covered / --parked', () => {
  it('reads single numbers, lists and ranges', () => {
    expect(readTopicNumbers(['1'])).toEqual([1]);
    expect(readTopicNumbers(['1,3'])).toEqual([1, 3]);
    expect(readTopicNumbers(['1-3'])).toEqual([1, 2, 3]);
    expect(readTopicNumbers(['1', '4-5'])).toEqual([1, 4, 5]);
  });

  it('reads nothing when the flag was not given', () => {
    expect(readTopicNumbers([])).toEqual([]);
  });

  it('refuses topic 0, backwards ranges and words, naming the flag', () => {
    expect(() => readTopicNumbers(['0'])).toThrow(/not a valid topic number/);
    expect(() => readTopicNumbers(['3-1'])).toThrow(InputError);
    expect(() => readTopicNumbers(['first'])).toThrow(/"first" is not a topic number/);
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
    expect(() => readContact(':ada@example.org')).toThrow(InputError);
  });
});

describe('dates and cadences given to flags', () => {
  it('reports an unreadable date as a usage error naming the flag and the text', () => {
    expect(() => readDate('someday', { now: NOW })).toThrow(InputError);
    expect(() => readDate('someday', { now: NOW })).toThrow(/cannot read "someday"/);
  });

  it('stores a day as YYYY-MM-DD', () => {
    expect(readDay('tomorrow', { now: NOW })).toBe('2026-11-26');
  });

  it('refuses a cadence it cannot read', () => {
    expect(readCadence('4w')).toBe(28);
    expect(() => readCadence('often')).toThrow(/cannot read "often"/);
  });
});

describe('long typed text is read in linear time', () => {
  /** How long `read` takes on `text`, in ms (errors are fine: only the time counts here). */
  function msFor(read: (text: string) => unknown, text: string): number {
    const started = performance.now();
    try {
      read(text);
    } catch {
      // A refusal is an answer too.
    }
    return performance.now() - started;
  }

  it('an --action with a long title full of colons is read in well under a second', () => {
    expect(msFor((text) => readActionSpec(text, { now: NOW }, 'me'), 'a:'.repeat(50_000))).toBeLessThan(1_000);
    expect(msFor((text) => readActionSpec(text, { now: NOW }, 'me'), 'next friday: '.repeat(10_000))).toBeLessThan(
      1_000,
    );
    expect(actionSpec(`${'Ratio: '.repeat(1_000)}Call:tomorrow`)).toEqual({
      title: `${'Ratio: '.repeat(1_000)}Call`,
      due: '2026-11-26',
    });
  });

  it('a due date is short: text longer than any date after the colon is refused, not parsed', () => {
    expect(() => actionSpec(`Call:${'tomorrow '.repeat(20)}`)).toThrow(/as a due date/);
  });

  it('a --topic, topic numbers and a --review with long runs of spaces are read at once', () => {
    expect(msFor(readTopicSpec, `x:1${' '.repeat(100_000)}!`)).toBeLessThan(500);
    expect(msFor((text) => readTopicNumbers([text]), `1${' '.repeat(100_000)}!`)).toBeLessThan(500);
    expect(msFor(readReviewSpec, `a1=${'a'.repeat(100_000)}!`)).toBeLessThan(500);
    expect(msFor((text) => readDate(text, { now: NOW }), 'next friday '.repeat(10_000))).toBeLessThan(500);
    expect(readTopicNumbers([' 1 - 3 '])).toEqual([1, 2, 3]);
  });
});
