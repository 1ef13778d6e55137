import type { Context } from '../cli/context.js';
import { parseOptions } from '../cli/options.js';
import { ProfileInput } from '../core/inputs.js';
import { setProfile } from '../core/profile.js';

export async function initCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(ProfileInput, raw);
  const profile = await ctx.store.update((journal) => setProfile(journal, input));
  const who = [profile.name, profile.stage].filter(Boolean).join(', ');
  ctx.print(`Journal ready at ${ctx.store.path}${who ? ` for ${who}` : ''}.`);
  ctx.print('Next: mentee mentor add "Dr Ada Lovelace" --cadence 4w --rule "Email first"');
}
