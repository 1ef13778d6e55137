import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { setTimeout } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeAction } from '../../src/core/actions.js';
import { JournalFileError } from '../../src/store/journal-file.js';
import { autoCodec } from '../../src/store/journal-codec.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import type { JournalPaths } from '../../src/store/paths.js';
import { fingerprint } from '../../src/store/validation-memo.js';
import { addTask, clock, tempFolder } from './fixtures.js';

let journal: string;
let paths: JournalPaths;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ journal, paths, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

const titles = (journal: { actions: { title: string }[] }) => journal.actions.map((action) => action.title);

/** A journal of two open actions and one done. */
async function threeActions() {
  const store = openJournalStore(journal, clock);
  await store.update((j) => {
    for (const title of ['first', 'second', 'third']) addTask(j, title);
    closeAction(j, j.actions[0]!.id, 'done', clock());
  });
  return store;
}

/** The everyday file rewritten to say `change` of its body, with every fingerprint made to match. */
async function plantEveryday(change: (body: string) => string, madeFrom?: string) {
  const [header, body] = (await readFile(paths.everyday, 'utf8')).split(/\n(.*)$/s) as [string, string];
  const changed = change(body);
  const fields = header.split(' ');
  fields[6] = fingerprint(changed);
  if (madeFrom) fields[4] = madeFrom;
  await writeFile(paths.everyday, `${fields.join(' ')}\n${changed}`);
}

describe("the journal's everyday part, kept beside it", () => {
  it('is kept at every save, and holds the open actions of the journal as saved', async () => {
    const store = await threeActions();
    expect(titles(await store.readEveryday())).toEqual(['second', 'third']);
    expect(titles(await store.read())).toEqual(['first', 'second', 'third']);
    expect(await readFile(paths.everyday, 'utf8')).toMatch(
      new RegExp(`^mentee everyday \\d+ \\d+ ${fingerprint(await readFile(journal))} [0-9:]* [0-9a-f]{64}\n`),
    );
  });

  it('is what the everyday reads load while it matches the journal byte for byte', async () => {
    const store = await threeActions();
    await plantEveryday((body) => body.replace('"second"', '"second, from the kept part"'));
    expect(titles(await store.readEveryday())).toEqual(['second, from the kept part', 'third']);
  });

  it('once a read has named the journal file, is believed on its name alone: the journal is not read', async () => {
    const store = await threeActions();
    // Named only once the file has been still for a while (a change in the same clock tick keeps its times).
    await store.readEveryday();
    expect((await readFile(paths.everyday, 'utf8')).split(' ')[5]).toBe('');
    await setTimeout(2100);
    await store.readEveryday();
    const named = (await readFile(paths.everyday, 'utf8')).split('\n')[0]!.split(' ');
    expect(named[5]).toMatch(/^\d+:\d+:\d+:\d+:\d+$/);
    // A part that no longer names the journal's bytes, read all the same: nothing read the journal.
    await plantEveryday((body) => body.replace('"second"', '"second, by name"'), '0'.repeat(64));
    expect(titles(await store.readEveryday())).toEqual(['second, by name', 'third']);
  });

  it('a hand edit of the same size, its modified time put back, is still seen', async () => {
    const store = await threeActions();
    await setTimeout(2100);
    await store.readEveryday();
    expect((await readFile(paths.everyday, 'utf8')).split(' ')[5]).not.toBe('');
    const { mtime } = await stat(journal);
    await setTimeout(20);
    await writeFile(journal, (await readFile(journal, 'utf8')).replace('"third"', '"THIRD"'));
    await utimes(journal, mtime, mtime);
    expect(titles(await store.readEveryday())).toEqual(['second', 'THIRD']);
  });

  it('is never believed for a journal changed by hand: the journal is read, and the part made again', async () => {
    const store = await threeActions();
    const edited = (await readFile(journal, 'utf8')).replace('"third"', '"THIRD"');
    await writeFile(journal, edited);
    expect(titles(await store.readEveryday())).toEqual(['second', 'THIRD']);
    expect(await readFile(paths.everyday, 'utf8')).toContain(fingerprint(edited));
  });

  it('is never believed when cut short, or made by another rule', async () => {
    const store = await threeActions();
    const whole = await readFile(paths.everyday, 'utf8');
    await writeFile(paths.everyday, whole.slice(0, -20));
    expect(titles(await store.readEveryday())).toEqual(['second', 'third']);
    await writeFile(
      paths.everyday,
      whole.replace(/^mentee everyday \d+/, 'mentee everyday 999').replace('"third"', '"x"'),
    );
    expect(titles(await store.readEveryday())).toEqual(['second', 'third']);
  });

  it('a hand edit that breaks the journal is refused as before, whatever the kept part says', async () => {
    const store = await threeActions();
    await writeFile(journal, (await readFile(journal, 'utf8')).replace('"status": "open"', '"status": "someday"'));
    await expect(store.readEveryday()).rejects.toThrow(JournalFileError);
  });

  it('undo, restore and a deleted part all read true', async () => {
    const store = await threeActions();
    await store.update((j) => addTask(j, 'fourth'));
    await store.undo();
    expect(titles(await store.readEveryday())).toEqual(['second', 'third']);
    let withFourth: string | undefined;
    for (const { file } of await store.backups())
      if (!withFourth && titles(JSON.parse(await readFile(file, 'utf8'))).includes('fourth')) withFourth = file;
    await store.restore(withFourth!);
    expect(titles(await store.readEveryday())).toEqual(['second', 'third', 'fourth']);
    await rm(paths.everyday);
    expect(titles(await store.readEveryday())).toEqual(['second', 'third', 'fourth']);
    expect((await stat(paths.everyday)).isFile()).toBe(true);
  });

  it('is never kept for an encrypted journal, and encrypting removes it', async () => {
    await threeActions();
    expect((await stat(paths.everyday)).isFile()).toBe(true);
    const codec = autoCodec(async () => 'correct horse battery staple');
    const encrypted = openJournalStore(journal, clock, { codec });
    await encrypted.encrypt('correct horse battery staple');
    await expect(stat(paths.everyday)).rejects.toThrow(/ENOENT/);
    await encrypted.update((j) => addTask(j, 'fourth'));
    expect(titles(await encrypted.readEveryday())).toEqual(['second', 'third', 'fourth']);
    await expect(stat(paths.everyday)).rejects.toThrow(/ENOENT/);
    expect(await encrypted.plainLeftovers()).toEqual([]);
  });
});
