import { resolve } from 'node:path';
import type { Journal } from '../core/schema.js';
import { UserError } from '../errors.js';
import { findUndoTarget, inspectFile, putBack, toEntry, type BackupEntry, type Inspected } from './backup-catalog.js';
import { isEncrypted } from './crypto.js';
import { listBackups, undoLabel } from './backups.js';
import type { JournalCodec } from './journal-codec.js';
import { JournalFileError } from './journal-file-error.js';
import type { JournalPaths } from './paths.js';

/** Going back to an earlier version: restore and undo, each run by the store under the lock. */

export interface Restored {
  backup: BackupEntry;
  /** The copy of the journal as it was; undefined when there was no journal, or nothing changed. */
  savedAside: string | undefined;
  /** The backup's content was already the journal's: nothing was written. */
  unchanged: boolean;
  /** Set when the backup was in the other form, and was written as the journal is (encrypted or plain). */
  writtenAs: 'encrypted' | 'plain' | undefined;
}

export interface Undone {
  /** The version that was undone, and the one the journal is now. */
  undone: Journal;
  restored: Journal;
  backup: BackupEntry;
  savedAside: string;
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
  if (!current.bytes || isEncrypted(current.bytes) === isEncrypted(bytes)) return bytes;
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

export async function undoLastChange(
  paths: JournalPaths,
  codec: JournalCodec,
  assertHeld: () => void,
): Promise<Undone> {
  const current = await inspectFile(paths.journal, codec);
  if (current.missing) {
    const kept = (await listBackups(paths)).length > 0;
    throw new UserError(`Nothing to undo: there is no journal at ${paths.journal}.`, {
      ...(kept && { hint: 'Its backups are kept: see them with mentee doctor.' }),
    });
  }
  if (current.text === undefined) throw new UserError(current.problem!);
  if (!current.journal) {
    throw new JournalFileError(current.problem!, {
      hint: 'Undo needs a journal it can read to compare with; run mentee doctor to see the backups and restore one.',
    });
  }
  const target = await findUndoTarget(paths, current.text, codec);
  if (!target) throw new UserError('Nothing to undo: no earlier version of the journal is kept.');
  const { entry, inspected } = target;
  const bytes = inspected.bytes!;
  const savedAside = await putBack(paths, current, { ...inspected, bytes }, undoLabel(entry.file), assertHeld);
  return { undone: current.journal, restored: inspected.journal!, backup: entry, savedAside: savedAside! };
}
