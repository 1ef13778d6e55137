import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { addGoal, setGoalStatus, updateGoal } from '../core/goals.js';
import type { GoalAddInput, GoalUpdateInput } from '../core/inputs.js';
import { GOAL_CATEGORIES, GOAL_STATUSES } from '../core/model.js';
import { findGoal } from '../core/refs.js';
import type { Goal } from '../core/schema.js';
import { flag, oneOf, optionalText, readWith, text, texts } from '../input/flags.js';
import { optionalTag } from '../input/tag.js';
import { recordsTagged } from '../core/record-texts.js';
import { readDay } from '../input/read.js';
import { renderGoal, renderGoalList } from '../ui/render/goals.js';
import { noteFlags } from './common-flags.js';
import type { DateContext } from '../input/date-text.js';

const goalFields = (dates: DateContext) => ({
  category: oneOf(GOAL_CATEGORIES).optional(),
  target: readWith((value) => readDay(value, dates)).optional(),
  why: optionalText,
  success: optionalText,
  mentor: texts,
});

export const goalAddFlags = (dates: DateContext) =>
  z.object({ ...goalFields(dates), title: text, json: flag }).transform(({ target, mentor, json, ...rest }) => ({
    input: { ...rest, targetDate: target, mentors: mentor } satisfies GoalAddInput,
    json,
  }));

export const goalUpdateFlags = (dates: DateContext) =>
  z
    .object({ ...goalFields(dates), title: optionalText, note: optionalText, status: oneOf(GOAL_STATUSES).optional() })
    .transform(({ target, mentor, ...rest }): GoalUpdateInput => ({ ...rest, targetDate: target, mentors: mentor }));

const showFlags = z.object({ json: flag });
const listFlags = showFlags.extend({ all: flag, tag: optionalTag });

/** done, drop and pause: a closing note, and what becomes of the goal's open actions. */
export const goalStatusFlags = noteFlags
  .extend({ dropActions: flag, keepActions: flag })
  .refine((flags) => !(flags.dropActions && flags.keepActions), {
    path: ['keepActions'],
    message: 'cannot go with --drop-actions; choose one',
  })
  .transform(({ note, dropActions, keepActions }) => ({
    note,
    actions: dropActions ? ('drop' as const) : keepActions ? ('keep' as const) : undefined,
  }));

export async function goalAddCommand(ctx: Context, title: string, raw: Record<string, unknown>): Promise<void> {
  const { input, json } = parseOptions(goalAddFlags(ctx.dates), { ...raw, title });
  const goal = await ctx.store.update((journal) => addGoal(journal, input, ctx.now));
  if (json) return ctx.print(JSON.stringify(goal, null, 2));
  ctx.print(`Added goal ${goal.id}: ${goal.title}. Record progress with: mentee goal update ${goal.id} --note "..."`);
}

export async function goalListCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const { all, tag, json } = parseOptions(listFlags, raw);
  const journal = await ctx.store.read();
  const tagged = tag ? recordsTagged(journal, tag) : undefined;
  const goals = journal.goals.filter((goal) => (all || goal.status === 'active') && (!tagged || tagged.has(goal.id)));
  if (json) return ctx.print(JSON.stringify({ goals }, null, 2));
  ctx.print(renderGoalList(goals, ctx));
}

export async function goalShowCommand(ctx: Context, id: string, raw: Record<string, unknown>): Promise<void> {
  const { json } = parseOptions(showFlags, raw);
  const journal = await ctx.store.read();
  const goal = findGoal(journal, id);
  if (json) return ctx.print(JSON.stringify(goal, null, 2));
  ctx.print(renderGoal(journal, goal, ctx));
}

export async function goalUpdateCommand(ctx: Context, id: string, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(goalUpdateFlags(ctx.dates), raw);
  const goal = await ctx.store.update((journal) => updateGoal(journal, id, input, ctx.now));
  ctx.print(input.note ? `Noted progress on ${goal.id}: ${goal.title}.` : `Updated ${goal.id}: ${goal.title}.`);
}

export async function goalStatusCommand(
  ctx: Context,
  id: string,
  status: Goal['status'],
  raw: Record<string, unknown>,
): Promise<void> {
  const { note, actions } = parseOptions(goalStatusFlags, raw);
  const { goal, cascades, stillOpen } = await ctx.store.update((journal) =>
    setGoalStatus(journal, id, status, ctx.now, note, actions),
  );
  ctx.print(
    status === 'achieved'
      ? `Achieved ${goal.id}: ${goal.title}. Well done.`
      : `Marked ${goal.id} ${status}: ${goal.title}.`,
  );
  const dropped = cascades.map((cascade) => cascade.id);
  if (dropped.length) ctx.print(`Dropped its open actions too: ${dropped.join(', ')} (see: mentee actions --all).`);
  if (!stillOpen.length || status === 'active') return;
  ctx.print(
    status === 'achieved'
      ? `Still open for this goal: ${stillOpen.join(', ')}; mark each done or dropped, e.g. mentee action done ${stillOpen[0]}`
      : `Kept its open actions open, still linked to ${goal.id}: ${stillOpen.join(', ')}.`,
  );
}
