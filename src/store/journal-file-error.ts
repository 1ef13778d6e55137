import { join } from 'node:path';
import { UserError } from '../errors.js';
import { describeFileProblem } from './file-errors.js';

/** The journal on disk is not one we can trust; the message says where, and the file is left alone. */
export class JournalFileError extends UserError {}

/**
 * An encrypted file that cannot be opened: a wrong passphrase, damage, or a newer format. Its backups
 * cannot be checked without the passphrase either, so the store's hint names where they are.
 */
export class UnopenedFileError extends JournalFileError {}

const CHOOSE = 'use --journal or MENTEE_JOURNAL to say where your journal is';

/**
 * The journal path cannot be read: one line for what is there instead (a folder, a pipe, a link loop,
 * a file in the middle of the path, another user's file) and a hint that fits it; never the hint to
 * fix the text, as there is no text.
 */
export function unreadableJournal(error: unknown, file: string): JournalFileError {
  const problem = describeFileProblem(error, file);
  if (!problem) return new JournalFileError(`Cannot read the journal ${file}: ${(error as Error).message}.`);
  const hints: Record<string, string> = {
    EISDIR: `The journal is a file, e.g. ${join(file, 'journal.json')}: ${CHOOSE}.`,
    ENOTFILE: `The journal is a file: ${CHOOSE}.`,
    ENOTDIR: `Check the path: ${CHOOSE}.`,
    ELOOP: `Point the link at your journal file, or ${CHOOSE}.`,
    ENAMETOOLONG: `Use a shorter path: ${CHOOSE}.`,
    EFBIG: `It is not a journal mentee wrote: ${CHOOSE}.`,
  };
  const hint = problem.hint ?? hints[problem.code] ?? `It has not been changed.`;
  return new JournalFileError(`Cannot read the journal ${file}: ${problem.reason}.`, { hint });
}
