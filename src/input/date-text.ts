import * as chrono from 'chrono-node/en';
import { addDays, isValid, lastDayOfMonth } from 'date-fns';
import { parseIsoDate } from './iso-date.js';

/**
 * What a person's date text says, and no more. `hasTime` is true only when a time was written
 * ("17:30", "5pm", "noon"), not when one was implied ("monday morning" is a day without a time).
 */
export type DateReading =
  | { kind: 'date'; date: Date; hasTime: boolean }
  /** Not understood as a whole, or ambiguous ("03/12/2026"). */
  | { kind: 'unreadable' }
  /** A time with no day ("5pm"), a month or a week rather than a day ("march", "next week"). */
  | { kind: 'no-day'; hasTime: boolean }
  /** A local time the clocks skip that day (01:30 as summer time starts in Europe/London). */
  | { kind: 'skipped-time'; day: Date; hours: number; minutes: number }
  /** "3/12/2026" with no date order set: the days it could be (none, one or two). */
  | { kind: 'order-unknown'; days: Date[] };

export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];
export const WEEK_STARTS = ['monday', 'sunday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

/**
 * What reading a date takes besides the text: the moment it is read at, and how this person writes
 * dates (their settings). One object, so that no reader can be called without the settings.
 */
export interface DateContext {
  now: Date;
  /** How "3/12/2026" is read: day first (dmy) or month first (mdy); unset, it is refused as ambiguous. */
  dateOrder?: DateOrder | undefined;
  /** The first day of a week, for "last week" and "this week"; unset, such periods are refused. */
  weekStart?: WeekStart | undefined;
}

/**
 * Reads a date the way a person writes it: ISO ("2026-12-03", "2026-12-3 17:30") or natural
 * ("tomorrow", "next friday 5pm", "in a fortnight", "end of feb", "fri week", "thursday 17.30").
 * Never guesses: the whole text must be understood, impossible dates ("2026-02-30") are refused, and
 * a form that does not name a day ("march", "next week", "5pm") says so.
 */
export function readDateText(input: string, { now, dateOrder }: DateContext): DateReading {
  // Checked before any regex or chrono sees it: the work then stays small whatever is typed.
  if (input.trim().length > MAX_DATE_TEXT) return UNREADABLE;
  const textIn = normalise(input);
  if (!textIn) return UNREADABLE;
  // Anything that starts like an ISO date is read strictly: chrono would "fix" 2026-13-01 into January.
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(textIn)) return readIso(textIn);
  // "03/12/2026" is 3 December to a UK reader and 12 March to a US one: read only in the order set.
  if (/\d\s*[/.]\s*\d/.test(textIn)) return readNumbered(textIn, dateOrder);
  // A bare weekday means the coming one, but "last monday" must stay in the past.
  const forwardDate = !/\b(last|ago|yesterday|previous|past)\b/i.test(textIn);
  const results = parser().parse(textIn, now, { forwardDate });
  const [only] = results;
  if (results.length !== 1 || !only || only.index !== 0 || only.text.length !== textIn.length) return UNREADABLE;
  const { start } = only;
  const hasTime = start.isCertain('hour');
  // "in 2 months" is that day two months on; "next month" (a relative date too) is a month, not a day.
  const relative = start.tags().has('result/relativeDate');
  const namesDay = (start.isCertain('day') || start.isCertain('weekday') || relative) && !VAGUE_PERIOD.test(textIn);
  if (!namesDay) return { kind: 'no-day', hasTime };
  const date = start.date();
  if (!isValid(date) || !storable(date)) return UNREADABLE;
  const hours = start.get('hour') ?? 0;
  const minutes = start.get('minute') ?? 0;
  if (hasTime && (date.getHours() !== hours || date.getMinutes() !== minutes)) {
    return { kind: 'skipped-time', day: date, hours, minutes };
  }
  return { kind: 'date', date, hasTime };
}

/** The date in `input`, with or without a time; undefined for anything readDateText does not accept. */
export function parseDateInput(input: string, dates: DateContext): Date | undefined {
  const reading = readDateText(input, dates);
  return reading.kind === 'date' ? reading.date : undefined;
}

const UNREADABLE = { kind: 'unreadable' } as const;

/** No date a person writes is longer ("the last friday of next month at 5:30pm" is 40). */
export const MAX_DATE_TEXT = 100;

