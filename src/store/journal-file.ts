import type { Adapter } from 'lowdb';
import type { Journal } from '../core/schema.js';
import { afterSave } from './after-save.js';
import { writeFileAtomic } from './atomic-write.js';
import { backUpCurrent, keepSavedVersion, listBackups, upgradeLabel } from './backups.js';
import { fingerprint, readMemo, writeMemo } from './validation-memo.js';
import { everydayPart } from '../core/everyday.js';
import { isEncrypted } from './crypto.js';
import { readEverydayFile, writeEverydayFile } from './everyday-file.js';
import { journalText, TrackedJournal } from './journal-text.js';
import { JournalFileError, unreadableJournal } from './journal-file-error.js';
import { plainCodec, type JournalCodec } from './journal-codec.js';
import type { JournalPaths } from './paths.js';
import { MAX_JOURNAL_BYTES, readRegularFileSyncWithStats } from './regular-file.js';
import { statSync, type BigIntStats } from 'node:fs';

export { JournalFileError };

/** An older journal saved in the current version, and the copy of it as it was. */
export interface Upgraded {
  fromVersion: number;
  backup: string;
}

/**
 * lowdb adapter for the journal: every read is parsed, migrated (in memory only) and validated; every
 * write is validated, atomic, and kept as the newest backup. lowdb's own JSONFile does none of that.
 */
export class JournalFile implements Adapter<Journal> {
  /** Set by read() when the file is an older version, upgraded in memory; the next write saves the upgrade. */
  migratedFrom: number | undefined;
  /** Set by a write that saved an upgrade. */
  upgraded: Upgraded | undefined;
  /** Fingerprint of the file's text as read, and whether it is the version mentee last saved. */
  private onDisk: { hash: string; isLastSaved: boolean } | undefined;
  /** The journal as read, record by record, when the next write is of a change to it (see track()). */
  private tracked: TrackedJournal | undefined;
  /** The text last read, when it is exactly what mentee last saved: its records' pieces are in it. */
  private savedText: string | undefined;

  constructor(
    readonly paths: JournalPaths,
    private readonly codec: JournalCodec = plainCodec,
    /** Where a save that succeeded but could not keep its backup says so. */
    private readonly notice: (text: string) => void = () => undefined,
  ) {}

  /** Writes nothing to the journal or its backups; only the validation memo learns a file that passed. */
  async read(): Promise<Journal | null> {
    const bytes = this.readBytes()?.bytes;
    return bytes ? this.parse(bytes, fingerprint(bytes)) : this.startAfresh();
  }

  /**
   * The journal's everyday part (see core/everyday.ts): from the file derived from this very text when
   * there is one, else from the journal read in full (and the part kept for the next read). Null when
   * there is no journal yet.
   */
  async readEveryday(): Promise<Journal | null> {
    const known = this.statJournal();
    if (!known) return this.startAfresh();
    const quick = await readEverydayFile(this.paths, { stats: known });
    if (quick) return quick.journal;
    const started = BigInt(Date.now()) * 1_000_000n;
    const { bytes, stats } = this.readBytes() ?? {};
    if (!bytes || !stats) return this.startAfresh();
    const hash = fingerprint(bytes);
    // A file changed just before it was read may be changed again within the same tick of its clock,
    // its times unchanged: it is named only once it has been still for a while, else read next time.
    const settled = stats.ctimeNs < started - SETTLED_NS;
    const found = settled ? { hash, stats } : { hash };
    const plain = !isEncrypted(bytes);
    const kept = plain ? await readEverydayFile(this.paths, { hash, stats }) : undefined;
    // True, but not named by the file as it is (just saved, or copied back as it was): named now.
    if (kept && !kept.named && settled) await writeEverydayFile(this.paths, found, kept.journal);
    if (kept) return kept.journal;
    const journal = await this.parse(bytes, hash);
    return plain ? writeEverydayFile(this.paths, found, journal) : everydayPart(journal);
  }

