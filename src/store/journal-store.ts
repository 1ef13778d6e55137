import { access, mkdir, readlink, realpath } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { Low } from 'lowdb';
import { emptyJournal } from '../core/model.js';
import { UserError } from '../errors.js';
import type { Journal } from '../core/schema.js';
import { PRIVATE_DIR_MODE } from './atomic-write.js';
import { asFileProblem } from './file-errors.js';
import {
  catalogue,
  checkJournal,
  findUndoTarget,
  inspectFile,
  newestGoodBackup,
  putBack,
  toEntry,
  type BackupEntry,
  type JournalCheck,
} from './backup-catalog.js';
import { listBackups, undoLabel } from './backups.js';
import { JournalFile, JournalFileError } from './journal-file.js';
import { plainCodec, type JournalCodec } from './journal-codec.js';
import { backupDirFor, lockPathFor } from './paths.js';

/**
 * The only door to the journal. Reads are lock-free (writes replace the file atomically); every
 * change is a function applied, under the lock, to the journal as it is on disk at that moment.
 */
export interface JournalStore {
  readonly path: string;
  /** The journal as it is now, validated; an empty one when the file does not exist yet. */
  read(): Promise<Journal>;
  /** Whether `file` is the journal, its lock or one of its backups: never a place to write an export. */
  owns(file: string): Promise<boolean>;
  /** Whether the journal file exists yet (it is created on the first change). */
  exists(): Promise<boolean>;
  /** Applies `change` to freshly read data and saves it; if `change` throws, nothing is written. */
  update<T>(change: (journal: Journal) => T): Promise<T>;
  /** The journal checked in full; never throws for a damaged file, but says what is wrong and where. */
  check(): Promise<JournalCheck>;
  /** Every backup, newest first, each read and validated. */
  backups(): Promise<BackupEntry[]>;
  /**
   * Puts a backup (one of backups()) back as the journal, keeping the journal as it was as a backup
   * labelled before-restore first. Refuses a backup that is not a valid journal.
   */
  restore(backupFile: string): Promise<Restored>;
  /** Reverts the last change by restoring the version before it (see findUndoTarget). */
  undo(): Promise<Undone>;
}

export interface Restored {
  backup: BackupEntry;
  /** The copy of the journal as it was; undefined when there was no journal, or nothing changed. */
  savedAside: string | undefined;
  /** The backup's content was already the journal's: nothing was written. */
  unchanged: boolean;
}

export interface Undone {
  /** The version that was undone, and the one the journal is now. */
  undone: Journal;
  restored: Journal;
  backup: BackupEntry;
  savedAside: string;
}

export function openJournalStore(path: string, clock: () => Date, codec: JournalCodec = plainCodec): JournalStore {
  const load = async (file: string) => {
    const adapter = new JournalFile(file, codec);
    const db = new Low<Journal>(adapter, emptyJournal(clock()));
    await withRecoveryHint(file, codec, () => db.read());
    return { db, adapter };
  };

  const locked = async <T>(work: (file: string, assertHeld: () => void) => Promise<T>): Promise<T> => {
    const file = await throughLinks(path);
    // A passphrase is asked for, and its key derived, before the lock: others need not wait on it.
    await codec.prepare?.(file);
    try {
      await mkdir(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
      // The lock library is loaded only by commands that write, keeping reads quick to start.
      const { withJournalLock } = await import('./lock.js');
      return await withJournalLock(file, (assertHeld) => work(file, assertHeld));
    } catch (error) {
      throw asFileProblem(error, 'write the journal at', file);
    }
  };

  const update = <T>(change: (journal: Journal) => T): Promise<T> =>
    locked(async (file, assertHeld) => {
      const { db } = await load(file);
      const result = change(db.data);
      db.data.updatedAt = clock().toISOString();
      assertHeld();
      await db.write();
      return result;
    });

  return {
    path,
    async read() {
      const file = await throughLinks(path);
      const { db, adapter } = await load(file);
      if (adapter.migratedFrom === undefined) return db.data;
      return update((journal) => journal); // saves the upgraded journal, after a backup of the old one
    },
    update,
    async owns(file) {
      const journal = await throughLinks(path);
      const target = await throughLinks(resolve(file));
      const own = [journal, lockPathFor(journal), `${lockPathFor(journal)}.pid`];
      return own.includes(target) || target.startsWith(`${backupDirFor(journal)}${sep}`);
    },
    async exists() {
      return access(await throughLinks(path)).then(
        () => true,
        () => false,
      );
    },
    async check() {
      return checkJournal(await throughLinks(path), codec);
    },
    async backups() {
      return catalogue(await throughLinks(path), codec);
    },
    restore: (backupFile) =>
      locked(async (file, assertHeld) => {
        const backups = await listBackups(file);
        const index = backups.indexOf(resolve(backupFile));
        if (index === -1) throw new UserError(`${backupFile} is not one of the backups of ${file}.`);
        const inspected = await inspectFile(backups[index]!, codec);
        const backup = toEntry(backups[index]!, index + 1, inspected);
        if (inspected.problem || !inspected.bytes) {
          throw new UserError(`Backup ${backup.number} cannot be restored: ${inspected.problem}`, {
            hint: 'The journal has not been changed.',
          });
        }
        const current = await inspectFile(file, codec);
        if (current.text !== undefined && current.text === inspected.text) {
          return { backup, savedAside: undefined, unchanged: true };
        }
        const savedAside = await putBack(
          file,
          current,
          { ...inspected, bytes: inspected.bytes },
          'before-restore',
          assertHeld,
        );
        return { backup, savedAside, unchanged: false };
      }),
    undo: () =>
      locked(async (file, assertHeld) => {
        const current = await inspectFile(file, codec);
        if (current.missing) {
          const kept = (await listBackups(file)).length > 0;
          throw new UserError(`Nothing to undo: there is no journal at ${file}.`, {
            ...(kept && { hint: 'Its backups are kept: see them with mentee doctor.' }),
          });
        }
        if (current.text === undefined) throw new UserError(current.problem!);
        if (!current.journal) {
          throw new JournalFileError(current.problem!, {
            hint: 'Undo needs a journal it can read to compare with; run mentee doctor to see the backups and restore one.',
          });
        }
        const target = await findUndoTarget(file, current.text, codec);
        if (!target) throw new UserError('Nothing to undo: no earlier version of the journal is kept.');
        const { entry, inspected } = target;
        const bytes = inspected.bytes!;
        const savedAside = await putBack(file, current, { ...inspected, bytes }, undoLabel(entry.file), assertHeld);
        return { undone: current.journal, restored: inspected.journal!, backup: entry, savedAside: savedAside! };
      }),
  };
}

/**
 * A symlinked journal is updated where it really lives, so the link stays a link, including a link
 * made before its target exists (e.g. into a synced folder).
 */
async function throughLinks(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    try {
      return await realpath(current);
    } catch {
      try {
        current = resolve(dirname(current), await readlink(current));
      } catch {
        return current;
      }
    }
  }
  return current;
}

async function withRecoveryHint<T>(file: string, codec: JournalCodec, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof JournalFileError) || error.hint) throw error;
    const good = await newestGoodBackup(file, codec);
    const hint = good
      ? `It has not been changed. To go back to the last good version: cp "${good.file}" "${file}" (or: mentee doctor --restore ${good.number}).`
      : 'It has not been changed. Fix it in a text editor, or move it aside to start a new journal.';
    throw new JournalFileError(error.message, { hint });
  }
}
