import { describe, expect, it } from 'vitest';
import { cadenceText, count, dueText, formatDateTime, formatDay, relativeDay, spanText } from '../../src/ui/words.js';
import { NOW } from '../core/fixtures.js';

describe('dates as a reader anywhere understands them', () => {
  it('writes a day and a time with the weekday and the month in words', () => {
    expect(formatDay('2026-12-03')).toBe('Thu 3 Dec 2026');
    expect(formatDay('2026-12-03T17:30:00.000Z')).toBe('Thu 3 Dec 2026');
    expect(formatDateTime('2026-12-03T17:30:00.000Z')).toBe('Thu 3 Dec 2026, 17:30');
  });

  it('says today, tomorrow and yesterday for neighbouring days, "in 3 days" ahead and "2 weeks ago" behind', () => {
    expect(relativeDay('2026-11-25', NOW)).toBe('today');
    expect(relativeDay('2026-11-26', NOW)).toBe('tomorrow');
    expect(relativeDay('2026-11-24', NOW)).toBe('yesterday');
    expect(relativeDay('2026-11-28', NOW)).toBe('in 3 days');
    expect(relativeDay('2026-11-11', NOW)).toBe('2 weeks ago');
  });

  it('counts calendar days, so a meeting late tomorrow is still "tomorrow"', () => {
    expect(relativeDay(new Date('2026-11-26T23:30:00Z'), NOW)).toBe('tomorrow');
    expect(relativeDay(new Date('2026-11-25T23:59:00Z'), NOW)).toBe('today');
  });

  it('describes due dates, and missed ones as overdue', () => {
    expect(dueText('2026-11-25', NOW)).toBe('due today');
    expect(dueText('2026-11-26', NOW)).toBe('due tomorrow');
    expect(dueText('2026-11-30', NOW)).toBe('due in 5 days');
    expect(dueText('2026-11-24', NOW)).toBe('1 day overdue');
    expect(dueText('2026-11-11', NOW)).toBe('2 weeks overdue');
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
