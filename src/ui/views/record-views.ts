/**
 * The records every view is made of (actions, topics, goals, private notes), as plain data with dates
 * already written out. Every way of showing a record draws from these: the terminal, the Markdown
 * and HTML layouts (templates/export/), the calendar. Private fields are copied in only when the
 * mentee asked for them, so a layout cannot leak what it was never given.
 */
import { isOverdue } from '../../core/action-list.js';
import { daysUntil } from '../../core/dates.js';
import { mentorName } from '../../core/refs.js';
import type { Action, Goal, Journal, Meeting, Topic } from '../../core/schema.js';
import { dueText, formatDay, relativeDay, spanText } from '../words.js';

/** How an action stands today, for a renderer to colour: done, dropped, no due date, due, overdue. */
export type ActionTone = 'done' | 'dropped' | 'undated' | 'due' | 'overdue';

/** An action on one line of a list: cheap to make, so a list of thousands stays quick. */
export interface ActionLine {
  id: string;
  title: string;
  /** "me", or the mentor's name for something the mentor offered to do. */
  owner: string;
  byMentor: boolean;
  /** The name of the mentor an action of yours is linked to; empty when none. */
  withMentor: string;
  /** The goal it serves (an id), or empty. */
  goal: string;
  /** Where it stands at the time of the view: "due in 3 days", "2 weeks overdue", "done yesterday", "dropped". */
  standing: string;
  tone: ActionTone;
}

export interface ActionView extends ActionLine {
  /** "Thu 3 Dec 2026", or empty. */
  due: string;
  /** The action's own status: open, done, dropped. */
  status: Action['status'];
  /** As `status`; in an agenda, what the mentee reported, which may also be progress or blocked. */
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
  /** The goal it is about (an id), or empty. */
  goal: string;
  carriedOver: boolean;
  /** The meeting it was parked at, when carried over; empty otherwise. */
  carriedFrom: string;
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

/** Shown only when the mentee asks for it (--include-private). */
export interface PrivateView {
  reflections: { prompt: string; answer: string }[];
  reflection: string;
}

export function topicView(topic: Topic, index: number): TopicView {
  return {
    number: index + 1,
    title: topic.title,
    detail: topic.detail ?? '',
    kind: topic.kind ?? '',
    minutes: topic.minutes ?? 0,
    goal: topic.goalId ?? '',
    carriedOver: Boolean(topic.carriedFrom),
    carriedFrom: topic.carriedFrom ?? '',
    outcome: topic.outcome ?? '',
    outcomeNote: topic.outcomeNote ?? '',
  };
}

export function actionLine(journal: Journal, action: Action, now: Date): ActionLine {
  const byMentor = action.owner === 'mentor';
  const { standing, tone } = actionStanding(action, now);
  return {
    id: action.id,
    title: action.title,
    owner: byMentor ? mentorName(journal, action.mentor) : 'me',
    byMentor,
    withMentor: byMentor || !action.mentor ? '' : mentorName(journal, action.mentor),
    goal: action.goalId ?? '',
    standing,
    tone,
  };
}

/** Where an action stands at `now`, in words, and how a renderer should colour that. */
export function actionStanding(action: Action, now: Date): Pick<ActionLine, 'standing' | 'tone'> {
  if (action.status === 'done') {
    const when = action.completedAt ? ` ${relativeDay(new Date(action.completedAt), now)}` : '';
    return { standing: `done${when}`, tone: 'done' };
  }
  if (action.status === 'dropped') return { standing: 'dropped', tone: 'dropped' };
  if (!action.due) return { standing: 'no due date', tone: 'undated' };
  return { standing: dueText(action.due, now), tone: isOverdue(action, now) ? 'overdue' : 'due' };
}

/** What the mentee reported on an action in an agenda: its state then (which may be progress or blocked), and a note. */
export interface ActionReport {
  state: string;
  note?: string | undefined;
}

/** An action with everything an agenda, a record or a summary says of it; `review` is what the mentee reported. */
export function actionView(journal: Journal, action: Action, now: Date, review?: ActionReport): ActionView {
  const done = action.status === 'done' && action.completedAt !== undefined;
  const daysLate = done && action.due ? -daysUntil(action.due, new Date(action.completedAt!)) : 0;
  const line = actionLine(journal, action, now);
  // Written out, not spread: a view of thousands of actions is made quicker with one shape per object.
  const view: ActionView = {
    id: line.id,
    title: line.title,
    owner: line.owner,
    byMentor: line.byMentor,
    withMentor: line.withMentor,
    goal: line.goal,
    standing: line.standing,
    tone: line.tone,
    due: action.due ? formatDay(action.due) : '',
    status: action.status,
    state: action.status,
    done: action.status === 'done',
    // Outside an agenda, a closed action's last note says why it was dropped (or how it was done).
    note: action.status === 'open' ? '' : (action.notes.at(-1)?.note ?? ''),
    completed: done ? formatDay(action.completedAt!) : '',
    onTime: done && action.due ? daysLate <= 0 : null,
    lateBy: daysLate > 0 ? spanText(daysLate) : '',
  };
  return review ? reportedOn(view, review) : view;
}

/** An action's view as the mentee reported on it in an agenda. */
function reportedOn(view: ActionView, { state, note }: ActionReport): ActionView {
  return { ...view, state, done: state === 'done', note: note ?? '' };
}

/**
 * The views of many records made together (a summary, the whole journal), where one action or goal is
 * shown many times (in a list, and in the record of each meeting it came up at): each view is made once.
 */
export interface RecordViews {
  action(action: Action, review?: ActionReport): ActionView;
  /** A goal with all its progress notes. */
  goal(goal: Goal): GoalView;
}

export function recordViews(journal: Journal, now: Date): RecordViews {
  const actions = new Map<Action, ActionView>();
  const goals = new Map<Goal, GoalView>();
  return {
    action(action, review) {
      let view = actions.get(action);
      if (!view) actions.set(action, (view = actionView(journal, action, now)));
      return review ? reportedOn(view, review) : view;
    },
    goal(goal) {
      let view = goals.get(goal);
      if (!view) goals.set(goal, (view = goalView(goal, goal.progress)));
      return view;
    },
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

/** The meeting's private notes; pass only a meeting the mentee chose to show them of. */
export function privateView(meeting: Meeting): PrivateView {
  return {
    reflections: meeting.prep?.reflections ?? [],
    reflection: meeting.log?.privateReflection ?? '',
  };
}
