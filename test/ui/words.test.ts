import { describe, expect, it } from 'vitest';
import {
  cadenceText,
  count,
  dueText,
  formatDateTime,
  formatDay,
  fromNow,
  relativeDay,
  shortDay,
  spanText,
} from '../../src/ui/words.js';
import { NOW } from '../core/fixtures.js';

describe('dates as a reader anywhere understands them', () => {
  it('writes a day and a time with the weekday and the month in words', () => {
    expect(formatDay('2026-12-03')).toBe('Thu 3 Dec 2026');
    expect(formatDay('2026-12-03T17:30:00.000Z')).toBe('Thu 3 Dec 2026');
    expect(formatDateTime('2026-12-03T17:30:00.000Z')).toBe('Thu 3 Dec 2026, 17:30');
  });

  it('names the day beside how far it is: "Sat 28 Nov, in 3 days", "Wed 11 Nov, 2 weeks ago"', () => {
    expect(relativeDay('2026-11-25', NOW)).toBe('Wed 25 Nov, today');
    expect(relativeDay('2026-11-26', NOW)).toBe('Thu 26 Nov, tomorrow');
    expect(relativeDay('2026-11-24', NOW)).toBe('Tue 24 Nov, yesterday');
    expect(relativeDay('2026-11-28', NOW)).toBe('Sat 28 Nov, in 3 days');
    expect(relativeDay('2026-11-11', NOW)).toBe('Wed 11 Nov, 2 weeks ago');
  });

  it('says only how far a day is where its date is already shown', () => {
    expect(fromNow('2026-11-28', NOW)).toBe('in 3 days');
    expect(fromNow('2026-11-24', NOW)).toBe('yesterday');
  });

  it.each([
    ['2026-12-09', '2026-12-15'],
    ['2026-11-11', '2026-11-05'],
    ['2027-01-25', '2027-02-20'],
  ])('never words two days a few days apart the same (%s, %s)', (one, other) => {
    expect(relativeDay(one, NOW)).not.toBe(relativeDay(other, NOW));
    expect(dueText(one, NOW)).not.toBe(dueText(other, NOW));
  });

  it('adds the year only to a day more than about six months away', () => {
    expect(relativeDay('2027-01-01', NOW)).toBe('Fri 1 Jan, in 5 weeks');
    expect(relativeDay('2027-08-01', NOW)).toBe('Sun 1 Aug 2027, in 8 months');
    expect(shortDay('2025-11-25', NOW)).toBe('Tue 25 Nov 2025');
  });

  it('counts calendar days, so a meeting late tomorrow is still "tomorrow"', () => {
    expect(relativeDay(new Date('2026-11-26T23:30:00Z'), NOW)).toBe('Thu 26 Nov, tomorrow');
    expect(relativeDay(new Date('2026-11-25T23:59:00Z'), NOW)).toBe('Wed 25 Nov, today');
  });

  it('describes due dates with the date, and missed ones as overdue', () => {
    expect(dueText('2026-11-25', NOW)).toBe('due Wed 25 Nov, today');
    expect(dueText('2026-11-26', NOW)).toBe('due Thu 26 Nov, tomorrow');
    expect(dueText('2026-11-30', NOW)).toBe('due Mon 30 Nov, in 5 days');
    expect(dueText('2026-11-24', NOW)).toBe('due Tue 24 Nov, 1 day overdue');
    expect(dueText('2026-11-11', NOW)).toBe('due Wed 11 Nov, 2 weeks overdue');
  });

  it('uses the coarsest unit that still reads true', () => {
    expect(spanText(1)).toBe('1 day');
    expect(spanText(13)).toBe('13 days');
    expect(spanText(14)).toBe('2 weeks');
    expect(spanText(20)).toBe('2 weeks'); // not rounded up to 3
    expect(spanText(63)).toBe('2 months');
    expect(spanText(800)).toBe('2 years');
  });

  it('writes cadences as people say them', () => {
    expect(cadenceText(7)).toBe('every week');
    expect(cadenceText(14)).toBe('every 2 weeks');
    expect(cadenceText(28)).toBe('every 4 weeks');
    expect(cadenceText(30)).toBe('every month');
    expect(cadenceText(10)).toBe('every 10 days');
    expect(cadenceText(1)).toBe('every 1 day');
  });
});

describe('counting things', () => {
  it('says "1 topic" and "3 topics", and takes an irregular plural', () => {
    expect(count(1, 'topic')).toBe('1 topic');
    expect(count(3, 'topic')).toBe('3 topics');
    expect(count(0, 'meeting')).toBe('0 meetings');
    expect(count(2, 'piece of advice', 'pieces of advice')).toBe('2 pieces of advice');
  });
});
