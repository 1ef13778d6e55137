import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, backUpCurrent, listBackups } from '../../src/store/backups.js';
import { parseJournal } from '../../src/store/journal-validation.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import { backupDirFor } from '../../src/store/paths.js';
import { addTask, clock, exists, modeOf, tempFolder, withUmask, writeSampleJournal } from './fixtures.js';

let journal: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ journal, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

const backupFolder = () => backupDirFor(journal);

describe('backups kept by update()', () => {
  it('the backup folder is the journal path followed by .backups', () => {
    expect(backupDirFor('/home/sam/journal.json')).toBe('/home/sam/journal.json.backups');
  });

  it('every saved version is kept, so the newest backup is always the journal as last saved', async () => {
    const store = openJournalStore(journal, clock);
    await store.update((j) => addTask(j, 'first'));
    const first = await readFile(journal, 'utf8');
    await store.update((j) => addTask(j, 'second'));
    const second = await readFile(journal, 'utf8');
    await store.update((j) => addTask(j, 'third'));
    const third = await readFile(journal, 'utf8');

    const backups = await listBackups(journal);
    expect(await Promise.all(backups.map((backup) => readFile(backup, 'utf8')))).toEqual([third, second, first]);
    for (const backup of backups) expect(basename(backup)).toMatch(/^journal\.json\..*\.saved\.json$/);
  });

  it('a journal changed outside mentee is kept as it was before mentee replaces it', async () => {
    const store = openJournalStore(journal, clock);
    await store.update((j) => addTask(j, 'first'));
    const edited = (await readFile(journal, 'utf8')).replace('"first"', '"first, edited by hand"');
    await writeFile(journal, edited);
    await store.update((j) => addTask(j, 'second'));
    const backups = await listBackups(journal);
    const texts = await Promise.all(backups.map((backup) => readFile(backup, 'utf8')));
    expect(texts[1]).toBe(edited);
    expect(basename(backups[1]!)).toMatch(/\.before-change\.json$/);
    expect(texts[0]).toBe(await readFile(journal, 'utf8'));
  });

  it('backups and their folder are owner-only (0600 / 0700) even with umask 022', async () => {
    await withUmask(0o022, async () => {
      const store = openJournalStore(journal, clock);
      await store.update((j) => addTask(j, 'first'));
      await store.update((j) => addTask(j, 'second'));
      await store.update((j) => addTask(j, 'third'));
    });
    const backups = await listBackups(journal);
    expect(backups).toHaveLength(3);
    for (const backup of backups) expect(await modeOf(backup)).toBe(0o600);
    expect(await modeOf(backupFolder())).toBe(0o700);
  });

  it('the backup of a journal that was readable by others (0644) is still owner-only (0600)', async () => {
    await writeSampleJournal(journal);
    await chmod(journal, 0o644);
    await withUmask(0o022, () => openJournalStore(journal, clock).update((j) => addTask(j, 'second')));
    const backups = await listBackups(journal);
    expect(backups).toHaveLength(2);
    for (const backup of backups) expect(await modeOf(backup)).toBe(0o600);
  });

  it(`keeps at most BACKUPS_KEPT (${BACKUPS_KEPT}) backups: the most recent versions, each a valid journal`, async () => {
    const store = openJournalStore(journal, clock);
    const updates = BACKUPS_KEPT + 4;
    for (let index = 1; index <= updates; index++) await store.update((j) => addTask(j, `task ${index}`));

    const backups = await listBackups(journal);
    expect(backups).toHaveLength(BACKUPS_KEPT);
    expect((await readdir(backupFolder())).filter((name) => name.endsWith('.json'))).toHaveLength(BACKUPS_KEPT);
    const counts: number[] = [];
    for (const backup of backups) {
      const { journal: saved } = parseJournal(await readFile(backup, 'utf8'), backup);
      counts.push(saved.actions.length);
    }
    // Newest first: the version last saved had `updates` actions, and so on.
    expect(counts).toEqual(Array.from({ length: BACKUPS_KEPT }, (_, index) => updates - index));
  });
});

describe('backUpCurrent()', () => {
  it('copies the current journal into the backup folder with the label in its name and returns its path', async () => {
    const text = await writeSampleJournal(journal);
    const backup = await backUpCurrent(journal, 'before-restore');
    expect(backup.startsWith(`${backupFolder()}/journal.json.`)).toBe(true);
    expect(backup.endsWith('.before-restore.json')).toBe(true);
    expect(await readFile(backup, 'utf8')).toBe(text);
    expect(await listBackups(journal)).toEqual([backup]);
  });

  it('rejects when there is no journal to back up', async () => {
    await expect(backUpCurrent(journal, 'before-change')).rejects.toThrow();
  });

  it('listBackups() of a journal without a backup folder is empty', async () => {
    expect(await exists(backupFolder())).toBe(false);
    expect(await listBackups(journal)).toEqual([]);
  });
});
