import { JOURNAL_VERSION } from '../core/model.js';
import { UserError } from '../errors.js';

/** One step per schema change: migrations[n] turns a version-n document into version n+1. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Record<number, Migration> = {
  // Version 2 keeps the history of changes that undo and redo walk; an older journal starts with none.
  1: (document) => ({ ...document, history: { undo: [], redo: [] } }),
};

export interface Migrated {
  document: unknown;
  fromVersion: number | undefined;
}

/** Brings an older journal up to the current version; refuses one written by a newer mentee. */
export function migrate(
  document: unknown,
  file: string,
  migrations: Record<number, Migration> = MIGRATIONS,
  currentVersion = JOURNAL_VERSION,
): Migrated {
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    return { document, fromVersion: undefined };
  const version = (document as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { document, fromVersion: undefined };
  if (version > currentVersion) {
    throw new UserError(
      `${file} was written by a newer mentee (journal version ${version}; this one reads up to ${currentVersion}).`,
      { hint: 'Update mentee; the file has not been changed.' },
    );
  }
  if (version === currentVersion) return { document, fromVersion: undefined };
  let current = document as Record<string, unknown>;
  for (let step = version; step < currentVersion; step++) {
    const migration = migrations[step];
    if (!migration) throw new UserError(`${file} has journal version ${version}, which this mentee cannot upgrade.`);
    current = { ...migration(current), version: step + 1 };
  }
  return { document: current, fromVersion: version };
}
