import { randomBytes } from 'node:crypto';
import { chmod, copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './atomic-write.js';
import { backupDirFor } from './paths.js';

export const BACKUPS_KEPT = 10;

/**
 * Keeps the current journal as a backup before it is replaced. A hard link costs no copy: once the new
 * file is renamed into place, the old content lives on only under the backup name.
 */
export async function backUp(journalPath: string, label = 'before-change'): Promise<string> {
  const folder = backupDirFor(journalPath);
  await mkdir(folder, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(folder, `${basename(journalPath)}.${stamp}.${randomBytes(2).toString('hex')}.${label}.json`);
  try {
    await link(journalPath, target);
    // A link shares the file's mode; a hand-copied 0644 journal must not leave a 0644 backup.
    await chmod(target, PRIVATE_FILE_MODE);
  } catch {
    await copyFile(journalPath, target);
    await chmod(target, PRIVATE_FILE_MODE);
  }
  await prune(folder);
  return target;
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

async function prune(folder: string): Promise<void> {
  const names = (await readdir(folder))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse();
  await Promise.all(names.slice(BACKUPS_KEPT).map((name) => rm(join(folder, name), { force: true })));
}
