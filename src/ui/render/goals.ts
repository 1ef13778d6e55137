import { daysUntil } from '../../core/dates.js';
import { lastProgressAt } from '../../core/goal-progress.js';
import { mentorName } from '../../core/refs.js';
import type { Goal, Journal } from '../../core/schema.js';
import { oneLine } from '../../core/text.js';
import { formatDay, fromNow, relativeDay } from '../words.js';
import { blocks, card, columns, datedNotes, section } from './layout.js';
import type { RenderOptions } from './options.js';

export function renderGoalList(goals: Goal[], { now, style }: RenderOptions): string {
  if (!goals.length) return 'No goals yet. Add one with: mentee goal add "Choose a specialty" --category career';
  return columns(
    goals.map((goal) => [
      style.bold(goal.id),
      oneLine(goal.title),
      style.dim(goal.category),
      goal.status === 'active' ? '' : goal.status,
      goal.targetDate ? targetText(goal.targetDate, now) : '',
      `progress ${relativeDay(new Date(lastProgressAt(goal)), now)}`,
    ]),
  ).join('\n');
}

function targetText(day: string, now: Date): string {
  return daysUntil(day, now) < 0 ? `target passed ${relativeDay(day, now)}` : `target ${relativeDay(day, now)}`;
}

export function renderGoal(journal: Journal, goal: Goal, { now, style }: RenderOptions): string {
  const facts: [string, string | undefined][] = [
    ['category', goal.category],
    ['status', goal.status],
    ['target', goal.targetDate ? `${formatDay(goal.targetDate)} (${fromNow(goal.targetDate, now)})` : ''],
    ['why', oneLine(goal.why ?? '')],
    ['success', oneLine(goal.success ?? '')],
    ['mentors', goal.mentors.map((handle) => oneLine(mentorName(journal, handle))).join(', ')],
  ];
  return blocks(
    card(`${style.bold(goal.id)}  ${style.bold(oneLine(goal.title))}`, facts, style),
    section('Progress', datedNotes(goal.progress, style)),
  );
}
