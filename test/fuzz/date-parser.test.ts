import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDateInput } from '../../src/input/date-text.js';
import { toDay } from '../../src/core/dates.js';
import { parseIsoDate } from '../../src/input/iso-date.js';
import { parseCadence } from '../../src/input/read.js';

/** Property runs per test: thousands of inputs overall, in well under a second each. */
const RUNS = { numRuns: 1500 };
import { NOW } from '../helpers/clock.js';

const isValidDate = (value: unknown) => value instanceof Date && !Number.isNaN(value.getTime());
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Text a person might type for a date, plus any text at all. */
const phrase = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).map((code) => String.fromCharCode(code)) }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'tomorrow',
    'in -3 weeks',
    '99999-01-01',
    '2026-02-30',
    '2026-12-03 25:00',
    'next friday 5pm',
    'last monday',
    '3 dec',
    '03/12/2026',
    'in 1e309 days',
    'x'.repeat(10_000),
    '1'.repeat(10_000),
    'in 2 weeks '.repeat(500),
  ),
  fc
    .tuple(
      fc.constantFrom('in', 'next', 'last', 'this', ''),
      fc.oneof(fc.integer(), fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e21, -0)),
      fc.constantFrom('days', 'weeks', 'months', 'years', 'hours', 'friday', 'ago', 'pm', ''),
    )
    .map((parts) => parts.join(' ')),
  fc
    .tuple(fc.integer({ min: -1, max: 99_999 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`),
);
/** Any "now" from 1970 to 2200. */
const anyNow = fc.date({
  min: new Date('1970-01-01T00:00:00Z'),
  max: new Date('2200-01-01T00:00:00Z'),
  noInvalidDate: true,
});
/** Calendar dates mentee can store: four-digit years. */
const storableDate = fc.date({
  min: new Date('1000-01-01T00:00:00Z'),
  max: new Date('9999-12-30T00:00:00Z'),
  noInvalidDate: true,
});

describe('parseDateInput on any text', () => {
  it('never throws and returns either nothing or a valid date', () => {
    fc.assert(
      fc.property(phrase, anyNow, (text, now) => {
        const parsed = parseDateInput(text, { now });
        expect(parsed === undefined || isValidDate(parsed)).toBe(true);
      }),
      RUNS,
    );
  });

  it('answers a 10,000-character input quickly', () => {
    for (const text of ['x'.repeat(10_000), 'in 2 weeks '.repeat(1_000), `${'9'.repeat(10_000)}-01-01`]) {
      const started = performance.now();
      parseDateInput(text, { now: NOW });
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it('reads an ISO day exactly as written, at noon', () => {
    fc.assert(
      fc.property(storableDate, (date) => {
        const day = toDay(date);
        const parsed = parseDateInput(day, { now: NOW });
        expect(parsed && toDay(parsed)).toBe(day);
        expect(parsed?.getHours()).toBe(12);
      }),
      RUNS,
    );
  });

  it('refuses day/month/year with slashes or dots, whichever order was meant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1900, max: 2100 }),
        fc.constantFrom('/', '.', ' / '),
        (d, m, y, separator) => {
          expect(parseDateInput([d, m, y].join(separator), { now: NOW })).toBeUndefined();
        },
      ),
      RUNS,
    );
  });

  it('"in N days" is N calendar days after now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000 }), (days) => {
        const parsed = parseDateInput(`in ${days} days`, { now: NOW });
        expect(parsed && toDay(parsed)).toBe(toDay(new Date(NOW.getTime() + days * 86_400_000)));
      }),
      RUNS,
    );
  });
});

describe('parseIsoDate', () => {
  it('never throws, on any text, and returns either nothing or a valid date', () => {
    fc.assert(
      fc.property(phrase, (text) => {
        const parsed = parseIsoDate(text);
        expect(parsed === undefined || isValidDate(parsed)).toBe(true);
      }),
      RUNS,
    );
  });

  it('round-trips a full timestamp to the millisecond', () => {
    fc.assert(
      fc.property(storableDate, (date) => {
        expect(parseIsoDate(date.toISOString())?.getTime()).toBe(date.getTime());
      }),
      RUNS,
    );
  });

  it('round-trips a local "yyyy-MM-dd HH:mm" to the same wall-clock time', () => {
    fc.assert(
      fc.property(storableDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (date, h, min) => {
        const text = `${toDay(date)} ${pad(h)}:${pad(min)}`;
        const parsed = parseIsoDate(text);
        expect(parsed && `${toDay(parsed)} ${pad(parsed.getHours())}:${pad(parsed.getMinutes())}`).toBe(text);
      }),
      RUNS,
    );
  });

  it('refuses impossible days, months, hours and minutes instead of rolling them over', () => {
    const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (y, m, which) => {
          const impossible = [
            `${y}-${pad(m)}-${pad(daysIn(y, m) + 1)}`,
            `${y}-${pad(which === 1 ? 0 : 13)}-01`,
            `${y}-${pad(m)}-01 ${24 + which}:00`,
            `${y}-${pad(m)}-00T10:00:00Z`,
          ][which]!;
          expect(parseIsoDate(impossible)).toBeUndefined();
          expect(parseDateInput(impossible, { now: NOW })).toBeUndefined();
        },
      ),
      RUNS,
    );
  });
});

describe('in a time zone with summer time (Europe/London)', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/London';
    expect(new Date(2026, 6, 1).getTimezoneOffset()).toBe(-60);
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it('a local date-time round-trips, or is refused only in the hour the clocks skip', () => {
    const lastSundayOfMarch = (y: number) => 31 - new Date(Date.UTC(y, 2, 31)).getUTCDay();
    fc.assert(
      fc.property(storableDate, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (date, h, min) => {
        const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
        const text = `${day} ${pad(h)}:${pad(min)}`;
        const parsed = parseIsoDate(text);
        if (parsed) {
          expect(`${toDay(parsed)} ${pad(parsed.getHours())}:${pad(parsed.getMinutes())}`).toBe(text);
        } else {
          // Since 1981 British summer time starts at 01:00 on the last Sunday of March; earlier rules varied.
          const y = date.getUTCFullYear();
          expect(y < 1981 || (date.getUTCMonth() === 2 && date.getUTCDate() === lastSundayOfMarch(y) && h === 1)).toBe(
            true,
          );
        }
      }),
      RUNS,
    );
  });

  it('around the changes of the clocks: the skipped hour is refused, the hours either side and the repeated one are kept', () => {
    const lastSunday = (y: number, month: number) => 31 - new Date(Date.UTC(y, month, 31)).getUTCDay();
    fc.assert(
      fc.property(fc.integer({ min: 1981, max: 2037 }), fc.integer({ min: 0, max: 59 }), (y, min) => {
        const spring = `${y}-03-${pad(lastSunday(y, 2))}`;
        const autumn = `${y}-10-${pad(lastSunday(y, 9))}`;
        expect(parseIsoDate(`${spring} 01:${pad(min)}`)).toBeUndefined();
        for (const text of [`${spring} 00:${pad(min)}`, `${spring} 02:${pad(min)}`, `${autumn} 01:${pad(min)}`]) {
          const parsed = parseIsoDate(text);
          expect(parsed && `${toDay(parsed)} ${pad(parsed.getHours())}:${pad(parsed.getMinutes())}`).toBe(text);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseCadence', () => {
  it('never throws, and gives a whole number of days from 1 to 730 or nothing', () => {
    fc.assert(
      fc.property(phrase, (text) => {
        const days = parseCadence(text);
        expect(days === undefined || (Number.isInteger(days) && days >= 1 && days <= 730)).toBe(true);
      }),
      RUNS,
    );
  });

  it('reads "Nd", "N weeks" and "N months" as N × 1, 7 and 30 days, refusing 0 and more than two years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000 }),
        fc.constantFrom(['d', 1], [' days', 1], ['w', 7], [' weeks', 7], ['m', 30], [' months', 30]),
        (n, [unit, size]) => {
          const days = n * (size as number);
          expect(parseCadence(`${n}${unit}`)).toBe(days >= 1 && days <= 730 ? days : undefined);
        },
      ),
      RUNS,
    );
  });

  it('reads how people say it: "every 4 weeks", "every month", "once a fortnight"', () => {
    expect(parseCadence('every 4 weeks')).toBe(28);
    expect(parseCadence('Every  2 months')).toBe(60);
    expect(parseCadence('every week')).toBe(7);
    expect(parseCadence('every month')).toBe(30);
    expect(parseCadence('once a fortnight')).toBe(14);
    expect(parseCadence('once a month')).toBe(30);
    expect(parseCadence('every')).toBeUndefined();
    expect(parseCadence('every now and then')).toBeUndefined();
  });

  it('does not read prototype keys as cadence words', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(parseCadence(key)).toBeUndefined();
    }
  });
});

/**
 * A date the parser accepts is one mentee will store (days as "yyyy-MM-dd", times as ISO strings with
 * four-digit years) and read back as the same day. Dates outside years 1000–9999 must be refused here,
 * as unreadable, rather than crash the save (exit 70) or be stored as another year.
 */
describe('every date parseDateInput accepts can be stored and read back as the same day', () => {
  const far = fc
    .tuple(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom('days', 'weeks', 'months', 'years'), fc.boolean())
    .map(([n, unit, past]) => (past ? `${n} ${unit} ago` : `in ${n} ${unit}`));

  it.each(['in 10000 years', 'in 7974 years', '2000 years ago', '2100 years ago', '5000 years ago'])(
    'refuses %s, which falls outside years 1000-9999, as unreadable',
    (text) => {
      expect(parseDateInput(text, { now: NOW })).toBeUndefined();
    },
  );

  it.each(['in 7000 years', '1000 years ago', 'in 3 days'])('stores %s and reads it back as the same day', (text) => {
    const parsed = parseDateInput(text, { now: NOW })!;
    expect(parsed).toBeDefined();
    const stored = parseIsoDate(toDay(parsed));
    expect(stored && [stored.getFullYear(), stored.getMonth(), stored.getDate()]).toEqual([
      parsed.getFullYear(),
      parsed.getMonth(),
      parsed.getDate(),
    ]);
  });

  it('for any "in N units" or "N units ago"', () => {
    fc.assert(
      fc.property(far, (text) => {
        const parsed = parseDateInput(text, { now: NOW });
        if (parsed === undefined) return;
        const stored = parseIsoDate(toDay(parsed));
        expect(stored && toDay(stored)).toBe(toDay(parsed));
      }),
      RUNS,
    );
  });
});
