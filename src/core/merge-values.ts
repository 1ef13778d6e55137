/**
 * The three-way merge of one value against the version both sides shared, driven by a shape that says
 * how each part of a record merges. Pure and symmetric: which side wins a conflict is decided once per
 * record (`leftWins`), so swapping the sides and flipping it gives the same value.
 */
import { canonical } from './canonical.js';
import { same } from './journal-diff.js';

export type Shape =
  /** One value: a change on one side is taken; two different changes keep the winner's and note the other. */
  | { merge: 'atom'; private?: boolean }
  /**
   * A person's own writing that grows as they add to it (a private reflection, `log --amend`): two
   * different changes keep both texts, the earlier first, as adding on one device would; nothing is
   * set aside in a note that could be dismissed.
   */
  | { merge: 'writing'; private?: boolean }
  /** Bookkeeping that is not a person's words (ids, uids): like an atom, but nothing is noted. */
  | { merge: 'quiet' }
  /** A time that only moves one way: the later (or earlier) of the two sides. */
  | { merge: 'later' | 'earlier' }
  /** Bookkeeping that goes with another field (completedAt with status): taken from the side whose leader was taken. */
  | { merge: 'follows'; leader: string }
  /** A list of text merged as a multiset: additions from both kept (the same one once), removals from either removed. */
  | { merge: 'set' }
  /** A list of objects matched by a key, matched items merged field by field. */
  | { merge: 'keyed'; key: (item: Rec) => string; item: ObjectShape }
  | ObjectShape;

/** An object merged field by field; fields not named are atoms. */
export interface ObjectShape {
  merge: 'object';
  fields: Record<string, Shape>;
}

export type Rec = Record<string, unknown>;

/** A field changed differently on both sides: the value kept and the one set aside, where it was. */
export interface Noted {
  path: string[];
  kept: unknown;
  other: unknown;
  private: boolean;
}

export interface MergeContext {
  /** Whether the left side's record is the later one (it wins conflicts; its additions come last). */
  leftWins: boolean;
  conflicts: Noted[];
}

const ATOM: Shape = { merge: 'atom' };

export function mergeValue(
  shape: Shape,
  path: string[],
  b: unknown,
  l: unknown,
  r: unknown,
  ctx: MergeContext,
): unknown {
  // One side's value as it is when the other side left it alone (its order too, which a merge would not keep).
  if (same(l, r) || same(b, r)) return l;
  if (same(b, l)) return r;
  switch (shape.merge) {
    case 'object':
      return mergeObject(shape, path, b as Rec | undefined, l as Rec | undefined, r as Rec | undefined, ctx);
    case 'keyed':
      return mergeKeyed(shape, path, b as Rec[] | undefined, l as Rec[] | undefined, r as Rec[] | undefined, ctx);
    case 'set':
      return mergeSet(b as unknown[] | undefined, l as unknown[] | undefined, r as unknown[] | undefined, ctx);
    case 'later':
    case 'earlier':
      return pickTime(shape.merge, l as string | undefined, r as string | undefined);
    case 'atom':
      return threeWay(b, l, r, ctx, { path, private: shape.private ?? false });
    case 'writing':
      return bothWritings(b, l, r, ctx);
    default:
      return threeWay(b, l, r, ctx, undefined);
  }
}

function threeWay(
  b: unknown,
  l: unknown,
  r: unknown,
  ctx: MergeContext,
  note: Omit<Noted, 'kept' | 'other'> | undefined,
) {
  if (same(l, r) || same(b, r)) return l;
  if (same(b, l)) return r;
  const [kept, other] = ctx.leftWins ? [l, r] : [r, l];
  if (note) ctx.conflicts.push({ ...note, kept, other });
  return kept;
}

/**
 * Both texts, the later side's last: what each added to the text both had, after it, or the two whole;
 * one that already holds the other (it was added to) stands alone.
 */
function bothWritings(b: unknown, l: unknown, r: unknown, ctx: MergeContext): unknown {
  if (typeof l !== 'string' || !l.trim()) return r;
  if (typeof r !== 'string' || !r.trim()) return l;
  if (l.includes(r)) return l;
  if (r.includes(l)) return r;
  const [earlier, later] = ctx.leftWins ? [r, l] : [l, r];
  const shared = typeof b === 'string' && b && earlier.startsWith(b) && later.startsWith(b) ? b : '';
  if (shared) return `${earlier}${later.slice(shared.length)}`;
  return `${earlier}\n\n${later}`;
}

/**
 * Present on one side only: added there (kept), or removed there (gone when the other side left it as
 * it was; kept and noted when the other side changed it, so no words are lost).
 */
