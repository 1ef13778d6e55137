/** `mentee sync`, `sync init <remote>`, `sync status`: the journal on other devices, through git. */
import * as z from 'zod';
import type { Context } from './context.js';
import { jsonFlags } from './common-flags.js';
import { parseOptions } from './parse-options.js';
import { flag } from '../input/flags.js';
import { UsageError } from '../errors.js';
import type { SyncOutcome, SyncState } from '../store/journal-store.js';
import { syncJson, syncStateJson, syncStateLines, syncLines } from '../ui/render/sync.js';

const statusFlags = z.object({ json: flag, includePrivate: flag });

export async function syncCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const { json } = parseOptions(jsonFlags, raw);
  say(ctx, await ctx.store.sync(), json);
}

export async function syncInitCommand(ctx: Context, remote: string, raw: Record<string, unknown>): Promise<void> {
  const { json } = parseOptions(jsonFlags, raw);
  if (!remote.trim()) throw new UsageError('The remote must not be empty: a git URL or the path of a bare repository.');
  const outcome = await ctx.store.connectSync(remote);
  say(ctx, outcome, json, `Connected your journal to ${outcome.remote}.`);
}

export async function syncStatusCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const { json, includePrivate } = parseOptions(statusFlags, raw);
  const state: SyncState = await ctx.store.syncState();
  if (json) return ctx.print(JSON.stringify(syncStateJson(state, includePrivate), null, 2));
  ctx.print(syncStateLines(state, { now: ctx.now, includePrivate, style: ctx.style }).join('\n'));
}

/** Forgets the conflict notes once read (on every device, at the next sync). */
export async function syncDismissCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  parseOptions(z.object({}), raw);
  if (!(await ctx.store.read()).conflicts.length) return ctx.print('No conflict notes to dismiss.');
  const dismissed = await ctx.store.update((journal) => {
    const count = journal.conflicts.length;
    journal.conflicts = [];
    return count;
  });
  ctx.print(
    `Dismissed ${dismissed === 1 ? 'the conflict note' : `${dismissed} conflict notes`}; your other devices forget ${dismissed === 1 ? 'it' : 'them'} at their next sync.`,
  );
}

function say(ctx: Context, outcome: SyncOutcome, json: boolean, first?: string): void {
  if (json) return ctx.print(JSON.stringify(syncJson(outcome), null, 2));
  ctx.print([...(first ? [first] : []), ...syncLines(outcome)].join('\n'));
}
