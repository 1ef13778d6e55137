import type { Context } from '../cli/context.js';
import { parseOptions } from '../cli/options.js';
import { selectActions } from '../core/action-list.js';
import { ActionListInput } from '../core/list-inputs.js';
import { renderActionList } from '../ui/render/actions.js';

export async function actionListCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const filter = parseOptions(ActionListInput, raw);
  const journal = await ctx.store.read();
  const actions = selectActions(journal, filter, ctx.now);
  if (raw.json) return ctx.print(JSON.stringify({ actions }, null, 2));
  ctx.print(renderActionList(journal, actions, ctx));
}
