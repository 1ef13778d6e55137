import { addDays, format, parseISO } from 'date-fns';

/** Local calendar date as stored in the journal for due and target dates: "2026-12-03". */
export function toDay(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

const STORED_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A stored day ("2026-12-03") as a local Date at midnight. Read directly: status reads thousands. */
export function fromDay(day: string): Date {
  const match = STORED_DAY.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : parseISO(day);
}

export function today(now: Date): string {
  return toDay(now);
}

/**
 * Whole calendar days from `now` to `day` (negative when in the past), by local calendar date, so
 * a clock change in between never makes it 0.96 of a day. Plain arithmetic: status computes thousands.
 */
export function daysUntil(day: string | Date, now: Date): number {
  const date = typeof day === 'string' ? fromDay(day) : day;
  return Math.round((localDayNumber(date) - localDayNumber(now)) / MS_PER_DAY);
}

const MS_PER_DAY = 86_400_000;

function localDayNumber(date: Date): number {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
}

export function plusDays(date: Date, days: number): Date {
  return addDays(date, days);
}
