/**
 * What an export shows, as plain data with dates already written out: the single input of every
 * layout (the Markdown and HTML templates in templates/export/). Private fields are copied in only
 * when the mentee asked for them, so a template cannot leak what it was never given. The views are
 * built in meeting-view.ts and summary-view.ts from the records shaped here.
 */
import { daysUntil, formatDay, spanText } from './dates.js';
import { mentorName } from './refs.js';
import type { Action, Goal, Journal, Meeting, Topic } from './schema.js';
import type { Timeline } from './timeline.js';

export interface ActionView {
  id: string;
  title: string;
  /** "me", or the mentor's name for something the mentor offered to do. */
  owner: string;
  byMentor: boolean;
  /** "Thu 3 Dec 2026", or empty. */
  due: string;
  /** open, done, dropped; in an agenda also what the mentee reported: progress, blocked. */
  state: string;
  done: boolean;
  note: string;
  /** When it was done, and whether that was by its due date (null: no due date, or not done). */
  completed: string;
  onTime: boolean | null;
  /** How late it was done ("3 days"), or empty. */
  lateBy: string;
}

export interface TopicView {
  number: number;
  title: string;
  detail: string;
  kind: string;
  /** 0 when the topic has no minutes. */
  minutes: number;
  carriedOver: boolean;
  /** covered or parked, once logged; empty before. */
  outcome: string;
  outcomeNote: string;
}

export interface GoalView {
  id: string;
  title: string;
  category: string;
  status: string;
  target: string;
  why: string;
  success: string;
  /** Progress notes (in a summary: those written in its period), oldest first. */
  progress: { date: string; note: string }[];
}

/** Shown only when the mentee exports with --include-private. */
export interface PrivateView {
  reflections: { prompt: string; answer: string }[];
  reflection: string;
}

export interface MeetingView {
  /** An agenda to send ahead, or the record of a meeting that has been logged. */
  kind: 'agenda' | 'record';
  id: string;
  title: string;
  mentor: { name: string; role: string };
  mentee: string;
  when: string;
  lengthMinutes: number;
  mode: string;
  intention: string;
  topics: TopicView[];
  time: { plannedMinutes: number; lengthMinutes: number; overBy: number; untimed: number };
  actionsReviewed: ActionView[];
  goals: GoalView[];
  record: {
    advice: string[];
    feedback: string[];
    decisions: string[];
    challenged: string[];
    myPlan: ActionView[];
    mentorOffers: ActionView[];
    nextMeeting: string;
  } | null;
  private: PrivateView | null;
}

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
    advice: string[];
    feedback: string[];
    decisions: string[];
    /** The full record of each meeting, for an export of the whole journal (--all); null otherwise. */
    detail: MeetingView | null;
    private: PrivateView | null;
  }[];
  goals: GoalView[];
  actionsDone: ActionView[];
  actionsOpen: ActionView[];
  /** Every piece of advice in the period, with who gave it and when. */
  advice: { text: string; mentor: string; date: string }[];
  timeline: Timeline;
  /** Whether this is the whole journal (--all) rather than a period. */
  all: boolean;
}

export function topicView(topic: Topic, index: number): TopicView {
  return {
    number: index + 1,
    title: topic.title,
    detail: topic.detail ?? '',
    kind: topic.kind ?? '',
    minutes: topic.minutes ?? 0,
    carriedOver: Boolean(topic.carriedFrom),
    outcome: topic.outcome ?? '',
    outcomeNote: topic.outcomeNote ?? '',
  };
}

export function actionView(
  journal: Journal,
  action: Action,
  review?: { state: string; note?: string | undefined },
): ActionView {
  const done = action.status === 'done' && action.completedAt !== undefined;
  const daysLate = done && action.due ? -daysUntil(action.due, new Date(action.completedAt!)) : 0;
  return {
    id: action.id,
    title: action.title,
    owner: action.owner === 'mentor' ? mentorName(journal, action.mentor) : 'me',
    byMentor: action.owner === 'mentor',
    due: action.due ? formatDay(action.due) : '',
    state: review?.state ?? action.status,
    done: (review?.state ?? action.status) === 'done',
    note: review?.note ?? '',
    completed: done ? formatDay(action.completedAt!) : '',
    onTime: done && action.due ? daysLate <= 0 : null,
    lateBy: daysLate > 0 ? spanText(daysLate) : '',
  };
}

export function goalView(goal: Goal, progress: Goal['progress']): GoalView {
  return {
    id: goal.id,
    title: goal.title,
    category: goal.category,
    status: goal.status,
    target: goal.targetDate ? formatDay(goal.targetDate) : '',
    why: goal.why ?? '',
    success: goal.success ?? '',
    progress: progress.map((note) => ({ date: formatDay(note.at), note: note.note })),
  };
}

export function privateView(meeting: Meeting): PrivateView {
  return {
    reflections: meeting.prep?.reflections ?? [],
    reflection: meeting.log?.privateReflection ?? '',
  };
}
