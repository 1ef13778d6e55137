import { passphraseFor, type Context } from './context.js';
import { UsageError, UserError } from '../errors.js';
import type { SwitchResult } from '../store/journal-store.js';
import { count } from '../ui/words.js';

const MIN_LENGTH = 8;
const LOSS_WARNING =
  'If you lose this passphrase, your journal cannot be recovered: nobody, including mentee, can open it.';
const ENV_WARNING =
  'Using MENTEE_PASSPHRASE. Other programs you run can read your environment, and a passphrase typed inline ' +
  '(MENTEE_PASSPHRASE=... mentee ...) stays in your shell history.';

export async function encryptCommand(ctx: Context, _raw: Record<string, unknown>): Promise<void> {
  const path = await existingJournal(ctx);
  if (await ctx.store.isEncrypted()) return finishEncrypting(ctx, path);
  // A damaged journal is refused, an old one upgraded (and that said), before a passphrase is asked for.
  await ctx.store.upgrade();
  const passphrase = await newPassphrase(ctx);
  const result = await ctx.store.encrypt(passphrase);
  const already = result.already ? ` (${backups(result.already)} already encrypted)` : '';
  const drafts = result.drafts ? ` and ${count(result.drafts, 'draft')}` : '';
  ctx.print(
    `Encrypted ${result.journal} and ${backups(result.backups)}${already}${drafts}${leftovers(result)}; ` +
      `no plaintext copy is left in ${result.checked}. Every mentee command works as before; ` +
      'each asks for the passphrase (or reads MENTEE_PASSPHRASE).',
  );
  if (result.disconnected)
    ctx.print(
      'Sync is disconnected: the sync repository beside the journal held plain copies and was removed. ' +
        `Connect again with mentee sync init <remote>: to the remote your other devices already sync encrypted, or to a new, empty one (a remote keeps every version it was sent, so delete ${result.disconnected} if it holds plain copies).`,
    );
  warnUnreadable(ctx, result.unreadable);
}

/**
 * An encrypted journal with plain files beside it (a decrypt or a save killed half-way): those are
 * encrypted with the journal's own key, or removed. With none, encrypting again is refused.
 */
async function finishEncrypting(ctx: Context, path: string): Promise<void> {
  if (!(await ctx.store.plainLeftovers()).length) {
    throw new UserError(`${path} is already encrypted.`, {
      hint: 'To change its passphrase: mentee decrypt, then mentee encrypt.',
    });
  }
  const result = await ctx.store.encrypt(await passphraseFor(ctx)(path));
  const plain = [
    ...(result.backups ? [backups(result.backups)] : []),
    ...(result.drafts ? [count(result.drafts, 'draft')] : []),
  ];
  const encrypted = plain.length ? `; encrypted ${plain.join(' and ')} left in plain text` : '';
  ctx.print(
    `${result.journal} was already encrypted${encrypted}${leftovers(result)}; ` +
      `no plaintext copy is left in ${result.checked}.`,
  );
  warnUnreadable(ctx, result.unreadable);
}

/** "; removed 2 plaintext leftovers of interrupted commands", when there were any. */
function leftovers(result: SwitchResult): string {
  return result.removed ? `; removed ${count(result.removed, 'plaintext leftover')} of interrupted commands` : '';
}

/** Files in the backup folder that could not be read are left as they were, and named. */
function warnUnreadable(ctx: Context, files: string[]): void {
  if (files.length)
    ctx.warn(
      `warning: ${backups(files.length)} could not be read, so ${files.length === 1 ? 'it was' : 'they were'} left as ${files.length === 1 ? 'it was' : 'they were'} (${files.join(', ')}).`,
    );
}

export async function decryptCommand(ctx: Context, _raw: Record<string, unknown>): Promise<void> {
  const path = await existingJournal(ctx);
  if (!(await ctx.store.isEncrypted())) throw new UserError(`${path} is not encrypted; nothing to do.`);
  const passphrase = await passphraseFor(ctx)(path);
  const result = await ctx.store.decrypt(passphrase);
  ctx.print(
    `Decrypted ${result.journal} and ${backups(result.backups)}: plain JSON again, readable by your user account only.`,
  );
  if (result.disconnected)
    ctx.print(
      `Sync is disconnected: the journal at ${result.disconnected} is encrypted, and a plain one does not sync with it. ` +
        'Connect this one to a new, empty remote: mentee sync init <remote>',
    );
  if (result.unopened.length) {
    ctx.warn(
      `${backups(result.unopened.length)} stay encrypted: this passphrase does not open them ` +
        `(${result.unopened.join(', ')}).`,
    );
  }
  warnUnreadable(ctx, result.unreadable);
}

async function existingJournal(ctx: Context): Promise<string> {
  if (!(await ctx.store.exists())) {
    throw new UserError(`There is no journal at ${ctx.store.path} yet.`, { hint: 'Start one with: mentee init' });
  }
  return ctx.store.path;
}

/** The new passphrase, typed twice on a terminal, or MENTEE_PASSPHRASE for scripts (with its risk said). */
async function newPassphrase(ctx: Context): Promise<string> {
  const fromEnv = ctx.env.MENTEE_PASSPHRASE;
  if (fromEnv) {
    if (fromEnv.length < MIN_LENGTH)
      throw new UsageError(`MENTEE_PASSPHRASE is too short: use at least ${MIN_LENGTH} characters.`);
    ctx.warn(LOSS_WARNING);
    ctx.warn(ENV_WARNING);
    return fromEnv;
  }
  if (!ctx.interactive) {
    throw new UsageError('encrypt needs a passphrase: set MENTEE_PASSPHRASE or run on a terminal to type it.');
  }
  const prompt = await ctx.prompter();
  prompt.say(LOSS_WARNING);
  const first = await prompt.secret({
    message: 'New passphrase',
    validate: (answer) => answer.length >= MIN_LENGTH || `Use at least ${MIN_LENGTH} characters.`,
  });
  await prompt.secret({
    message: 'The same passphrase again',
    validate: (answer) => answer === first || 'That is not the same passphrase; type it again (Ctrl-C to start over).',
  });
  return first;
}

const backups = (n: number) => count(n, 'backup');