/** "next week", "this month", "next year": a stretch of time, not a day (unless a weekday or its end is named). */
const VAGUE_PERIOD =
  /^(?!.*\b(mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?)\b).*(?<!end of )\b(next|this|coming|last)\s+(week|weekend|month|year)\b/i;

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Small rewrites into forms chrono reads, each exact: nothing here picks a day the text did not name. */
function normalise(input: string): string {
  return (
    input
      .trim()
      .replace(/\s+/g, ' ')
      // "in a fortnight", "2 fortnights ago"
      .replace(/\b(a|one) fortnight\b/gi, '2 weeks')
      .replace(/\b(\d{1,4}) fortnights?\b/gi, (_, n: string) => `${Number(n) * 2} weeks`)
      // "2026-12-3" is as exact as "2026-12-03"
      .replace(/^(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/, (_, y: string, m: string, d: string) =>
        [y, m.padStart(2, '0'), d.padStart(2, '0')].join('-'),
      )
      // "17.30" beside a day is a time; "3.12.2026" (no space after) stays refused as day.month.year
      .replace(
        /(^|\s)([01]?\d|2[0-3])\.([0-5]\d)(?=\s*(am|pm)?(\s|$))/gi,
        (whole, before: string, h: string, m: string) =>
          input.trim().replace(/\s+/g, ' ') === whole.trim() ? whole : `${before}${h}:${m}`,
      )
  );
}

/** "3/12/2026", "3.12.2026 17:30": read as ISO in the order set, else refused naming the days it could be. */
function readNumbered(textIn: string, dateOrder: DateOrder | undefined): DateReading {
  const numbered = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?=$|[ T])/.exec(textIn);
  if (!numbered) return UNREADABLE;
  const [, first, , second, year] = numbered;
  const iso = (month: string, day: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  if (dateOrder) {
    const [month, day] = dateOrder === 'dmy' ? [second!, first!] : [first!, second!];
    return readIso(`${iso(month, day)}${textIn.slice(numbered[0].length)}`);
  }
  const days = [iso(second!, first!), iso(first!, second!)]
    .filter((day, index, all) => all.indexOf(day) === index)
    .flatMap((day) => storable(parseIsoDate(day)) ?? []);
  return { kind: 'order-unknown', days };
}

/** An ISO date, or why not: a time the clocks skip is not a typing slip and is said so. */
function readIso(textIn: string): DateReading {
  const date = storable(parseIsoDate(textIn));
  const time = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/.exec(textIn);
  if (date) return { kind: 'date', date, hasTime: /^\S+[ T]\d/.test(textIn) };
  if (!time) return UNREADABLE;
  const [hours, minutes] = [Number(time[4]), Number(time[5])];
  const day = parseIsoDate(time.slice(1, 4).join('-'));
  return day && hours < 24 && minutes < 60 ? { kind: 'skipped-time', day, hours, minutes } : UNREADABLE;
}

/** The journal keeps dates with four-digit years: "in 10000 years" is a slip, not a plan. */
function storable(date: Date | undefined): Date | undefined {
  if (!date) return undefined;
  const years = [date.getFullYear(), date.getUTCFullYear()];
  return years.every((year) => year >= 1000 && year <= 9999) ? date : undefined;
}

let configured: chrono.Chrono | undefined;

/** chrono's English parser, taught "end of feb", "end of next month" and "fri week". */
function parser(): chrono.Chrono {
  if (configured) return configured;
  configured = chrono.casual.clone();
  configured.parsers.push(
    {
      pattern: () => /\bend of (?:(the|this|next) month|([a-z]{3,9}))\b/i,
      extract: (context, match) => {
        const ref = context.reference.instant;
        const named = match[2]?.toLowerCase();
        let month: number;
        let year = ref.getFullYear();
        if (named) {
          if (!isMonthWord(named)) return null;
          month = MONTHS.indexOf(named.slice(0, 3));
          if (month < ref.getMonth()) year += 1;
        } else {
          month = ref.getMonth() + (match[1]?.toLowerCase() === 'next' ? 1 : 0);
        }
        const last = lastDayOfMonth(new Date(year, month, 1));
        return context.createParsingComponents({
          year: last.getFullYear(),
          month: last.getMonth() + 1,
          day: last.getDate(),
        });
      },
    },
    {
      // "fri week", "friday week": a week after the coming Friday (on a Friday, a week today)
      pattern: () => /\b([a-z]{3,9}) week\b/i,
      extract: (context, match) => {
        const word = match[1]!.toLowerCase();
        if (!isWeekdayWord(word)) return null;
        const ref = context.reference.instant;
        const toComing = (WEEKDAYS.indexOf(word.slice(0, 3)) - ref.getDay() + 7) % 7;
        const day = addDays(ref, toComing + 7);
        return context.createParsingComponents({
          year: day.getFullYear(),
          month: day.getMonth() + 1,
          day: day.getDate(),
        });
      },
    },
  );
  return configured;
}

const MONTH_WORDS =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)$/;
const WEEKDAY_WORDS = /^(mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?)$/;
const isMonthWord = (word: string) => MONTH_WORDS.test(word);
const isWeekdayWord = (word: string) => WEEKDAY_WORDS.test(word);
