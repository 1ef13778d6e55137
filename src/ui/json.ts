/**
 * The --json output of agendas, status and exports, built from core data. Each builder's type is its
 * declaration in json-shapes.ts, imported as a type only: zod is not loaded to print JSON.
 */
import type { Agenda } from '../core/agenda.js';
import type { ExportSelection } from '../core/export-scope.js';
import { recordsConcerning } from '../core/mentor-scope.js';
import { shareable } from '../core/privacy.js';
import type { Journal } from '../core/schema.js';
import type { PlannedMeeting, Status } from '../core/status.js';
import type { MentorChange } from '../core/mentors.js';
import type { AgendaJson, ExportJson, MentorStatusJson, StatusJson } from './json-shapes.js';
import { shareAgenda } from './views/shared-agenda.js';

/** A meeting's agenda or record; its private reflections only when asked for. */
export function agendaJson(agenda: Agenda, includePrivate = false): AgendaJson {
  const shared = shareAgenda(agenda, includePrivate);
  return {
    meeting: shared.meeting,
    mentor: { handle: shared.mentor.handle, name: shared.mentor.name },
    timeCheck: shared.timeCheck,
    goals: shared.goals,
    actionsReviewed: shared.actionsReviewed.map(({ action, state, note }) => ({ action, state, note: note ?? null })),
    actionsAgreed: shared.actionsAgreed,
  };
}

export function statusJson(status: Status): StatusJson {
  const planned = ({ meeting, mentor, prepared }: PlannedMeeting) => ({
    id: meeting.id,
    when: meeting.when,
    mentor: mentor.handle,
    prepared,
  });
  return {
    nextMeeting: status.nextMeeting ? planned(status.nextMeeting) : null,
    upcoming: status.upcoming.map(planned),
    awaitingLog: status.awaitingLog?.id ?? null,
    overdue: status.overdue,
    dueSoon: status.dueSoon,
    mentorCommitments: status.mentorCommitments,
    staleGoals: status.staleGoals,
    goalsPastTarget: status.goalsPastTarget.map(({ goal, daysPast }) => ({ ...goal, daysPastTarget: daysPast })),
    mentorsOverdue: status.mentorsOverdue.map(({ mentor, lastMet, daysSince }) => ({
      mentor: mentor.handle,
      name: mentor.name,
      // Only a mentor with a cadence can be overdue for a meeting.
      cadenceDays: mentor.cadenceDays!,
      lastMet: lastMet ?? null,
      daysSince,
    })),
  };
}

/** A mentor's status change: the mentor, the meetings it cancelled, the offers it dropped, what is still planned. */
export function mentorStatusJson({ mentor, cascades }: MentorChange, stillPlanned: string[]): MentorStatusJson {
  const ids = (record: MentorChange['cascades'][number]['record']) =>
    cascades.filter((cascade) => cascade.record === record).map((cascade) => cascade.id);
  return { mentor, cancelled: ids('meeting'), dropped: ids('action'), stillPlanned };
}

/** `export --format json`: the selection as data, private fields only when asked for. */
export function exportJson(
  journal: Journal,
  selection: ExportSelection,
  includePrivate: boolean,
  now: Date,
): ExportJson {
  if (selection.kind === 'meeting') return { kind: 'meeting', ...agendaJson(selection.agenda, includePrivate) };
  const { summary } = selection;
  if (selection.all) return journalJson(journal, summary.scope.mentor?.handle, includePrivate, now);
  return {
    kind: 'summary',
    from: summary.scope.from ?? null,
    to: summary.scope.to,
    mentor: summary.scope.mentor?.handle ?? null,
    figures: summary.figures,
    meetings: summary.meetings.map((meeting) => shareable(meeting, includePrivate)),
    goals: summary.goals.map(({ goal, progress }) => ({ ...goal, progressInPeriod: progress })),
    actionsDone: summary.actionsDone,
    actionsOpen: summary.actionsOpen,
  };
}

/** The whole journal, or all of it that concerns one mentor. */
function journalJson(journal: Journal, mentor: string | undefined, includePrivate: boolean, now: Date): ExportJson {
  const records = recordsConcerning(journal, mentor);
  return {
    kind: 'journal',
    exportedAt: now.toISOString(),
    mentor: mentor ?? null,
    profile: journal.profile,
    mentors: records.mentors,
    goals: records.goals,
    meetings: records.meetings.map((meeting) => shareable(meeting, includePrivate)),
    actions: records.actions,
  };
}
