import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalFileError } from '../../src/store/journal-file.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import { fingerprint, readMemo } from '../../src/store/validation-memo.js';
import type { JournalPaths } from '../../src/store/paths.js';
import { addTask, clock, tempFolder } from './fixtures.js';

let journal: string;
let paths: JournalPaths;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ journal, paths, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

describe('the fingerprint of the last validated journal', () => {
  it('is recorded when mentee saves, so the unchanged file opens without a second validation', async () => {
    const store = openJournalStore(journal, clock);
    await store.update((j) => addTask(j, 'first'));
    const text = await readFile(journal);
    expect(await readMemo(paths)).toEqual({ validated: fingerprint(text), saved: fingerprint(text) });
    expect((await store.read()).actions.map((action) => action.title)).toEqual(['first']);
  });

  it('never lets a hand-edited journal skip validation: a broken edit is still refused', async () => {
    const store = openJournalStore(journal, clock);
    await store.update((j) => addTask(j, 'first'));
    const edited = (await readFile(journal, 'utf8')).replace(/"due": "[^"]*"|"status": "open"/, '"status": "someday"');
    await writeFile(journal, edited);
    await expect(store.read()).rejects.toThrow(JournalFileError);
    await expect(store.read()).rejects.toThrow(/actions\[0\]\.status/);
    expect(await readFile(journal, 'utf8')).toBe(edited);
  });

  it('a valid hand edit is validated once, then remembered, and backed up before mentee replaces it', async () => {
    const store = openJournalStore(journal, clock);
    await store.update((j) => addTask(j, 'first'));
    const edited = (await readFile(journal, 'utf8')).replace('"first"', '"first, edited"');
    await writeFile(journal, edited);
    expect((await store.read()).actions[0]!.title).toBe('first, edited');
    const memo = await readMemo(paths);
    expect(memo.validated).toBe(fingerprint(edited));
    expect(memo.saved).not.toBe(fingerprint(edited));
  });
});
