/** The one view of a progress summary (or of the whole journal, --all), as the layouts show it. */
import { buildAgenda, indexForAgendas } from '../../core/agenda.js';
import { mentorName } from '../../core/refs.js';
import type { Journal, Meeting } from '../../core/schema.js';
import type { Summary } from '../../core/summary.js';
import { formatDateTime, formatDay } from '../words.js';
import { meetingView, type MeetingView } from './meeting-view.js';
import {
  goalView,
  privateView,
  recordViews,
  topicView,
  type ActionView,
  type GoalView,
  type PrivateView,
  type TopicView,
} from './record-views.js';
import { buildTimeline, type Timeline } from './timeline.js';

export interface SummaryView {
  title: string;
  mentee: string;
  stage: string;
  mentor: string;
  period: { from: string; to: string };
  figures: {
    meetingsHeld: number;
    actionsCompleted: number;
    completedOnTime: number;
    completedLate: number;
    /** Whole percent of completed actions done by their due date; null when none were completed. */
    onTimePercent: number | null;
    actionsOpen: number;
    goalsActive: number;
    goalsAchieved: number;
  };
  meetings: {
    id: string;
    when: string;
    mentor: string;
    /** What was on the agenda, each with its outcome (covered or parked) once logged. */
    topics: TopicView[];
    advice: string[];
    feedback: string[];
    challenged: string[];
    decisions: string[];
    /** The full record of each meeting, for an export of the whole journal (--all); null otherwise. */
    detail: MeetingView | null;
    private: PrivateView | null;
  }[];
  /** Meetings that were to be in the period and were cancelled. */
  meetingsCancelled: { id: string; when: string; mentor: string; cancelNote: string }[];
  goals: GoalView[];
  actionsDone: ActionView[];
  actionsOpen: ActionView[];
  /** Dropped in the period; each one's `note` says why (its last note). */
  actionsDropped: ActionView[];
  /** Every piece of advice in the period, with who gave it and when. */
  advice: { text: string; mentor: string; date: string }[];
  timeline: Timeline;
  /** Whether this is the whole journal (--all) rather than a period. */
  all: boolean;
  /** The tag it was narrowed to (without '#'), or ''. */
  tag: string;
}

export interface SummaryViewOptions {
  includePrivate: boolean;
  /** The whole journal (--all): each meeting with its full record. */
  all: boolean;
  now: Date;
  /** The tag the journal was narrowed to before the summary was made, to say so. */
  tag?: string | undefined;
}

export function summaryView(journal: Journal, summary: Summary, options: SummaryViewOptions): SummaryView {
  const { includePrivate, all, now } = options;
  const { scope, figures } = summary;
  const mentorOfMeeting = (meeting: Meeting) => mentorName(journal, meeting.mentor);
  const index = all ? indexForAgendas(journal) : undefined;
  const views = recordViews(journal, now);
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
      completedLate: figures.completedLate,
      onTimePercent: onTimePercent(figures.completedOnTime, figures.completedLate),
      actionsOpen: summary.actionsOpen.length,
      goalsActive: goalsInScope.filter((goal) => goal.status === 'active').length,
      goalsAchieved: goalsInScope.filter((goal) => goal.status === 'achieved').length,
    },
    meetings: summary.meetings.map((meeting) => {
      const detail = index
        ? meetingView(journal, buildAgenda(journal, meeting, index), { includePrivate, now, views })
        : null;
      return {
        id: meeting.id,
        when: detail?.when ?? formatDateTime(meeting.when),
        mentor: mentorOfMeeting(meeting),
        topics: (meeting.prep?.topics ?? []).map(topicView),
        advice: meeting.log?.advice ?? [],
        feedback: meeting.log?.feedback ?? [],
        challenged: meeting.log?.challenged ?? [],
        decisions: meeting.log?.decisions ?? [],
        detail,
        private: includePrivate ? privateView(meeting) : null,
      };
    }),
    meetingsCancelled: summary.meetingsCancelled.map((meeting) => ({
      id: meeting.id,
      when: formatDateTime(meeting.when),
      mentor: mentorOfMeeting(meeting),
      cancelNote: meeting.cancelNote ?? '',
    })),
    goals: summary.goals.map(({ goal, progress }) => goalView(goal, progress)),
    actionsDone: summary.actionsDone.map((action) => views.action(action)),
    actionsOpen: summary.actionsOpen.map((action) => views.action(action)),
    actionsDropped: summary.actionsDropped.map((action) => views.action(action)),
    advice: summary.meetings.flatMap((meeting) => {
      const advice = meeting.log?.advice ?? [];
      if (!advice.length) return [];
      const [mentor, date] = [mentorOfMeeting(meeting), formatDay(meeting.when)];
      return advice.map((text) => ({ text, mentor, date }));
    }),
    timeline: buildTimeline(summary),
    all,
    tag: options.tag ?? '',
  };
}

/** A summary from "the start": the day of its first meeting, else of the journal's first record. */
function firstRecordDay(summary: Summary): string {
  const first = summary.meetings[0]?.when;
  return first ? formatDay(first) : 'the start';
}

/** Whole percent of your dated actions done by their due date; null when none was done (never a false 0%). */
export function onTimePercent(onTime: number, late: number): number | null {
  return onTime + late ? Math.round((onTime / (onTime + late)) * 100) : null;
}
