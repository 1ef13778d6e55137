import type { Context } from '../cli/context.js';
import { parseOptions } from '../cli/options.js';
import { addGoal, setGoalStatus, updateGoal } from '../core/goals.js';
import { GoalAddInput, GoalUpdateInput, NoteInput } from '../core/inputs.js';
import { findGoal } from '../core/refs.js';
import type { Goal } from '../core/schema.js';
import { renderGoal, renderGoalList } from '../ui/render/goals.js';

export async function goalAddCommand(ctx: Context, title: string, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(GoalAddInput, { ...raw, title });
  const goal = await ctx.store.update((journal) => addGoal(journal, input, ctx.now));
  if (raw.json) return ctx.print(JSON.stringify(goal, null, 2));
  ctx.print(`Added goal ${goal.id}: ${goal.title}. Record progress with: mentee goal update ${goal.id} --note "..."`);
}

export async function goalListCommand(ctx: Context, raw: { all?: boolean; json?: boolean }): Promise<void> {
  const journal = await ctx.store.read();
  const goals = journal.goals.filter((goal) => raw.all || goal.status === 'active');
  if (raw.json) return ctx.print(JSON.stringify({ goals }, null, 2));
  ctx.print(renderGoalList(goals, ctx));
}

export async function goalShowCommand(ctx: Context, id: string, raw: { json?: boolean }): Promise<void> {
  const goal = findGoal(await ctx.store.read(), id);
  if (raw.json) return ctx.print(JSON.stringify(goal, null, 2));
  ctx.print(renderGoal(goal, ctx));
}

export async function goalUpdateCommand(ctx: Context, id: string, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(GoalUpdateInput, raw);
  const goal = await ctx.store.update((journal) => updateGoal(journal, id, input, ctx.now));
  ctx.print(input.note ? `Noted progress on ${goal.id}: ${goal.title}.` : `Updated ${goal.id}: ${goal.title}.`);
}

export async function goalStatusCommand(
  ctx: Context,
  id: string,
  status: Goal['status'],
  raw: Record<string, unknown>,
): Promise<void> {
  const { note } = parseOptions(NoteInput, raw);
  const goal = await ctx.store.update((journal) => setGoalStatus(journal, id, status, ctx.now, note));
  ctx.print(
    status === 'achieved'
      ? `Achieved ${goal.id}: ${goal.title}. Well done.`
      : `Marked ${goal.id} ${status}: ${goal.title}.`,
  );
}
