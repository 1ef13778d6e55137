/** The documented shapes of --json output (see README, "JSON output"). Private fields are never included here. */
import type { Agenda } from '../core/agenda.js';
import type { ExportSelection } from '../core/export-scope.js';
import { shareable, withoutPrivate } from '../core/privacy.js';
import type { Journal } from '../core/schema.js';
import type { Status } from '../core/status.js';

export function agendaJson(agenda: Agenda) {
  return {
    meeting: withoutPrivate(agenda.meeting),
    mentor: { handle: agenda.mentor.handle, name: agenda.mentor.name },
    timeCheck: agenda.timeCheck,
    goals: agenda.goals,
    actionsReviewed: agenda.actionsReviewed.map(({ action, state, note }) => ({ action, state, note: note ?? null })),
    actionsAgreed: agenda.actionsAgreed,
  };
}

export function statusJson(status: Status) {
  return {
    nextMeeting: status.nextMeeting
      ? {
          id: status.nextMeeting.meeting.id,
          when: status.nextMeeting.meeting.when,
          mentor: status.nextMeeting.mentor.handle,
          prepared: status.nextMeeting.prepared,
        }
      : null,
    awaitingLog: status.awaitingLog?.id ?? null,
    overdue: status.overdue,
    dueSoon: status.dueSoon,
    mentorCommitments: status.mentorCommitments,
    staleGoals: status.staleGoals,
    mentorsOverdue: status.mentorsOverdue.map(({ mentor, lastMet, daysSince, booked }) => ({
      mentor: mentor.handle,
      name: mentor.name,
      cadenceDays: mentor.cadenceDays,
      lastMet: lastMet ?? null,
      daysSince,
      booked: booked?.id ?? null,
    })),
  };
}

/** `export --format json`: the selection as data, private fields only when asked for (see core/export-shape.ts). */
export function exportJson(journal: Journal, selection: ExportSelection, includePrivate: boolean, now: Date) {
  if (selection.kind === 'meeting') {
    const { agenda } = selection;
    return { kind: 'meeting', ...agendaJson(agenda), meeting: shareable(agenda.meeting, includePrivate) };
  }
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
function journalJson(journal: Journal, mentor: string | undefined, includePrivate: boolean, now: Date) {
  const concerns = (handle: string | undefined) => !mentor || handle === mentor;
  return {
    kind: 'journal',
    exportedAt: now.toISOString(),
    mentor: mentor ?? null,
    profile: journal.profile,
    mentors: journal.mentors.filter((candidate) => concerns(candidate.handle)),
    goals: journal.goals.filter((goal) => !mentor || goal.mentors.includes(mentor)),
    meetings: journal.meetings
      .filter((meeting) => concerns(meeting.mentor))
      .map((meeting) => shareable(meeting, includePrivate)),
    actions: journal.actions.filter((action) => concerns(action.mentor)),
  };
}
