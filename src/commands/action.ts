import type { Context } from '../cli/context.js';
import { parseOptions } from '../cli/options.js';
import { addAction, closeAction, editAction } from '../core/actions.js';
import { dueText } from '../core/dates.js';
import { ActionAddInput, ActionEditInput, NoteInput } from '../core/inputs.js';

export async function actionAddCommand(ctx: Context, title: string, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(ActionAddInput, { ...raw, title });
  const action = await ctx.store.update((journal) => addAction(journal, input, ctx.now));
  if (raw.json) return ctx.print(JSON.stringify(action, null, 2));
  ctx.print(`Added ${action.id}: ${action.title}${action.due ? ` (${dueText(action.due, ctx.now)})` : ''}.`);
}

export async function actionEditCommand(ctx: Context, id: string, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(ActionEditInput, raw);
  const action = await ctx.store.update((journal) => editAction(journal, id, input, ctx.now));
  ctx.print(`Updated ${action.id}: ${action.title}.`);
}

const VERBS = { done: 'Done', dropped: 'Dropped', open: 'Reopened' } as const;

export async function actionCloseCommand(
  ctx: Context,
  id: string,
  status: 'done' | 'dropped' | 'open',
  raw: Record<string, unknown>,
): Promise<void> {
  const { note } = parseOptions(NoteInput, raw);
  const action = await ctx.store.update((journal) => closeAction(journal, id, status, ctx.now, note));
  ctx.print(`${VERBS[status]}: ${action.id} ${action.title}.`);
}
