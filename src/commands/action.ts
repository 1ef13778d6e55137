import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { addAction, closeAction, editAction } from '../core/actions.js';
import { dueText } from '../ui/words.js';
import type { ActionAddInput, ActionEditInput } from '../core/inputs.js';
import { ACTION_OWNERS } from '../core/model.js';
import { flag, oneOf, optionalText, readWith, text } from '../input/flags.js';
import { readDay } from '../input/read.js';
import { noteFlags } from './common-flags.js';
import type { DateContext } from '../input/date-text.js';

const dueDay = (dates: DateContext) => readWith((value) => readDay(value, dates)).optional();

export const actionAddFlags = (dates: DateContext) =>
  z
    .object({
      title: text,
      due: dueDay(dates),
      goal: optionalText,
      mentor: optionalText,
      owner: oneOf(ACTION_OWNERS).default('me'),
      note: optionalText,
      json: flag,
    })
    .transform(({ json, ...input }) => ({ input: input satisfies ActionAddInput, json }));

export const actionEditFlags = (dates: DateContext) =>
  z.object({
    title: optionalText,
    due: dueDay(dates),
    clearDue: flag,
    goal: optionalText,
    mentor: optionalText,
    owner: oneOf(ACTION_OWNERS).optional(),
    note: optionalText,
  }) satisfies z.ZodType<ActionEditInput>;

export async function actionAddCommand(ctx: Context, title: string, raw: Record<string, unknown>): Promise<void> {
  const { input, json } = parseOptions(actionAddFlags(ctx.dates), { ...raw, title });
  const action = await ctx.store.update((journal) => addAction(journal, input, ctx.now));
  if (json) return ctx.print(JSON.stringify(action, null, 2));
  ctx.print(`Added ${action.id}: ${action.title}${action.due ? ` (${dueText(action.due, ctx.now)})` : ''}.`);
}

export async function actionEditCommand(ctx: Context, id: string, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(actionEditFlags(ctx.dates), raw);
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
  const { note } = parseOptions(noteFlags, raw);
  const action = await ctx.store.update((journal) => closeAction(journal, id, status, ctx.now, note));
  ctx.print(`${VERBS[status]}: ${action.id} ${action.title}.`);
}
