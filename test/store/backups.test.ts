import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUPS_KEPT,
  DAYS_KEPT,
  backUpCurrent,
  keepSavedVersion,
  listBackups,
  parseBackupName,
  upgradeLabel,
} from '../../src/store/backups.js';
import { parseJournal } from '../../src/store/journal-validation.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import { journalPaths, type JournalPaths } from '../../src/store/paths.js';
import { addTask, clock, exists, modeOf, tempFolder, withUmask, writeSampleJournal } from './fixtures.js';

let journal: string;
let paths: JournalPaths;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ journal, paths, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

const backupFolder = () => paths.backups;

describe('backups kept by update()', () => {
  it('the backup folder is the journal path followed by .backups, and holds the validation memo', () => {
    expect(journalPaths('/home/sam/journal.json')).toMatchObject({
      backups: '/home/sam/journal.json.backups',
      memo: '/home/sam/journal.json.backups/.fingerprints',
    });
  });

  it('every saved version is kept, so the newest backup is always the journal as last saved', async () => {
    const store = openJournalStore(journal, clock);
    await store.update((j) => addTask(j, 'first'));
    const first = await readFile(journal, 'utf8');
    await store.update((j) => addTask(j, 'second'));
    const second = await readFile(journal, 'utf8');
    await store.update((j) => addTask(j, 'third'));
    const third = await readFile(journal, 'utf8');

    const backups = await listBackups(paths);
    expect(await Promise.all(backups.map((backup) => readFile(backup, 'utf8')))).toEqual([third, second, first]);
    for (const backup of backups) expect(basename(backup)).toMatch(/^journal\.json\..*\.saved\.json$/);
  });

  it('a journal changed outside mentee is kept as it was before mentee replaces it', async () => {
    const store = openJournalStore(journal, clock);
    await store.update((j) => addTask(j, 'first'));
    const edited = (await readFile(journal, 'utf8')).replace('"first"', '"first, edited by hand"');
    await writeFile(journal, edited);
    await store.update((j) => addTask(j, 'second'));
    const backups = await listBackups(paths);
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
    const backups = await listBackups(paths);
    expect(backups).toHaveLength(3);
    for (const backup of backups) expect(await modeOf(backup)).toBe(0o600);
    expect(await modeOf(backupFolder())).toBe(0o700);
  });

  it('the backup of a journal that was readable by others (0644) is still owner-only (0600)', async () => {
    await writeSampleJournal(journal);
    await chmod(journal, 0o644);
    await withUmask(0o022, () => openJournalStore(journal, clock).update((j) => addTask(j, 'second')));
    const backups = await listBackups(paths);
    expect(backups).toHaveLength(2);
    for (const backup of backups) expect(await modeOf(backup)).toBe(0o600);
  });

  it(`keeps at most BACKUPS_KEPT (${BACKUPS_KEPT}) backups: the most recent versions, each a valid journal`, async () => {
    const store = openJournalStore(journal, clock);
    const updates = BACKUPS_KEPT + 4;
    for (let index = 1; index <= updates; index++) await store.update((j) => addTask(j, `task ${index}`));

    const backups = await listBackups(paths);
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
    const backup = await backUpCurrent(paths, 'before-restore');
    expect(backup.startsWith(`${backupFolder()}/journal.json.`)).toBe(true);
    expect(backup.endsWith('.before-restore.json')).toBe(true);
    expect(await readFile(backup, 'utf8')).toBe(text);
    expect(await listBackups(paths)).toEqual([backup]);
  });

  it('rejects when there is no journal to back up', async () => {
    await expect(backUpCurrent(paths, 'before-change')).rejects.toThrow();
  });

  it('listBackups() of a journal without a backup folder is empty', async () => {
    expect(await exists(backupFolder())).toBe(false);
    expect(await listBackups(paths)).toEqual([]);
  });
});

describe('retention over days (time passed in, no sleeping)', () => {
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour));
  /** Four saves a day from 17 to 25 November, each backup's content naming when it was saved. */
  async function saveFourTimesADay(): Promise<void> {
    for (let day = 17; day <= 25; day++) {
      for (const hour of [9, 12, 15, 18]) await keepSavedVersion(paths, `${day} ${hour}`, at(day, hour));
    }
  }
  const kept = async () => Promise.all((await listBackups(paths)).map((file) => readFile(file, 'utf8')));

  it(`keeps the newest ${BACKUPS_KEPT}, the newest of each of the last ${DAYS_KEPT} days, and every pre-upgrade copy`, async () => {
    await writeSampleJournal(journal);
    const upgrade = await backUpCurrent(paths, upgradeLabel(0), at(10, 8));
    await saveFourTimesADay();

    const newest = ['25 18', '25 15', '25 12', '25 9', '24 18', '24 15', '24 12', '24 9', '23 18', '23 15'];
    const daily = ['22 18', '21 18', '20 18', '19 18'];
    expect((await kept()).slice(0, -1)).toEqual([...newest, ...daily]);
    expect((await listBackups(paths)).at(-1)).toBe(upgrade);
  });

  it('after a week without saves, the newest versions are still kept, however old', async () => {
    await saveFourTimesADay();
    await keepSavedVersion(paths, 'back after a month', new Date(Date.UTC(2026, 11, 25, 9)));
    expect(await kept()).toEqual([
      'back after a month',
      ...['25 18', '25 15', '25 12', '25 9', '24 18', '24 15', '24 12', '24 9', '23 18'],
    ]);
  });

  it('a backup file mentee did not name is listed last and never pruned', async () => {
    await keepSavedVersion(paths, 'first', at(1, 9));
    await writeFile(`${backupFolder()}/my copy.json`, 'mine');
    await saveFourTimesADay();
    const backups = await listBackups(paths);
    expect(basename(backups.at(-1)!)).toBe('my copy.json');
    expect(backups).toHaveLength(BACKUPS_KEPT + 4 + 1);
  });

  it('names keep time order when the clock steps back, so the newest backup stays the last saved', async () => {
    await keepSavedVersion(paths, 'before the clock change', at(25, 18));
    await keepSavedVersion(paths, 'after the clock went back an hour', at(25, 17));
    expect(await kept()).toEqual(['after the clock went back an hour', 'before the clock change']);
    const [newest] = await listBackups(paths);
    expect(parseBackupName(newest!)!.date.getTime()).toBe(at(25, 18).getTime() + 1);
  });
});

describe('backup names', () => {
  it('say when the backup was taken and why', async () => {
    const file = await keepSavedVersion(paths, 'x', new Date('2026-11-25T09:30:15.123Z'));
    expect(parseBackupName(file)).toMatchObject({ date: new Date('2026-11-25T09:30:15.123Z'), label: 'saved' });
    expect(parseBackupName(`${backupFolder()}/notes.json`)).toBeUndefined();
  });
});
