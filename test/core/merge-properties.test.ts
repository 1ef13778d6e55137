/**
 * The merge's promises over any two histories: a shared journal, then two sequences of random edits
 * made on two devices with the core's own functions (as mentee makes them), merged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeJournals, type Merged, type Synced } from '../../src/core/merge.js';
import { goal, withAda } from './fixtures.js';
import { editArb, play } from './journal-edits.js';
import { asJournal, later, synced } from './merge-fixtures.js';

/** A shared journal and what two devices made of it since. */
const historiesArb = fc
  .record({
    shared: fc.array(editArb, { maxLength: 12 }),
    left: fc.array(editArb, { maxLength: 10 }),
    right: fc.array(editArb, { maxLength: 10 }),
  })
  .map(({ shared, left, right }) => {
    const start = withAda({ rule: ['Fridays only'] });
    goal(start, { title: 'Choose a specialty', mentor: ['ada'] });
    const base = play(start, shared, 0);
    return { base: synced(base), left: synced(play(base, left, 100)), right: synced(play(base, right, 100)) };
  });

const NOTED = later(1000);
// MERGE_RUNS=2000 for a longer search.
const RUNS = { numRuns: Number(process.env.MERGE_RUNS ?? 150) };

/** Words a person wrote (not ids, times or choices from a list), in any value. */
const WORD_FIELDS = new Set([
  ...['title', 'note', 'why', 'success', 'name', 'role', 'rules', 'advice', 'feedback', 'decisions', 'challenged'],
  ...['privateReflection', 'intention', 'detail', 'outcomeNote', 'cancelNote', 'endNote', 'answer', 'prompt'],
  ...['address', 'channel', 'stage'],
]);

function wordsIn(value: unknown, field = '', into = new Set<string>()): Set<string> {
  if (typeof value === 'string' && WORD_FIELDS.has(field)) into.add(value);
  else if (Array.isArray(value)) value.forEach((item) => wordsIn(item, field, into));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) wordsIn(item, key, into);
  return into;
}

type Kind = 'mentors' | 'goals' | 'meetings' | 'actions';
const KINDS: Kind[] = ['mentors', 'goals', 'meetings', 'actions'];

const canonicalSet = (items: unknown[]) => items.map((item) => JSON.stringify(item)).sort();

type Named = { uid: string; name?: string; handle?: string };

function recordOf(journal: Synced, kind: Kind, record: Named) {
  const records = journal[kind] as Named[];
  const sameMentor = (each: Named) =>
    each.handle === record.handle && each.name?.toLowerCase() === record.name?.toLowerCase();
  // The same mentor added on both devices (one handle, one name) is one mentor.
  return records.find((each) => each.uid === record.uid) ?? (kind === 'mentors' ? records.find(sameMentor) : undefined);
}

describe('merging any two histories of one journal', () => {
  it('gives the same journal whichever device is left, and a valid one', () => {
    fc.assert(
      fc.property(historiesArb, ({ base, left, right }) => {
        const merged = mergeJournals(base, left, right, NOTED);
        asJournal(merged.journal);
        const swapped = mergeJournals(base, right, left, NOTED);
        expect(swapped.journal).toEqual(merged.journal);
        // The report is the mirror: what one side brought is what the other side brought the other way.
        expect([swapped.report.left, swapped.report.right]).toEqual([merged.report.right, merged.report.left]);
        const flipped = merged.report.renumbered.map((each) => ({
          ...each,
          side: each.side === 'left' ? 'right' : 'left',
        }));
        expect(swapped.report.renumbered).toEqual(flipped);
        expect(canonicalSet(swapped.report.conflicts)).toEqual(canonicalSet(merged.report.conflicts));
      }),
      RUNS,
    );
  });

  it('keeps every record one device has, unless the other removed it and this one left it as it was', () => {
    fc.assert(
      fc.property(historiesArb, ({ base, left, right }) => {
        const { journal } = mergeJournals(base, left, right, NOTED);
        for (const [side, other] of [
          [left, right],
          [right, left],
        ] as const)
          for (const kind of KINDS)
            for (const record of side[kind] as { uid: string }[]) {
              if (recordOf(journal, kind, record)) continue;
              const before = (base[kind] as { uid: string }[]).find((each) => each.uid === record.uid);
              const theirs = (other[kind] as { uid: string }[]).some((each) => each.uid === record.uid);
              expect({ kind, record, removedThere: !theirs }).toEqual({ kind, record: before, removedThere: true });
            }
      }),
      RUNS,
    );
  });

  it('keeps every word either device wrote: in the journal, or in a conflict noted about that record', () => {
    fc.assert(
      fc.property(historiesArb, ({ base, left, right }) => {
        const { journal, report } = mergeJournals(base, left, right, NOTED);
        for (const side of [left, right])
          for (const kind of KINDS)
            for (const record of side[kind] as { uid: string }[]) {
              const before = (base[kind] as { uid: string }[]).find((each) => each.uid === record.uid);
              const wrote = [...wordsIn(record)].filter((word) => !wordsIn(before).has(word));
              if (!wrote.length) continue;
              const kept = recordOf(journal, kind, record);
              const noted = report.conflicts.filter(
                (conflict) => conflict.uid === record.uid || conflict.uid === kept?.uid,
              );
              const found = wordsIn(kept);
              for (const conflict of noted) {
                const field = conflict.field.split('.').at(-1)!;
                wordsIn(JSON.parse(conflict.other), WORD_FIELDS.has(field) ? field : '', found);
                wordsIn(JSON.parse(conflict.kept), WORD_FIELDS.has(field) ? field : '', found);
              }
              // Private writing written on both devices is joined: each device's text is in the one kept.
              const within = (text: string) =>
                found.has(text) || text.split('\n\n').every((part) => [...found].some((each) => each.includes(part)));
              expect(wrote.filter((word) => !within(word))).toEqual([]);
            }
        for (const side of [left, right])
          for (const word of wordsIn(side.profile))
            if (!wordsIn(base.profile).has(word))
              expect([...wordsIn(journal.profile), ...report.conflicts.map((c) => JSON.parse(c.other))]).toContain(
                word,
              );
      }),
      RUNS,
    );
  });

  it('takes the other device as it is when this one changed nothing, with no conflict', () => {
    fc.assert(
      fc.property(historiesArb, ({ base, right }) => {
        const merged = mergeJournals(base, base, right, NOTED);
        expect(merged.journal).toEqual(right);
        expect(merged.report.conflicts).toEqual([]);
        expect(merged.report.renumbered).toEqual([]);
      }),
      RUNS,
    );
  });

  it('changes nothing when both devices made the same changes', () => {
    fc.assert(
      fc.property(historiesArb, ({ base, left }) => {
        const merged = mergeJournals(base, left, left, NOTED);
        expect(merged.journal).toEqual(left);
        expect(merged.report.conflicts).toEqual([]);
      }),
      RUNS,
    );
  });

  it('merges again to the same journal: a sync after a sync changes nothing', () => {
    fc.assert(
      fc.property(historiesArb, ({ base, left, right }) => {
        const once: Merged = mergeJournals(base, left, right, NOTED);
        const again = mergeJournals(once.journal, once.journal, once.journal, later(2000));
        expect(again.journal).toEqual(once.journal);
        // The device that sent right takes the result as it is (its side is the base now).
        expect(mergeJournals(right, right, once.journal, later(2000)).journal).toEqual(once.journal);
      }),
      RUNS,
    );
  });
});
