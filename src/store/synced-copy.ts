import type { Journal } from '../core/schema.js';
import { UserError } from '../errors.js';

/**
 * The synced copy: the journal as it is pushed to the sync remote. Canonical, so that the same journal
 * always gives the same bytes on every device (keys sorted at every depth), and readable in git's
 * history: one top-level key per line and each record on a line of its own, so that a change to one
 * action is a one-line diff. `history` (undo and redo) stays on the device.
 */

/** What is synced: the journal less its local undo history. */
export type SyncedJournal = Omit<Journal, 'history'>;

export function syncedText(journal: SyncedJournal | Journal): string {
  const members = Object.keys(journal)
    .filter((key) => key !== 'history')
    .sort()
    .flatMap((key) => {
      const value = (journal as Record<string, unknown>)[key];
      if (value === undefined) return [];
      const name = JSON.stringify(key);
      if (!Array.isArray(value) || value.length === 0) return [`  ${name}: ${canonical(value)}`];
      return [`  ${name}: [\n${value.map((item) => `    ${canonical(item)}`).join(',\n')}\n  ]`];
    });
  return `{\n${members.join(',\n')}\n}\n`;
}

/** JSON with the keys of every object sorted, on one line. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  // fromEntries, not assignment: a key "__proto__" (in someone's text) stays a key.
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/**
 * The synced copy in `text` (from `file`, named in errors) as plain data: the caller validates it and
 * gives it the device's own history.
 */
export function fromSyncedText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UserError(`The synced copy ${file} is not a journal mentee wrote: ${(error as Error).message}.`);
  }
}
