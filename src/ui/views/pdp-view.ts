/**
 * The one view of the personal development plan (`export --pdp`): one entry per goal with the fields a
 * portfolio's PDP asks for. The Markdown and HTML layouts, the plain text and the CSV all draw from it.
 */
import type { PlanSelection } from '../../core/export-scope.js';
import { toDay } from '../../core/dates.js';
import type { Journal } from '../../core/schema.js';
import { formatDay } from '../words.js';
import { actionView } from './record-views.js';

export interface PdpView {
  title: string;
  mentee: string;
  stage: string;
  /** The mentor the plan was narrowed to, or ''. */
  mentor: string;
  /** The tag the plan was narrowed to (without '#'), or ''. */
  tag: string;
  /** The day it was made: "Wed 25 Nov 2026". */
  asOf: string;
  goals: PdpGoalView[];
}

export interface PdpGoalView {
  number: number;
  id: string;
  /** The objective: the goal's title. */
  objective: string;
  category: string;
  /** active, paused or achieved. */
  status: string;
  /** Why: the need it meets; '' when none was given. */
  why: string;
  /** How I will address it: its actions, oldest first. */
  actions: PdpActionView[];
  /** "Mon 1 Mar 2027" and "2027-03-01", or ''. */
  target: string;
  targetDay: string;
  /** How I will know: what success looks like. */
  success: string;
  progress: { date: string; note: string }[];
  /** When it was marked achieved (its last change), or ''. */
  achieved: string;
  achievedDay: string;
}

export interface PdpActionView {
  id: string;
  title: string;
  /** "due Fri 20 Nov 2026, done Wed 18 Nov 2026", "due Fri 20 Nov 2026", "open": where it stands, dated. */
  standing: string;
  /** The title and its standing on one line: "Book clinic shadowing (due Fri 20 Nov 2026, done Wed 18 Nov 2026)". */
  text: string;
}

export function pdpView(journal: Journal, selection: PlanSelection, now: Date): PdpView {
  return {
    title: 'Personal development plan',
    mentee: journal.profile.name ?? '',
    stage: journal.profile.stage ?? '',
    mentor: selection.mentor?.name ?? '',
    tag: selection.tag ?? '',
    asOf: formatDay(now.toISOString()),
    goals: selection.goals.map(({ goal, actions }, index) => {
      const achievedDay = goal.status === 'achieved' ? toDay(new Date(goal.updatedAt)) : '';
      return {
        number: index + 1,
        id: goal.id,
        objective: goal.title,
        category: goal.category,
        status: goal.status,
        why: goal.why ?? '',
        actions: actions.map((action) => {
          const view = actionView(journal, action, now);
          const dated = [
            view.due && `due ${view.due}`,
            view.completed ? `done ${view.completed}` : view.status === 'done' ? 'done' : '',
          ];
          const standing = dated.filter(Boolean).join(', ') || 'open';
          return { id: view.id, title: view.title, standing, text: `${view.title} (${standing})` };
        }),
        target: goal.targetDate ? formatDay(goal.targetDate) : '',
        targetDay: goal.targetDate ?? '',
        success: goal.success ?? '',
        progress: goal.progress.map((note) => ({ date: formatDay(note.at), note: note.note })),
        achieved: achievedDay ? formatDay(achievedDay) : '',
        achievedDay,
      };
    }),
  };
}
