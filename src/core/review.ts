import { isPastDue } from './action-list.js';
import { daysUntil, fromDay } from './dates.js';
import { mentorScope } from './mentor-scope.js';
import { byWhen } from './order.js';
import { meetingTexts } from './record-texts.js';
import type { Action, Goal, Journal, Meeting, Mentor, Topic } from './schema.js';
import { actionOutcome, buildSummary, timeliness, type ActionOutcome, type Summary } from './summary.js';
import { tagsIn } from './tags.js';

/** The period a review covers: inclusive instants (ISO), and the one mentor it is about, if any. */
export interface ReviewScope {
  from: string;
  to: string;
  mentor?: Mentor | undefined;
}

/** A review's actions by where they stood over the period (see actionOutcome in summary.ts). */
export type ActionsByOutcome = Record<ActionOutcome, Action[]>;

/** A held meeting of the period that touched a goal: the topics linked to it, and what was said there. */
export interface GoalMeeting {
  meeting: Meeting;
  topics: Topic[];
  advice: string[];
  decisions: string[];
}

export interface GoalReview {
  goal: Goal;
  /** Progress notes written in the period, oldest first. */
  progress: Goal['progress'];
  meetings: GoalMeeting[];
  actions: ActionsByOutcome;
}

export interface MentorReview {
  mentor: Mentor;
  /** Days of the period the mentorship covered (from its start, to its end if it ended). */
  days: number;
  /** Meetings the cadence asks for in those days, rounded; null for a mentor with no cadence. */
  expected: number | null;
  held: Meeting[];
  cancelled: Meeting[];
}

/** What a meeting's notes hold that a review groups by tag: what you heard and what you decided. */
export const THEME_KINDS = ['advice', 'feedback', 'decision', 'challenged'] as const;
export type ThemeKind = (typeof THEME_KINDS)[number];

/** What was heard and decided in the period under one tag; `tag` null for what has none. */
export interface Theme {
  tag: string | null;
  items: { kind: ThemeKind; text: string; meeting: Meeting }[];
}

export interface ReviewFigures {
  meetingsHeld: number;
  meetingsCancelled: number;
  /** What the mentors' cadences ask for over the period; null when no mentor has a cadence. */
  meetingsExpected: number | null;
  actionsCompleted: number;
  completedOnTime: number;
  completedLate: number;
  /** Open at the end of the period, and of those, past their due date then. */
  actionsOpen: number;
  actionsOverdue: number;
  actionsDropped: number;
  goalsReviewed: number;
  progressNotes: number;
  advice: number;
  decisions: number;
}

export interface Review {
  scope: ReviewScope;
  /** The period's progress summary, which the timeline picture is drawn from. */
  summary: Summary;
  goals: GoalReview[];
  mentors: MentorReview[];
  themes: Theme[];
  /** Every action of the period in scope, by where it stood. */
  actions: ActionsByOutcome;
  figures: ReviewFigures;
}

/**
 * A review of a period, to prepare an appraisal, an ARCP or a mid-point meeting: per goal (active in
 * the period or touched by it) its progress, the meetings that touched it and its actions; per mentor,
 * meetings held against their cadence; advice and decisions by tag; figures.
 */
