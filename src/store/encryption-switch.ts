import { MAX_JOURNAL_BYTES, readRegularFile } from './regular-file.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { listBackups } from './backups.js';
import { decrypt, deriveKey, encrypt, isEncrypted, keyring, newKdfParams, readHeader, readStart } from './crypto.js';
import { asFileProblem } from './file-errors.js';
import type { JournalPaths } from './paths.js';
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

/**
 * Turning the journal and its backups encrypted or plain. Made before the lock is taken, so deriving
 * a key (slow on purpose) keeps no other command waiting; applied under the lock by switchFiles.
 */
export interface Switch {
  /** The journal's new bytes; refuses a journal not in the form this switch starts from. */
  journal(file: string, bytes: Buffer): Promise<Buffer>;
  /** A backup's new bytes, 'already' when it needs no change, 'unopened' when it cannot be changed. */
  backup(file: string, content: Buffer): Promise<Buffer | 'already' | 'unopened'>;
  /** Whether a backup that cannot be opened stops the switch (encrypting) or is left as it is (decrypting). */
  refuseUnopened: boolean;
}

/** Everything encrypted with one key from `passphrase` (a fresh IV each). */
export async function toEncrypted(passphrase: string): Promise<Switch> {
  const key = await deriveKey(passphrase, newKdfParams());
  // A backup already encrypted (by an encrypt that stopped half-way) must open with this passphrase,
  // or the journal and its history would need two.
  const keyFor = keyring(async () => passphrase);
  return {
    async journal(file, bytes) {
      if (isEncrypted(bytes)) throw new UserError(`${file} is already encrypted.`);
      return encrypt(bytes, key);
    },
    async backup(file, content) {
      if (!isEncrypted(content)) return encrypt(content, key);
      return decrypt(content, keyFor, file).then(
        () => 'already' as const,
        () => 'unopened' as const,
      );
    },
    refuseUnopened: true,
  };
}

/** The reverse: plain JSON again. The journal's key is derived now; a wrong passphrase changes nothing. */
export async function toPlain(paths: JournalPaths, passphrase: string): Promise<Switch> {
  // Backups encrypted before a change of passphrase have their own salt: one key per salt.
  const keyFor = keyring(async () => passphrase);
  const start = await readStart(paths.journal);
  if (start && isEncrypted(start)) await keyFor(readHeader(start, paths.journal).kdf);
  return {
    async journal(file, bytes) {
      if (!isEncrypted(bytes)) throw new UserError(`${file} is not encrypted.`);
      return decrypt(bytes, keyFor, file);
    },
    backup: async (file, content) =>
      isEncrypted(content) ? decrypt(content, keyFor, file).catch(() => 'unopened' as const) : 'already',
    refuseUnopened: false,
  };
}

/**
 * Rewrites the journal and every backup as `change` says, each file atomically, under the lock the
 * caller holds. Backups first, the journal last: after a crash the journal is still as it was, so
 * running the command again finishes the job.
 */
export async function switchFiles(paths: JournalPaths, change: Switch, assertHeld: () => void): Promise<SwitchResult> {
  const journal = paths.journal;
  try {
    const bytes = await readRegularFile(journal, MAX_JOURNAL_BYTES);
    const converted = await change.journal(journal, bytes);
    const result: SwitchResult = { journal, backups: 0, already: 0, unopened: [], unreadable: [] };
    // Everything is read and converted before anything is written, so a backup that cannot be read
    // or opened stops nothing half-way.
    const changes: [file: string, content: Buffer, isJournalCopy: boolean][] = [];
    for (const backup of await listBackups(paths)) {
      const content = await readRegularFile(backup, MAX_JOURNAL_BYTES).catch(() => undefined);
      if (!content) {
        result.unreadable.push(backup);
        continue;
      }
      // The copy of the journal as last saved gets the very same bytes, as a normal save gives it.
      const same = content.equals(bytes);
      const next = same ? converted : await change.backup(backup, content);
      if (next === 'already') result.already += 1;
      else if (next === 'unopened') result.unopened.push(backup);
      else changes.push([backup, next, same]);
    }
    if (change.refuseUnopened && result.unopened.length)
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
  } catch (error) {
    throw asFileProblem(error, 'rewrite', journal);
  }
}
