import type { Settings } from '../config/settings.js';
import { UserError } from '../errors.js';
import type { DateContext } from '../input/date-text.js';
import type { JournalStore } from '../store/journal-store.js';
import type { Prompter } from '../ui/prompter.js';
import type { Style } from '../ui/style.js';

/** What a command needs from the outside world, passed in so tests can supply their own. */
export interface Context {
  now: Date;
  /** The user's settings in force (see src/config/settings.ts): environment over config file. */
  settings: Settings;
  /** What every date reader takes: `now` and how this user writes dates. */
  dates: DateContext;
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
 * Where the passphrase of an encrypted journal comes from: MENTEE_PASSPHRASE (for scripts), else the
 * file MENTEE_PASSPHRASE_FILE names, else the output of the passphraseCommand setting (a keyring), else a
 * hidden question on a terminal. Asked only when an encrypted file is met, so plain journals never ask.
 */
export function passphraseFor(
  ctx: Pick<Context, 'env' | 'interactive' | 'prompter' | 'settings'>,
): (file: string) => Promise<string> {
  return async (file) => {
    if (ctx.env.MENTEE_PASSPHRASE) return ctx.env.MENTEE_PASSPHRASE;
    if (ctx.env.MENTEE_PASSPHRASE_FILE)
      return (await import('../config/passphrase-source.js')).passphraseFromFile(ctx.env.MENTEE_PASSPHRASE_FILE);
    if (ctx.settings.passphraseCommand)
      return (await import('../config/passphrase-source.js')).passphraseFromCommand(
        ctx.settings.passphraseCommand,
        ctx.env,
      );
    if (!ctx.interactive) {
      throw new UserError(
        `${file} is encrypted: set MENTEE_PASSPHRASE, MENTEE_PASSPHRASE_FILE or passphraseCommand (mentee config set passphraseCommand "pass show mentee"), or run on a terminal to type the passphrase.`,
      );
    }
    return (await ctx.prompter()).secret({ message: `Passphrase for ${file}` });
  };
}
