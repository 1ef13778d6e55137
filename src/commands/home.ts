import type { Context } from './context.js';
import { initCommand } from './init.js';
import { statusCommand } from './status.js';

/** Plain `mentee`: the status screen, or on a first run at a terminal, the offer to set up. */
export async function homeCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  if (ctx.interactive && !(await ctx.store.exists())) {
    const prompt = await ctx.prompter();
    if (await prompt.confirm({ message: `No journal yet at ${ctx.store.path}. Set one up now?`, default: true })) {
      return initCommand(ctx, {});
    }
  }
  return statusCommand(ctx, raw);
}