export function buildReview(journal: Journal, scope: ReviewScope): Review {
  const summary = buildSummary(journal, scope);
  const from = Date.parse(scope.from);
  const to = Date.parse(scope.to);
  const inPeriod = (at: string | undefined) => at !== undefined && Date.parse(at) >= from && Date.parse(at) <= to;
  const concerns = mentorScope(scope.mentor?.handle);
  const held = summary.meetings;
  const outcome = (action: Action) => actionOutcome(action, from, to);

  const touching = (goal: Goal): GoalMeeting[] =>
    held.flatMap((meeting) => {
      const topics = (meeting.prep?.topics ?? []).filter((topic) => topic.goalId === goal.id);
      const reviewed = meeting.prep?.goals.includes(goal.id) ?? false;
      const agreed = journal.actions.some((action) => action.meetingId === meeting.id && action.goalId === goal.id);
      if (!topics.length && !reviewed && !agreed) return [];
      return [{ meeting, topics, advice: meeting.log?.advice ?? [], decisions: meeting.log?.decisions ?? [] }];
    });

  const inSummary = new Map(summary.goals.map(({ goal, progress }) => [goal.id, progress]));
  // With a mentor named, every section (goals, their actions, figures) holds only what concerns them.
  const goals = journal.goals.flatMap((goal): GoalReview[] => {
    if (Date.parse(goal.createdAt) > to || !concerns.goal(goal)) return [];
    const meetings = touching(goal);
    const actions = byOutcome(
      journal.actions.filter((action) => action.goalId === goal.id && concerns.action(action)),
      outcome,
    );
    const acted = actions.onTime.length + actions.late.length + actions.dropped.length > 0;
    if (!inSummary.has(goal.id) && !meetings.length && !acted) return [];
    const progress = inSummary.get(goal.id) ?? goal.progress.filter((note) => inPeriod(note.at));
    return [{ goal, progress, meetings, actions }];
  });

  const mentors = journal.mentors.flatMap((mentor): MentorReview[] => {
    if (!concerns.mentor(mentor)) return [];
    const withThem = (meeting: Meeting) => meeting.mentor === mentor.handle;
    const start = Math.max(from, fromDay(mentor.startDate).getTime());
    const end = mentor.status === 'ended' ? Math.min(to, Date.parse(mentor.updatedAt)) : to;
    const meetings = { held: held.filter(withThem), cancelled: summary.meetingsCancelled.filter(withThem) };
    if (start > end && !meetings.held.length && !meetings.cancelled.length) return [];
    const days = start > end ? 0 : daysUntil(new Date(end), new Date(start)) + 1;
    const expected = mentor.cadenceDays ? Math.round(days / mentor.cadenceDays) : null;
    return [{ mentor, days, expected, ...meetings }];
  });

  const actions = byOutcome(journal.actions.filter(concerns.action), outcome);
  const themes = themesOf(held);
  const expectations = mentors.flatMap((mentor) => (mentor.expected === null ? [] : [mentor.expected]));
  const count = (kind: 'advice' | 'decisions') =>
    held.reduce((sum, meeting) => sum + (meeting.log?.[kind].length ?? 0), 0);
  return {
    scope,
    summary,
    goals,
    mentors,
    themes,
    actions,
    figures: {
      meetingsHeld: held.length,
      meetingsCancelled: summary.meetingsCancelled.length,
      meetingsExpected: expectations.length ? expectations.reduce((sum, n) => sum + n, 0) : null,
      actionsCompleted: actions.onTime.length + actions.late.length,
      completedOnTime: actions.onTime.filter((action) => timeliness(action) === 'onTime').length,
      completedLate: actions.late.filter((action) => timeliness(action) === 'late').length,
      actionsOpen: actions.open.length,
      // Open at the period's end and past their due day by then, whatever became of them since.
      actionsOverdue: actions.open.filter((action) => isPastDue(action, new Date(to))).length,
      actionsDropped: actions.dropped.length,
      goalsReviewed: goals.length,
      progressNotes: goals.reduce((sum, goal) => sum + goal.progress.length, 0),
      advice: count('advice'),
      decisions: count('decisions'),
    },
  };
}

function byOutcome(actions: Action[], outcome: (action: Action) => ActionOutcome | undefined): ActionsByOutcome {
  const sorted: ActionsByOutcome = { onTime: [], late: [], open: [], dropped: [] };
  for (const action of actions) {
    const where = outcome(action);
    if (where) sorted[where].push(action);
  }
  return sorted;
}

/** Advice and decisions of the meetings by their tags, most given first; one with two tags is under both, untagged last. */
function themesOf(meetings: Meeting[]): Theme[] {
  const byTag = new Map<string | null, Theme>();
  for (const meeting of [...meetings].sort(byWhen)) {
    for (const text of meetingTexts(meeting)) {
      if (!isThemeKind(text.kind)) continue;
      const tags = tagsIn(text.text);
      for (const tag of tags.length ? tags : [null]) {
        const theme = byTag.get(tag) ?? { tag, items: [] };
        theme.items.push({ kind: text.kind, text: text.text, meeting });
        byTag.set(tag, theme);
      }
    }
  }
  return [...byTag.values()].sort(
    (a, b) =>
      Number(a.tag === null) - Number(b.tag === null) ||
      b.items.length - a.items.length ||
      (a.tag ?? '').localeCompare(b.tag ?? ''),
  );
}

function isThemeKind(kind: string): kind is ThemeKind {
  return (THEME_KINDS as readonly string[]).includes(kind);
}
