import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import type { Journal } from '../core/schema.js';
import { writeFileAtomic } from './atomic-write.js';
import { backUpCurrent, keepSavedVersion, listBackups, upgradeLabel } from './backups.js';
import { fingerprint, readMemo, writeMemo } from './validation-memo.js';
import { JournalFileError } from './journal-file-error.js';
import { plainCodec, type JournalCodec } from './journal-codec.js';

export { JournalFileError };

/**
 * lowdb adapter for the journal: every read is parsed, migrated and validated; every write is
 * validated, atomic, and kept as the newest backup. lowdb's own JSONFile does none of that.
 */
export class JournalFile implements Adapter<Journal> {
  /** Set by read() when the file was an older version and has been upgraded in memory. */
  migratedFrom: number | undefined;
  /** Fingerprint of the file's text as read, and whether it is the version mentee last saved. */
  private onDisk: { hash: string; isLastSaved: boolean } | undefined;

  constructor(
    readonly path: string,
    private readonly codec: JournalCodec = plainCodec,
  ) {}

  async read(): Promise<Journal | null> {
    let bytes: Buffer;
    try {
      // One synchronous read: for a journal of megabytes it is quicker than a stream of async chunks.
      bytes = readFileSync(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.startAfresh();
      throw new JournalFileError(`Cannot read ${this.path}: ${(error as Error).message}`);
    }
    const hash = fingerprint(bytes);
    const text = await this.codec.decode(bytes, this.path);
    const memo = await readMemo(this.path);
    this.onDisk = { hash, isLastSaved: hash === memo.saved };
    if (hash === memo.validated) {
      this.migratedFrom = undefined;
      return JSON.parse(text) as Journal;
    }
    const { parseJournal } = await import('./journal-validation.js');
    const { journal, migratedFrom } = parseJournal(text, this.path);
    this.migratedFrom = migratedFrom;
    if (migratedFrom === undefined) await writeMemo(this.path, { ...memo, validated: hash });
    return journal;
  }

  /**
   * No journal yet: a new one starts empty. But a journal that has backups existed, and was moved or
   * deleted: starting a new one there would in time rotate its last backups away.
   */
  private async startAfresh(): Promise<null> {
    const [newest] = await listBackups(this.path);
    if (!newest) return null;
    throw new JournalFileError(`${this.path} is missing, but backups of it are in ${dirname(newest)}.`, {
      hint: 'Put the newest back with: mentee doctor --restore 1 (or move that folder away to start a new journal).',
    });
  }

  async write(journal: Journal): Promise<void> {
    const { checkForSave } = await import('./journal-validation.js');
    // Encoded once, then written twice (journal and backup) and fingerprinted.
    const bytes = await this.codec.encode(serialiseJournal(checkForSave(journal)));
    const previous = this.onDisk;
    const label = this.migratedFrom === undefined ? 'before-change' : upgradeLabel(this.migratedFrom);
    await writeFileAtomic(this.path, bytes, async () => {
      // Keep the file as found unless it is already the newest backup (changed by hand, restored, upgraded).
      if (previous && (this.migratedFrom !== undefined || !previous.isLastSaved)) await backUpCurrent(this.path, label);
    });
    await keepSavedVersion(this.path, bytes);
    const hash = fingerprint(bytes);
    await writeMemo(this.path, { validated: hash, saved: hash });
    this.onDisk = { hash, isLastSaved: true };
    this.migratedFrom = undefined;
  }
}

export function serialiseJournal(journal: Journal): string {
  return `${JSON.stringify(journal, null, 2)}\n`;
}

/** Text → a valid, current journal, or a JournalFileError naming the file, the problem and where. */
