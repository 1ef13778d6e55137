import { readdir, readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_VERSION } from '../../src/core/model.js';
import { UserError } from '../../src/errors.js';
import { listBackups } from '../../src/store/backups.js';
import { JournalFileError, serialiseJournal } from '../../src/store/journal-file.js';
import { parseJournal } from '../../src/store/journal-validation.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import type { JournalPaths } from '../../src/store/paths.js';
import { addTask, ageFile, clock, sampleJournal, snapshot, tempFolder, writeJournalText } from './fixtures.js';

let dir: string;
let journal: string;
let paths: JournalPaths;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, journal, paths, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

/** A sample journal as JSON text after `bend` has changed the parsed document. */
function bent(bend: (document: any) => void): string {
  const document = JSON.parse(serialiseJournal(sampleJournal()));
  bend(document);
  return `${JSON.stringify(document, null, 2)}\n`;
}

interface Case {
  name: string;
  content: string | Buffer;
  /** What the message must say besides the file name. */
  says: RegExp;
}

const cases: Case[] = [
  {
    name: 'not JSON (a missing value in the middle of the file)',
    content: '{\n  "version": 1,\n  "counters": {,\n}\n',
    says: /not valid JSON.*line 3/,
  },
  { name: 'not JSON at all (plain text)', content: 'my journal notes\n', says: /not valid JSON.*line 1, column 1/ },
  {
    name: 'cut short (truncated JSON)',
    content: serialiseJournal(sampleJournal()).slice(0, 120),
    says: /not valid JSON/,
  },
  { name: 'empty', content: '', says: /is empty/ },
  { name: 'only whitespace', content: '  \n\n', says: /is empty/ },
  { name: 'filled with NUL bytes', content: Buffer.alloc(512), says: /NUL/ },
  {
    name: 'valid JSON with a meeting date that is not a date',
    content: bent((d) => (d.meetings[0].when = 'next tuesday-ish')),
    says: /meetings\[0\]\.when: invalid date-time/,
  },
  {
    name: 'valid JSON with an action title of the wrong type',
    content: bent((d) => (d.actions[0].title = 42)),
    says: /actions\[0\]\.title/,
  },
  {
    name: 'valid JSON with a missing required list',
    content: bent((d) => delete d.goals),
    says: /goals/,
  },
  {
    name: 'valid JSON with an unknown key at the top',
    content: bent((d) => (d.secretNotes = 'x')),
    says: /secretNotes/,
  },
  {
    name: 'valid JSON with an unknown key inside a meeting',
    content: bent((d) => (d.meetings[0].venue = 'cafe')),
    says: /meetings\[0\].*venue/,
  },
  { name: 'a JSON array', content: '[]\n', says: /not a valid mentee journal/ },
  { name: 'JSON null', content: 'null\n', says: /not a valid mentee journal/ },
  {
    name: 'valid JSON without a version',
    content: bent((d) => delete d.version),
    says: /version/,
  },
  {
    name: 'valid JSON whose version is a string',
    content: bent((d) => (d.version = String(JOURNAL_VERSION))),
    says: /version/,
  },
];

/** Writes the damaged journal, ages it, and returns how it and its folder look. */
async function damaged(content: string | Buffer) {
  await writeJournalText(journal, content);
  await ageFile(journal);
  return snapshot(journal, dir);
}

async function expectJournalFileError(promise: Promise<unknown>, says: RegExp): Promise<JournalFileError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(JournalFileError);
  const message = (error as Error).message;
  expect(message).toContain(journal);
  expect(message).toMatch(says);
  return error as JournalFileError;
}

describe.each(cases)('a journal that is $name', ({ content, says }) => {
  it('read() rejects with a JournalFileError naming the file and the problem, and leaves the file untouched', async () => {
    const before = await damaged(content);
    await expectJournalFileError(openJournalStore(journal, clock).read(), says);
    expect(await snapshot(journal, dir)).toEqual(before);
  });

  it('update() rejects the same way without calling the change, and never rewrites the file or adds a backup', async () => {
    const before = await damaged(content);
    let called = false;
    await expectJournalFileError(
      openJournalStore(journal, clock).update((j) => {
        called = true;
        addTask(j, 'should never be saved');
      }),
      says,
    );
    expect(called).toBe(false);
    expect(await snapshot(journal, dir)).toEqual(before);
    expect(await readdir(dir)).toEqual(['journal.json']);
  });
});

describe('the message for a damaged journal', () => {
  it('tells how to restore the newest backup when there is one', async () => {
    const store = openJournalStore(journal, clock);
    await store.update((j) => addTask(j, 'first'));
    await store.update((j) => addTask(j, 'second'));
    const [newest] = await listBackups(paths);
    await writeFile(journal, '{ "version": 1, oops');
    const error = await expectJournalFileError(
      store.update((j) => addTask(j, 'third')),
      /not valid JSON/,
    );
    expect(error.hint).toContain(`cp "${newest}" "${journal}"`);
    expect(error.hint).toMatch(/has not been changed/);
  });

  it('says the file has not been changed and how to start again when there is no backup', async () => {
    await writeFile(journal, 'not json');
    const error = await expectJournalFileError(openJournalStore(journal, clock).read(), /not valid JSON/);
    expect(error.hint).toMatch(/has not been changed/);
    expect(error.hint).not.toContain('cp ');
  });

  it('parseJournal reports only the first problem, with its path', () => {
    const text = bent((d) => {
      d.meetings[0].when = 'soon';
      d.actions[0].status = 'maybe';
    });
    expect(() => parseJournal(text, '/x/journal.json')).toThrow(
      '/x/journal.json is not a valid mentee journal: meetings[0].when: invalid date-time.',
    );
  });
});

describe('a journal written by a newer mentee', () => {
  const newer = () => bent((d) => (d.version = JOURNAL_VERSION + 1));

  it('read() refuses it, saying a newer mentee wrote it, and leaves the file untouched', async () => {
    const before = await damaged(newer());
    const error = await openJournalStore(journal, clock)
      .read()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toContain(journal);
    expect((error as Error).message).toMatch(/written by a newer mentee/);
    expect((error as Error).message).toContain(`version ${JOURNAL_VERSION + 1}`);
    expect(await snapshot(journal, dir)).toEqual(before);
  });

  it('update() refuses it without calling the change, and leaves the file untouched', async () => {
    const before = await damaged(newer());
    let called = false;
    await expect(
      openJournalStore(journal, clock).update(() => {
        called = true;
      }),
    ).rejects.toThrow(/written by a newer mentee/);
    expect(called).toBe(false);
    expect(await snapshot(journal, dir)).toEqual(before);
    expect(await readdir(dir)).toEqual(['journal.json']);
  });

  it('refuses a much newer version even when the rest of the document is unknown to this mentee', async () => {
    await damaged(JSON.stringify({ version: JOURNAL_VERSION + 5, entries: {} }));
    await expect(openJournalStore(journal, clock).read()).rejects.toThrow(/written by a newer mentee/);
    expect(JSON.parse(await readFile(journal, 'utf8'))).toEqual({ version: JOURNAL_VERSION + 5, entries: {} });
  });
});
