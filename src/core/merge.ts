/**
 * The sync merge: two devices' journals and the last one they shared make one journal, record by
 * record and field by field (see merge-kinds.ts for the table that drives it). Pure and symmetric:
 * mergeJournals(B, L, R) and mergeJournals(B, R, L) give the same journal. Nothing a person wrote is
 * dropped without a trace: what two devices changed differently is kept in `conflicts`.
 */
import { same } from './journal-diff.js';
import { KINDS, mapReferences, PROFILE_SHAPE, referencesOf, type KindSpec, type SyncedKind } from './merge-kinds.js';
import { byCreation, renumberIds, settleHandles, type Renumbering, type Side } from './merge-ids.js';
import { canonical, holdsPrivate, leftIsLater, mergeSet, mergeValue, type Noted, type Rec } from './merge-values.js';
import { JOURNAL_VERSION } from './model.js';
import type { Conflict, Journal, RecordKind } from './schema.js';

export type { Renumbering } from './merge-ids.js';

/** The journal as it is synced: everything but this device's undo and redo. */
export type Synced = Omit<Journal, 'history'>;

/** What one side brought that the other did not have, and that the merged journal has. */
export type Counts = Record<RecordKind, { added: number; changed: number; removed: number }>;

export interface MergeReport {
  left: Counts;
  right: Counts;
  renumbered: Renumbering[];
  /** The conflicts this merge noted (the journal's list also has earlier ones). */
  conflicts: Conflict[];
}

export interface Merged {
  journal: Synced;
  report: MergeReport;
}

/** Each kind's records by uid, with references between records as uids. */
type ByUid = Record<SyncedKind, Map<string, Rec>>;

interface Pending extends Noted {
  kind: RecordKind;
  uid: string;
}

/**
 * `base` is the journal both sides last shared, undefined when they never shared one (a second device
 * with a journal of its own): then everything from both is kept, the same mentor added on both combined.
 * `now` stamps the conflicts noted.
 */
export function mergeJournals(base: Synced | undefined, left: Synced, right: Synced, now: Date): Merged {
  const sides = { base: base ? byUid(base) : undefined, left: byUid(left), right: byUid(right) };
  const pending: Pending[] = [];
  const merged = {} as ByUid;
  for (const spec of KINDS) {
    merged[spec.kind] = mergeKind(
      spec,
      sides.base?.[spec.kind],
      sides.left[spec.kind],
      sides.right[spec.kind],
      pending,
    );
  }
  keepReferenced(merged, sides, pending);
  for (const { kind } of KINDS)
    merged[kind] = inOrder(merged[kind], sides.base?.[kind], sides.left[kind], sides.right[kind]);

  const sideOf = (kind: SyncedKind, uid: string, from: string): Side => {
    const [inLeft, inRight] = [sides.left[kind].get(uid), sides.right[kind].get(uid)];
    const idField = kindSpec(kind).idField;
    if (inLeft && (!inRight || (inLeft[idField] === from && inRight[idField] !== from))) return 'left';
    return inRight ? 'right' : 'left';
  };
  const note = (kind: RecordKind) => (uid: string, noted: Noted[]) =>
    pending.push(...noted.map((conflict) => ({ ...conflict, kind, uid })));
  const { alias, renumbered } = settleHandles(kindSpec('mentor'), merged.mentor, note('mentor'), sideOf);
  const counters = { ...left.counters };
  for (const spec of KINDS.filter((kind) => kind.prefix)) {
    const prefix = spec.prefix!;
    const start = Math.max(left.counters[prefix], right.counters[prefix], base?.counters[prefix] ?? 1);
    const settled = renumberIds(spec, merged[spec.kind], start, sideOf);
    counters[prefix] = settled.counter;
    renumbered.push(...settled.renumbered);
  }

  const shortIds = new Map<string, string>();
  for (const spec of KINDS)
    for (const [uid, record] of merged[spec.kind]) shortIds.set(uid, String(record[spec.idField]));
  for (const [from, to] of alias) shortIds.set(from, shortIds.get(to)!);
  const toShort = (_kind: SyncedKind, uid: string) => shortIds.get(uid) ?? uid;

  const profileCtx = { leftWins: leftIsLater(left as unknown as Rec, right as unknown as Rec), conflicts: [] };
  const profile = mergeValue(PROFILE_SHAPE, [], base?.profile, left.profile, right.profile, profileCtx) ?? {};
  note('profile')('', profileCtx.conflicts);

  const at = now.toISOString();
  const noted = pending.map((conflict) => toConflict(conflict, at, shortIds));
  const journal: Synced = {
    version: JOURNAL_VERSION,
    counters,
    profile: profile as Synced['profile'],
    mentors: recordsOf(kindSpec('mentor'), merged, toShort) as Synced['mentors'],
    goals: recordsOf(kindSpec('goal'), merged, toShort) as Synced['goals'],
    meetings: recordsOf(kindSpec('meeting'), merged, toShort) as Synced['meetings'],
    actions: recordsOf(kindSpec('action'), merged, toShort) as Synced['actions'],
    conflicts: mergeConflicts(base, left, right, noted, profileCtx.leftWins),
    createdAt: earlier(left.createdAt, right.createdAt),
    updatedAt: earlier(left.updatedAt, right.updatedAt) === left.updatedAt ? right.updatedAt : left.updatedAt,
  };
  const report: MergeReport = {
    left: counts(sides.base, sides.left, sides.right, merged, base?.profile, left.profile, right.profile),
    right: counts(sides.base, sides.right, sides.left, merged, base?.profile, right.profile, left.profile),
    renumbered,
    conflicts: noted,
  };
  return { journal, report };
}

