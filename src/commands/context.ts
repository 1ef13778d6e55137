import { UserError } from '../errors.js';
import type { JournalStore } from '../store/journal-store.js';
import type { Prompter } from '../ui/prompter.js';
import type { Style } from '../ui/style.js';

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
