import { addDays, format, isValid, parseISO } from 'date-fns';

/** A full ISO timestamp ("2026-12-03T17:30:00Z", "…+01:00"): taken exactly as written. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads an ISO date or date-time exactly: "2026-12-03" (noon, local), "2026-12-03 17:30" (local),
 * "2026-12-03T17:30:00Z" (as written). Undefined for anything else, or for an impossible date.
 */
export function parseIsoDate(input: string): Date | undefined {
  const textIn = input.trim();
  if (ISO_TIMESTAMP.test(textIn)) {
    const parsed = parseISO(textIn);
    return isValid(parsed) && sameCalendarDate(textIn, parsed) ? parsed : undefined;
  }
  return parseLocalIso(textIn);
}

const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** "2026-12-03" (noon, like chrono's plain dates) or "2026-12-03 17:30", in local time; undefined if impossible. */
function parseLocalIso(textIn: string): Date | undefined {
  const match = LOCAL_ISO.exec(textIn);
  if (!match) return undefined;
  const [year, month, day, hour = 12, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const date = new Date(year!, month! - 1, day!, hour, minute, second);
  const exact =
    date.getFullYear() === year &&
    date.getMonth() === month! - 1 &&
    date.getDate() === day &&
    date.getHours() === hour &&
    date.getMinutes() === minute;
  return exact ? date : undefined;
}

/** parseISO rolls "2026-02-30T10:00" over to March; a person who typed that made a mistake. */
function sameCalendarDate(textIn: string, parsed: Date): boolean {
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(textIn)) return format(parsed, 'yyyy-MM-dd') === textIn.slice(0, 10);
  const [y, m, d] = textIn.slice(0, 10).split('-').map(Number);
  const probe = new Date(Date.UTC(y!, m! - 1, d!));
  return probe.getUTCMonth() === m! - 1 && probe.getUTCDate() === d;
}

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

const CADENCE_WORDS: Record<string, number> = {
  weekly: 7,
  fortnightly: 14,
  biweekly: 14,
  monthly: 30,
  quarterly: 91,
};
/** Nobody plans to meet less often than every two years; larger numbers are typing slips. */
const MAX_CADENCE_DAYS = 730;
const CADENCE_UNITS: Record<string, number> = { d: 1, day: 1, w: 7, week: 7, m: 30, month: 30 };

/** "4w", "4 weeks", "30d", "2 months", "monthly" → days; undefined when not understood. */
export function parseCadence(input: string): number | undefined {
  const value = input.trim().toLowerCase();
  // Own keys only: "constructor" or "__proto__" are not words for how often to meet.
  if (Object.hasOwn(CADENCE_WORDS, value)) return CADENCE_WORDS[value];
  const match = /^(\d+)\s*(d|days?|w|weeks?|m|months?)$/.exec(value);
  if (!match) return undefined;
  const unit = match[2]!.replace(/s$/, '');
  const days = Number(match[1]) * CADENCE_UNITS[unit]!;
  return days > 0 && days <= MAX_CADENCE_DAYS ? days : undefined;
}
