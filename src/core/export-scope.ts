import { buildAgenda, type Agenda } from './agenda.js';
import { nextPlannedMeeting } from './meetings.js';
import { mentorScope } from './mentor-scope.js';
import { refuse } from './problems.js';
import { actionTexts, meetingTexts, recordsTagged } from './record-texts.js';
import { findMeeting, findMentor } from './refs.js';
import type { Action, Goal, Journal, Mentor } from './schema.js';
import { buildSummary, type Summary } from './summary.js';
import { tagsIn } from './tags.js';

/** What to share: one meeting, the next one, a period, the whole journal, or (none named) the best guess. */
export type ExportScope =
  | { kind: 'next' }
  | { kind: 'meeting'; ref: string }
  /** Inclusive instants; `from` left out means from the start, `to` left out means now. */
  | { kind: 'period'; from?: Date | undefined; to?: Date | undefined }
  | { kind: 'all' }
  | { kind: 'unnamed' };

/** A goal of the development plan, with the actions that address it (dropped ones left out). */
export interface PlanGoal {
  goal: Goal;
  actions: Action[];
}

export type ExportSelection =
  | { kind: 'meeting'; agenda: Agenda }
  /** `all`: the whole journal, each meeting with its full record. */
  | { kind: 'summary'; summary: Summary; all: boolean };

/** The goals as a personal development plan, for a portfolio. */
export interface PlanSelection {
  kind: 'pdp';
  goals: PlanGoal[];
  /** The mentor it was narrowed to, and the tag; undefined when none. */
  mentor: Mentor | undefined;
  tag: string | undefined;
}

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

/**
 * The development plan: every goal not dropped, in the order they were set, with the actions that address
 * it; only the goals a mentor helps with when one is named, and those with `tag` in their texts.
 */
export function selectPlan(
  journal: Journal,
  mentorRef: string | undefined,
  filter: { tag?: string | undefined; includePrivate: boolean },
): PlanSelection {
  const mentor = mentorRef ? findMentor(journal, mentorRef) : undefined;
  const concerns = mentorScope(mentor?.handle);
  const tagged = filter.tag === undefined ? undefined : recordsTagged(journal, filter.tag, filter.includePrivate);
  const goals = journal.goals
    .filter((goal) => goal.status !== 'dropped' && concerns.goal(goal) && (!tagged || tagged.has(goal.id)))
    .map((goal) => ({
      goal,
      // Dropped actions are no longer how the goal is addressed.
      actions: journal.actions.filter((action) => action.goalId === goal.id && action.status !== 'dropped'),
    }));
  return { kind: 'pdp', goals, mentor, tag: filter.tag };
}

/**
 * The journal narrowed to the meetings, actions and goals that have `tag`, for an export of a period or
 * of everything to be made of those alone (its figures too). Mentors all stay: records name them.
 */
export function journalWithTag(journal: Journal, tag: string, includePrivate: boolean): Journal {
  const tagged = recordsTagged(journal, tag, includePrivate);
  const has = (record: { id: string }) => tagged.has(record.id);
  return {
    ...journal,
    meetings: journal.meetings.filter(has),
    actions: journal.actions.filter(has),
    goals: journal.goals.filter(has),
  };
}

/** The tags of a meeting's record and of the actions agreed at it, each once, in the order they first appear. */
export function tagsOfMeeting(agenda: Agenda, includePrivate: boolean): string[] {
  const texts = [...meetingTexts(agenda.meeting, includePrivate), ...agenda.actionsAgreed.flatMap(actionTexts)];
  return [...new Set(texts.flatMap(({ text }) => tagsIn(text)))];
}
