import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { flag } from '../input/flags.js';
import { renderStep, stepJson } from '../ui/render/history.js';

const StepInput = z.object({ json: flag });

/** Takes back the newest change, record by record, and says what it was and how far undo can still go. */
export async function undoCommand(ctx: Context, raw: { json?: boolean }): Promise<void> {
  const { json } = parseOptions(StepInput, raw);
  const step = await ctx.store.undo();
  ctx.print(json ? JSON.stringify(stepJson(step, ctx.now), null, 2) : renderStep(step, ctx.now));
}

/** Puts back the change undone last. */
export async function redoCommand(ctx: Context, raw: { json?: boolean }): Promise<void> {
  const { json } = parseOptions(StepInput, raw);
  const step = await ctx.store.redo();
  ctx.print(json ? JSON.stringify(stepJson(step, ctx.now), null, 2) : renderStep(step, ctx.now));
}
