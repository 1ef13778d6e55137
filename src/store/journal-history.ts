import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { formless, inspectFile, putBack, toEntry, type BackupEntry, type Inspected } from './backup-catalog.js';
import { isEncrypted } from './crypto.js';
import { listBackups } from './backups.js';
import type { JournalCodec } from './journal-codec.js';
import type { JournalPaths } from './paths.js';

/** Going back to an earlier version: a restore, run by the store under the lock. */

export interface Restored {
  backup: BackupEntry;
  /** The copy of the journal as it was; undefined when there was no journal, or nothing changed. */
  savedAside: string | undefined;
  /** The backup's content was already the journal's: nothing was written. */
  unchanged: boolean;
  /** Set when the backup was in the other form, and was written as the journal is (encrypted or plain). */
  writtenAs: 'encrypted' | 'plain' | undefined;
}

export async function restoreBackup(
  paths: JournalPaths,
  codec: JournalCodec,
  backupFile: string,
  assertHeld: () => void,
): Promise<Restored> {
  const backups = await listBackups(paths);
  const index = backups.indexOf(resolve(backupFile));
  if (index === -1) throw new UserError(`${backupFile} is not one of the backups of ${paths.journal}.`);
  const inspected = await inspectFile(backups[index]!, codec);
  const backup = toEntry(backups[index]!, index + 1, inspected);
  if (inspected.problem || !inspected.bytes) {
    throw new UserError(`Backup ${backup.number} cannot be restored: ${inspected.problem}`, {
      hint: 'The journal has not been changed.',
    });
  }
  const current = await inspectFile(paths.journal, codec);
  if (current.text !== undefined && current.text === inspected.text) {
    return { backup, savedAside: undefined, unchanged: true, writtenAs: undefined };
  }
  const bytes = await inJournalForm(current, inspected.bytes, inspected.text!, codec, backup.number);
  const writtenAs = bytes === inspected.bytes ? undefined : isEncrypted(bytes) ? 'encrypted' : 'plain';
  const savedAside = await putBack(paths, current, { ...inspected, bytes }, 'before-restore', assertHeld);
  return { backup, savedAside, unchanged: false, writtenAs };
}

/**
 * A backup's bytes as the journal is stored now: a plain backup restored onto an encrypted journal is
 * encrypted with the journal's key (and the other way round), so restoring never changes its form.
 */
async function inJournalForm(
  current: Inspected,
  bytes: Buffer,
  text: string,
  codec: JournalCodec,
  number: number,
): Promise<Buffer> {
  if (!current.bytes || isEncrypted(current.bytes) === isEncrypted(bytes) || formless(current)) return bytes;
  const converted =
    current.text !== undefined && codec.encodeLike
      ? await codec.encodeLike(text, current.bytes).catch(() => undefined)
      : undefined;
  if (converted) return converted;
  const [journalForm, backupForm] = isEncrypted(current.bytes) ? ['encrypted', 'plain'] : ['plain', 'encrypted'];
  throw new UserError(
    `Backup ${number} is ${backupForm} and the journal is ${journalForm}, but the journal cannot be opened to write it the same way (${current.problem}); nothing was changed.`,
    {
      hint: `Move the journal aside, run mentee doctor --restore ${number} again, then mentee ${journalForm === 'encrypted' ? 'encrypt' : 'decrypt'}.`,
    },
  );
}
