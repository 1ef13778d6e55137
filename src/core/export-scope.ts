import { UsageError, UserError } from '../errors.js';
import { buildAgenda, type Agenda } from './agenda.js';
import type { ExportInput } from './inputs.js';
import { nextPlannedMeeting } from './meetings.js';
import { findMeeting, findMentor } from './refs.js';
import type { Journal } from './schema.js';
import { readDate } from './specs.js';
import { buildSummary, type Summary } from './summary.js';

export type ExportSelection = { kind: 'meeting'; agenda: Agenda } | { kind: 'summary'; summary: Summary };

/**
 * What `export` shares: one meeting (--meeting, --next: the agenda, or the record once logged) or a
 * progress summary over a period (--since/--to). With no scope: the next meeting's agenda if one is
 * planned, else a summary of everything.
 */
export function selectExport(journal: Journal, input: ExportInput, now: Date): ExportSelection {
  const scopes = [input.next, input.meeting !== undefined, input.since !== undefined].filter(Boolean).length;
  if (scopes > 1) throw new UsageError('Give only one of --next, --meeting and --since.');
  const mentor = input.mentor ? findMentor(journal, input.mentor) : undefined;
  if (input.meeting) return { kind: 'meeting', agenda: buildAgenda(journal, findMeeting(journal, input.meeting)) };
  if (input.next || (!input.since && !input.to)) {
    const next = nextPlannedMeeting(journal, now, mentor?.handle);
    if (next) return { kind: 'meeting', agenda: buildAgenda(journal, next) };
    if (input.next) {
      throw new UserError(`No planned meeting${mentor ? ` with ${mentor.name}` : ''} to export.`, {
        hint: 'Plan one with: mentee prep --when "next thursday 17:30"',
      });
    }
  }
  const from = input.since ? startOfDay(readDate(input.since, now, '--since')) : undefined;
  const to = input.to ? endOfDay(readDate(input.to, now, '--to')) : now;
  if (from && from > to) {
    throw new UsageError(
      input.to
        ? '--since is after --to; the period would be empty.'
        : '--since is in the future; the period would be empty.',
    );
  }
  return {
    kind: 'summary',
    summary: buildSummary(journal, { from: from?.toISOString(), to: to.toISOString(), mentor }),
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
