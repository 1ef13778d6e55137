/** The wizards' date questions: a meeting's time is asked back, never guessed, and what was understood is said. */
import { describe, expect, it } from 'vitest';
import { askDate } from '../../src/wizards/questions.js';
import { scripted } from '../helpers/scripted-prompter.js';
import { NOW } from '../core/fixtures.js';

const meeting = { message: 'When do you meet?', needsTime: true };

describe('askDate for a meeting (needsTime)', () => {
  it('asks back for the time of a day given alone, then says what it understood', async () => {
    const prompt = scripted([
      [/When do you meet/, 'thursday'],
      [/^What time on Thu 26 Nov 2026\?/, '17.30'],
    ]);
    const when = await askDate(prompt, { now: NOW }, meeting);
    prompt.done();
    expect(when.toISOString()).toBe('2026-11-26T17:30:00.000Z');
    expect(prompt.said).toEqual(['→ Thu 26 Nov 2026, 17:30']);
  });

  it('takes a day and a time at once, and says it', async () => {
    const prompt = scripted([[/When do you meet/, '2027-01-07 17:30']]);
    expect((await askDate(prompt, { now: NOW }, meeting)).toISOString()).toBe('2027-01-07T17:30:00.000Z');
    prompt.done();
    expect(prompt.said).toEqual(['→ Thu 7 Jan 2027, 17:30']);
  });

  it('asks again when the answer names no day, saying why', async () => {
    const prompt = scripted([
      [/When do you meet/, 'next week'],
      [/When do you meet/, 'march'],
      [/When do you meet/, '5pm'],
      [/When do you meet/, 'fri week 5pm'],
    ]);
    expect((await askDate(prompt, { now: NOW }, meeting)).toISOString()).toBe('2026-12-04T17:00:00.000Z');
    prompt.done();
    expect(prompt.refused.map((refusal) => refusal.error)).toEqual([
      '"next week" is not a day; say which day, e.g. "3 march" or "next monday".',
      '"march" is not a day; say which day, e.g. "3 march" or "next monday".',
      '"5pm" has no day; say which, e.g. "tomorrow 5pm".',
    ]);
  });

  it('checks the whole date once the time is known', async () => {
    const prompt = scripted([
      [/When do you meet/, 'today'],
      [/What time on Wed 25 Nov 2026/, '10:00'],
      [/What time on Wed 25 Nov 2026/, '08:00'],
    ]);
    const when = await askDate(
      prompt,
      { now: NOW },
      {
        ...meeting,
        check: (date) => (date <= NOW ? true : 'That is still to come.'),
      },
    );
    prompt.done();
    expect(when.toISOString()).toBe('2026-11-25T08:00:00.000Z');
    expect(prompt.refused).toMatchObject([{ answer: '10:00', error: 'That is still to come.' }]);
  });
});

describe('askDate for a due date', () => {
  it('takes a day alone and says which day it is', async () => {
    const prompt = scripted([[/By when/, 'end of feb']]);
    const due = await askDate(prompt, { now: NOW }, { message: 'By when?', optional: true });
    prompt.done();
    expect(due?.getDate()).toBe(28);
    expect(prompt.said).toEqual(['→ Sun 28 Feb 2027']);
  });
});
