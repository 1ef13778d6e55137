import { readFile, realpath } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { listBackups } from './backups.js';
import { decrypt, deriveKey, encrypt, isEncrypted, keyring, newKdfParams } from './crypto.js';
import { asFileProblem } from './file-errors.js';
import { withJournalLock } from './lock.js';
import { journalPaths } from './paths.js';
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
  /** Backups that could not be read at all (a folder where a file should be, no permission), left as they were. */
  unreadable: string[];
}

/** How one backup's bytes change: the new bytes, 'already' when it needs no change, 'unopened' when it cannot be. */
type Transform = (file: string, content: Buffer) => Promise<Buffer | 'already' | 'unopened'>;

/**
 * Rewrites the journal and every backup encrypted with one key from `passphrase` (a fresh IV each),
 * each file atomically. Backups first, the journal last: after a crash the journal is still plain, so
 * running encrypt again finishes the job.
 */
export function encryptJournal(
  path: string,
  passphrase: string,
  notice: (text: string) => void,
): Promise<SwitchResult> {
  return rewrite(path, notice, async (journal, bytes) => {
    if (isEncrypted(bytes)) throw new UserError(`${journal} is already encrypted.`);
    const key = await deriveKey(passphrase, newKdfParams());
    // A backup already encrypted (by an encrypt that stopped half-way) must open with this passphrase,
    // or the journal and its history would need two.
    const keyFor = keyring(async () => passphrase);
    return {
      converted: encrypt(bytes, key),
      transform: async (file, content) => {
        if (!isEncrypted(content)) return encrypt(content, key);
        return decrypt(content, keyFor, file).then(
          () => 'already' as const,
          () => 'unopened' as const,
        );
      },
      refuseUnopened: true,
    };
  });
}

/** The reverse: plain JSON again. The journal is opened first, so a wrong passphrase changes nothing. */
export function decryptJournal(
  path: string,
  passphrase: string,
  notice: (text: string) => void,
): Promise<SwitchResult> {
  return rewrite(path, notice, async (journal, bytes) => {
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
  notice: (text: string) => void,
  prepare: (
    journal: string,
    bytes: Buffer,
  ) => Promise<{ converted: Buffer; transform: Transform; refuseUnopened?: boolean }>,
): Promise<SwitchResult> {
  let journal = path;
  try {
    journal = await realpath(path);
    const paths = journalPaths(journal);
    return await withJournalLock(
      paths,
      async (assertHeld) => {
        const bytes = await readFile(journal);
        const { converted, transform, refuseUnopened } = await prepare(journal, bytes);
        const result: SwitchResult = { journal, backups: 0, already: 0, unopened: [], unreadable: [] };
        // Everything is read and converted before anything is written, so a backup that cannot be read
        // or opened stops nothing half-way.
        const changes: [file: string, content: Buffer, isJournalCopy: boolean][] = [];
        for (const backup of await listBackups(paths)) {
          const content = await readFile(backup).catch(() => undefined);
          if (!content) {
            result.unreadable.push(backup);
            continue;
          }
          // The copy of the journal as last saved gets the very same bytes, as a normal save gives it.
          const same = content.equals(bytes);
          const next = same ? converted : await transform(backup, content);
          if (next === 'already') result.already += 1;
          else if (next === 'unopened') result.unopened.push(backup);
          else changes.push([backup, next, same]);
        }
        if (refuseUnopened && result.unopened.length)
          throw new UserError(
            `${result.unopened.length} of the backups are already encrypted with another passphrase (${result.unopened[0]}); nothing was changed.`,
            { hint: 'Run mentee decrypt with that passphrase first, or move those backups away.' },
          );
        let journalCopyKept = false;
        for (const [backup, next, same] of changes) {
          assertHeld();
          await writeFileAtomic(backup, next).catch((error: unknown) => {
            throw asFileProblem(error, 'rewrite the backup', backup);
          });
          journalCopyKept ||= same;
          result.backups += 1;
        }
        assertHeld();
        await writeFileAtomic(journal, converted);
        // Not marked validated: the new bytes are checked in full on their first read.
        const { saved } = await readMemo(paths);
        const stillSaved = journalCopyKept && saved === fingerprint(bytes);
        await writeMemo(paths, { validated: undefined, saved: stillSaved ? fingerprint(converted) : undefined });
        return result;
      },
      { notice },
    );
  } catch (error) {
    throw asFileProblem(error, 'rewrite', journal);
  }
}
