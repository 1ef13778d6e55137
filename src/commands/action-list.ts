import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { looksOnlyAtOpen, selectActions, type ActionFilter } from '../core/action-list.js';
import { flag, optionalText } from '../input/flags.js';
import { optionalTag } from '../input/tag.js';
import { renderActionList } from '../ui/render/actions.js';

// Kept apart from the writers' flags: listing is the most frequent run, and builds only this schema.
export const actionListFlags = z
  .object({
    all: flag,
    overdue: flag,
    mentor: optionalText,
    goal: optionalText,
    mine: flag,
    tag: optionalTag,
    json: flag,
  })
  .transform(({ json, ...filter }) => ({ filter: filter satisfies ActionFilter, json }));

export async function actionListCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const { filter, json } = parseOptions(actionListFlags, raw);
  const journal = looksOnlyAtOpen(filter) ? await ctx.store.readEveryday() : await ctx.store.read();
  const actions = selectActions(journal, filter, ctx.now);
  if (json) return ctx.print(JSON.stringify({ actions }, null, 2));
  ctx.print(renderActionList(journal, actions, ctx));
}
