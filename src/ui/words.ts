/**
 * How mentee words numbers and dates in English: the one pluraliser, and dates as a reader anywhere
 * understands them. The core computes with dates (core/dates.ts); only the ui says them.
 */
import type { MeetingMode } from '../core/schema.js';
import { format, parseISO } from 'date-fns';
import { daysUntil, fromDay } from '../core/dates.js';

/** "1 topic", "3 topics"; irregular plurals passed in. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "Thu 3 Dec 2026, 17:30": unambiguous for a reader anywhere. */
export function formatDateTime(iso: string): string {
  return format(parseISO(iso), 'EEE d MMM yyyy, HH:mm');
}

/** When a change was made: "3 Dec 17:42", with the year when it is not this year's. */
export function changeTime(iso: string, now: Date): string {
  const at = parseISO(iso);
  return format(at, at.getFullYear() === now.getFullYear() ? 'd MMM HH:mm' : 'd MMM yyyy HH:mm');
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

/** "Fri 1 Jan": a day near now, named so no two read the same; the year is added when it is far off. */
export function shortDay(day: string | Date, now: Date): string {
  const date = typeof day === 'string' ? fromDay(day) : day;
  return format(date, Math.abs(daysUntil(date, now)) < NEAR_DAYS ? 'EEE d MMM' : 'EEE d MMM yyyy');
}

/** Within this many days of now a day is named without its year. */
const NEAR_DAYS = 183;

/** "today", "tomorrow", "yesterday", "in 3 days", "2 weeks ago": only beside a date already shown. */
export function fromNow(day: string | Date, now: Date): string {
  const days = daysUntil(day, now);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const span = spanText(Math.abs(days));
  return days > 0 ? `in ${span}` : `${span} ago`;
}

/** "Fri 1 Jan, in 12 days", "Tue 8 Dec, 2 weeks ago", "Wed 25 Nov, today": the date, then how far. */
export function relativeDay(day: string | Date, now: Date): string {
  return `${shortDay(day, now)}, ${fromNow(day, now)}`;
}

/** "due Fri 1 Jan, in 12 days", "due Wed 25 Nov, today", "due Tue 8 Dec, 2 weeks overdue". */
export function dueText(due: string, now: Date): string {
  return remembered(dueTexts, `${due} ${now.getTime()}`, () => {
    const days = daysUntil(due, now);
    return `due ${shortDay(due, now)}, ${days < 0 ? `${spanText(-days)} overdue` : fromNow(due, now)}`;
  });
}

/** A list of thousands of actions has far fewer due days: each is worded once. */
const dueTexts = new Map<string, string>();

function remembered(memo: Map<string, string>, key: string, make: () => string): string {
  let text = memo.get(key);
  if (text === undefined) {
    if (memo.size >= 10_000) memo.clear();
    memo.set(key, (text = make()));
  }
  return text;
}

/** "every 4 weeks", "every month", "every 10 days". */
export function cadenceText(days: number): string {
  if (days === 7) return 'every week';
  if (days % 7 === 0) return `every ${days / 7} weeks`;
  if (days >= 28 && days <= 31) return 'every month';
  return `every ${count(days, 'day')}`;
}

const MODE_WORDS: Record<MeetingMode, string> = {
  'in-person': 'in person',
  video: 'video call',
  phone: 'phone call',
  other: 'other',
};

/** How you meet, as a sentence says it: "in person", "video call". */
export function modeText(mode: MeetingMode): string {
  return MODE_WORDS[mode];
}
