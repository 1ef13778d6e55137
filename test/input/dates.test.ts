/** Dates as people type them: what is read, what is refused, and what each refusal says. Now is Wed 25 Nov 2026, 09:00. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDay } from '../../src/core/dates.js';
import { InputError } from '../../src/input/input-error.js';
import { atTime, readDay, readMeetingTime, readNextMeeting, readTimeOfDay } from '../../src/input/read.js';
import { NOW } from '../core/fixtures.js';

const local = (date: Date) => `${toDay(date)} ${date.toTimeString().slice(0, 5)}`;

describe('a due date or target: a day is enough', () => {
  it.each([
    ['tomorrow', '2026-11-26'],
    ['friday', '2026-11-27'],
    ['monday morning', '2026-11-30'],
    ['in a fortnight', '2026-12-09'],
    ['a fortnight ago', '2026-11-11'],
    ['in 2 months', '2027-01-25'],
    ['end of feb', '2027-02-28'],
    ['end of february', '2027-02-28'],
    ['end of the month', '2026-11-30'],
    ['end of next month', '2026-12-31'],
    ['fri week', '2026-12-04'],
    ['friday week', '2026-12-04'],
    ['wed week', '2026-12-02'],
    ['2026-12-3', '2026-12-03'],
    ['2027-1-7', '2027-01-07'],
    ['thursday next week', '2026-12-03'],
  ])('reads "%s" as %s', (text, day) => {
    expect(readDay(text, { now: NOW })).toBe(day);
  });

  it.each([
    ['march', /"march" is not a day; say which day/],
    ['next week', /"next week" is not a day/],
    ['next month', /"next month" is not a day/],
    ['this year', /"this year" is not a day/],
    ['dec 2026', /is not a day/],
    ['5pm', /"5pm" has no day; say which, e.g. "tomorrow 5pm"/],
    ['17.30', /cannot read "17.30"/],
    ['3.12', /cannot read "3.12"/],
    ['3.12.2026', /"3.12.2026" is .* to some and .* to others; .*mentee config set dateOrder dmy/],
    ['end of smarch', /cannot read/],
    ['2026-12-32', /cannot read/],
  ])('refuses "%s" rather than guess a day', (text, message) => {
    expect(() => readDay(text, { now: NOW })).toThrow(InputError);
    expect(() => readDay(text, { now: NOW })).toThrow(message);
  });
});

describe('a meeting: a day and a time', () => {
  it.each([
    ['thursday 17:30', '2026-11-26 17:30'],
    ['thursday 17.30', '2026-11-26 17:30'],
    ['17.30 thursday', '2026-11-26 17:30'],
    ['next friday 5pm', '2026-12-04 17:00'],
    ['fri week 9am', '2026-12-04 09:00'],
    ['2026-12-3 17:30', '2026-12-03 17:30'],
    ['2026-12-03 17.30', '2026-12-03 17:30'],
    ['end of feb at 10am', '2027-02-28 10:00'],
    ['noon tomorrow', '2026-11-26 12:00'],
  ])('reads "%s" as %s', (text, when) => {
    expect(local(readMeetingTime(text, { now: NOW }))).toBe(when);
  });

  it.each([
    ['thursday', /^"thursday" has no time; add one, e.g. "thursday 17:30"$/],
    ['tomorrow', /"tomorrow" has no time/],
    ['2026-12-03', /"2026-12-03" has no time/],
    ['monday morning', /"monday morning" has no time/],
    ['next week', /"next week" is not a day/],
    ['march', /"march" is not a day/],
    ['17:30', /"17:30" has no day/],
    ['whenever', /cannot read "whenever"/],
  ])('refuses "%s", saying what is missing', (text, message) => {
    expect(() => readMeetingTime(text, { now: NOW })).toThrow(message);
  });
});

describe('--next', () => {
  it.each(['none', 'None', ' no ', 'skip', '-'])('reads "%s" as no next meeting', (text) => {
    expect(readNextMeeting(text, { now: NOW })).toBeNull();
  });

  it('reads a day and a time as for --when, and refuses a day alone', () => {
    expect(local(readNextMeeting('2027-01-07 17:30', { now: NOW })!)).toBe('2027-01-07 17:30');
    expect(() => readNextMeeting('2027-01-07', { now: NOW })).toThrow(/has no time/);
  });
});

describe('a time asked back for a day already given', () => {
  it.each([
    ['17:30', 17, 30],
    ['17.30', 17, 30],
    ['9:05', 9, 5],
    ['5pm', 17, 0],
    ['5.30pm', 17, 30],
    ['12am', 0, 0],
    ['noon', 12, 0],
  ])('reads "%s" as %i:%i', (text, hours, minutes) => {
    expect(readTimeOfDay(text)).toEqual({ hours, minutes });
  });

  it.each(['17', '25:00', '17:60', '13pm', 'teatime', ''])('refuses "%s"', (text) => {
    expect(() => readTimeOfDay(text)).toThrow(/as a time; try 17:30, 17.30 or 5pm/);
  });
});

describe('in a time zone with summer time (Europe/London)', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/London';
    expect(new Date(2027, 6, 1).getTimezoneOffset()).toBe(-60);
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  const skipped = /^01:30 on Sun 28 Mar 2027 does not exist here: the clocks go forward that night; give another time$/;

  it.each(['2027-03-28 01:30', '28 march 2027 1:30am', '28 mar 2027 01.30'])(
    'says a time the clocks skip does not exist: "%s"',
    (text) => {
      expect(() => readMeetingTime(text, { now: NOW })).toThrow(skipped);
    },
  );

  it('says so for a time asked back too, and keeps the hours either side', () => {
    const day = new Date(2027, 2, 28, 12);
    expect(() => atTime(day, { hours: 1, minutes: 30 })).toThrow(skipped);
    expect(local(atTime(day, { hours: 2, minutes: 30 }))).toBe('2027-03-28 02:30');
    expect(local(readMeetingTime('2027-03-28 00:30', { now: NOW }))).toBe('2027-03-28 00:30');
  });
});

describe('ISO date-times', () => {
  it.each(['2026-12-03 17:30:00', '2026-12-03T17:30', '2026-12-03T17:30:00Z'])('"%s" has a time', (text) => {
    expect(readMeetingTime(text, { now: NOW }).toISOString()).toBe('2026-12-03T17:30:00.000Z');
  });
});
