import { buildAgenda, type Agenda } from './agenda.js';
import { nextPlannedMeeting } from './meetings.js';
import { refuse } from './problems.js';
import { findMeeting, findMentor } from './refs.js';
import type { Journal } from './schema.js';
import { buildSummary, type Summary } from './summary.js';

/** What to share: one meeting, the next one, a period, the whole journal, or (none named) the best guess. */
export type ExportScope =
  | { kind: 'next' }
  | { kind: 'meeting'; ref: string }
  /** Inclusive instants; `from` left out means from the start, `to` left out means now. */
  | { kind: 'period'; from?: Date | undefined; to?: Date | undefined }
  | { kind: 'all' }
  | { kind: 'unnamed' };

export type ExportSelection =
  | { kind: 'meeting'; agenda: Agenda }
  /** `all`: the whole journal, each meeting with its full record. */
  | { kind: 'summary'; summary: Summary; all: boolean };

/**
 * What `export` shares: one meeting (the agenda, or the record once logged), a progress summary over a
 * period, or the whole journal; all of it only what concerns `mentorRef` when one is named. With no
 * scope: the next meeting's agenda if one is planned, else a summary of everything.
 */
export function selectExport(
  journal: Journal,
  scope: ExportScope,
  mentorRef: string | undefined,
  now: Date,
): ExportSelection {
  const mentor = mentorRef ? findMentor(journal, mentorRef) : undefined;
  if (scope.kind === 'all')
    return { kind: 'summary', summary: buildSummary(journal, { to: now.toISOString(), mentor }), all: true };
  if (scope.kind === 'meeting')
    return { kind: 'meeting', agenda: buildAgenda(journal, findMeeting(journal, scope.ref)) };
  if (scope.kind === 'next' || scope.kind === 'unnamed') {
    const next = nextPlannedMeeting(journal, now, mentor?.handle);
    if (next) return { kind: 'meeting', agenda: buildAgenda(journal, next) };
    if (scope.kind === 'next') refuse({ code: 'no-planned-meeting', mentor });
  }
  const from = scope.kind === 'period' ? scope.from : undefined;
  const to = (scope.kind === 'period' ? scope.to : undefined) ?? now;
  return {
    kind: 'summary',
    summary: buildSummary(journal, { from: from?.toISOString(), to: to.toISOString(), mentor }),
    all: false,
  };
}
