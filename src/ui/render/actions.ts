import { mentorName } from '../../core/refs.js';
import type { Action, Journal } from '../../core/schema.js';
import { oneLine } from '../../core/text.js';
import type { Style } from '../style.js';
import { actionLine, actionStanding, type ActionLine, type ActionTone } from '../views/record-views.js';
import { formatDay } from '../words.js';
import { blocks, card, columns, datedNotes, section } from './layout.js';
import type { RenderOptions } from './options.js';

export function renderActionList(journal: Journal, actions: Action[], { now, style }: RenderOptions): string {
  if (!actions.length)
    return 'No actions here. Add one with: mentee action add "Draft a personal statement" --due "next friday"';
  return columns(actions.map((action) => actionRow(actionLine(journal, action, now), style))).join('\n');
}

/** One action in a list: id, title, whose, where it stands, goal. */
export function actionRow(action: ActionLine, style: Style): string[] {
  return [style.bold(action.id), oneLine(action.title), whoText(action), standingText(action, style), action.goal];
}

function whoText(action: ActionLine): string {
  if (action.byMentor) return `${action.owner} will`;
  return action.withMentor ? `with ${action.withMentor}` : '';
}

const TONES: Record<ActionTone, (style: Style, text: string) => string> = {
  done: (style, text) => style.green(text),
  dropped: (style, text) => style.dim(text),
  undated: (style, text) => style.dim(text),
  due: (_style, text) => text,
  overdue: (style, text) => style.red(text),
};

export function standingText(action: Pick<ActionLine, 'standing' | 'tone'>, style: Style): string {
  return TONES[action.tone](style, action.standing);
}

export function renderAction(journal: Journal, action: Action, { now, style }: RenderOptions): string {
  const mentor = mentorName(journal, action.mentor);
  const facts: [string, string | undefined][] = [
    ['owner', action.owner === 'me' ? 'me' : `${mentor} (mentor commitment)`],
    ['status', standingText(actionStanding(action, now), style)],
    ['due', action.due ? formatDay(action.due) : ''],
    ['goal', action.goalId ?? ''],
    ['mentor', action.owner === 'me' ? mentor : ''],
    ['from', action.meetingId ? `meeting ${action.meetingId}` : ''],
    ['added', formatDay(action.createdAt)],
  ];
  return blocks(
    card(`${style.bold(action.id)}  ${style.bold(oneLine(action.title))}`, facts, style),
    section('Notes', datedNotes(action.notes, style)),
  );
}
