/** The fixed "now" of every test: Wednesday 25 November 2026, 09:00 UTC (tests run with TZ=UTC). */
export const NOW = new Date('2026-11-25T09:00:00.000Z');

/** The same moment as text: MENTEE_NOW for a run of the CLI, and the timestamps of journals built by hand. */
export const NOW_ISO = NOW.toISOString();

/** A moment `days` before `from` (NOW unless given). */
export function daysBefore(days: number, from: Date = NOW): Date {
  return new Date(from.getTime() - days * 24 * 60 * 60 * 1000);
}
