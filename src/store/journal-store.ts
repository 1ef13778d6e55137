import { access, mkdir, readlink, realpath } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { Low } from 'lowdb';
import { emptyJournal } from '../core/model.js';
import type { Journal } from '../core/schema.js';
import { PRIVATE_DIR_MODE } from './atomic-write.js';
import { asFileProblem } from './file-errors.js';
import { listBackups } from './backups.js';
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
}

export function openJournalStore(path: string, clock: () => Date, codec: JournalCodec = plainCodec): JournalStore {
  const load = async (file: string) => {
    const adapter = new JournalFile(file, codec);
    const db = new Low<Journal>(adapter, emptyJournal(clock()));
    await withRecoveryHint(file, () => db.read());
    return { db, adapter };
  };

  const update = async <T>(change: (journal: Journal) => T): Promise<T> => {
    const file = await throughLinks(path);
    try {
      await mkdir(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
      // The lock library is loaded only by commands that write, keeping reads quick to start.
      const { withJournalLock } = await import('./lock.js');
      return await withJournalLock(file, async (assertHeld) => {
        const { db } = await load(file);
        const result = change(db.data);
        db.data.updatedAt = clock().toISOString();
        assertHeld();
        await db.write();
        return result;
      });
    } catch (error) {
      throw asFileProblem(error, 'write the journal at', file);
    }
  };

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
      return [journal, lockPathFor(journal)].includes(target) || target.startsWith(`${backupDirFor(journal)}${sep}`);
    },
    async exists() {
      return access(await throughLinks(path)).then(
        () => true,
        () => false,
      );
    },
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

async function withRecoveryHint<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof JournalFileError) || error.hint) throw error;
    const [newest] = await listBackups(file);
    const hint = newest
      ? `It has not been changed. To go back to the last good version: cp "${newest}" "${file}"`
      : 'It has not been changed. Fix it in a text editor, or move it aside to start a new journal.';
    throw new JournalFileError(error.message, { hint });
  }
}
