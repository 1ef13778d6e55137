import type { Journal } from './schema.js';

export type RecordKind = 'profile' | 'mentor' | 'goal' | 'meeting' | 'action';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One record that differs between two versions of the journal. */
export interface RecordChange {
  kind: RecordKind;
  /** The record's id (a mentor's handle); empty for the profile. */
  id: string;
  /** Its title (a mentor's name), as it reads in the version that has it; undefined for meetings and the profile. */
  title: string | undefined;
  change: 'added' | 'removed' | 'changed';
  /** For a change: the top-level fields that differ, in the record's order. */
  fields: FieldChange[];
}

/**
 * Bookkeeping that changes along with what a user did: every change touches updatedAt, completedAt
 * follows status and dueRemoved follows due. Left out so "changed action a1 (status)" says what happened.
 */
const BOOKKEEPING = new Set(['updatedAt', 'completedAt', 'dueRemoved']);

/** What changed going from `before` to `after`, record by record: mentors, goals, meetings, actions. */
export function diffJournals(before: Journal, after: Journal): RecordChange[] {
  const changes: RecordChange[] = [];
  const profile = changedFields(before.profile, after.profile);
  if (profile.length) changes.push({ kind: 'profile', id: '', title: undefined, change: 'changed', fields: profile });
  changes.push(
    ...diffRecords(
      'mentor',
      before.mentors,
      after.mentors,
      (mentor) => mentor.handle,
      (mentor) => mentor.name,
    ),
    ...diffRecords(
      'goal',
      before.goals,
      after.goals,
      (goal) => goal.id,
      (goal) => goal.title,
    ),
    ...diffRecords(
      'meeting',
      before.meetings,
      after.meetings,
      (meeting) => meeting.id,
      () => undefined,
    ),
    ...diffRecords(
      'action',
      before.actions,
      after.actions,
      (action) => action.id,
      (action) => action.title,
    ),
  );
  return changes;
}

function diffRecords<R extends object>(
  kind: RecordKind,
  before: R[],
  after: R[],
  keyOf: (record: R) => string,
  titleOf: (record: R) => string | undefined,
): RecordChange[] {
  const later = new Map(after.map((record) => [keyOf(record), record]));
  const earlier = new Map(before.map((record) => [keyOf(record), record]));
  const changes: RecordChange[] = [];
  for (const record of before) {
    const id = keyOf(record);
    const next = later.get(id);
    if (!next) {
      changes.push({ kind, id, title: titleOf(record), change: 'removed', fields: [] });
      continue;
    }
    const fields = changedFields(record, next);
    if (fields.length) changes.push({ kind, id, title: titleOf(next), change: 'changed', fields });
  }
  for (const record of after) {
    const id = keyOf(record);
    if (!earlier.has(id)) changes.push({ kind, id, title: titleOf(record), change: 'added', fields: [] });
  }
  return changes;
}

function changedFields(before: object, after: object): FieldChange[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names
    .filter((field) => !BOOKKEEPING.has(field) && !same(a[field], b[field]))
    .map((field) => ({ field, before: a[field], after: b[field] }));
}

/** Deep equality of JSON values, whatever the order of keys (a hand edit may reorder them). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => same(item, other[index]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((key) => x[key] !== undefined);
  const otherKeys = Object.keys(y).filter((key) => y[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => same(x[key], y[key]));
}
