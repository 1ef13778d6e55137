import { randomBytes } from 'node:crypto';
import { chmod, copyFile, link, mkdir, open, readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './atomic-write.js';
import { backupDirFor } from './paths.js';

/** How many saved versions are kept; the copy taken before a schema upgrade is kept apart, always. */
export const BACKUPS_KEPT = 10;
const UPGRADE_LABEL = 'before-upgrade';

let sequence = 0;

/** Sortable and unique: time, a counter for writes within one millisecond, and a random tail. */
function backupPath(journalPath: string, label: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const order = String(sequence++ % 100).padStart(2, '0');
  return join(
    backupDirFor(journalPath),
    `${basename(journalPath)}.${stamp}.${order}${randomBytes(2).toString('hex')}.${label}.json`,
  );
}

/**
 * Keeps the journal on disk as it is, before it is replaced: used when that version is not already
 * the newest backup (edited by hand, restored, or about to be upgraded). A hard link costs no copy,
 * and is safe because the file is about to be renamed over.
 */
export async function backUpCurrent(journalPath: string, label: string): Promise<string> {
  await mkdir(backupDirFor(journalPath), { recursive: true, mode: PRIVATE_DIR_MODE });
  const target = backupPath(journalPath, label);
  try {
    await link(journalPath, target);
  } catch {
    await copyFile(journalPath, target);
  }
  // A link shares the file's mode; a hand-copied 0644 journal must not leave a 0644 backup.
  await chmod(target, PRIVATE_FILE_MODE);
  await prune(journalPath);
  return target;
}

/** Keeps a copy of a version just saved, so the newest backup is always the last good journal. */
export async function keepSavedVersion(journalPath: string, content: string | Buffer): Promise<string> {
  await mkdir(backupDirFor(journalPath), { recursive: true, mode: PRIVATE_DIR_MODE });
  const target = backupPath(journalPath, 'saved');
  const handle = await open(target, 'wx', PRIVATE_FILE_MODE);
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  await prune(journalPath);
  return target;
}

export function upgradeLabel(fromVersion: number): string {
  return `${UPGRADE_LABEL}-from-v${fromVersion}`;
}

/** Newest first. */
export async function listBackups(journalPath: string): Promise<string[]> {
  const folder = backupDirFor(journalPath);
  try {
    const names = await readdir(folder);
    return names
      .filter((name) => name.endsWith('.json'))
      .sort()
      .reverse()
      .map((name) => join(folder, name));
  } catch {
    return [];
  }
}

async function prune(journalPath: string): Promise<void> {
  const rotating = (await listBackups(journalPath)).filter((file) => !file.includes(`.${UPGRADE_LABEL}`));
  await Promise.all(rotating.slice(BACKUPS_KEPT).map((file) => rm(file, { force: true })));
}
