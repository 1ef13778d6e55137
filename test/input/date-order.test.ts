/**
 * The reading settings: with dateOrder set, "3/12/2026" is read in that order; with weekStart set,
 * "last week" is a period. Unset, both are refused as ever, naming the setting. Now is Wed 25 Nov 2026.
 */
import { describe, expect, it } from 'vitest';
import { toDay } from '../../src/core/dates.js';
import { InputError } from '../../src/input/input-error.js';
import { readPeriodEnd, readPeriodStart } from '../../src/input/period.js';
import { readActionSpec, readDay, readMeetingTime } from '../../src/input/read.js';
import { NOW } from '../core/fixtures.js';

const refusal = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('was not refused');
};

describe('a date written with slashes or dots is read in the order you set', () => {
  it.each([
    ['3/12/2026', 'dmy', '2026-12-03'],
    ['3/12/2026', 'mdy', '2026-03-12'],
    ['03.12.2026', 'dmy', '2026-12-03'],
    ['12/25/2026', 'mdy', '2026-12-25'],
    ['25/12/2026', 'dmy', '2026-12-25'],
  ] as const)('"%s" with dateOrder %s is %s', (text, dateOrder, day) => {
    expect(readDay(text, { now: NOW, dateOrder })).toBe(day);
  });

  it('a meeting time after it is read too', () => {
    const when = readMeetingTime('3/12/2026 17:30', { now: NOW, dateOrder: 'dmy' });
    expect([toDay(when), when.getHours(), when.getMinutes()]).toEqual(['2026-12-03', 17, 30]);
  });

  it('a due date after a colon in an action is read in that order', () => {
    expect(readActionSpec('Email the lead:3/12/2026', { now: NOW, dateOrder: 'dmy' }, 'me').due).toBe('2026-12-03');
  });

  it('a day that does not exist in that order is refused', () => {
    expect(refusal(() => readDay('25/12/2026', { now: NOW, dateOrder: 'mdy' }))).toBe(
      'cannot read "25/12/2026" as a date',
    );
  });

  it('without the setting it is refused, naming both days and the setting', () => {
    expect(refusal(() => readDay('3/12/2026', { now: NOW }))).toBe(
      '"3/12/2026" is Thu 3 Dec 2026 to some and Thu 12 Mar 2026 to others; write 2026-12-03 instead, or set your order once: mentee config set dateOrder dmy (or mdy)',
    );
  });

  it('without the setting, even a date with one possible reading is refused, naming the setting', () => {
    expect(refusal(() => readDay('25/12/2026', { now: NOW }))).toContain('write 2026-12-25 instead');
    expect(refusal(() => readDay('25/12/2026', { now: NOW }))).toContain('mentee config set dateOrder dmy');
  });
});

describe('a week is a period once you say which day it starts on', () => {
  const local = (date: Date) => `${toDay(date)} ${date.toTimeString().slice(0, 8)}`;

  it.each([
    ['last week', 'monday', '2026-11-16 00:00:00', '2026-11-22 23:59:59'],
    ['last week', 'sunday', '2026-11-15 00:00:00', '2026-11-21 23:59:59'],
    ['this week', 'monday', '2026-11-23 00:00:00', '2026-11-29 23:59:59'],
    ['next week', 'sunday', '2026-11-29 00:00:00', '2026-12-05 23:59:59'],
  ] as const)('"%s" with weekStart %s runs from %s to %s', (text, weekStart, start, end) => {
    expect(local(readPeriodStart(text, { now: NOW, weekStart }))).toBe(start);
    expect(local(readPeriodEnd(text, { now: NOW, weekStart }))).toBe(end);
  });

  it('without the setting it is refused, naming the setting', () => {
    expect(refusal(() => readPeriodStart('last week', { now: NOW }))).toContain(
      'or set the first day of your week once: mentee config set weekStart monday (or sunday)',
    );
  });
});
