import { buildAgenda, indexForAgendas } from './agenda.js';
import { formatDateTime, formatDay } from './dates.js';
import { actionView, goalView, privateView, type SummaryView } from './export-view.js';
import { meetingView } from './meeting-view.js';
import { mentorName } from './refs.js';
import type { Journal, Meeting } from './schema.js';
import type { Summary } from './summary.js';
import { buildTimeline } from './timeline.js';

export function summaryView(journal: Journal, summary: Summary, includePrivate: boolean, all = false): SummaryView {
  const { scope, figures } = summary;
  const mentorOfMeeting = (meeting: Meeting) => mentorName(journal, meeting.mentor);
  const index = all ? indexForAgendas(journal) : undefined;
  const goalsInScope = summary.goals.map(({ goal }) => goal);
  return {
    title: all ? 'Mentoring journal' : 'Mentoring summary',
    mentee: journal.profile.name ?? '',
    stage: journal.profile.stage ?? '',
    mentor: scope.mentor?.name ?? '',
    period: {
      from: scope.from ? formatDay(scope.from) : firstRecordDay(summary),
      to: formatDay(scope.to),
    },
    figures: {
      meetingsHeld: figures.meetingsHeld,
      actionsCompleted: figures.actionsCompleted,
      completedOnTime: figures.completedOnTime,
      completedLate: figures.actionsCompleted - figures.completedOnTime,
      onTimePercent: figures.onTimeRate === null ? null : Math.round(figures.onTimeRate * 100),
      actionsOpen: summary.actionsOpen.length,
      goalsActive: goalsInScope.filter((goal) => goal.status === 'active').length,
      goalsAchieved: goalsInScope.filter((goal) => goal.status === 'achieved').length,
    },
    meetings: summary.meetings.map((meeting) => ({
      id: meeting.id,
      when: formatDateTime(meeting.when),
      mentor: mentorOfMeeting(meeting),
      advice: meeting.log?.advice ?? [],
      feedback: meeting.log?.feedback ?? [],
      decisions: meeting.log?.decisions ?? [],
      detail: index ? meetingView(journal, buildAgenda(journal, meeting, index), includePrivate) : null,
      private: includePrivate ? privateView(meeting) : null,
    })),
    goals: summary.goals.map(({ goal, progress }) => goalView(goal, progress)),
    actionsDone: summary.actionsDone.map((action) => actionView(journal, action)),
    actionsOpen: summary.actionsOpen.map((action) => actionView(journal, action)),
    advice: summary.meetings.flatMap((meeting) =>
      (meeting.log?.advice ?? []).map((text) => ({
        text,
        mentor: mentorOfMeeting(meeting),
        date: formatDay(meeting.when),
      })),
    ),
    timeline: buildTimeline(summary),
    all,
  };
}

/** A summary from "the start": the day of its first meeting, else of the journal's first record. */
function firstRecordDay(summary: Summary): string {
  const first = summary.meetings[0]?.when;
  return first ? formatDay(first) : 'the start';
}
