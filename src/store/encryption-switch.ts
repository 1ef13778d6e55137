import { readFile, realpath } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { listBackups } from './backups.js';
import { decrypt, deriveKey, encrypt, isEncrypted, keyring, newKdfParams } from './crypto.js';
import { asFileProblem } from './file-errors.js';
import { withJournalLock } from './lock.js';
import { fingerprint, readMemo, writeMemo } from './validation-memo.js';

export interface SwitchResult {
  /** The journal file rewritten (its real path, through any symlink). */
  journal: string;
  /** How many backups were rewritten. */
  backups: number;
  /** How many backups were already in the wanted form (left as they were). */
  already: number;
  /** Encrypted backups this passphrase does not open (decrypting only), left as they were. */
  unopened: string[];
}

/** How one backup's bytes change: the new bytes, 'already' when it needs no change, 'unopened' when it cannot be. */
type Transform = (file: string, content: Buffer) => Promise<Buffer | 'already' | 'unopened'>;

/**
 * Rewrites the journal and every backup encrypted with one key from `passphrase` (a fresh IV each),
 * each file atomically. Backups first, the journal last: after a crash the journal is still plain, so
 * running encrypt again finishes the job.
 */
export function encryptJournal(path: string, passphrase: string): Promise<SwitchResult> {
  return rewrite(path, async (journal, bytes) => {
    if (isEncrypted(bytes)) throw new UserError(`${journal} is already encrypted.`);
    const key = await deriveKey(passphrase, newKdfParams());
    return {
      converted: encrypt(bytes, key),
      transform: async (_file, content) => (isEncrypted(content) ? 'already' : encrypt(content, key)),
    };
  });
}

/** The reverse: plain JSON again. The journal is opened first, so a wrong passphrase changes nothing. */
export function decryptJournal(path: string, passphrase: string): Promise<SwitchResult> {
  return rewrite(path, async (journal, bytes) => {
    if (!isEncrypted(bytes)) throw new UserError(`${journal} is not encrypted.`);
    // Backups encrypted before a change of passphrase have their own salt: one key per salt.
    const keyFor = keyring(async () => passphrase);
    return {
      converted: await decrypt(bytes, keyFor, journal),
      transform: async (file, content) =>
        isEncrypted(content) ? decrypt(content, keyFor, file).catch(() => 'unopened' as const) : 'already',
    };
  });
}

async function rewrite(
  path: string,
  prepare: (journal: string, bytes: Buffer) => Promise<{ converted: Buffer; transform: Transform }>,
): Promise<SwitchResult> {
  let journal = path;
  try {
    journal = await realpath(path);
    return await withJournalLock(journal, async (assertHeld) => {
      const bytes = await readFile(journal);
      const { converted, transform } = await prepare(journal, bytes);
      const result: SwitchResult = { journal, backups: 0, already: 0, unopened: [] };
      let journalCopyKept = false;
      for (const backup of await listBackups(journal)) {
        const content = await readFile(backup);
        // The copy of the journal as last saved gets the very same bytes, as a normal save gives it.
        const same = content.equals(bytes);
        const next = same ? converted : await transform(backup, content);
        if (next === 'already') result.already += 1;
        else if (next === 'unopened') result.unopened.push(backup);
        else {
          assertHeld();
          await writeFileAtomic(backup, next);
          journalCopyKept ||= same;
          result.backups += 1;
        }
      }
      assertHeld();
      await writeFileAtomic(journal, converted);
      // Not marked validated: the new bytes are checked in full on their first read.
      const { saved } = await readMemo(journal);
      const stillSaved = journalCopyKept && saved === fingerprint(bytes);
      await writeMemo(journal, { validated: undefined, saved: stillSaved ? fingerprint(converted) : undefined });
      return result;
    });
  } catch (error) {
    throw asFileProblem(error, 'rewrite', journal);
  }
}
