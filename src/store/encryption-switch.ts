import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_JOURNAL_BYTES, readRegularFile } from './regular-file.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { listBackups } from './backups.js';
import { decrypt, deriveKey, encrypt, isEncrypted, keyring, newKdfParams, readHeader, readStart } from './crypto.js';
import { asFileProblem } from './file-errors.js';
import type { JournalPaths } from './paths.js';
import { everydayLeft, findPlainFiles, plainFilesLeft, removeSecurely } from './plaintext-sweep.js';
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
  /** Encrypting: whether the journal was encrypted already (an earlier command left plain files beside it). */
  wasEncrypted: boolean;
  /** Encrypting: plain drafts (and drafts set aside) encrypted in place. */
  drafts: number;
  /** Encrypting: plain temporary files and cut-short backups left by killed commands, overwritten and removed. */
  removed: number;
  /** Encrypting: the folder checked, after the switch, to hold no plain copy of the journal's words. */
  checked: string | undefined;
  /**
   * The sync remote the journal was connected to, when the switch disconnected it: the local sync
   * repository held copies in the old form (plain ones, when encrypting), and the remote still does.
   */
  disconnected: string | undefined;
}

/**
 * Turning the journal and its backups encrypted or plain. Made before the lock is taken, so deriving
 * a key (slow on purpose) keeps no other command waiting; applied under the lock by switchFiles.
 */
export interface Switch {
  /** The journal's new bytes, 'already' when it is in the wanted form (encrypting only); refuses one it cannot turn. */
  journal(file: string, bytes: Buffer): Promise<Buffer | 'already'>;
  /** A backup's new bytes, 'already' when it needs no change, 'unopened' when it cannot be changed. */
  backup(file: string, content: Buffer): Promise<Buffer | 'already' | 'unopened'>;
  /** Whether a backup that cannot be opened stops the switch (encrypting) or is left as it is (decrypting). */
  refuseUnopened: boolean;
  /** Encrypting: the journal's plain JSON, and how any other plain file under its folder is encrypted. */
  sweep?: { plainText(bytes: Buffer): Promise<string>; encrypt(content: Buffer): Buffer };
}

/**
 * Everything encrypted with one key from `passphrase` (a fresh IV each). A journal already encrypted
 * (a decrypt or a save killed half-way left plain files beside it) keeps its key, which the passphrase
 * must open, and only what is still plain is encrypted.
 */