function kindSpec(kind: SyncedKind): KindSpec {
  return KINDS.find((spec) => spec.kind === kind)!;
}

/** A journal's records by uid, each reference turned from a short id into the uid of what it names. */
function byUid(journal: Synced): ByUid {
  const uids = new Map<string, string>();
  for (const spec of KINDS)
    for (const record of journal[spec.list] as unknown as Rec[])
      uids.set(`${spec.kind}:${String(record[spec.idField])}`, String(record.uid));
  const sides = {} as ByUid;
  for (const spec of KINDS) {
    const records = journal[spec.list] as unknown as Rec[];
    sides[spec.kind] = new Map(
      records.map((record) => [
        String(record.uid),
        mapReferences(spec, record, (to, value) => uids.get(`${to}:${value}`) ?? value),
      ]),
    );
  }
  return sides;
}

function mergeKind(
  spec: KindSpec,
  base: Map<string, Rec> | undefined,
  left: Map<string, Rec>,
  right: Map<string, Rec>,
  pending: Pending[],
): Map<string, Rec> {
  const merged = new Map<string, Rec>();
  for (const uid of new Set([...(base?.keys() ?? []), ...left.keys(), ...right.keys()])) {
    const [b, l, r] = [base?.get(uid), left.get(uid), right.get(uid)];
    const ctx = { leftWins: l && r ? leftIsLater(l, r) : true, conflicts: [] as Noted[] };
    const record = mergeValue(spec.shape, [], b, l, r, ctx) as Rec | undefined;
    pending.push(...ctx.conflicts.map((conflict) => ({ ...conflict, kind: spec.kind, uid })));
    if (record) merged.set(uid, structuredClone(record));
  }
  return merged;
}

/** A record removed on one side that a kept record still names is kept, and the removal noted. */
function keepReferenced(
  merged: ByUid,
  sides: { base: ByUid | undefined; left: ByUid; right: ByUid },
  pending: Pending[],
) {
  for (let again = true; again;) {
    again = false;
    for (const spec of KINDS)
      for (const record of [...merged[spec.kind].values()])
        for (const { to, value } of referencesOf(spec, record)) {
          if (merged[to].has(value)) continue;
          const removed = sides.left[to].get(value) ?? sides.right[to].get(value) ?? sides.base?.[to].get(value);
          if (!removed) continue;
          merged[to].set(value, structuredClone(removed));
          pending.push({
            kind: to,
            uid: value,
            path: [],
            kept: removed,
            other: undefined,
            private: holdsPrivate(kindSpec(to).shape, removed),
          });
          again = true;
        }
  }
}

/**
 * The order of the side that changed the list when only one did (so a side left alone takes the other
 * as it is); else the base's order. Records new to it come after, oldest first: the same either way round.
 */
function inOrder(
  records: Map<string, Rec>,
  base: Map<string, Rec> | undefined,
  left: Map<string, Rec>,
  right: Map<string, Rec>,
): Map<string, Rec> {
  const list = (side: Map<string, Rec> | undefined) => [...(side?.values() ?? [])];
  const order =
    same(list(left), list(right)) || same(list(base), list(right)) ? left : same(list(base), list(left)) ? right : base;
  const known = [...(order?.keys() ?? [])].filter((uid) => records.has(uid));
  const added = [...records.values()].filter((record) => !order?.has(String(record.uid))).sort(byCreation);
  return new Map([
    ...known.map((uid) => [uid, records.get(uid)!] as const),
    ...added.map((r) => [String(r.uid), r] as const),
  ]);
}

function recordsOf(spec: KindSpec, merged: ByUid, toShort: (kind: SyncedKind, uid: string) => string): Rec[] {
  return [...merged[spec.kind].values()].map((record) => mapReferences(spec, record, toShort));
}

/** A noted conflict as the journal keeps it: values as JSON, references as the short ids people know. */
function toConflict(pending: Pending, at: string, shortIds: Map<string, string>): Conflict {
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
function mergeConflicts(
  base: Synced | undefined,
  left: Synced,
  right: Synced,
  noted: Conflict[],
  leftWins: boolean,
): Conflict[] {
  const texts = (conflicts: Conflict[] | undefined) => conflicts?.map(canonical);
  const kept = mergeSet(texts(base?.conflicts), texts(left.conflicts), texts(right.conflicts), {
    leftWins,
  }) as string[];
  const all = [...new Set([...kept, ...noted.map(canonical)])];
  return all
    .map((text) => ({ text, conflict: JSON.parse(text) as Conflict }))
    .sort(
      (a, b) =>
        Date.parse(a.conflict.at) - Date.parse(b.conflict.at) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
    )
    .map(({ conflict }) => conflict);
}

function earlier(a: string, b: string): string {
  return Date.parse(a) - Date.parse(b) < 0 || (Date.parse(a) === Date.parse(b) && a < b) ? a : b;
}

function counts(
  base: ByUid | undefined,
  side: ByUid,
  other: ByUid,
  merged: ByUid,
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
