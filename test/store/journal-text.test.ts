import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedRecords } from '../../src/core/journal-diff.js';
import { recordChange } from '../../src/core/history.js';
import { DomainError } from '../../src/core/problems.js';
import type { Journal } from '../../src/core/schema.js';
import { journalText, TrackedJournal } from '../../src/store/journal-text.js';
import { checkForSave, checkTouchedForSave } from '../../src/store/journal-validation.js';
import { goal, withAda } from '../core/fixtures.js';
import { change, lifeEditArb, play } from '../core/journal-edits.js';
import { later } from '../core/merge-fixtures.js';

const RUNS = { numRuns: Number(process.env.JOURNAL_TEXT_RUNS ?? 200) };

/** A journal as a person's commands leave it, then read back from its file. */
const readArb = fc.array(lifeEditArb, { maxLength: 30 }).map((edits) => {
  const start = withAda({ rule: ['Fridays only'], cadence: '2 weeks' });
  goal(start, { title: 'Choose a specialty', mentor: ['ada'] });
  return JSON.parse(JSON.stringify(checkForSave(play(start, edits, 0)))) as Journal;
});

/**
 * One change saved both ways: tracked (records told apart by their text, only the touched checked) and
 * as before tracking (a copy of every record, the whole journal checked).
 */
function savedBothWays(journal: Journal, edits: Parameters<typeof change>[1][], fromFile: boolean) {
  const tracked = new TrackedJournal(journal, fromFile ? journalText(journal) : undefined);
  const copy = structuredClone(journal);
  edits.forEach((edit, index) => tryEdit(journal, edit, later(500 + index)));
  const records = { tracked: changedRecords(tracked.before(journal), journal), whole: changedRecords(copy, journal) };
  recordChange(records.whole, journal, later(900).toISOString());
  const text = {
    tracked: tracked.text(checkTouchedForSave(journal, tracked.touched(journal))),
    whole: journalText(checkForSave(structuredClone(journal))),
  };
  return { records, text };
}

function tryEdit(journal: Journal, edit: Parameters<typeof change>[1], at: Date) {
  try {
    change(journal, edit, at);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}

describe('the journal written one record at a time', () => {
  it('is byte for byte the JSON a whole-journal write makes', () => {
    fc.assert(
      fc.property(readArb, (journal) => {
        expect(journalText(journal)).toBe(`${JSON.stringify(journal, null, 2)}\n`);
      }),
      RUNS,
    );
  });

  // fromFile: the records' pieces cut from the file mentee saved, rather than made from the records.
  it('saves any change as checking and copying the whole journal did: the same file, the same history', () => {
    fc.assert(
      fc.property(
        readArb,
        fc.array(lifeEditArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (journal, edits, fromFile) => {
          const { records, text } = savedBothWays(journal, edits, fromFile);
          expect(records.tracked).toEqual(records.whole);
          expect(text.tracked).toBe(text.whole);
        },
      ),
      RUNS,
    );
  });
});

describe('the pieces of a journal mentee saved', () => {
  it('are cut from its file: a record the file holds otherwise counts as touched', () => {
    fc.assert(
      fc.property(readArb, fc.nat(), (journal, pick) => {
        const records = [...journal.mentors, ...journal.goals, ...journal.meetings, ...journal.actions];
        fc.pre(records.length > 0);
        const chosen = records[pick % records.length]!;
        const file = structuredClone(journal);
        const inFile = [...file.mentors, ...file.goals, ...file.meetings, ...file.actions][pick % records.length]!;
        inFile.updatedAt = '2000-01-01T00:00:00.000Z';
        const tracked = new TrackedJournal(journal, journalText(file));
        expect([...tracked.touched(journal)]).toEqual([chosen]);
      }),
      RUNS,
    );
  });
});

describe('a file laid out by hand, that looks like one mentee saved', () => {
  it('gives each record as it was read: the file is read again for one whose piece is not its own layout', () => {
    const j = withAda();
    goal(j, { title: 'Choose a specialty', mentor: ['ada'] });
    const read = JSON.parse(JSON.stringify(checkForSave(j))) as Journal;
    const file = journalText(read).replace('"title": "Choose', '"title":    "Choose');
    const tracked = new TrackedJournal(read, file);
    expect([...tracked.touched(read)]).toEqual([read.goals[0]]);
    const before = tracked.before(read);
    expect(before.goals).toEqual(read.goals);
    expect(changedRecords(before, read)).toEqual([]);
  });
});

describe('checking only the records a change touched', () => {
  const read = () => {
    const j = withAda();
    goal(j, { title: 'Choose a specialty', mentor: ['ada'] });
    return JSON.parse(JSON.stringify(checkForSave(j))) as Journal;
  };
  const refusedBoth = (edit: (j: Journal) => void) => {
    const j = read();
    const tracked = new TrackedJournal(j);
    edit(j);
    const whole = (() => {
      try {
        checkForSave(structuredClone(j));
        return 'saved';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(() => checkTouchedForSave(j, tracked.touched(j))).toThrow(whole);
    return whole;
  };

  it('refuses a touched record that breaks its schema, as the whole check does', () => {
    expect(refusedBoth((j) => void (j.goals[0]!.status = 'someday' as never))).toMatch(
      /^refusing to save an invalid journal: goals\[0\]\.status/,
    );
  });

  it('refuses a field outside the records, and a reference to a record that is gone', () => {
    expect(refusedBoth((j) => void (j.counters.g = 0))).toMatch(/counters\.g/);
    expect(refusedBoth((j) => void j.mentors.splice(0, 1))).toMatch(/goals\[0\]\.mentors\[0\]: refers to "lovelace"/);
  });
});
