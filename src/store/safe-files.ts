import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { UserError } from '../errors.js';
import { nameOf } from './file-errors.js';
import type { JournalPaths } from './paths.js';

/**
 * The one door to the files and folders mentee keeps beside a journal (lock, pid file, backups, memo,
 * drafts, temporary files). Another user who can write there could plant a symlink or a file of
 * theirs at one of those names, so: symlinks are never followed, what is created is created afresh
 * (O_EXCL), what is opened must be a regular file of the user's (checked on the open handle), and a
 * folder must be the user's and writable by them alone, as ssh asks of ~/.ssh.
 */

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Whose the files are: the user's, or, when root works on another user's journal, that user's. */
export interface Owner {
  readonly uid: number;
  readonly gid: number;
}

const { O_WRONLY, O_RDONLY, O_CREAT, O_EXCL, O_DIRECTORY } = constants;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
/** A FIFO planted where a file was expected would make a read wait for ever. */
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

const myUid = () => process.getuid?.() ?? -1;
/** Where there are no uids (Windows), none of the owner checks apply. */
const hasOwners = () => myUid() >= 0;

export function currentUser(): Owner {
  return { uid: myUid(), gid: process.getgid?.() ?? -1 };
}

/**
 * Whose files a folder holds. Run by root (sudo) on another user's journal, mentee works for that user:
 * the owner of the folder, or of the file itself when the folder is root's. Anyone else works for themselves.
 */
export function ownerOf(folder: Stats | undefined, file: Stats | undefined): Owner {
  if (myUid() !== 0) return currentUser();
  const found = folder && folder.uid !== 0 ? folder : file;
  return found ? { uid: found.uid, gid: found.gid } : currentUser();
}

/** Root's own files and the owner's are trusted; root could change anything anyway. */
const trusted = (uid: number, owner: Owner) => !hasOwners() || uid === owner.uid || uid === 0;

/** Whether an entry (from lstat) is the owner's and not a link: never followed, never another user's. */
export function isOwnEntry(info: Stats | undefined, owner: Owner): boolean {
  return !!info && !info.isSymbolicLink() && trusted(info.uid, owner);
}

/** Whether an entry (from lstat) is a regular file of the owner's. */
export function isOwnFile(info: Stats | undefined, owner: Owner): boolean {
  return !!info?.isFile() && isOwnEntry(info, owner);
}

/** What root makes for another user is theirs, so that they keep full use of their journal. */
async function giveTo(handle: FileHandle, owner: Owner): Promise<void> {
  if (myUid() === 0 && owner.uid !== 0) await handle.chown(owner.uid, owner.gid);
}

/**
 * Refuses a folder that another user could write (or that is not a folder), in one line saying how to
 * fix it. Returns false when it does not exist.
 */
export async function checkFolder(path: string, owner: Owner, found?: Stats): Promise<boolean> {
  const info = found ?? (await lstat(path).catch(missing));
  if (!info) return false;
  if (info.isSymbolicLink()) throw refused(path, 'it is a symbolic link, which mentee never follows');
  if (!info.isDirectory()) throw refused(path, 'it is not a folder');
  if (!hasOwners()) return true;
  const mine = info.uid === owner.uid;
  if (!trusted(info.uid, owner))
    throw new UserError(
      `${path} belongs to ${nameOf(info.uid)}, not you, so they could tamper with your journal's files; ` +
        `move it aside (mv ${shellWord(path)} ${shellWord(`${path}.not-mine`)}) or move the journal with --journal`,
    );
  if (info.mode & 0o022)
    throw new UserError(
      `${path} is writable by other users, so they could tamper with your journal's files; ` +
        // A sticky folder (/tmp) is shared on purpose: it is not the user's to close.
        (mine && !(info.mode & 0o1000)
          ? `make it yours alone with: chmod go-w ${shellWord(path)} (or move the journal with --journal)`
          : 'keep the journal in a folder of your own with --journal'),
    );
  return true;
}

/**
 * Makes a private folder for `owner`, or checks the one already there (see checkFolder). With
 * `parents` (the journal's own folder), missing parents are made too, and it is checked afterwards:
 * another user may have made it first.
 */
