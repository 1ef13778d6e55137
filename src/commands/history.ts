import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { HISTORY_KEPT } from '../core/history.js';
import { flag, limit } from '../input/flags.js';
import { historyJson, renderHistory } from '../ui/render/history.js';

const HistoryInput = z.object({
  json: flag,
  limit: limit.default(20),
});

/** The changes kept, newest first, marking those undone; what they touched, never private text. */
export async function historyCommand(ctx: Context, raw: { json?: boolean; limit?: string }): Promise<void> {
  const { json, limit } = parseOptions(HistoryInput, raw);
  const history = await ctx.store.history();
  ctx.print(
    json ? JSON.stringify(historyJson(history, limit), null, 2) : renderHistory(history, limit, HISTORY_KEPT, ctx.now),
  );
}
