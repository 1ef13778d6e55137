/** The one view of a review of a period, as the Markdown and HTML layouts show it. */
import { hasPrivate } from '../../core/privacy.js';
import { mentorName } from '../../core/refs.js';
import type { ActionsByOutcome, Review, ThemeKind } from '../../core/review.js';
import type { Action, Journal, Meeting } from '../../core/schema.js';
import { cadenceText, formatDateTime, formatDay } from '../words.js';
import {
  actionView,
  goalView,
  privateView,
  topicView,
  type ActionView,
  type GoalView,
  type PrivateView,
  type TopicView,
} from './record-views.js';
import { buildTimeline, type Timeline } from './timeline.js';
import { onTimePercent } from './summary-view.js';

export interface ReviewMeetingView {
  id: string;
  /** "Thu 3 Dec 2026, 17:30" */
  when: string;
  /** "Thu 3 Dec 2026" */
  date: string;
  mentor: string;
}

export interface ReviewActionsView {
  onTime: ActionView[];
  late: ActionView[];
  open: ActionView[];
  dropped: ActionView[];
  /** How many there are in all four lists. */
  count: number;
}

export interface ReviewView {
  title: string;
  mentee: string;
  stage: string;
  mentor: string;
  period: { from: string; to: string };
  figures: Review['figures'] & {
    /** Whole percent of actions completed in the period that were done by their due date; null when none were. */
    onTimePercent: number | null;
  };
  goals: (GoalView & {
    meetings: (ReviewMeetingView & { topics: TopicView[]; advice: string[]; decisions: string[] })[];
    actions: ReviewActionsView;
  })[];
  mentors: {
    handle: string;
    name: string;
    status: string;
    /** "every 4 weeks", or empty for a mentor with no cadence. */
    cadence: string;
    /** Meetings the cadence asks for over the period; null with no cadence. */
    expected: number | null;
    held: number;
    cancelled: number;
    meetings: ReviewMeetingView[];
  }[];
  /** Advice, feedback, decisions and challenged assumptions by tag: `tag` is "#research", or empty for the untagged (always last). */
  /** Each item's `label` names its kind for people: Advice, Feedback, Decision, Assumption challenged. */
  themes: { tag: string; items: (ReviewMeetingView & { kind: string; label: string; text: string })[] }[];
  /** The period's actions that no goal of the review has (each goal lists its own). */
  otherActions: ReviewActionsView;
  /** The questions of the portfolio-reflection prep template, to answer. */
  prompts: string[];
  /** Private reflections of the period's meetings: only with --include-private, else null. */
  private: (ReviewMeetingView & PrivateView)[] | null;
  timeline: Timeline;
}

export interface ReviewViewOptions {
  includePrivate: boolean;
  prompts: string[];
  now: Date;
}

export function reviewView(journal: Journal, review: Review, options: ReviewViewOptions): ReviewView {
  const { includePrivate, prompts, now } = options;
  const { scope, figures } = review;
  const meetingLine = (meeting: Meeting): ReviewMeetingView => ({
    id: meeting.id,
    when: formatDateTime(meeting.when),
    date: formatDay(meeting.when),
    mentor: mentorName(journal, meeting.mentor),
  });
  const actions = (sorted: ActionsByOutcome): ReviewActionsView => {
    const views = (list: Action[]) => list.map((action) => actionView(journal, action, now));
    return {
      onTime: views(sorted.onTime),
      late: views(sorted.late),
      open: sorted.open.map((action) => openAtEnd(actionView(journal, action, now))),
      dropped: views(sorted.dropped),
      count: sorted.onTime.length + sorted.late.length + sorted.open.length + sorted.dropped.length,
    };
  };
  return {
    title: 'Mentoring review',
    mentee: journal.profile.name ?? '',
    stage: journal.profile.stage ?? '',
    mentor: scope.mentor?.name ?? '',
    period: { from: formatDay(scope.from), to: formatDay(scope.to) },
    figures: {
      ...figures,
      onTimePercent: onTimePercent(figures.completedOnTime, figures.completedLate),
    },
    goals: review.goals.map((goal) => ({
      ...goalView(goal.goal, goal.progress),
      meetings: goal.meetings.map(({ meeting, topics, advice, decisions }) => ({
        ...meetingLine(meeting),
        topics: topics.map((topic) => topicView(topic, (meeting.prep?.topics ?? []).indexOf(topic))),
        advice,
        decisions,
      })),
      actions: actions(goal.actions),
    })),
    mentors: review.mentors.map(({ mentor, expected, held, cancelled }) => ({
      handle: mentor.handle,
      name: mentor.name,
      status: mentor.status,
      cadence: mentor.cadenceDays ? cadenceText(mentor.cadenceDays) : '',
      expected,
      held: held.length,
      cancelled: cancelled.length,
      meetings: held.map(meetingLine),
    })),
    themes: review.themes.map(({ tag, items }) => ({
      tag: tag === null ? '' : `#${tag}`,
      items: items.map(({ kind, text, meeting }) => ({
        ...meetingLine(meeting),
        kind,
        label: THEME_LABELS[kind],
        text,
      })),
    })),
    otherActions: actions(withoutGoals(review.actions, new Set(review.goals.map(({ goal }) => goal.id)))),
    prompts,
    private: includePrivate
      ? review.summary.meetings
          .filter(hasPrivate)
          .map((meeting) => ({ ...meetingLine(meeting), ...privateView(meeting) }))
      : null,
    timeline: buildTimeline(review.summary),
  };
}

function withoutGoals(sorted: ActionsByOutcome, goals: Set<string>): ActionsByOutcome {
  const other = (list: Action[]) => list.filter((action) => !action.goalId || !goals.has(action.goalId));
  return {
    onTime: other(sorted.onTime),
    late: other(sorted.late),
    open: other(sorted.open),
    dropped: other(sorted.dropped),
  };
}

/** An action open at the end of the period is shown open, with what became of it after (a review of a past rotation). */
function openAtEnd(view: ActionView): ActionView {
  if (view.status === 'open') return view;
  return { ...view, state: `${view.status} after the period`, done: false };
}

const THEME_LABELS: Record<ThemeKind, string> = {
  advice: 'Advice',
  feedback: 'Feedback',
  decision: 'Decision',
  challenged: 'Assumption challenged',
};
