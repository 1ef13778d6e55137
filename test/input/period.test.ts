/** Where a report's period starts and ends, as people say it (--since, --from, --to). Now is Wed 25 Nov 2026, 09:00. */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/input-error.js';
import { readPeriodEnd, readPeriodStart } from '../../src/input/period.js';
import { readDay } from '../../src/input/read.js';
import { NOW } from '../core/fixtures.js';

const local = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')} ${date.toTimeString().slice(0, 8)}.${String(date.getMilliseconds()).padStart(3, '0')}`;

const refusal = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('was not refused');
};

describe('a period named for its start: it starts on its first day', () => {
  it.each([
    ['this year', '2026-01-01'],
    ['last year', '2025-01-01'],
    ['next year', '2027-01-01'],
    ['this month', '2026-11-01'],
    ['last month', '2026-10-01'],
    ['previous month', '2026-10-01'],
    ['next month', '2026-12-01'],
    ['Last  Month', '2026-10-01'],
    ['2025', '2025-01-01'],
    ['march 2026', '2026-03-01'],
    ['Sept 2025', '2025-09-01'],
    ['2026-02', '2026-02-01'],
  ])('"%s" starts on %s at midnight', (text, day) => {
    expect(local(readPeriodStart(text, { now: NOW }))).toBe(`${day} 00:00:00.000`);
  });

  it('a day starts at its midnight, whatever time is given', () => {
    expect(local(readPeriodStart('2026-09-01', { now: NOW }))).toBe('2026-09-01 00:00:00.000');
    expect(local(readPeriodStart('2026-09-01 17:30', { now: NOW }))).toBe('2026-09-01 00:00:00.000');
    expect(local(readPeriodStart('3 weeks ago', { now: NOW }))).toBe('2026-11-04 00:00:00.000');
  });

  it('last month in January is December of the year before', () => {
    expect(local(readPeriodStart('last month', { now: new Date('2027-01-15T09:00:00Z') }))).toBe(
      '2026-12-01 00:00:00.000',
    );
  });
});

describe('a period named for its end: it ends with its last day', () => {
  it.each([
    ['last month', '2026-10-31'],
    ['this year', '2026-12-31'],
    ['last year', '2025-12-31'],
    ['february 2028', '2028-02-29'],
    ['2026-11-30', '2026-11-30'],
  ])('"%s" ends at the end of %s', (text, day) => {
    expect(local(readPeriodEnd(text, { now: NOW }))).toBe(`${day} 23:59:59.999`);
  });
});

describe('what could be read more than one way is refused, saying how to say it', () => {
  it('a week, which starts on Sunday for some and Monday for others', () => {
    expect(refusal(() => readPeriodStart('last week', { now: NOW }))).toBe(
      '"last week" starts on Sun 15 Nov 2026 for some and Mon 16 Nov 2026 for others; give the day, e.g. 2026-11-16, or set the first day of your week once: mentee config set weekStart monday (or sunday)',
    );
    expect(refusal(() => readPeriodStart('this week', { now: NOW }))).toContain('give the day, e.g. 2026-11-23');
  });

  it('a month with no year', () => {
    expect(refusal(() => readPeriodStart('march', { now: NOW }))).toBe(
      '"march" has no year; say which, e.g. "march 2026"',
    );
    expect(refusal(() => readPeriodStart('December', { now: NOW }))).toBe(
      '"December" has no year; say which, e.g. "December 2025"',
    );
  });

  it('text that is no date at all', () => {
    expect(refusal(() => readPeriodStart('soonish', { now: NOW }))).toBe('cannot read "soonish" as a date');
    expect(refusal(() => readPeriodStart('2026-13', { now: NOW }))).toBe('cannot read "2026-13" as a date');
  });
});

describe('a due date stays a day', () => {
  it.each(['next month', 'this year', 'last month', '2026'])('"%s" is refused as a due date', (text) => {
    expect(() => readDay(text, { now: NOW })).toThrow(InputError);
  });
});
