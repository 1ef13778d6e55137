import { MAX_JOURNAL_BYTES, readRegularFile } from './regular-file.js';
import type { Journal } from '../core/schema.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { backUpCurrent, listBackups, parseBackupName } from './backups.js';
import { isEncrypted } from './crypto.js';
import { asFileProblem } from './file-errors.js';
import type { JournalCodec } from './journal-codec.js';
import type { JournalPaths } from './paths.js';
import { fingerprint, writeMemo } from './validation-memo.js';

export interface RecordCounts {
  mentors: number;
  goals: number;
  meetings: number;
  actions: number;
}

/** One backup as `mentee doctor` lists it. */
export interface BackupEntry {
  /** 1 is the newest. */
  number: number;
  file: string;
  /** When it was taken (from its name); undefined for a file mentee did not name. */
  date: Date | undefined;
  /** Why it was taken: saved, before-change, before-restore, before-upgrade-from-vN. */
  label: string;
  ok: boolean;
  /** What is wrong, naming the file and where, when it is not a journal mentee can use. */
  problem: string | undefined;
  /** False when it could not even be opened (unreadable, or encrypted without its passphrase). */
  opened: boolean;
  counts: RecordCounts | undefined;
}

/** The journal file as `mentee doctor` checks it: in full, whatever the validation memo says. */
export interface JournalCheck {
  path: string;
  exists: boolean;
  ok: boolean;
  problem: string | undefined;
  /** False when it could not even be opened (unreadable, or encrypted without its passphrase). */
  opened: boolean;
  counts: RecordCounts | undefined;
  /** Bytes on disk. */
  size: number | undefined;
  /** Set when it is an older journal version, upgraded (after a backup) the next time it is changed. */
  migratedFrom: number | undefined;
}

/** A file read through the codec and checked against the schema. */
export interface Inspected {
  missing: boolean;
  bytes: Buffer | undefined;
  /** The decoded JSON text; undefined when the file could not be opened. */
  text: string | undefined;
  journal: Journal | undefined;
  migratedFrom: number | undefined;
  problem: string | undefined;
}

export async function inspectFile(file: string, codec: JournalCodec): Promise<Inspected> {
  const none = { missing: false, bytes: undefined, text: undefined, journal: undefined, migratedFrom: undefined };
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, MAX_JOURNAL_BYTES);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ...none, missing, problem: (asFileProblem(error, 'read', file) as Error).message };
  }
  let text: string;
  try {
    text = await codec.decode(bytes, file);
  } catch (error) {
    const reason = (error as Error).message;
    return { ...none, bytes, problem: reason.includes(file) ? reason : `Cannot open ${file}: ${reason}` };
  }
  const { parseJournal } = await import('./journal-validation.js');
  try {
    const { journal, migratedFrom } = parseJournal(text, file);
    return { ...none, bytes, text, journal, migratedFrom, problem: undefined };
  } catch (error) {
    return { ...none, bytes, text, problem: (error as Error).message };
  }
}

export function countRecords(journal: Journal): RecordCounts {
  const { mentors, goals, meetings, actions } = journal;
  return { mentors: mentors.length, goals: goals.length, meetings: meetings.length, actions: actions.length };
}

export async function checkJournal(paths: JournalPaths, codec: JournalCodec): Promise<JournalCheck> {
  const found = await inspectFile(paths.journal, codec);
  return {
    path: paths.journal,
    exists: !found.missing,
    ok: found.missing || !found.problem,
    problem: found.missing ? undefined : found.problem,
    opened: found.text !== undefined,
    counts: found.journal && countRecords(found.journal),
    size: found.bytes?.length,
    migratedFrom: found.migratedFrom,
  };
}

/** Every backup, newest first, each read and validated (one at a time: an encrypted one may ask). */
export async function catalogue(paths: JournalPaths, codec: JournalCodec): Promise<BackupEntry[]> {
  const entries: BackupEntry[] = [];
  for (const [index, file] of (await listBackups(paths)).entries()) {
    entries.push(toEntry(file, index + 1, await inspectFile(file, codec)));
  }
  return entries;
}

export function toEntry(file: string, number: number, inspected: Inspected): BackupEntry {
  const name = parseBackupName(file);
  return {
    number,
    file,
    date: name?.date,
    label: name?.label ?? 'unknown',
    ok: !inspected.problem,
    problem: inspected.problem,
    opened: inspected.text !== undefined,
    counts: inspected.journal && countRecords(inspected.journal),
  };
}

/** The newest backup that is a valid journal: the last good version, for the recovery hint. */
export async function newestGoodBackup(paths: JournalPaths, codec: JournalCodec): Promise<BackupEntry | undefined> {
  for (const [index, file] of (await listBackups(paths)).entries()) {
    const inspected = await inspectFile(file, codec);
    if (!inspected.problem) return toEntry(file, index + 1, inspected);
  }
  return undefined;
}

/**
 * A plain file that is not a journal (emptied by a crash, damaged) says nothing of the journal's form:
 * a backup goes back in its own, so an encrypted one is never decrypted onto the disk.
 */
export function formless(current: Inspected): boolean {
  return current.bytes !== undefined && !isEncrypted(current.bytes) && current.problem !== undefined;
}

/**
 * Writes a backup's bytes back as the journal (the caller holds the lock), keeping the journal as it
 * is as a backup labelled `label` first. Returns that copy, or undefined when there was no journal.
 */
export async function putBack(
  paths: JournalPaths,
  current: Inspected,
  backup: Inspected & { bytes: Buffer },
  label: string,
  assertHeld: () => void,
): Promise<string | undefined> {
  // A journal that is there but cannot be read cannot be kept aside, so it is not replaced either.
  if (!current.missing && !current.bytes) throw new UserError(current.problem!);
  // Never a plain version over an encrypted journal, nor the other way round (restore converts first).
  if (current.bytes && isEncrypted(current.bytes) !== isEncrypted(backup.bytes) && !formless(current)) {
    const form = isEncrypted(current.bytes) ? 'encrypted' : 'plain';
    throw new UserError(
      `${isEncrypted(backup.bytes) ? 'An encrypted' : 'A plain'} version would replace the ${form} journal ${paths.journal}; nothing was changed.`,
      { hint: `Restore it with mentee doctor --restore, which keeps the journal ${form}.` },
    );
  }
  const savedAside = current.bytes ? await backUpCurrent(paths, label) : undefined;
  assertHeld();
  await writeFileAtomic(paths.journal, backup.bytes);
  // Validated only when it needs no upgrade, as a read would record it; the newest backup is now the
  // copy kept aside, so the restored file is backed up on its next save.
  await writeMemo(paths, {
    validated: backup.migratedFrom === undefined ? fingerprint(backup.bytes) : undefined,
    saved: current.bytes && fingerprint(current.bytes),
  });
  return savedAside;
}
