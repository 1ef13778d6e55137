/**
 * How mentee words numbers and dates in English: the one pluraliser, and dates as a reader anywhere
 * understands them. The core computes with dates (core/dates.ts); only the ui says them.
 */
import { format, parseISO } from 'date-fns';
import { daysUntil } from '../core/dates.js';

/** "1 topic", "3 topics"; irregular plurals passed in. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "Thu 3 Dec 2026, 17:30": unambiguous for a reader anywhere. */
export function formatDateTime(iso: string): string {
  return format(parseISO(iso), 'EEE d MMM yyyy, HH:mm');
}

/** "Thu 3 Dec 2026". */
export function formatDay(dayOrIso: string): string {
  return format(parseISO(dayOrIso), 'EEE d MMM yyyy');
}

/** "3 days", "2 weeks", "5 months", "2 years": the coarsest unit that still reads true. */
export function spanText(days: number): string {
  if (days < 14) return count(days, 'day');
  if (days < 60) return count(Math.floor(days / 7), 'week');
  if (days < 730) return count(Math.floor(days / 30), 'month');
  return count(Math.floor(days / 365), 'year');
}

/** "today", "tomorrow", "yesterday", "in 3 days", "2 weeks ago", "in 4 months". */
export function relativeDay(day: string | Date, now: Date): string {
  const days = daysUntil(day, now);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const span = spanText(Math.abs(days));
  return days > 0 ? `in ${span}` : `${span} ago`;
}

/** "due today", "due in 3 days", "2 weeks overdue". */
export function dueText(due: string, now: Date): string {
  const days = daysUntil(due, now);
  if (days < 0) return `${spanText(-days)} overdue`;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${spanText(days)}`;
}

/** "every 4 weeks", "every month", "every 10 days". */
export function cadenceText(days: number): string {
  if (days === 7) return 'every week';
  if (days % 7 === 0) return `every ${days / 7} weeks`;
  if (days >= 28 && days <= 31) return 'every month';
  return `every ${count(days, 'day')}`;
}
