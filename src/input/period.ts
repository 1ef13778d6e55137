/**
 * Where a period a report covers starts or ends, as people say it: a day ("2026-09-01", "3 weeks ago"),
 * or a named stretch of time, which starts on its first day and ends on its last ("last month", "this
 * year", "march 2026", "2026"). Only what has one reading is taken: a week starts on Sunday for some and
 * Monday for others (so "last week" is read only once weekStart is set), and "march" alone could be any
 * year, so it is asked to be said another way.
 */
import { toDay } from '../core/dates.js';
import { formatDay } from '../ui/words.js';
import { readWith } from './flags.js';
import { InputError } from './input-error.js';
import type { DateContext } from './date-text.js';
import { readDate } from './read.js';

const PERIOD_EXAMPLES = 'Try 2026-09-01, "3 weeks ago", "last month", "this year" or "march 2026".';

interface Period {
  start: Date;
  end: Date;
}

/** The first moment of the day or period `text` names: "this year" is 1 January, "last month" its 1st. */
export function readPeriodStart(text: string, dates: DateContext): Date {
  return (namedPeriod(text, dates) ?? dayPeriod(text, dates)).start;
}

/** The last moment of the day or period `text` names: "last month" ends at the end of its last day. */
export function readPeriodEnd(text: string, dates: DateContext): Date {
  return (namedPeriod(text, dates) ?? dayPeriod(text, dates)).end;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR = '(\\d{4})';
const STEP: Record<string, number> = { last: -1, previous: -1, this: 0, next: 1, coming: 1 };

function namedPeriod(text: string, { now, weekStart }: DateContext): Period | undefined {
  const typed = text.trim().replace(/\s+/g, ' ');
  const value = typed.toLowerCase();
  const relative = /^(last|previous|this|next|coming) (month|year|week)$/.exec(value);
  if (relative) {
    const step = STEP[relative[1]!]!;
    if (relative[2] === 'year') return year(now.getFullYear() + step);
    if (relative[2] === 'month') return month(now.getFullYear(), now.getMonth() + step);
    const sunday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - now.getDay() + 7 * step);
    const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7) + 7 * step);
    if (weekStart) return week(weekStart === 'monday' ? monday : sunday);
    throw new InputError(
      `"${typed}" starts on ${formatDay(toDay(sunday))} for some and ${formatDay(toDay(monday))} for others; give the day, e.g. ${toDay(monday)}, or set the first day of your week once: mentee config set weekStart monday (or sunday)`,
    );
  }
  const yearAlone = new RegExp(`^${YEAR}$`).exec(value);
  if (yearAlone) return year(Number(yearAlone[1]));
  const named = new RegExp(`^${MONTH_WORD},? ${YEAR}$`).exec(value);
  if (named) return month(Number(named[2]), MONTHS.indexOf(named[1]!.slice(0, 3)));
  const numbered = new RegExp(`^${YEAR}-(\\d{1,2})$`).exec(value);
  if (numbered && Number(numbered[2]) >= 1 && Number(numbered[2]) <= 12)
    return month(Number(numbered[1]), Number(numbered[2]) - 1);
  const monthAlone = new RegExp(`^${MONTH_WORD}$`).exec(value);
  if (monthAlone) {
    const index = MONTHS.indexOf(monthAlone[1]!.slice(0, 3));
    const latest = index <= now.getMonth() ? now.getFullYear() : now.getFullYear() - 1;
    throw new InputError(`"${typed}" has no year; say which, e.g. "${typed} ${latest}"`);
  }
  return undefined;
}

function dayPeriod(text: string, dates: DateContext): Period {
  const date = readDate(text, dates, PERIOD_EXAMPLES);
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  return { start, end: endBefore(new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1)) };
}

function week(first: Date): Period {
  return { start: first, end: endBefore(new Date(first.getFullYear(), first.getMonth(), first.getDate() + 7)) };
}

function year(full: number): Period {
  return { start: new Date(full, 0, 1), end: endBefore(new Date(full + 1, 0, 1)) };
}

/** A month by year and index; an index past either end rolls into the year beside it. */
function month(full: number, index: number): Period {
  return { start: new Date(full, index, 1), end: endBefore(new Date(full, index + 1, 1)) };
}

function endBefore(next: Date): Date {
  return new Date(next.getTime() - 1);
}

/** A flag that starts a period (`--since`, `--from`): the first instant of the day or period given. */
export const periodStartFlag = (dates: DateContext) => readWith((text) => readPeriodStart(text, dates)).optional();

/** A flag that ends a period (`--to`): the last instant of the day or period given. */
export const periodEndFlag = (dates: DateContext) => readWith((text) => readPeriodEnd(text, dates)).optional();
