/**
 * The sync merge: two devices' journals and the last one they shared make one journal, record by
 * record and field by field (see merge-kinds.ts for the table that drives it). Pure and symmetric:
 * mergeJournals(B, L, R) and mergeJournals(B, R, L) give the same journal. Nothing a person wrote is
 * dropped without a trace: what two devices changed differently is kept in `conflicts`.
 */
import { same } from './journal-diff.js';
import {
  KINDS,
  mapReferences,
  PROFILE_SHAPE,
  referencesOf,
  type KindSpec,
  type RecordsByUid,
  type SyncedKind,
} from './merge-kinds.js';
import { byCreation, renumberIds, settleHandles, type Side } from './merge-ids.js';
import { counts, mergeConflicts, oldestFirst, toConflict, type MergeReport, type Pending } from './merge-report.js';
import { holdsPrivate, leftIsLater, mergeValue, type Noted, type Rec } from './merge-values.js';
import { JOURNAL_VERSION } from './model.js';
import type { Journal } from './schema.js';

export type { Renumbering } from './merge-ids.js';
export type { Counts, MergeReport } from './merge-report.js';

/** The journal as it is synced: everything but this device's undo and redo. */
export type Synced = Omit<Journal, 'history' | 'sync'>;

export interface Merged {
  journal: Synced;
  report: MergeReport;
}

type ByUid = RecordsByUid;

interface Sides {
  base: ByUid | undefined;
  left: ByUid;
  right: ByUid;
}

/**
 * `base` is the journal both sides last shared, undefined when they never shared one (a second device
 * with a journal of its own): then everything from both is kept, the same mentor added on both combined.
 * `now` stamps the conflicts noted.
 */
export function mergeJournals(base: Synced | undefined, left: Synced, right: Synced, now: Date): Merged {
  const sides: Sides = { base: base && byUid(base), left: byUid(left), right: byUid(right) };
  const pending: Pending[] = [];
  const merged = mergeRecords(sides, pending);
  const { shortIds, counters, renumbered } = settleShortIds(merged, sides, [base, left, right], pending);
  const profile = mergeProfile(base, left, right, pending);
  const toShort = (_kind: SyncedKind, uid: string) => shortIds.get(uid) ?? uid;
  const recordsOf = (kind: SyncedKind) =>
    [...merged[kind].values()].map((record) => mapReferences(kindSpec(kind), record, toShort));

  const at = now.toISOString();
  const noted = oldestFirst(pending.map((conflict) => toConflict(conflict, at, shortIds)));
  const journal = {
    version: JOURNAL_VERSION,
    counters,
    profile,
    mentors: recordsOf('mentor'),
    goals: recordsOf('goal'),
    meetings: recordsOf('meeting'),
    actions: recordsOf('action'),
    conflicts: mergeConflicts(base, left, right, noted),
    createdAt: earlier(left.createdAt, right.createdAt),
    updatedAt: earlier(left.updatedAt, right.updatedAt) === left.updatedAt ? right.updatedAt : left.updatedAt,
  } as Synced;
  const report: MergeReport = {
    left: counts(sides.base, sides.left, sides.right, merged, base?.profile, left.profile, right.profile),
    right: counts(sides.base, sides.right, sides.left, merged, base?.profile, right.profile, left.profile),
    renumbered,
    conflicts: noted,
  };
  return { journal, report };
}

/** Every kind's records merged by uid, those still named kept, in one order whichever side is which. */
function mergeRecords(sides: Sides, pending: Pending[]): ByUid {
  const merged = {} as ByUid;
  for (const spec of KINDS)
    merged[spec.kind] = mergeKind(
      spec,
      sides.base?.[spec.kind],
      sides.left[spec.kind],
      sides.right[spec.kind],
      pending,
    );
  keepReferenced(merged, sides, pending);
  for (const { kind } of KINDS)
    merged[kind] = inOrder(merged[kind], sides.base?.[kind], sides.left[kind], sides.right[kind]);
  return merged;
}

/** Handles and ids made unique (see merge-ids.ts); each uid's short id after it, and the counters past them. */
function settleShortIds(
  merged: ByUid,
  sides: Sides,
  [base, left, right]: [Synced | undefined, Synced, Synced],
  pending: Pending[],
) {
  const sideOf = (kind: SyncedKind, uid: string, from: string): Side => {
    const [inLeft, inRight] = [sides.left[kind].get(uid), sides.right[kind].get(uid)];
    const idField = kindSpec(kind).idField;
    if (inLeft && (!inRight || (inLeft[idField] === from && inRight[idField] !== from))) return 'left';
    return inRight ? 'right' : 'left';
  };
  const note = (uid: string, noted: Noted[]) =>
    pending.push(...noted.map((conflict) => ({ ...conflict, kind: 'mentor' as const, uid })));
  const { alias, renumbered } = settleHandles(kindSpec('mentor'), merged.mentor, note, sideOf);
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
  return { shortIds, counters, renumbered };
}

/** The profile field by field; it has no time of its own, so the journal's last change stands for it. */
function mergeProfile(base: Synced | undefined, left: Synced, right: Synced, pending: Pending[]): Synced['profile'] {
  const asRecord = (side: Synced): Rec => ({ updatedAt: side.updatedAt, profile: side.profile });
  const ctx = { leftWins: leftIsLater(asRecord(left), asRecord(right)), conflicts: [] as Noted[] };
  const profile = mergeValue(PROFILE_SHAPE, [], base?.profile, left.profile, right.profile, ctx) ?? {};
  pending.push(...ctx.conflicts.map((conflict) => ({ ...conflict, kind: 'profile' as const, uid: '' })));
  return profile as Synced['profile'];
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
    // Which side is later is asked only when both changed it (comparing texts of every record is slow).
    let later: boolean | undefined;
    const ctx = {
      get leftWins() {
        return (later ??= l && r ? leftIsLater(l, r) : true);
      },
      conflicts: [] as Noted[],
    };
    const record = mergeValue(spec.shape, [], b, l, r, ctx) as Rec | undefined;
    pending.push(...ctx.conflicts.map((conflict) => ({ ...conflict, kind: spec.kind, uid })));
    if (record) merged.set(uid, structuredClone(record));
  }
  return merged;
}

/** A record removed on one side that a kept record still names is kept, and the removal noted. */
function keepReferenced(merged: ByUid, sides: Sides, pending: Pending[]): void {
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

function earlier(a: string, b: string): string {
  return Date.parse(a) - Date.parse(b) < 0 || (Date.parse(a) === Date.parse(b) && a < b) ? a : b;
}
