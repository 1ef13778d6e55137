import { newUid } from '../core/ids.js';
import { JOURNAL_VERSION } from '../core/model.js';
import { UserError } from '../errors.js';

/** One step per schema change: migrations[n] turns a version-n document into version n+1. */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Record<number, Migration> = {
  // Version 2 keeps the history of changes that undo and redo walk; an older journal starts with none.
  1: (document) => ({ ...document, history: { undo: [], redo: [] } }),
  // Version 3 syncs between devices: every record gets a uid, and the journal a list of sync conflicts.
  2: withUids,
};

type Rec = Record<string, unknown>;
const LISTS = { mentor: 'mentors', goal: 'goals', meeting: 'meetings', action: 'actions' } as const;

/**
 * Gives every record a uid, the same one in the records kept in the history (undo puts back the
 * record it had). Meetings and actions keep the calendar UID version 2 gave them (their id and the
 * journal's key), so a calendar imported before the upgrade is updated, not doubled.
 */
function withUids(document: Rec): Rec {
  const key = Date.parse(String(document.createdAt)).toString(36);
  const uids = new Map<string, string>();
  // Anything not shaped as a journal is left as it is, for validation to say what is wrong with it.
  const upgraded = (kind: keyof typeof LISTS, record: unknown): unknown => {
    if (!isRecord(record)) return record;
    const id = String(kind === 'mentor' ? record.handle : record.id);
    const uid = uids.get(`${kind} ${id}`) ?? newUid();
    uids.set(`${kind} ${id}`, uid);
    const calendar = kind === 'meeting' || kind === 'action' ? { calendarUid: `${id}.${key}@mentee` } : {};
    return { ...record, uid, ...calendar };
  };
  const result: Rec = { ...document, conflicts: [] };
  for (const [kind, list] of Object.entries(LISTS) as [keyof typeof LISTS, string][])
    if (Array.isArray(document[list])) result[list] = document[list].map((record) => upgraded(kind, record));
  const changed = (record: unknown) =>
    isRecord(record) && Object.hasOwn(LISTS, String(record.kind))
      ? {
          ...record,
          before: upgraded(record.kind as keyof typeof LISTS, record.before),
          after: upgraded(record.kind as keyof typeof LISTS, record.after),
        }
      : record;
  const change = (entry: unknown) =>
    isRecord(entry) && Array.isArray(entry.records) ? { ...entry, records: entry.records.map(changed) } : entry;
  const history = document.history;
  if (isRecord(history) && Array.isArray(history.undo) && Array.isArray(history.redo))
    result.history = { ...history, undo: history.undo.map(change), redo: history.redo.map(change) };
  return result;
}

function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