export async function makePrivateFolder(path: string, owner: Owner, { parents = false } = {}): Promise<void> {
  if (parents) {
    await mkdir(path, { recursive: true, mode: PRIVATE_DIR_MODE });
    await checkFolder(path, owner);
    return;
  }
  try {
    await mkdir(path, { mode: PRIVATE_DIR_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    await checkFolder(path, owner);
    return;
  }
  const handle = await openOwnFolder(path, owner);
  await handle.close();
}

/** Opens a folder beside the journal (the lock) without following a link, makes it private and the owner's. */
export async function openOwnFolder(path: string, owner: Owner): Promise<FileHandle> {
  const handle = await open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW).catch((error: unknown) => {
    throw asRefusal(error, path);
  });
  try {
    const info = await handle.stat();
    if (!trusted(info.uid, owner)) throw refused(path, `it belongs to ${nameOf(info.uid)}, not you`, true);
    await handle.chmod(PRIVATE_DIR_MODE);
    await giveTo(handle, owner);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A new private file of the owner's: fails if anything (a link included) is already at `path`. */
export async function createPrivateFile(path: string, owner: Owner): Promise<FileHandle> {
  const handle = await open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, PRIVATE_FILE_MODE).catch(
    (error: unknown) => {
      throw asRefusal(error, path);
    },
  );
  try {
    // The umask may have taken bits away, never added any; a file handed over keeps 0600 too.
    await handle.chmod(PRIVATE_FILE_MODE);
    await giveTo(handle, owner);
    return handle;
  } catch (error) {
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
}

/** Writes a new private file whole, removing it again if that fails. */
export async function writeNewFile(path: string, content: string | Buffer, owner: Owner): Promise<void> {
  const handle = await createPrivateFile(path, owner);
  try {
    await handle.writeFile(content);
  } catch (error) {
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
}

/** Opens an existing regular file of the owner's, never through a link and never waiting on a pipe. */
export async function openOwnFile(path: string, owner: Owner, flags = O_RDONLY): Promise<FileHandle> {
  const handle = await open(path, flags | O_NOFOLLOW | O_NONBLOCK, PRIVATE_FILE_MODE).catch((error: unknown) => {
    throw asRefusal(error, path);
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw refused(path, 'it is not a regular file');
    if (!trusted(info.uid, owner)) throw refused(path, `it belongs to ${nameOf(info.uid)}, not you`);
    // A second name for a file elsewhere would have that file rewritten.
    if (flags !== O_RDONLY && info.nlink > 1) throw refused(path, 'it is a second name (hard link) for another file');
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export async function readOwnFile(path: string, owner: Owner): Promise<Buffer> {
  const handle = await openOwnFile(path, owner);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Rewrites a small file in place (the memo), creating it if missing; it stays or becomes the owner's. */
export async function rewriteOwnFile(path: string, content: string, owner: Owner): Promise<void> {
  const handle = await openOwnFile(path, owner, O_WRONLY | O_CREAT);
  try {
    await giveTo(handle, owner);
    await handle.truncate(0);
    await handle.write(content, 0);
  } finally {
    await handle.close();
  }
}

/** What an entry beside the journal is, without following a link; undefined when there is none. */
export async function entryAt(path: string): Promise<Stats | undefined> {
  return lstat(path).catch(missing);
}

/** Refuses an entry beside the journal that is a link, or not the owner's (planted by someone else). */
export function checkEntry(path: string, info: Stats | undefined, owner: Owner): void {
  if (!info) return;
  if (info.isSymbolicLink()) throw refused(path, 'it is a symbolic link, which mentee never follows');
  if (!trusted(info.uid, owner)) throw refused(path, `it belongs to ${nameOf(info.uid)}, not you`, info.isDirectory());
}

function missing(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}

function refused(path: string, why: string, folder = false): UserError {
  return new UserError(
    `refused ${path}: ${why}, and another user may have put it there; nothing was written through it. ` +
      `If you did not make it, remove it: rm ${folder ? '-r ' : ''}${shellWord(path)}`,
  );
}

/** O_NOFOLLOW meeting a link says ELOOP; O_EXCL meeting one says EEXIST. */
function asRefusal(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return refused(path, 'it is a symbolic link, which mentee never follows');
  if (code === 'EEXIST') return refused(path, 'something is already there');
  if (code === 'ENXIO') return refused(path, 'it is not a regular file');
  if (code === 'ENOTDIR') return refused(path, 'it is not a folder');
  return error;
}

/** A path as one word a shell reads back unchanged. */
export function shellWord(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * When a file beside the journal belongs to someone else (root, after an older `sudo mentee`), the way
 * back is to take the files back, never to restore a backup over the newest change.
 */
export async function lockedOut(paths: JournalPaths): Promise<{ reason: string; hint: string } | undefined> {
  const uid = myUid();
  if (uid <= 0 || (await lstat(paths.folder).catch(() => undefined))?.uid !== uid) return undefined;
  for (const path of [
    paths.journal,
    paths.backups,
    paths.memo,
    paths.everyday,
    paths.lock,
    paths.lockHolder,
    paths.drafts,
  ]) {
    const info = await lstat(path).catch(() => undefined);
    if (info && info.uid !== uid)
      return {
        reason: `${path} belongs to ${nameOf(info.uid)}, not you (a "sudo mentee" may have made it)`,
        hint:
          "It has not been changed. Make your journal's files yours again with: " +
          `sudo chown -R ${nameOf(uid)}: ${shellWord(paths.journal)}*`,
      };
  }
  return undefined;
}
