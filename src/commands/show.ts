import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { flag } from '../input/flags.js';
import { buildAgenda } from '../core/agenda.js';
import { findAction, findGoal, findMeeting, findMentor, recordKind } from '../core/refs.js';
import { agendaJson } from '../ui/json.js';
import { renderAction } from '../ui/render/actions.js';
import { renderGoal } from '../ui/render/goals.js';
import { renderMeeting } from '../ui/render/meetings.js';
import { renderMentor } from '../ui/render/mentors.js';

/** Any record by its id (m3, g1, a12) or a mentor by handle or name. */
const showFlags = z.object({ json: flag, includePrivate: flag });

export async function showCommand(ctx: Context, ref: string, raw: Record<string, unknown>): Promise<void> {
  const { json: asJson, includePrivate } = parseOptions(showFlags, raw);
  const journal = await ctx.store.read();
  const kind = recordKind(ref);
  const json = (data: unknown) => ctx.print(JSON.stringify(data, null, 2));
  if (kind === 'meeting') {
    const agenda = buildAgenda(journal, findMeeting(journal, ref));
    if (asJson) return json(agendaJson(agenda, includePrivate));
    return ctx.print(renderMeeting(journal, agenda, { ...ctx, includePrivate }));
  }
  if (kind === 'goal') {
    const goal = findGoal(journal, ref);
    return asJson ? json(goal) : ctx.print(renderGoal(journal, goal, ctx));
  }
  if (kind === 'action') {
    const action = findAction(journal, ref);
    return asJson ? json(action) : ctx.print(renderAction(journal, action, ctx));
  }
  const mentor = findMentor(journal, ref);
  return asJson ? json(mentor) : ctx.print(renderMentor(journal, mentor, ctx));
}
