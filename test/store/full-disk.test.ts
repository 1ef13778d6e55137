/**
 * A disk that fills up during a save, on a real small disk (a tmpfs; needs root, as in CI). A save says
 * it failed only when nothing changed, and succeeded only when the change is on disk.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJournalStore } from '../../src/store/journal-store.js';
import { smallDisk, type SmallDisk } from '../helpers/machine.js';
import { addTask, clock, writeSampleJournal } from './fixtures.js';

const made = smallDisk(512);
const skipped = 'skipped' in made ? made.skipped : undefined;
/** Used only by the tests that run (not skipped). */
const disk = made as SmallDisk;
const because = skipped ? ` (skipped: ${skipped})` : '';
afterAll(() => void (skipped || disk.unmount()));

const PAGE = 4096;
/** Long enough that the new journal takes more pages than the old one frees. */
const LONG_TITLE = `Read the paper ${'and take notes '.repeat(400)}twice`;

type Outcome = 'saved' | 'saved without its backup' | 'refused';

/** Everything under `folder` ending in .tmp or .part: what a save must never leave behind. */
async function leftovers(folder: string): Promise<string[]> {
  const names = await readdir(folder, { recursive: true });
  return names.filter((name) => /\.(tmp|part)$/.test(name));
}

/** One save at `leaveBytes` free: what it said, and that what it said is true. */
async function saveWith(leaveBytes: number): Promise<{ outcome: Outcome; folder: string; journal: string }> {
  disk.free();
  const folder = join(disk.dir, `at-${leaveBytes}`);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder);
  const journal = join(folder, 'journal.json');
  await writeSampleJournal(journal);
  const notices: string[] = [];
  const store = openJournalStore(journal, clock, { onNotice: (text) => notices.push(text) });
  await store.update((data) => addTask(data, 'Email the training lead again')); // the usual state: last save backed up
  const before = await readFile(journal);
  disk.fill(leaveBytes);
  const failure = await store
    .update((data) => addTask(data, LONG_TITLE))
    .then(
      () => undefined,
      (error: Error) => error,
    );
  const after = await readFile(journal);
  disk.free();
  expect(await leftovers(folder)).toEqual([]);
  if (failure) {
    expect(failure.message).toMatch(/the disk is full/);
    expect(after.equals(before)).toBe(true);
    return { outcome: 'refused', folder, journal };
  }
  expect(after.includes(LONG_TITLE)).toBe(true);
  const backups = await readdir(`${journal}.backups`);
  const backedUp = await Promise.all(
    backups.map(async (name) => (await readFile(join(`${journal}.backups`, name))).equals(after)),
  );
  if (backedUp.includes(true)) {
    expect(notices).toEqual([]);
    return { outcome: 'saved', folder, journal };
  }
  expect(notices).toEqual(['Saved. But its backup could not be kept: the disk is full; free some space.']);
  return { outcome: 'saved without its backup', folder, journal };
}

describe('a disk that fills up during a save', () => {
  it.skipIf(skipped)(
    `a save whose backup cannot be written says it was saved and keeps the change; one that cannot be written changes nothing and leaves no temporary file${because}`,
    async () => {
      const outcomes = new Set<Outcome>();
      for (let pages = 0; pages <= 8; pages++) outcomes.add((await saveWith(pages * PAGE)).outcome);
      expect([...outcomes].sort()).toEqual(['refused', 'saved', 'saved without its backup']);
    },
  );

  it.skipIf(skipped)(
    `the version saved without its backup is kept as a backup by the next save${because}`,
    async () => {
      let found: Awaited<ReturnType<typeof saveWith>> | undefined;
      for (let pages = 0; pages <= 8 && found?.outcome !== 'saved without its backup'; pages++)
        found = await saveWith(pages * PAGE);
      expect(found?.outcome).toBe('saved without its backup');
      const { journal } = found!;
      const unbacked = await readFile(journal);
      await openJournalStore(journal, clock).update((data) => addTask(data, 'One more'));
      const copies = await Promise.all(
        (await readdir(`${journal}.backups`)).map((name) => readFile(join(`${journal}.backups`, name))),
      );
      expect(copies.some((copy) => copy.equals(unbacked))).toBe(true);
    },
  );
});
