/**
 * What a sync merge says it did: what each side brought, and each conflict as the journal keeps it
 * (values as JSON, references as the short ids people know, never uids).
 */
import { same } from './journal-diff.js';
import { KINDS, type RecordsByUid } from './merge-kinds.js';
import type { Renumbering } from './merge-ids.js';
import { canonical } from './canonical.js';
import { mergeSet, type Noted, type Rec } from './merge-values.js';
import type { Conflict, Journal, RecordKind } from './schema.js';

/** What one side brought that the other did not have, and that the merged journal has. */
export type Counts = Record<RecordKind, { added: number; changed: number; removed: number }>;

export interface MergeReport {
  left: Counts;
  right: Counts;
  renumbered: Renumbering[];
  /** The conflicts this merge noted (the journal's list also has earlier ones), oldest first. */
  conflicts: Conflict[];
}

/** A conflict noted while merging, about one record (uid '' for the profile). */
export interface Pending extends Noted {
  kind: RecordKind;
  uid: string;
}

type Side = Pick<Journal, 'conflicts' | 'profile'>;
/** A noted conflict as the journal keeps it: values as JSON, references as the short ids people know. */
export function toConflict(pending: Pending, at: string, shortIds: Map<string, string>): Conflict {
  return {
    at,
    kind: pending.kind,
    uid: pending.uid,
    id: pending.kind === 'profile' ? '' : (shortIds.get(pending.uid) ?? ''),
    field: pending.path.join('.') || 'record',
    kept: canonical(withShortIds(pending.kept, shortIds)),
    other: canonical(withShortIds(pending.other, shortIds)),
    private: pending.private,
  };
}

function withShortIds(value: unknown, shortIds: Map<string, string>): unknown {
  if (typeof value === 'string') return shortIds.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => withShortIds(item, shortIds));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, key === 'uid' ? item : withShortIds(item, shortIds)]),
  );
}

/** Conflicts are a set: one seen and cleared on a device is cleared, new ones are added; oldest first. */
export function mergeConflicts(base: Side | undefined, left: Side, right: Side, noted: Conflict[]): Conflict[] {
  const texts = (conflicts: Conflict[] | undefined) => conflicts?.map(canonical);
  const kept = mergeSet(texts(base?.conflicts), texts(left.conflicts), texts(right.conflicts), {
    leftWins: true,
  }) as string[];
  return oldestFirst([...new Set([...kept, ...noted.map(canonical)])].map((text) => JSON.parse(text) as Conflict));
}

/** Conflicts by when they were noted, then by their text: one order whichever side is which. */
export function oldestFirst(conflicts: Conflict[]): Conflict[] {
  return conflicts
    .map((conflict) => ({ text: canonical(conflict), conflict }))
    .sort(
      (a, b) =>
        Date.parse(a.conflict.at) - Date.parse(b.conflict.at) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
    )
    .map(({ conflict }) => conflict);
}

/**
 * Per kind: records this side added, changed or removed since the base that the other side did not
 * already have alike, and that the merged journal shows.
 */
export function counts(
  base: RecordsByUid | undefined,
  side: RecordsByUid,
  other: RecordsByUid,
  merged: RecordsByUid,
  baseProfile: unknown,
  profile: unknown,
  otherProfile: unknown,
): Counts {
  const profileChanged = !same(baseProfile ?? {}, profile) && !same(profile, otherProfile);
  const result = { profile: { added: 0, changed: profileChanged ? 1 : 0, removed: 0 } } as Counts;
  for (const spec of KINDS) {
    const tally = { added: 0, changed: 0, removed: 0 };
    const [was, mine, theirs, kept] = [base?.[spec.kind], side[spec.kind], other[spec.kind], merged[spec.kind]];
    for (const uid of new Set([...(was?.keys() ?? []), ...mine.keys()])) {
      const [b, s, o] = [was?.get(uid), mine.get(uid), theirs.get(uid)];
      if (s && !b && !o && kept.has(uid)) tally.added++;
      else if (s && !same(s, b) && !same(s, o) && kept.has(uid)) tally.changed++;
      else if (b && !s && o && !kept.has(uid)) tally.removed++;
    }
    result[spec.kind] = tally;
  }
  return result;
}

/**
 * Every record of `own` whose short id in `merged` differs, as the merge said or not, with the other
 * side's records the merge renumbered: one another device renumbered (its sync came first) reaches this
 * device as a plain change of id, and the person who knew it as a1 must still be told it is a2 now.
 */
export function renumberedFor(
  own: Pick<Journal, RecordsList>,
  merged: Pick<Journal, RecordsList>,
  said: Renumbering[],
): Renumbering[] {
  const found = KINDS.flatMap(({ kind, list, idField }) => {
    const now = new Map((merged[list] as Rec[]).map((record) => [record.uid, String(record[idField])]));
    return (own[list] as Rec[]).flatMap((record) => {
      const [from, to] = [String(record[idField]), now.get(String(record.uid))];
      return to && to !== from ? [{ kind, uid: String(record.uid), from, to, side: 'left' as const }] : [];
    });
  });
  return [...said.filter((each) => each.side === 'right'), ...found];
}

type RecordsList = (typeof KINDS)[number]['list'];
