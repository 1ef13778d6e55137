/** The documented shapes of --json output (see README, "JSON output"). Private fields are never included here. */
import type { Agenda } from '../core/agenda.js';
import type { ExportSelection } from '../core/export-scope.js';
import { shareable, withoutPrivate } from '../core/privacy.js';
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

/** `export --format json`: the selection as data, private fields only when asked for. */
export function exportJson(selection: ExportSelection, includePrivate: boolean) {
  if (selection.kind === 'meeting') {
    const { agenda } = selection;
    return { kind: 'meeting', ...agendaJson(agenda), meeting: shareable(agenda.meeting, includePrivate) };
  }
  const { summary } = selection;
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
