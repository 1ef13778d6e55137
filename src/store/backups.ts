import { randomBytes } from 'node:crypto';
import { link, lstat, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { JournalPaths } from './paths.js';
import { isOwnEntry, makePrivateFolder, openOwnFile, PRIVATE_FILE_MODE, writeNewFile } from './safe-files.js';

/**
 * Retention: the newest BACKUPS_KEPT backups, plus the newest one of each of the last DAYS_KEPT calendar
 * days (local time), plus every copy taken before a schema upgrade.
 */
export const BACKUPS_KEPT = 10;
export const DAYS_KEPT = 7;
const UPGRADE_LABEL = 'before-upgrade';

const STAMP = String.raw`\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z`;
const TAG = '[0-9a-f]{6}';
const NAME = new RegExp(`\\.(${STAMP})\\.(${TAG})\\.([A-Za-z0-9-]+)\\.json$`);

/** What a backup's file name says: when it was taken, why, and its place in time order. */
export interface BackupName {
  date: Date;
  /** "saved", "before-change", "before-restore", "before-upgrade-from-v0"… */
  label: string;
  /** Sorts backups by time: later is greater. */
  key: string;
}

/** The name's parts, or undefined for a file mentee did not name (never pruned, listed last). */
export function parseBackupName(file: string): BackupName | undefined {
  const match = NAME.exec(basename(file));
  if (!match) return undefined;
  const [, stamp, tag, label] = match as unknown as [string, string, string, string];
  return {
    date: new Date(stamp.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z')),
    label,
    key: `${stamp}.${tag}`,
  };
}

let sequence = 0;

/**
 * Sortable and unique: time, a counter for writes within one millisecond, and a random tail. Never
 * earlier than the newest backup, so order stays true if the clock steps back.
 */
async function backupPath(paths: JournalPaths, label: string, now: Date): Promise<string> {
  const [newest] = await listBackups(paths);
  const after = newest ? parseBackupName(newest)?.date.getTime() : undefined;
  const time = after !== undefined && after >= now.getTime() ? new Date(after + 1) : now;
  const stamp = time.toISOString().replace(/[:.]/g, '-');
  const order = String(sequence++ % 100).padStart(2, '0');
  return join(
    paths.backups,
    `${basename(paths.journal)}.${stamp}.${order}${randomBytes(2).toString('hex')}.${label}.json`,
  );
}

/**
 * Keeps the journal on disk as it is, before it is replaced: used when that version is not already
 * the newest backup (edited by hand, restored, or about to be upgraded). A hard link costs no copy,
 * and is safe because the file is about to be renamed over.
 */
export async function backUpCurrent(paths: JournalPaths, label: string, now = new Date()): Promise<string> {
  await makePrivateFolder(paths.backups, paths.owner);
  const target = await backupPath(paths, label, now);
  try {
    await link(paths.journal, target);
  } catch {
    await writeNewFile(target, await readFile(paths.journal), paths.owner);
  }
  // A link shares the file's mode; a hand-copied 0644 journal must not leave a 0644 backup.
  const handle = await openOwnFile(target, paths.owner);
  try {
    await handle.chmod(PRIVATE_FILE_MODE);
  } finally {
    await handle.close();
  }
  await prune(paths, now);
  return target;
}

/** Keeps a copy of a version just saved, so the newest backup is always the last good journal. */
export async function keepSavedVersion(
  paths: JournalPaths,
  content: string | Buffer,
  now = new Date(),
): Promise<string> {
  await makePrivateFolder(paths.backups, paths.owner);
  const target = await backupPath(paths, 'saved', now);
  // Written aside and renamed, so a writer killed half-way leaves no cut-short backup among the good ones
  // (what it leaves ends in .part, which is not a backup, and is removed at the next save).
  const partial = `${target}.part`;
  await writeNewFile(partial, content, paths.owner);
  await rename(partial, target).catch(async (error: unknown) => {
    await rm(partial, { force: true }); // a full disk leaves no cut-short copy behind
    throw error;
  });
  await removeParts(paths);
  await prune(paths, now);
  return target;
}

/** Leftovers of backups whose writer was killed; only ever written by a save, which holds the lock. */
async function removeParts(paths: JournalPaths): Promise<void> {
  const names = await readdir(paths.backups).catch(() => [] as string[]);
  await Promise.all(
    names.filter((name) => name.endsWith('.json.part')).map((name) => rm(join(paths.backups, name), { force: true })),
  );
}

export function upgradeLabel(fromVersion: number): string {
  return `${UPGRADE_LABEL}-from-v${fromVersion}`;
}

/**
 * Newest first; files in the folder that mentee did not name come last. Only the user's own entries
 * count: a link or another user's file, planted there, is never listed, restored or undone to.
 */
export async function listBackups(paths: JournalPaths): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(paths.backups)).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const owned = await Promise.all(
    names.map(async (name) => isOwnEntry(await lstat(join(paths.backups, name)).catch(() => undefined), paths.owner)),
  );
  names = names.filter((_, index) => owned[index]);
  const keyed = names.map((name) => ({ name, key: parseBackupName(name)?.key ?? '' }));
  keyed.sort((a, b) => (a.key === b.key ? compare(b.name, a.name) : compare(b.key, a.key)));
  return keyed.map(({ name }) => join(paths.backups, name));
}

/** The backups retention keeps, of `newestFirst`, at `now`. */
function backupsToKeep(newestFirst: string[], now: Date): Set<string> {
  const keep = new Set<string>();
  const days = new Set<string>();
  const recentDays = new Set(Array.from({ length: DAYS_KEPT }, (_, back) => localDay(addDays(now, -back))));
  let rotating = 0;
  for (const file of newestFirst) {
    const name = parseBackupName(file);
    if (!name || name.label.startsWith(UPGRADE_LABEL) || rotating++ < BACKUPS_KEPT) keep.add(file);
    if (!name || name.label.startsWith(UPGRADE_LABEL)) continue;
    const day = localDay(name.date);
    if (recentDays.has(day) && !days.has(day)) {
      days.add(day);
      keep.add(file);
    }
  }
  return keep;
}

async function prune(paths: JournalPaths, now: Date): Promise<void> {
  const backups = await listBackups(paths);
  const keep = backupsToKeep(backups, now);
  await Promise.all(backups.filter((file) => !keep.has(file)).map((file) => rm(file, { force: true })));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

function addDays(date: Date, days: number): Date {
  const moved = new Date(date);
  moved.setDate(moved.getDate() + days);
  return moved;
}
