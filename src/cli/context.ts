import { passphraseFor, type Context } from '../commands/context.js';
import { loadSettings } from '../config/settings.js';
import { parseIsoDate } from '../input/iso-date.js';
import { UsageError } from '../errors.js';
import { autoCodec } from '../store/journal-codec.js';
import { openJournalStore } from '../store/journal-store.js';
import { resolveJournalPath } from '../store/paths.js';
import { makeStyle } from '../ui/style.js';
import { writeLine } from '../ui/terminal.js';
import type { Io } from './io.js';

export interface GlobalOptions {
  journal?: string;
  color?: boolean;
}

/** The context of one run, from its global flags and what the run was given (the process's, or a test's). */
export async function createContext(options: GlobalOptions, io: Io): Promise<Context> {
  const { env, interactive, prompter } = io;
  const now = clockFrom(env);
  const warn = (text: string) => writeLine(io.stderr, text);
  const { values: settings, warnings } = await loadSettings(env);
  for (const warning of warnings) warn(warning);
  const codec = autoCodec(passphraseFor({ env, interactive, prompter, settings }));
  return {
    now,
    settings,
    dates: { now, dateOrder: settings.dateOrder, weekStart: settings.weekStart },
    store: openJournalStore(resolveJournalPath(options.journal, env), () => now, {
      codec,
      onNotice: warn,
      env,
      interactive,
    }),
    env,
    print: (text) => writeLine(io.stdout, text),
    warn,
    style: makeStyle(io.stdout, env, options.color !== false),
    errorStyle: makeStyle(io.stderr, env, options.color !== false),
    interactive,
    prompter,
  };
}

/** MENTEE_NOW fixes the time for reproducible demos and tests; otherwise the real clock. */
function clockFrom(env: NodeJS.ProcessEnv): Date {
  if (!env.MENTEE_NOW) return new Date();
  // Read like any date a user types (local time unless an offset is given), but only in ISO form.
  const fixed = parseIsoDate(env.MENTEE_NOW);
  if (!fixed)
    throw new UsageError(`MENTEE_NOW must be an ISO date-time such as 2026-11-25T09:00, not "${env.MENTEE_NOW}".`);
  return fixed;
}
