import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { createPrivateFile, ownerOf, type Owner } from './safe-files.js';

export { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './safe-files.js';

/**
 * Replaces `target` so that a crash at any moment leaves the old file or the new one, whole:
 * a uniquely named temporary file (owner-only, made afresh: never through a link), fsync, rename over
 * the target, fsync of the folder. `beforeReplace` runs after the new content is safely on disk and
 * before the swap (used for backups). Run by root in another user's folder, the new file is theirs.
 */
export async function writeFileAtomic(
  target: string,
  content: string | Buffer,
  beforeReplace?: () => Promise<void>,
): Promise<void> {
  const folder = dirname(target);
  // A rename would put a file where a device or pipe was (as root, /dev/null itself): only files are replaced.
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    const what = existing.isDirectory() ? 'it is a folder' : 'it is not a regular file, and mentee only replaces files';
    throw new UserError(`Cannot write ${target}: ${what}.`);
  }
  const temporary = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await createPrivateFile(temporary, await ownerHere(folder, existing));
  try {
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await beforeReplace?.();
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  // Past the rename the file is replaced: nothing after it may fail the write.
  await syncFolder(folder);
}

/** Whose a file written in `folder` is: only root, working in another user's folder, needs to look. */
async function ownerHere(folder: string, existing: Stats | undefined): Promise<Owner> {
  if (process.getuid?.() !== 0) return ownerOf(undefined, undefined);
  return ownerOf(await stat(folder).catch(() => undefined), existing);
}

/** Makes a rename durable: without it a power cut can forget the new directory entry. */
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return; // a folder that cannot be opened (no read permission) cannot be synced, only trusted
  try {
    await handle.sync();
  } catch {
    // Some platforms and file systems cannot fsync a directory; the rename is still atomic there.
  } finally {
    await handle.close();
  }
}
