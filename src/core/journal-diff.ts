import type { ChangedRecord, Journal } from './schema.js';

export type RecordKind = ChangedRecord['kind'];

/** The records of a journal: what a diff compares, and all a copy taken before a change needs. */
export type JournalRecords = Pick<Journal, 'profile' | 'mentors' | 'goals' | 'meetings' | 'actions'>;

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** One record that differs between two versions of the journal, as it is said to a person. */
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

/** The list that holds a journal's records of `kind`. */
export function listOfKind(records: JournalRecords, kind: Exclude<RecordKind, 'profile'>): { uid: string }[] {
  const lists = { mentor: records.mentors, goal: records.goals, meeting: records.meetings, action: records.actions };
  return lists[kind];
}

/** What changed going from `before` to `after`, record by record: mentors, goals, meetings, actions. */
export function diffJournals(before: JournalRecords, after: JournalRecords): RecordChange[] {
  return describeRecords(changedRecords(before, after));
}

/**
 * Every record that differs in any way between two versions, with both versions of it: what the
 * history keeps of a change. Removed records come before added ones, each kind in the journal's order.
 */
export function changedRecords(before: JournalRecords, after: JournalRecords): ChangedRecord[] {
  const changes: ChangedRecord[] = [];
  if (!same(before.profile, after.profile))
    changes.push({ kind: 'profile', id: '', before: before.profile, after: after.profile });
  changes.push(
    ...pairRecords('mentor', before.mentors, after.mentors, (mentor) => mentor.handle),
    ...pairRecords('goal', before.goals, after.goals, (goal) => goal.id),
    ...pairRecords('meeting', before.meetings, after.meetings, (meeting) => meeting.id),
    ...pairRecords('action', before.actions, after.actions, (action) => action.id),
  );
  return changes;
}

/** How each changed record changed, for words: added, removed, or the fields a person changed. */
export function describeRecords(records: readonly ChangedRecord[]): RecordChange[] {
  return records.flatMap((record): RecordChange[] => {
    const { kind, id, before, after } = record;
    if (!after) return [{ kind, id, title: titleOf(record, before), change: 'removed', fields: [] }];
    if (!before) return [{ kind, id, title: titleOf(record, after), change: 'added', fields: [] }];
    const fields = changedFields(before, after);
    return fields.length ? [{ kind, id, title: titleOf(record, after), change: 'changed', fields }] : [];
  });
}

function titleOf(record: ChangedRecord, version: object | null): string | undefined {
  if (record.kind === 'mentor') return (version as { name: string }).name;
  if (record.kind === 'goal' || record.kind === 'action') return (version as { title: string }).title;
  return undefined;
}

/**
 * Records are paired by uid, so one whose short id changed (a sync renumbered it) is that record
 * changed, not one removed and another added; each is named by its short id as it now reads.
 */
function pairRecords<R extends { uid: string }>(
  kind: Exclude<RecordKind, 'profile'>,
  before: R[],
  after: R[],
  idOf: (record: R) => string,
): ChangedRecord[] {
  const later = new Map(after.map((record) => [record.uid, record]));
  const earlier = new Set(before.map((record) => record.uid));
  const changes: ChangedRecord[] = [];
  before.forEach((record, index) => {
    const next = later.get(record.uid);
    if (!next) changes.push({ kind, id: idOf(record), index, before: record, after: null } as unknown as ChangedRecord);
    else if (!same(record, next))
      changes.push({ kind, id: idOf(next), before: record, after: next } as unknown as ChangedRecord);
  });
  after.forEach((record, index) => {
    if (!earlier.has(record.uid))
      changes.push({ kind, id: idOf(record), index, before: null, after: record } as unknown as ChangedRecord);
  });
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

/**
 * Deep equality of JSON values, whatever the order of keys (a hand edit may reorder them). Plain
 * loops: every save compares every record with its copy from before the change.
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!same(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    keys++;
    if (!same(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) keys--;
  return keys === 0;
}
