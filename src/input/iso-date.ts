import { format, isValid, parseISO } from 'date-fns';

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
