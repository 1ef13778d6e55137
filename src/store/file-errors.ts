import { readFileSync, readlinkSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { RefusedFileError } from './regular-file.js';

/** Why a file cannot be used, as the end of "Cannot <action> <path>: …", and what to do when that is clear. */
export interface FileProblem {
  code: string;
  reason: string;
  hint?: string;
}

const REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  EEXIST: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
};

/**
 * A file system failure in words that fit it; undefined for anything that is not one. Only ever
 * called once something has failed, so the few extra looks (who owns it, which part of the path) cost
 * a working command nothing.
 */
export function describeFileProblem(error: unknown, path: string): FileProblem | undefined {
  if (error instanceof RefusedFileError) return { code: error.code, reason: error.reason };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code || error instanceof UserError) return undefined;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return permissionProblem(code, path);
    case 'ENOTDIR': {
      const file = fileInThePath(path);
      return { code, reason: file ? `${file} is a file, not a folder` : 'part of the path is a file, not a folder' };
    }
    case 'ELOOP':
      return { code, reason: `it is a loop of symbolic links (${linkChain(path)})` };
    case 'ENAMETOOLONG':
      return {
        code,
        reason: `the path is too long (${path.length} characters; a name may have 255 at most, a path 4096)`,
        hint: 'Use a shorter path.',
      };
    case 'EIO':
      return {
        code,
        reason: 'the disk reported an input/output error (it may be failing, or a network folder was cut off)',
        hint: 'Copy what you can somewhere safe, then check the disk or connection.',
      };
    default:
      return { code, reason: REASONS[code] ?? (error as Error).message };
  }
}

/** A file system failure as one line the user can act on; anything else is passed on untouched. */
export function asFileProblem(error: unknown, action: string, path: string): unknown {
  const problem = describeFileProblem(error, path);
  if (!problem) return error;
  return new UserError(`Cannot ${action} ${path}: ${problem.reason}.`, problem.hint ? { hint: problem.hint } : {});
}

/** Permission denied: whose the file (or the closed folder on the way to it) is, and how to get in. */
function permissionProblem(code: string, path: string): FileProblem {
  const me = userInfo().username;
  const closed = closedFolder(path);
  if (closed) {
    const { folder, owner, mode } = closed;
    return {
      code,
      reason: `permission denied: the folder ${folder} is not open to you (${me}); it belongs to ${owner}, mode ${mode}`,
      hint: `Run mentee as ${owner}, or choose a journal in a folder of yours.`,
    };
  }
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return { code, reason: 'permission denied' };
  const owner = nameOf(stats.uid);
  const mode = octal(stats.mode);
  return {
    code,
    reason: `permission denied: it belongs to ${owner}, mode ${mode}, and you are ${me}`,
    hint:
      owner === me
        ? `Give yourself access again: chmod u+rw "${path}".`
        : `Run mentee as ${owner}; or, if it is yours, take it back: sudo chown ${me} "${path}" && chmod 600 "${path}".`,
  };
}

/** The nearest folder above `path` that exists but cannot be searched by this user, with its owner. */
function closedFolder(path: string): { folder: string; owner: string; mode: string } | undefined {
  const folders: string[] = [];
  for (let folder = dirname(resolve(path)); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    try {
      statSync(`${folder}/.`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EACCES') return undefined;
      const stats = statSync(folder, { throwIfNoEntry: false });
      return { folder, owner: stats ? nameOf(stats.uid) : 'another user', mode: stats ? octal(stats.mode) : '?' };
    }
  }
  return undefined;
}

/** The first part of `path` that is a file where a folder should be. */
function fileInThePath(path: string): string | undefined {
  const parts: string[] = [];
  for (let at = dirname(resolve(path)); dirname(at) !== at; at = dirname(at)) parts.unshift(at);
  return parts.find((part) => statSync(part, { throwIfNoEntry: false })?.isFile());
}

/** "a → b → a": where the links go, until one repeats (at most a few hops, for one line). */
function linkChain(path: string): string {
  const seen = [resolve(path)];
  for (let hops = 0; hops < 8; hops++) {
    let next: string;
    try {
      next = resolve(dirname(seen.at(-1)!), readlinkSync(seen.at(-1)!));
    } catch {
      break;
    }
    seen.push(next);
    if (seen.indexOf(next) < seen.length - 1) break;
  }
  return seen.join(' → ');
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

/** A user's name from /etc/passwd, else "uid N". */
export function nameOf(uid: number): string {
  if (uid === process.getuid?.()) return userInfo().username;
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((entry) => entry.split(':')[2] === String(uid));
    if (line) return line.split(':')[0]!;
  } catch {
    // No passwd file (not Linux, or a container without one): the number still says who.
  }
  return `uid ${uid}`;
}

/** Why a file system call failed, in words: "the disk is full", "permission denied", or the system's own. */
export function fileProblemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const plain = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code && REASONS[code];
  return plain || (error instanceof Error ? error.message : String(error));
}