export async function toEncrypted(paths: JournalPaths, passphrase: string): Promise<Switch> {
  // A backup already encrypted (by an encrypt that stopped half-way) must open with this passphrase,
  // or the journal and its history would need two.
  const keyFor = keyring(async () => passphrase);
  const start = await readStart(paths.journal);
  const key =
    start && isEncrypted(start)
      ? await keyFor(readHeader(start, paths.journal).kdf)
      : await deriveKey(passphrase, newKdfParams());
  const plainText = async (bytes: Buffer) =>
    (isEncrypted(bytes) ? await decrypt(bytes, keyFor, paths.journal) : bytes).toString('utf8');
  return {
    async journal(file, bytes) {
      if (!isEncrypted(bytes)) return encrypt(bytes, key);
      await decrypt(bytes, keyFor, file);
      return 'already';
    },
    async backup(file, content) {
      if (!isEncrypted(content)) return encrypt(content, key);
      return decrypt(content, keyFor, file).then(
        () => 'already' as const,
        () => 'unopened' as const,
      );
    },
    refuseUnopened: true,
    sweep: { plainText, encrypt: (content) => encrypt(content, key) },
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
 * running the command again finishes the job. Encrypting also encrypts or removes every other plain
 * file under the journal's folder (see plaintext-sweep.ts), and checks afterwards that none is left.
 */
export async function switchFiles(paths: JournalPaths, change: Switch, assertHeld: () => void): Promise<SwitchResult> {
  const journal = paths.journal;
  try {
    const bytes = await readRegularFile(journal, MAX_JOURNAL_BYTES);
    const converted = await change.journal(journal, bytes);
    const result: SwitchResult = {
      journal,
      backups: 0,
      already: 0,
      unopened: [],
      unreadable: [],
      wasEncrypted: converted === 'already',
      drafts: 0,
      removed: 0,
      checked: undefined,
      disconnected: undefined,
    };
    // Everything is read and converted before anything is written, so a backup that cannot be read
    // or opened stops nothing half-way.
    const changes: [file: string, content: Buffer, isJournalCopy: boolean][] = [];
    const listed = await listBackups(paths);
    for (const backup of listed) {
      const content = await readRegularFile(backup, MAX_JOURNAL_BYTES).catch(() => undefined);
      if (!content) {
        result.unreadable.push(backup);
        continue;
      }
      // The copy of the journal as last saved gets the very same bytes, as a normal save gives it.
      const same = converted !== 'already' && content.equals(bytes);
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
    const plainText = change.sweep && (await change.sweep.plainText(bytes));
    const plain = plainText === undefined ? undefined : await findPlainFiles(paths, plainText, new Set(listed));
    const [refused] = plain?.refuse ?? [];
    if (plain && refused) {
      const { file, why, hint } = refused;
      const more = plain.refuse.length > 1 ? ` (and ${plain.refuse.length - 1} more plain files)` : '';
      throw new UserError(`Cannot encrypt: ${file} ${why}${more}; nothing was changed.`, { hint });
    }
    for (const file of plain?.keep ?? []) {
      const content = await readRegularFile(file, MAX_JOURNAL_BYTES);
      changes.push([file, change.sweep!.encrypt(content), false]);
    }
    let journalCopyKept = false;
    for (const [file, next, same] of changes) {
      assertHeld();
      await writeFileAtomic(file, next).catch((error: unknown) => {
        throw asFileProblem(error, listed.includes(file) ? 'rewrite the backup' : 'encrypt', file);
      });
      journalCopyKept ||= same;
      if (listed.includes(file)) result.backups += 1;
      else result.drafts += 1;
    }
    for (const file of plain?.remove ?? []) {
      assertHeld();
      await removeSecurely(file);
      result.removed += 1;
    }
    if (converted !== 'already') {
      assertHeld();
      await writeFileAtomic(journal, converted);
      // Not marked validated: the new bytes are checked in full on their first read.
      const { saved } = await readMemo(paths);
      const stillSaved = journalCopyKept && saved === fingerprint(bytes);
      await writeMemo(paths, { validated: undefined, saved: stillSaved ? fingerprint(converted) : undefined });
    }
    if (converted !== 'already') result.disconnected = await disconnectSync(paths);
    if (plainText !== undefined) {
      // The everyday part is the journal's words in plain; an encrypted journal keeps none.
      assertHeld();
      await removeSecurely(paths.everyday);
      const left = await plainFilesLeft(paths, plainText);
      if (left.length)
        throw new UserError(
          `Encrypted ${journal}, but ${left[0]} is still in plain text${left.length > 1 ? ` (and ${left.length - 1} more)` : ''}, so a plain copy of the journal may be left in ${paths.folder}.`,
          { hint: 'Delete it (or move it out of that folder), then run mentee encrypt again to check.' },
        );
      result.checked = paths.folder;
    }
    return result;
  } catch (error) {
    throw asFileProblem(error, 'rewrite', journal);
  }
}

/**
 * Removes the journal's sync repository, saying which remote it was connected to: its copies are in
 * the form the journal no longer has, and git keeps every version, so it cannot be rewritten in place.
 */
async function disconnectSync(paths: JournalPaths): Promise<string | undefined> {
  const config = await readFile(join(paths.sync, 'config'), 'utf8').catch(() => undefined);
  if (config === undefined) return undefined;
  await rm(paths.sync, { recursive: true, force: true });
  return /\[remote "origin"\][^[]*?\burl\s*=\s*(.+)/.exec(config)?.[1]?.trim() ?? paths.sync;
}

/**
 * Plain files beside a journal that is already encrypted, found without its passphrase: backups and
 * drafts not encrypted, and temporary files and cut-short backups of killed commands.
 */
export async function plainLeftovers(paths: JournalPaths): Promise<string[]> {
  const listed = await listBackups(paths);
  const plain = [];
  for (const backup of listed) {
    const start = await readStart(backup);
    if (start?.length && !isEncrypted(start)) plain.push(backup);
  }
  const { keep, remove, refuse } = await findPlainFiles(paths, '', new Set(listed));
  return [...plain, ...(await everydayLeft(paths)), ...keep, ...remove, ...refuse.map(({ file }) => file)];
}