function mergeObject(
  shape: ObjectShape,
  path: string[],
  b: Rec | undefined,
  l: Rec | undefined,
  r: Rec | undefined,
  ctx: MergeContext,
) {
  if (l === undefined || r === undefined) {
    const present = l ?? r;
    if (present === undefined || b === undefined) return present;
    if (same(b, present)) return undefined;
    ctx.conflicts.push({ path, kept: present, other: undefined, private: holdsPrivate(shape, present) });
    return present;
  }
  const base = b ?? {};
  const [winner, loser] = ctx.leftWins ? [l, r] : [r, l];
  const keys = [...new Set([...Object.keys(winner), ...Object.keys(loser), ...Object.keys(base)])];
  const merged: Rec = {};
  const followers: [string, string][] = [];
  for (const key of keys) {
    const field = shape.fields[key] ?? ATOM;
    if (field.merge === 'follows') followers.push([key, field.leader]);
    else merged[key] = mergeValue(field, [...path, key], base[key], l[key], r[key], ctx);
  }
  for (const [key, leader] of followers) {
    const taken = merged[leader];
    const fromLeft = same(taken, l[leader]);
    const fromRight = same(taken, r[leader]);
    merged[key] =
      fromLeft && !fromRight
        ? l[key]
        : fromRight && !fromLeft
          ? r[key]
          : threeWay(base[key], l[key], r[key], ctx, undefined);
  }
  return Object.fromEntries(keys.filter((key) => merged[key] !== undefined).map((key) => [key, merged[key]]));
}

/**
 * Items matched by key (the nth item with a key matches the nth with that key on the other sides); the
 * result in the base's order, then the older side's additions, then the later side's.
 */
function mergeKeyed(
  shape: Extract<Shape, { merge: 'keyed' }>,
  path: string[],
  b: Rec[] | undefined,
  l: Rec[] | undefined,
  r: Rec[] | undefined,
  ctx: MergeContext,
) {
  if (!b && !l && !r) return undefined;
  const [base, left, right] = [b, l, r].map((items) => keyedBy(items ?? [], shape.key));
  const [older, newer] = ctx.leftWins ? [right!, left!] : [left!, right!];
  const order = [...new Set([...base!.keys(), ...older.keys(), ...newer.keys()])];
  const merged: unknown[] = [];
  for (const key of order) {
    const item = mergeValue(
      shape.item,
      [...path, String(merged.length)],
      base!.get(key),
      left!.get(key),
      right!.get(key),
      ctx,
    );
    if (item !== undefined) merged.push(item);
  }
  return merged;
}

function keyedBy(items: Rec[], key: (item: Rec) => string): Map<string, Rec> {
  const seen = new Map<string, number>();
  return new Map(
    items.map((item) => {
      const name = key(item);
      const nth = seen.get(name) ?? 0;
      seen.set(name, nth + 1);
      return [`${name}\u0000${nth}`, item];
    }),
  );
}

/**
 * How many of each item: the base's count moved by both sides' changes; when both added (or both
 * removed) the same item, by the larger of the two, so one addition made on both is kept once.
 */
export function mergeSet(
  b: unknown[] | undefined,
  l: unknown[] | undefined,
  r: unknown[] | undefined,
  ctx: Pick<MergeContext, 'leftWins'>,
) {
  if (!b && !l && !r) return undefined;
  const [base, left, right] = [b ?? [], l ?? [], r ?? []];
  const [counts, leftCounts, rightCounts] = [base, left, right].map(countItems);
  const wanted = new Map<unknown, number>();
  for (const item of new Set([...base, ...left, ...right])) {
    const had = counts!.get(item) ?? 0;
    const dl = (leftCounts!.get(item) ?? 0) - had;
    const dr = (rightCounts!.get(item) ?? 0) - had;
    const change = dl > 0 && dr > 0 ? Math.max(dl, dr) : dl < 0 && dr < 0 ? Math.min(dl, dr) : dl + dr;
    wanted.set(item, Math.max(0, had + change));
  }
  const [older, newer] = ctx.leftWins ? [right, left] : [left, right];
  const merged: unknown[] = [];
  const placed = new Map<unknown, number>();
  for (const item of [...base, ...older, ...newer]) {
    const count = placed.get(item) ?? 0;
    if (count < wanted.get(item)!) {
      merged.push(item);
      placed.set(item, count + 1);
    }
  }
  return merged;
}

function countItems(items: unknown[]): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

function pickTime(which: 'later' | 'earlier', l: string | undefined, r: string | undefined): string | undefined {
  if (l === undefined || r === undefined) return l ?? r;
  const order = Date.parse(l) - Date.parse(r) || (l < r ? -1 : l > r ? 1 : 0);
  return (which === 'later') === order >= 0 ? l : r;
}

/** Whether a value holds private text (see privacy.ts): a conflict showing it is private too. */
export function holdsPrivate(shape: Shape, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (shape.merge === 'atom' || shape.merge === 'writing') return shape.private ?? false;
  if (shape.merge === 'keyed') return Array.isArray(value) && value.some((item) => holdsPrivate(shape.item, item));
  if (shape.merge !== 'object') return false;
  return Object.entries(shape.fields).some(([key, field]) => holdsPrivate(field, (value as Rec)[key]));
}

/** Which side's record is the later: the later updatedAt, then the larger canonical text, so both orders agree. */
export function leftIsLater(l: Rec, r: Rec): boolean {
  const order = Date.parse(String(l.updatedAt)) - Date.parse(String(r.updatedAt));
  if (order) return order > 0;
  return canonical(l) >= canonical(r);
}
