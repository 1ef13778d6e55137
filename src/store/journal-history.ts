import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import { inspectFile, putBack, toEntry, type BackupEntry } from './backup-catalog.js';
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
    return { backup, savedAside: undefined, unchanged: true };
  }
  const savedAside = await putBack(
    paths,
    current,
    { ...inspected, bytes: inspected.bytes },
    'before-restore',
    assertHeld,
  );
  return { backup, savedAside, unchanged: false };
}