  /** The journal file's stat, or undefined when there is none. */
  private statJournal(): BigIntStats | undefined {
    try {
      return statSync(this.paths.journal, { bigint: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw unreadableJournal(error, this.paths.journal);
    }
  }

  /** The journal's bytes and the stat of the file they were read from, or undefined when there is no journal file. */
  private readBytes(): { bytes: Buffer; stats: BigIntStats } | undefined {
    const file = this.paths.journal;
    try {
      // One synchronous read: for a journal of megabytes it is quicker than a stream of async chunks.
      return readRegularFileSyncWithStats(file, MAX_JOURNAL_BYTES);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw unreadableJournal(error, file);
    }
  }

  private async parse(bytes: Buffer, hash: string): Promise<Journal> {
    const file = this.paths.journal;
    const text = await this.codec.decode(bytes, file);
    const memo = await readMemo(this.paths);
    this.onDisk = { hash, isLastSaved: hash === memo.saved };
    this.savedText = this.onDisk.isLastSaved ? text : undefined;
    if (hash === memo.validated) {
      this.migratedFrom = undefined;
      return JSON.parse(text) as Journal;
    }
    const { parseJournal } = await import('./journal-validation.js');
    const { journal, migratedFrom } = parseJournal(text, file);
    this.migratedFrom = migratedFrom;
    if (migratedFrom === undefined) await writeMemo(this.paths, { ...memo, validated: hash });
    return journal;
  }

  /**
   * No journal yet: a new one starts empty. But a journal that has backups existed, and was moved or
   * deleted: starting a new one there would in time rotate its last backups away.
   */
  private async startAfresh(): Promise<null> {
    const [newest] = await listBackups(this.paths);
    if (!newest) return null;
    throw new JournalFileError(`${this.paths.journal} is missing, but backups of it are in ${this.paths.backups}.`, {
      hint: 'Put the newest back with: mentee doctor --restore 1 (or move that folder away to start a new journal).',
    });
  }

  /**
   * Keeps `journal` (as just read, before a change) record by record, so the next write checks and
   * writes afresh only the records the change touched. Not for a journal upgraded in memory: that is
   * checked in full when saved.
   */
  track(journal: Journal): TrackedJournal | undefined {
    this.tracked = this.migratedFrom === undefined ? new TrackedJournal(journal, this.savedText) : undefined;
    this.savedText = undefined;
    return this.tracked;
  }

  async write(journal: Journal): Promise<void> {
    const { checkForSave, checkTouchedForSave } = await import('./journal-validation.js');
    const tracked = this.tracked;
    this.tracked = undefined;
    const checked = tracked ? checkTouchedForSave(journal, tracked.touched(journal)) : checkForSave(journal);
    // Encoded once, then written twice (journal and backup) and fingerprinted.
    const bytes = await this.codec.encode(tracked ? tracked.text(checked) : serialiseJournal(checked));
    const previous = this.onDisk;
    const from = this.migratedFrom;
    let keptAside: string | undefined;
    await writeFileAtomic(this.paths.journal, bytes, async () => {
      // Keep the file as found unless it is already the newest backup (changed by hand, restored, upgraded).
      if (previous && (from !== undefined || !previous.isLastSaved))
        keptAside = await backUpCurrent(this.paths, from === undefined ? 'before-change' : upgradeLabel(from));
    });
    // The rename is the point of no return: from here the change is saved, and nothing may say otherwise.
    const hash = fingerprint(bytes);
    this.migratedFrom = undefined;
    this.upgraded = from === undefined ? undefined : { fromVersion: from, backup: keptAside! };
    const kept = await afterSave(() => keepSavedVersion(this.paths, bytes), 'its backup', this.notice);
    // Without its backup the file is not the newest backup: the next save keeps it aside first.
    await writeMemo(this.paths, { validated: hash, saved: kept ? hash : undefined });
    if (!isEncrypted(bytes)) await writeEverydayFile(this.paths, { hash }, checked);
    this.onDisk = { hash, isLastSaved: kept };
  }
}

/** How long a journal file must have been unchanged before the everyday part names it (see everyday-file.ts). */
const SETTLED_NS = 2_000_000_000n;

export function serialiseJournal(journal: Journal): string {
  return journalText(journal);
}

/** Text → a valid, current journal, or a JournalFileError naming the file, the problem and where. */
