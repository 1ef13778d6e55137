import { listOfKind, same } from './journal-diff.js';
import { refuse } from './problems.js';
import type { Change, ChangedRecord, Journal } from './schema.js';

/** How many changes undo can step back through: at least this many, one at a time. */
export const HISTORY_KEPT = 50;

export type Direction = 'undo' | 'redo';

/** A step taken through the history: the change undone or redone, and how many steps remain each way. */
export interface Step {
  direction: Direction;
  change: Change;
  undoable: number;
  redoable: number;
}

/**
 * Records what a change did to `journal`, the records it changed (see changedRecords), as the newest
 * change undo can take back, keeping the last HISTORY_KEPT; a new change clears what could be redone.
 * A change that changed no record is not a change.
 */
export function recordChange(
  records: ChangedRecord[],
  journal: Journal,
  at: string,
  about: Pick<Change, 'sync'> = {},
): void {
  if (!records.length) return;
  journal.history = { undo: [...journal.history.undo, { at, records, ...about }].slice(-HISTORY_KEPT), redo: [] };
}

/**
 * Undoes the newest change (puts each record back as it was before it) or redoes the next one undone.
 * Refuses, changing nothing, when a record is no longer as that change left it. Counters are never
 * touched: an id undo takes away is never handed out again.
 */
export function stepThrough(journal: Journal, direction: Direction): Step {
  const { undo, redo } = journal.history;
  const change = (direction === 'undo' ? undo : redo).at(-1);
  if (!change) return refuse({ code: 'nothing-to-step', direction, kept: HISTORY_KEPT });
  const expected = (record: ChangedRecord) => (direction === 'undo' ? record.after : record.before);
  const wanted = (record: ChangedRecord) => (direction === 'undo' ? record.before : record.after);
  for (const record of change.records) {
    const now = current(journal, record);
    if (!same(now, expected(record))) {
      const version = (now ?? expected(record)) as { title?: string; name?: string } | null;
      refuse({
        code: 'changed-since',
        direction,
        kind: record.kind,
        id: record.id,
        title: version?.title ?? version?.name,
      });
    }
  }
  // Removals first, then records changed in place, then records put back in their old places in order.
  const order = (record: ChangedRecord) => (!wanted(record) ? 0 : current(journal, record) ? 1 : 2);
  const records = [...change.records].sort(
    (a, b) => order(a) - order(b) || (a.index ?? Infinity) - (b.index ?? Infinity),
  );
  for (const record of records) put(journal, record, wanted(record));
  journal.history = {
    undo: direction === 'undo' ? undo.slice(0, -1) : [...undo, change],
    redo: direction === 'undo' ? [...redo, change] : redo.slice(0, -1),
  };
  return {
    direction,
    change,
    undoable: journal.history.undo.length,
    redoable: journal.history.redo.length,
  };
}

type Listed = { uid: string };

/** A record in the history is found by its uid: a sync may have given it another short id since. */
const uidOf = (record: ChangedRecord) => ((record.before ?? record.after) as Listed).uid;

function current(journal: Journal, record: ChangedRecord): object | null {
  if (record.kind === 'profile') return journal.profile;
  return listOfKind(journal, record.kind).find((item) => item.uid === uidOf(record)) ?? null;
}

/** Sets the record to `version` (a copy: the history keeps its own), removing it when null. */
function put(journal: Journal, record: ChangedRecord, version: object | null): void {
  if (record.kind === 'profile') {
    journal.profile = structuredClone(version as Journal['profile']);
    return;
  }
  const list = listOfKind(journal, record.kind);
  const at = list.findIndex((item) => item.uid === uidOf(record));
  if (!version) {
    if (at !== -1) list.splice(at, 1);
    return;
  }
  const copy = structuredClone(version) as Listed;
  if (at !== -1) list[at] = copy;
  else list.splice(Math.min(record.index ?? list.length, list.length), 0, copy);
}
