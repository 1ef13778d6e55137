/**
 * The one table the sync merge is driven by: each kind of record, where it lives, its short id, the
 * references it holds to other records, and how each part of it merges (see merge-values.ts).
 */
import { topicKey } from './prep.js';
import type { Shape, ObjectShape, Rec } from './merge-values.js';
import type { IdPrefix } from './ids.js';

export type SyncedKind = 'mentor' | 'goal' | 'meeting' | 'action';

/** A reference to another record: the path to it ('*' for every item of a list), and the kind it names. */
export interface Reference {
  path: string[];
  to: SyncedKind;
  /** A list of references that holds each record once (goal.mentors, prep.goals). */
  set?: boolean;
}

/** Each kind's records by uid (in a merge, with references between records as uids). */
export type RecordsByUid = Record<SyncedKind, Map<string, Rec>>;

export interface KindSpec {
  kind: SyncedKind;
  list: 'mentors' | 'goals' | 'meetings' | 'actions';
  /** The short id people type: a mentor's handle, else an id with a counter's prefix. */
  idField: 'handle' | 'id';
  prefix?: IdPrefix;
  shape: ObjectShape;
  references: Reference[];
}

const object = (fields: Record<string, Shape> = {}): ObjectShape => ({ merge: 'object', fields });
const set: Shape = { merge: 'set' };
const quiet: Shape = { merge: 'quiet' };
const privateText: Shape = { merge: 'atom', private: true };
/** Private writing: both devices' kept, joined (see merge-values.ts). */
const privateWriting: Shape = { merge: 'writing', private: true };
const keyed = (key: (item: Rec) => string, fields: Record<string, Shape> = {}): Shape => ({
  merge: 'keyed',
  key,
  item: object(fields),
});

/** Fields every record has: its ids are bookkeeping, and its times only move one way. */
const RECORD: Record<string, Shape> = {
  id: quiet,
  handle: quiet,
  uid: quiet,
  calendarUid: quiet,
  createdAt: { merge: 'earlier' },
  updatedAt: { merge: 'later' },
};

/** A progress note or an action's note: the same words at the same moment are one note. */
const NOTES = keyed((note) => `${String(note.at)}\u0000${String(note.note)}`);

/** The rule of prep.ts sameTopic: titles differing only in case are one topic. */
const keyOfTopic = (topic: Rec) => topicKey(String(topic.title));

export const KINDS: readonly KindSpec[] = [
  {
    kind: 'mentor',
    list: 'mentors',
    idField: 'handle',
    shape: object({ ...RECORD, contact: object(), rules: set, expectations: set }),
    references: [],
  },
  {
    kind: 'goal',
    list: 'goals',
    idField: 'id',
    prefix: 'g',
    shape: object({ ...RECORD, progress: NOTES, mentors: set }),
    references: [{ path: ['mentors', '*'], to: 'mentor', set: true }],
  },
  {
    kind: 'meeting',
    list: 'meetings',
    idField: 'id',
    prefix: 'm',
    shape: object({
      ...RECORD,
      prep: object({
        topics: keyed(keyOfTopic),
        goals: set,
        review: keyed((review) => String(review.actionId)),
        // Prompts and answers alike are private (privacy.ts withoutPrivate).
        reflections: keyed((reflection) => String(reflection.prompt), { prompt: privateText, answer: privateWriting }),
        preparedAt: { merge: 'later' },
      }),
      log: object({
        advice: set,
        feedback: set,
        decisions: set,
        challenged: set,
        privateReflection: privateWriting,
        loggedAt: { merge: 'later' },
      }),
    }),
    references: [
      { path: ['mentor'], to: 'mentor' },
      { path: ['prep', 'goals', '*'], to: 'goal', set: true },
      { path: ['prep', 'topics', '*', 'goalId'], to: 'goal' },
      { path: ['prep', 'topics', '*', 'carriedFrom'], to: 'meeting' },
      { path: ['prep', 'review', '*', 'actionId'], to: 'action' },
    ],
  },
  {
    kind: 'action',
    list: 'actions',
    idField: 'id',
    prefix: 'a',
    shape: object({
      ...RECORD,
      notes: NOTES,
      completedAt: { merge: 'follows', leader: 'status' },
      dueRemoved: { merge: 'follows', leader: 'due' },
    }),
    references: [
      { path: ['mentor'], to: 'mentor' },
      { path: ['goalId'], to: 'goal' },
      { path: ['meetingId'], to: 'meeting' },
    ],
  },
];

export const PROFILE_SHAPE = object();

/** A copy of a record with every reference passed through `map`; lists that hold each record once keep it once. */
export function mapReferences(spec: KindSpec, record: Rec, map: (to: SyncedKind, value: string) => string): Rec {
  const copy = structuredClone(record);
  for (const reference of spec.references) {
    visit(copy, reference.path, (value) => map(reference.to, value));
    if (reference.set) {
      const parent = reference.path.slice(0, -1);
      visitLists(copy, parent, (list) => [...new Set(list)]);
    }
  }
  return copy;
}

/** Every reference a record holds: what a kept record needs kept. */
export function referencesOf(spec: KindSpec, record: Rec): { to: SyncedKind; value: string }[] {
  const found: { to: SyncedKind; value: string }[] = [];
  for (const reference of spec.references)
    visit(record, reference.path, (value) => {
      found.push({ to: reference.to, value });
      return value;
    });
  return found;
}

function visit(node: unknown, path: string[], map: (value: string) => string): void {
  if (node === null || typeof node !== 'object') return;
  const [step, ...rest] = path;
  const children: [Rec | unknown[], string | number][] =
    step === '*' && Array.isArray(node)
      ? node.map((_, index) => [node, index])
      : step !== undefined && step !== '*'
        ? [[node as Rec, step]]
        : [];
  for (const [holder, key] of children) {
    const value = (holder as Rec)[key as string];
    if (value === undefined) continue;
    if (rest.length) visit(value, rest, map);
    else if (typeof value === 'string') (holder as Rec)[key as string] = map(value);
  }
}

function visitLists(node: unknown, path: string[], map: (list: unknown[]) => unknown[]): void {
  if (node === null || typeof node !== 'object') return;
  const [step, ...rest] = path;
  if (step === undefined) return;
  const value = (node as Rec)[step];
  if (rest.length) visitLists(value, rest, map);
  else if (Array.isArray(value)) (node as Rec)[step] = map(value);
}
