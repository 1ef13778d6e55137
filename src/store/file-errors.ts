import { UserError } from '../errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  ELOOP: 'it is a loop of symbolic links',
  ENAMETOOLONG: 'the path is too long',
};

/** A file system failure as one sentence the user can act on; anything else is passed on untouched. */
export function asFileProblem(error: unknown, action: string, path: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof UserError || !code) return error;
  return new UserError(`Cannot ${action} ${path}: ${fileProblemReason(error)}.`);
}

/** Why a file system call failed, in words: "the disk is full", "permission denied", or the system's own. */
export function fileProblemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && REASONS[code]) || (error instanceof Error ? error.message : String(error));
}
