import { describe, expect, it } from 'vitest';
import { daysUntil, toDay } from '../../src/core/dates.js';
import { parseCadence } from '../../src/input/read.js';
import { cadenceText, dueText } from '../../src/ui/words.js';
import { parseDateInput } from '../../src/input/date-text.js';
import { NOW } from './fixtures.js';

const parse = (text: string) => parseDateInput(text, { now: NOW });
const day = (text: string) => {
  const parsed = parse(text);
  return parsed ? toDay(parsed) : undefined;
};

describe('reading dates a person typed', () => {
  it('reads an ISO date as that calendar day', () => {
    expect(day('2026-12-03')).toBe('2026-12-03');
  });

  it('reads "2026-12-03 17:30" as half past five that afternoon, local time', () => {
    expect(parse('2026-12-03 17:30')?.toISOString()).toBe('2026-12-03T17:30:00.000Z');
  });

  it('reads an ISO date-time with a T and with an offset exactly as written', () => {
    expect(parse('2026-12-03T17:30')?.toISOString()).toBe('2026-12-03T17:30:00.000Z');
    expect(parse('2026-12-03T17:30:00Z')?.toISOString()).toBe('2026-12-03T17:30:00.000Z');
    // 17:30 in a zone one hour ahead of UTC is 16:30 UTC.
    expect(parse('2026-12-03T17:30+01:00')?.toISOString()).toBe('2026-12-03T16:30:00.000Z');
  });

  it('reads today, tomorrow and yesterday relative to the clock', () => {
    expect(day('today')).toBe('2026-11-25');
    expect(day('tomorrow')).toBe('2026-11-26');
    expect(day('yesterday')).toBe('2026-11-24');
  });

  it('reads "in 2 weeks" as fourteen days from now', () => {
    expect(day('in 2 weeks')).toBe('2026-12-09');
    expect(day('in 3 days')).toBe('2026-11-28');
  });

  it('reads "next friday 5pm" as a Friday ahead at 17:00', () => {
    const parsed = parse('next friday 5pm');
    expect(parsed).toBeDefined();
    expect(parsed!.getDay()).toBe(5);
    expect(parsed!.getHours()).toBe(17);
    expect(parsed!.getMinutes()).toBe(0);
    const ahead = daysUntil(parsed!, NOW);
    expect(ahead).toBeGreaterThan(0);
    expect(ahead).toBeLessThanOrEqual(10);
  });

  it('reads a bare weekday as the coming one, never one in the past', () => {
    // The clock is a Wednesday; "friday" is two days later.
    expect(day('friday')).toBe('2026-11-27');
  });

  it('refuses garbage and empty text instead of guessing', () => {
    expect(parse('garbage')).toBeUndefined();
    expect(parse('')).toBeUndefined();
    expect(parse('   ')).toBeUndefined();
  });

  it('refuses text it only partly understands', () => {
    expect(parse('next friday blah')).toBeUndefined();
    expect(parse('in 2 weeks please')).toBeUndefined();
  });

  it('refuses an impossible date like 2026-02-30, never rolling it into March', () => {
    expect(parse('2026-02-30')).toBeUndefined();
    expect(parse('2026-02-30 10:00')).toBeUndefined();
    expect(parse('2026-02-30T10:00')).toBeUndefined();
    expect(parse('2026-02-30T10:00Z')).toBeUndefined();
  });

  it('refuses the 31st of a 30-day month and 29 February outside a leap year', () => {
    expect(parse('2026-11-31')).toBeUndefined();
    expect(parse('2026-04-31')).toBeUndefined();
    expect(parse('2027-02-29')).toBeUndefined();
  });

  it('accepts 29 February in a leap year', () => {
    expect(day('2028-02-29')).toBe('2028-02-29');
  });

  it('refuses an impossible time of day', () => {
    expect(parse('2026-12-03 25:00')).toBeUndefined();
    expect(parse('2026-12-03T25:00')).toBeUndefined();
  });

  it('refuses an impossible month like 2026-13-01 instead of reading it as 13 January', () => {
    expect(parse('2026-13-01')).toBeUndefined();
    expect(parse('2026-13-01 10:00')).toBeUndefined();
  });
});

describe('reading a cadence', () => {
  it('reads short and long forms: 4w, "4 weeks", 30d, "2 months"', () => {
    expect(parseCadence('4w')).toBe(28);
    expect(parseCadence('4 weeks')).toBe(28);
    expect(parseCadence('1 week')).toBe(7);
    expect(parseCadence('30d')).toBe(30);
    expect(parseCadence('10 days')).toBe(10);
    expect(parseCadence('2 months')).toBe(60);
  });

  it('reads words like weekly, fortnightly and monthly, in any case', () => {
    expect(parseCadence('weekly')).toBe(7);
    expect(parseCadence('Fortnightly')).toBe(14);
    expect(parseCadence(' monthly ')).toBe(30);
  });

  it('refuses a zero cadence and text it cannot read', () => {
    expect(parseCadence('0w')).toBeUndefined();
    expect(parseCadence('sometimes')).toBeUndefined();
    expect(parseCadence('4')).toBeUndefined();
    expect(parseCadence('')).toBeUndefined();
  });

  it('round-trips: a cadence read from "4w" is shown as "every 4 weeks"', () => {
    expect(cadenceText(parseCadence('4w')!)).toBe('every 4 weeks');
  });
});

describe('counting calendar days', () => {
  it('counts whole calendar days, whatever the time of day', () => {
    const lateEvening = new Date('2026-11-25T23:30:00Z');
    expect(daysUntil('2026-11-26', lateEvening)).toBe(1);
    expect(daysUntil('2026-11-25', lateEvening)).toBe(0);
    expect(daysUntil('2026-11-24', new Date('2026-11-25T00:10:00Z'))).toBe(-1);
  });

  it('counts across a change of the clocks as whole days', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/London';
    try {
      // British Summer Time ends on 25 October 2026: that day has 25 hours.
      expect(daysUntil('2026-10-27', new Date(2026, 9, 24, 12))).toBe(3);
      expect(daysUntil('2026-03-30', new Date(2026, 2, 28, 0, 30))).toBe(2);
      expect(dueText('2026-10-26', new Date(2026, 9, 24, 23, 0))).toBe('due Mon 26 Oct, in 2 days');
    } finally {
      process.env.TZ = zone;
    }
  });
});
