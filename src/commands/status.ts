import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { jsonFlags } from './common-flags.js';
import { computeStatus } from '../core/status.js';
import { statusJson } from '../ui/json.js';
import { renderStatus } from '../ui/render/status.js';

export async function statusCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const { json } = parseOptions(jsonFlags, raw);
  const journal = await ctx.store.readEveryday();
  const status = computeStatus(journal, ctx.now);
  if (json) return ctx.print(JSON.stringify(statusJson(status), null, 2));
  ctx.print(renderStatus(journal, status, ctx));
}
