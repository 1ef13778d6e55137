import { isOverdue } from '../../core/action-list.js';
import { mentorName } from '../../core/refs.js';
import type { Action, Journal } from '../../core/schema.js';
import { oneLine } from '../../core/text.js';
import { dueText, formatDay, relativeDay } from '../words.js';
import { blocks, card, columns, datedNotes, section } from './layout.js';
import type { RenderOptions } from './options.js';

export function renderActionList(journal: Journal, actions: Action[], options: RenderOptions): string {
  if (!actions.length)
    return 'No actions here. Add one with: mentee action add "Draft a personal statement" --due "next friday"';
  return columns(actions.map((action) => actionRow(journal, action, options))).join('\n');
}

export function actionRow(journal: Journal, action: Action, { now, style }: RenderOptions): string[] {
  return [
    style.bold(action.id),
    oneLine(action.title),
    whoText(journal, action),
    statusText(action, now, style),
    action.goalId ?? '',
  ];
}

function whoText(journal: Journal, action: Action): string {
  if (action.owner === 'me') return action.mentor ? `with ${action.mentor}` : '';
  return `${mentorName(journal, action.mentor)} will`;
}

function statusText(action: Action, now: Date, style: RenderOptions['style']): string {
  if (action.status === 'done')
    return style.green(`done ${action.completedAt ? relativeDay(new Date(action.completedAt), now) : ''}`.trim());
  if (action.status === 'dropped') return style.dim('dropped');
  if (!action.due) return style.dim('no due date');
  const text = dueText(action.due, now);
  return isOverdue(action, now) ? style.red(text) : text;
}

export function renderAction(action: Action, options: RenderOptions): string {
  const { style } = options;
  const facts: [string, string | undefined][] = [
    ['owner', action.owner === 'me' ? 'me' : `${action.mentor} (mentor commitment)`],
    ['status', statusText(action, options.now, style)],
    ['due', action.due ? formatDay(action.due) : ''],
    ['goal', action.goalId ?? ''],
    ['mentor', action.owner === 'me' ? (action.mentor ?? '') : ''],
    ['from', action.meetingId ? `meeting ${action.meetingId}` : ''],
    ['added', formatDay(action.createdAt)],
  ];
  return blocks(
    card(`${style.bold(action.id)}  ${style.bold(oneLine(action.title))}`, facts, style),
    section('Notes', datedNotes(action.notes, style)),
  );
}
