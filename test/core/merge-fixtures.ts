/**
 * Two devices for the merge's tests: journals made by the core's own functions from one shared base,
 * each synced copy checked the way the store checks a journal, and every merge checked both ways round.
 */
import { expect } from 'vitest';
import { mergeJournals, type Merged, type Synced } from '../../src/core/merge.js';
import { JournalSchema, type Journal } from '../../src/core/schema.js';
import { NOW } from './fixtures.js';

/** `minutes` after NOW: the moments edits on the two devices are made at. */
export function later(minutes: number): Date {
  return new Date(NOW.getTime() + minutes * 60_000);
}

/** What a device pushes: the journal less its own undo and redo (a copy). */
export function synced(journal: Journal | Synced): Synced {
  const { history: _history, ...rest } = structuredClone(journal) as Journal;
  return rest;
}

/** A synced journal as the store would read it back, so a merge that breaks a rule fails here. */
export function asJournal(journal: Synced): Journal {
  return JournalSchema.parse({ ...structuredClone(journal), history: { undo: [], redo: [] } });
}

/** Two copies of one journal: the same shared state on two devices. */
export function twoDevices(base: Journal): [Journal, Journal] {
  return [structuredClone(base), structuredClone(base)];
}

/** As the store does on every change: the journal's own updatedAt moves on. */
export function saved(journal: Journal, at: Date): Journal {
  journal.updatedAt = at.toISOString();
  return journal;
}

/**
 * Merges as a sync does, and checks what must hold of every merge: the result is a valid journal, and
 * merging the other way round gives the same journal and the mirror report.
 */
export function merge(
  base: Journal | Synced | undefined,
  left: Journal | Synced,
  right: Journal | Synced,
  now = later(60),
): Merged {
  const [b, l, r] = [base && synced(base), synced(left), synced(right)];
  const merged = mergeJournals(b, l, r, now);
  asJournal(merged.journal);
  const swapped = mergeJournals(b, r, l, now);
  expect(swapped.journal).toEqual(merged.journal);
  expect(swapped.report.left).toEqual(merged.report.right);
  expect(swapped.report.conflicts).toEqual(expect.arrayContaining(merged.report.conflicts));
  // Pure: nothing given to it was changed.
  expect([b, l, r]).toEqual([base && synced(base), synced(left), synced(right)]);
  return merged;
}
