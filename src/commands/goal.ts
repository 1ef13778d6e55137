import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { addGoal, setGoalStatus, updateGoal } from '../core/goals.js';
import type { GoalAddInput, GoalUpdateInput } from '../core/inputs.js';
import { GOAL_CATEGORIES, GOAL_STATUSES } from '../core/model.js';
import { findGoal } from '../core/refs.js';
import type { Goal } from '../core/schema.js';
import { flag, oneOf, optionalText, readWith, text, texts } from '../input/flags.js';
import { readDay } from '../input/read.js';
import { renderGoal, renderGoalList } from '../ui/render/goals.js';
import { noteFlags } from './common-flags.js';

const goalFields = (now: Date) => ({
  category: oneOf(GOAL_CATEGORIES).optional(),
  target: readWith((value) => readDay(value, now)).optional(),
  why: optionalText,
  success: optionalText,
  mentor: texts,
});

export const goalAddFlags = (now: Date) =>
  z.object({ ...goalFields(now), title: text, json: flag }).transform(({ target, mentor, json, ...rest }) => ({
    input: { ...rest, targetDate: target, mentors: mentor } satisfies GoalAddInput,
    json,
  }));

export const goalUpdateFlags = (now: Date) =>
  z
    .object({ ...goalFields(now), title: optionalText, note: optionalText, status: oneOf(GOAL_STATUSES).optional() })
    .transform(({ target, mentor, ...rest }): GoalUpdateInput => ({ ...rest, targetDate: target, mentors: mentor }));

const listFlags = z.object({ all: flag, json: flag });

export async function goalAddCommand(ctx: Context, title: string, raw: Record<string, unknown>): Promise<void> {
  const { input, json } = parseOptions(goalAddFlags(ctx.now), { ...raw, title });
  const goal = await ctx.store.update((journal) => addGoal(journal, input, ctx.now));
  if (json) return ctx.print(JSON.stringify(goal, null, 2));
  ctx.print(`Added goal ${goal.id}: ${goal.title}. Record progress with: mentee goal update ${goal.id} --note "..."`);
}

export async function goalListCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const { all, json } = parseOptions(listFlags, raw);
  const journal = await ctx.store.read();
  const goals = journal.goals.filter((goal) => all || goal.status === 'active');
  if (json) return ctx.print(JSON.stringify({ goals }, null, 2));
  ctx.print(renderGoalList(goals, ctx));
}

export async function goalShowCommand(ctx: Context, id: string, raw: Record<string, unknown>): Promise<void> {
  const { json } = parseOptions(listFlags, raw);
  const goal = findGoal(await ctx.store.read(), id);
  if (json) return ctx.print(JSON.stringify(goal, null, 2));
  ctx.print(renderGoal(goal, ctx));
}

export async function goalUpdateCommand(ctx: Context, id: string, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(goalUpdateFlags(ctx.now), raw);
  const goal = await ctx.store.update((journal) => updateGoal(journal, id, input, ctx.now));
  ctx.print(input.note ? `Noted progress on ${goal.id}: ${goal.title}.` : `Updated ${goal.id}: ${goal.title}.`);
}

export async function goalStatusCommand(
  ctx: Context,
  id: string,
  status: Goal['status'],
  raw: Record<string, unknown>,
): Promise<void> {
  const { note } = parseOptions(noteFlags, raw);
  const goal = await ctx.store.update((journal) => setGoalStatus(journal, id, status, ctx.now, note));
  ctx.print(
    status === 'achieved'
      ? `Achieved ${goal.id}: ${goal.title}. Well done.`
      : `Marked ${goal.id} ${status}: ${goal.title}.`,
  );
}
