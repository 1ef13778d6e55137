import { parseIsoDate } from '../core/dates.js';
import { UsageError, UserError } from '../errors.js';
import { autoCodec } from '../store/journal-codec.js';
import { openJournalStore, type JournalStore } from '../store/journal-store.js';
import { resolveJournalPath } from '../store/paths.js';
import type { Prompter } from '../ui/prompter.js';
import { makeStyle, type Style } from '../ui/style.js';
import { writeLine } from '../ui/terminal.js';
import type { Io } from './io.js';

/** What a command needs from the outside world, passed in so tests can supply their own. */
export interface Context {
  now: Date;
  store: JournalStore;
  env: NodeJS.ProcessEnv;
  /** Results: the only thing on stdout. */
  print(text: string): void;
  /** Notices and warnings, on stderr. */
  warn(text: string): void;
  style: Style;
  errorStyle: Style;
  /** Whether wizards may ask questions: stdin and stderr are terminals (where the questions go). */
  interactive: boolean;
  /** The questions seam; loaded on first use so flag-only runs never load the prompt library. */
  prompter(): Promise<Prompter>;
}

export interface GlobalOptions {
  journal?: string;
  color?: boolean;
}

/** The context of one run, from its global flags and what the run was given (the process's, or a test's). */
export function createContext(options: GlobalOptions, io: Io): Context {
  const { env, interactive, prompter } = io;
  const now = clockFrom(env);
  const codec = autoCodec(passphraseFor({ env, interactive, prompter }));
  const warn = (text: string) => writeLine(io.stderr, text);
  return {
    now,
    store: openJournalStore(resolveJournalPath(options.journal, env), () => now, { codec, onNotice: warn }),
    env,
    print: (text) => writeLine(io.stdout, text),
    warn,
    style: makeStyle(io.stdout, env, options.color !== false),
    errorStyle: makeStyle(io.stderr, env, options.color !== false),
    interactive,
    prompter,
  };
}

/**
 * Where the passphrase of an encrypted journal comes from: MENTEE_PASSPHRASE (for scripts), else a
 * hidden question on a terminal. Asked only when an encrypted file is met, so plain journals never ask.
 */
export function passphraseFor(
  ctx: Pick<Context, 'env' | 'interactive' | 'prompter'>,
): (file: string) => Promise<string> {
  return async (file) => {
    if (ctx.env.MENTEE_PASSPHRASE) return ctx.env.MENTEE_PASSPHRASE;
    if (!ctx.interactive) {
      throw new UserError(`${file} is encrypted: set MENTEE_PASSPHRASE or run on a terminal to type the passphrase.`);
    }
    return (await ctx.prompter()).secret({ message: `Passphrase for ${file}` });
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
