import { UsageError, UserError } from '../errors.js';
import { buildAgenda, type Agenda } from './agenda.js';
import type { ExportInput } from './inputs.js';
import { nextPlannedMeeting } from './meetings.js';
import { findMeeting, findMentor } from './refs.js';
import type { Journal } from './schema.js';
import { readDate } from './specs.js';
import { buildSummary, type Summary } from './summary.js';

export type ExportSelection =
  | { kind: 'meeting'; agenda: Agenda }
  /** `all`: the whole journal (--all), each meeting with its full record. */
  | { kind: 'summary'; summary: Summary; all: boolean };

/**
 * What `export` shares: one meeting (--meeting, --next: the agenda, or the record once logged), a
 * progress summary over a period (--since or --from, and --to), or the whole journal (--all). With no
 * scope: the next meeting's agenda if one is planned, else a summary of everything.
 */
export function selectExport(journal: Journal, input: ExportInput, now: Date): ExportSelection {
  if (input.since !== undefined && input.from !== undefined)
    throw new UsageError('--since and --from mean the same; give one of them.');
  const since = input.since ?? input.from;
  const scopes = [input.next, input.meeting !== undefined, since !== undefined || input.to !== undefined, input.all];
  if (scopes.filter(Boolean).length > 1)
    throw new UsageError('Give only one of --next, --meeting, a period (--since/--from, --to) and --all.');
  const mentor = input.mentor ? findMentor(journal, input.mentor) : undefined;
  if (input.all)
    return { kind: 'summary', summary: buildSummary(journal, { to: now.toISOString(), mentor }), all: true };
  if (input.meeting) return { kind: 'meeting', agenda: buildAgenda(journal, findMeeting(journal, input.meeting)) };
  if (input.next || (!since && !input.to)) {
    const next = nextPlannedMeeting(journal, now, mentor?.handle);
    if (next) return { kind: 'meeting', agenda: buildAgenda(journal, next) };
    if (input.next) {
      throw new UserError(`No planned meeting${mentor ? ` with ${mentor.name}` : ''} to export.`, {
        hint: 'Plan one with: mentee prep --when "next thursday 17:30"',
      });
    }
  }
  const sinceFlag = input.since !== undefined ? '--since' : '--from';
  const from = since ? startOfDay(readDate(since, now, sinceFlag)) : undefined;
  const to = input.to ? endOfDay(readDate(input.to, now, '--to')) : now;
  if (from && from > to) {
    throw new UsageError(
      input.to
        ? `${sinceFlag} is after --to; the period would be empty.`
        : `${sinceFlag} is in the future; the period would be empty.`,
    );
  }
  return {
    kind: 'summary',
    summary: buildSummary(journal, { from: from?.toISOString(), to: to.toISOString(), mentor }),
    all: false,
  };
}

function startOfDay(date: Date): Date {
  const copy = new Date(date);
  copy.setHours(0, 0, 0, 0);
  return copy;
}

function endOfDay(date: Date): Date {
  const copy = new Date(date);
  copy.setHours(23, 59, 59, 999);
  return copy;
}
