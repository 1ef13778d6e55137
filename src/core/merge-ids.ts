/**
 * Short ids after a sync merge: two devices may each have made `a12`, or each added a mentor as
 * "lovelace". Records are matched by uid, so only the short ids need settling; references are uids
 * while merging, so they follow whatever is settled here.
 */
import { deriveHandle } from './ids.js';
import type { KindSpec, SyncedKind } from './merge-kinds.js';
import { leftIsLater, mergeValue, type Noted, type Rec } from './merge-values.js';
import { RECORD_ID } from './refs.js';

export type Side = 'left' | 'right';

/** A record whose short id (a mentor's handle) the merge changed, and whose record it was. */
export interface Renumbering {
  kind: SyncedKind;
  uid: string;
  from: string;
  to: string;
  side: Side;
}

/** Whose record this was, by its uid and the short id it had. */
export type SideOf = (kind: SyncedKind, uid: string, from: string) => Side;

/** Oldest first (records made by one change in the order their ids were taken): the first keeps its short id. */
export function byCreation(a: Rec, b: Rec): number {
  const order = Date.parse(String(a.createdAt)) - Date.parse(String(b.createdAt));
  return (
    order || idNumber(a) - idNumber(b) || (String(a.uid) < String(b.uid) ? -1 : String(a.uid) > String(b.uid) ? 1 : 0)
  );
}

function idNumber(record: Rec): number {
  return typeof record.id === 'string' ? Number(record.id.slice(1)) : 0;
}

/**
 * Mentors sharing a handle: the same person when their names match (case aside), merged into the one
 * added first, whose uid the other's references now name (`alias`); else the later one gets a handle
 * of its own. `records` is changed in place.
 */
export function settleHandles(
  spec: KindSpec,
  records: Map<string, Rec>,
  note: (uid: string, conflicts: Noted[]) => void,
  sideOf: SideOf,
): { alias: Map<string, string>; renumbered: Renumbering[] } {
  const alias = new Map<string, string>();
  const renumbered: Renumbering[] = [];
  const taken = new Set([...records.values()].map((mentor) => String(mentor.handle)));
  const holders = new Map<string, Rec[]>();
  for (const mentor of [...records.values()].sort(byCreation)) {
    const handle = String(mentor.handle);
    const holding = holders.get(handle);
    if (!holding) {
      holders.set(handle, [mentor]);
      continue;
    }
    const index = holding.findIndex((kept) => sameName(kept, mentor));
    if (index >= 0) {
      const kept = holding[index]!;
      const ctx = { leftWins: leftIsLater(kept, mentor), conflicts: [] as Noted[] };
      const combined = { ...(mergeValue(spec.shape, [], undefined, kept, mentor, ctx) as Rec), uid: kept.uid, handle };
      note(String(kept.uid), ctx.conflicts);
      holding[index] = combined;
      records.set(String(kept.uid), combined);
      records.delete(String(mentor.uid));
      alias.set(String(mentor.uid), String(kept.uid));
      continue;
    }
    const fresh = freeHandle(String(mentor.name), taken);
    taken.add(fresh);
    holders.set(fresh, [mentor]);
    mentor.handle = fresh;
    renumbered.push({
      kind: 'mentor',
      uid: String(mentor.uid),
      from: handle,
      to: fresh,
      side: sideOf('mentor', String(mentor.uid), handle),
    });
  }
  return { alias, renumbered };
}

function sameName(a: Rec, b: Rec): boolean {
  return String(a.name).trim().toLowerCase() === String(b.name).trim().toLowerCase();
}

/** deriveHandle's handle for the name, never one shaped like a record id (which people could not type). */
function freeHandle(name: string, taken: Set<string>): string {
  const avoid = new Set(taken);
  for (;;) {
    const handle = deriveHandle(name, avoid);
    if (!RECORD_ID.test(handle)) return handle;
    avoid.add(handle);
  }
}

/**
 * Records of one kind sharing a short id: the one created first keeps it, each later one takes the
 * next free number. Returns the counter, past every id in use. `records` is changed in place.
 */
export function renumberIds(
  spec: KindSpec,
  records: Map<string, Rec>,
  counter: number,
  sideOf: SideOf,
): { counter: number; renumbered: Renumbering[] } {
  const byId = new Map<string, Rec[]>();
  for (const record of records.values()) {
    const id = String(record.id);
    byId.set(id, [...(byId.get(id) ?? []), record]);
    counter = Math.max(counter, Number(id.slice(1)) + 1);
  }
  const later = [...byId.values()].flatMap((sharing) => sharing.sort(byCreation).slice(1)).sort(byCreation);
  const renumbered = later.map((record): Renumbering => {
    const from = String(record.id);
    record.id = `${spec.prefix!}${counter++}`;
    return {
      kind: spec.kind,
      uid: String(record.uid),
      from,
      to: String(record.id),
      side: sideOf(spec.kind, String(record.uid), from),
    };
  });
  return { counter, renumbered };
}
