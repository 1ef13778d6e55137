import { readdir, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_VERSION } from '../../src/core/model.js';
import { UserError } from '../../src/errors.js';
import { listBackups } from '../../src/store/backups.js';
import { serialiseJournal } from '../../src/store/journal-file.js';
import { parseJournal } from '../../src/store/journal-validation.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import { withJournalLock } from '../../src/store/lock.js';
import { MIGRATIONS, migrate, type Migration } from '../../src/store/migrations.js';
import type { JournalPaths } from '../../src/store/paths.js';
import { addTask, ageFile, clock, modeOf, sampleJournal, snapshot, tempFolder, writeJournalText } from './fixtures.js';

const FILE = '/home/sam/journal.json';

/** A step that records, in `trail`, which step ran and which version it was given. */
function recordingStep(step: number, seen: Array<[number, unknown]>): Migration {
  return (document) => {
    seen.push([step, document.version]);
    const trail = Array.isArray(document.trail) ? document.trail : [];
    return { ...document, trail: [...trail, step] };
  };
}

describe('migrate() with injected migrations', () => {
  it('runs every step from the file version up to the current version, in order', () => {
    const seen: Array<[number, unknown]> = [];
    const migrations = { 1: recordingStep(1, seen), 2: recordingStep(2, seen), 3: recordingStep(3, seen) };
    const result = migrate({ version: 1, trail: [] }, FILE, migrations, 4);
    expect(seen).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(result.document).toEqual({ version: 4, trail: [1, 2, 3] });
  });

  it('reports the version it started from', () => {
    const migrations = { 1: recordingStep(1, []), 2: recordingStep(2, []), 3: recordingStep(3, []) };
    expect(migrate({ version: 1 }, FILE, migrations, 4).fromVersion).toBe(1);
    expect(migrate({ version: 3 }, FILE, migrations, 4).fromVersion).toBe(3);
  });

  it('starts at the step for the file version, skipping earlier ones', () => {
    const seen: Array<[number, unknown]> = [];
    const migrations = { 1: recordingStep(1, seen), 2: recordingStep(2, seen), 3: recordingStep(3, seen) };
    const result = migrate({ version: 2 }, FILE, migrations, 4);
    expect(seen.map(([step]) => step)).toEqual([2, 3]);
    expect(result.document).toEqual({ version: 4, trail: [2, 3] });
  });

  it('sets the version after each step, whatever version the step itself wrote', () => {
    const seen: Array<[number, unknown]> = [];
    const careless: Migration = (document) => {
      seen.push([1, document.version]);
      return { ...document, version: 99 };
    };
    const result = migrate({ version: 1 }, FILE, { 1: careless, 2: recordingStep(2, seen) }, 3);
    expect(seen).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect((result.document as { version: number }).version).toBe(3);
  });

  it('applies each step to the output of the previous one', () => {
    const migrations: Record<number, Migration> = {
      1: ({ name, ...rest }) => ({ ...rest, profile: { name } }),
      2: ({ profile, ...rest }) => ({ ...rest, profile: { ...(profile as object), stage: 'unknown' } }),
    };
    expect(migrate({ version: 1, name: 'Sam' }, FILE, migrations, 3).document).toEqual({
      version: 3,
      profile: { name: 'Sam', stage: 'unknown' },
    });
  });

  it('a current document is returned as it is, no step runs and fromVersion is undefined', () => {
    const seen: Array<[number, unknown]> = [];
    const document = { version: 4, keep: true };
    const result = migrate(document, FILE, { 3: recordingStep(3, seen) }, 4);
    expect(result).toEqual({ document, fromVersion: undefined });
    expect(result.document).toBe(document);
    expect(seen).toEqual([]);
  });

  it('a missing step is an error naming the file and its version, and no later step runs', () => {
    const seen: Array<[number, unknown]> = [];
    const migrations = { 1: recordingStep(1, seen), 3: recordingStep(3, seen) };
    let error: unknown;
    try {
      migrate({ version: 1 }, FILE, migrations, 4);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(`${FILE} has journal version 1, which this mentee cannot upgrade.`);
    expect(seen.map(([step]) => step)).toEqual([1]);
  });

  it('a version newer than the current one is refused as written by a newer mentee', () => {
    const seen: Array<[number, unknown]> = [];
    expect(() => migrate({ version: 5 }, FILE, { 4: recordingStep(4, seen) }, 4)).toThrow(
      `${FILE} was written by a newer mentee (journal version 5; this one reads up to 4).`,
    );
    expect(seen).toEqual([]);
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'journal'],
    ['an object without a version', { actions: [] }],
    ['an object with a fractional version', { version: 1.5 }],
    ['an object with a string version', { version: '1' }],
  ])('leaves %s to schema validation: returned unchanged with no fromVersion', (_, document) => {
    const seen: Array<[number, unknown]> = [];
    const result = migrate(document, FILE, { 1: recordingStep(1, seen) }, 2);
    expect(result.document).toBe(document);
    expect(result.fromVersion).toBeUndefined();
    expect(seen).toEqual([]);
  });

  it('defaults to the real migrations and JOURNAL_VERSION: a current journal is left alone', () => {
    const document = JSON.parse(serialiseJournal(sampleJournal()));
    expect(migrate(document, FILE)).toEqual({ document, fromVersion: undefined });
  });
});

/*
 * The store reads through parseJournal(), which calls migrate() with its defaults (MIGRATIONS and
 * JOURNAL_VERSION), so migrations cannot be passed in. MIGRATIONS is an exported, mutable record,
 * so these tests register a step for the version just before the current one, and restore the
 * record afterwards. No module is mocked. Reading upgrades in memory only; a change, or upgrade(),
 * saves the upgrade and says so.
 */
describe('the store and an older journal', () => {
  const OLD = JOURNAL_VERSION - 1;
  const original = MIGRATIONS[OLD];
  let dir: string;
  let journal: string;
  let paths: JournalPaths;
  let cleanup: () => Promise<void>;
  let notices: string[];
  const open = () => openJournalStore(journal, clock, { onNotice: (text) => notices.push(text) });

  /** The previous shape in this test's imaginary history: the profile name was a top-level `ownerName`. */
  const upgrade: Migration = ({ ownerName, ...rest }) => ({ ...rest, profile: { name: ownerName } });

  function oldJournalText(): string {
    const { profile: _profile, ...current } = JSON.parse(serialiseJournal(sampleJournal()));
    return `${JSON.stringify({ ...current, version: OLD, ownerName: 'Sam Patel' }, null, 2)}\n`;
  }

  const upgradeBackups = async () =>
    (await listBackups(paths)).filter((backup) => basename(backup).endsWith(`.before-upgrade-from-v${OLD}.json`));

  beforeEach(async () => {
    ({ dir, journal, paths, cleanup } = await tempFolder());
    notices = [];
  });
  afterEach(async () => {
    if (original) MIGRATIONS[OLD] = original;
    else delete MIGRATIONS[OLD];
    await cleanup();
  });

  it('read() returns the upgraded journal in memory and leaves the file byte-identical, with nothing written beside it', async () => {
    MIGRATIONS[OLD] = upgrade;
    await writeJournalText(journal, oldJournalText());
    await ageFile(journal);
    const before = await snapshot(journal, dir);

    const store = open();
    const data = await store.read();
    expect(data.version).toBe(JOURNAL_VERSION);
    expect(data.profile).toEqual({ name: 'Sam Patel' });
    expect(data.actions.map((a) => a.title)).toEqual(['Email the training lead']);
    await store.read();

    expect(await snapshot(journal, dir)).toEqual(before);
    expect(notices).toEqual([]);
  });

  it('update() saves the upgrade with the change, keeps the old file as a backup byte for byte, and says so once', async () => {
    MIGRATIONS[OLD] = upgrade;
    const old = oldJournalText();
    await writeJournalText(journal, old);

    const store = open();
    const added = await store.update((j) => {
      expect(j.version).toBe(JOURNAL_VERSION);
      expect(j.profile.name).toBe('Sam Patel');
      return addTask(j, 'after the upgrade');
    });
    await store.update((j) => addTask(j, 'and another'));

    expect(added.id).toBe('a2');
    const saved = parseJournal(await readFile(journal, 'utf8'), journal);
    expect(saved.migratedFrom).toBeUndefined();
    expect(saved.journal.actions.map((a) => a.title)).toEqual([
      'Email the training lead',
      'after the upgrade',
      'and another',
    ]);
    expect(await modeOf(journal)).toBe(0o600);
    const [kept, ...more] = await upgradeBackups();
    expect(more).toEqual([]);
    expect(await readFile(kept!, 'utf8')).toBe(old);
    expect(notices).toEqual([
      `Upgraded your journal from version ${OLD} to version ${JOURNAL_VERSION}; the old one is kept as a backup: ${kept}`,
    ]);
  });

  it('upgrade() saves the upgraded journal after backing up the old file, says so, and says where the copy is', async () => {
    MIGRATIONS[OLD] = upgrade;
    const old = oldJournalText();
    await writeJournalText(journal, old);

    const upgraded = await open().upgrade();

    const [kept] = await upgradeBackups();
    expect(upgraded).toEqual({ fromVersion: OLD, backup: kept });
    expect(await readFile(kept!, 'utf8')).toBe(old);
    const saved = parseJournal(await readFile(journal, 'utf8'), journal);
    expect(saved.migratedFrom).toBeUndefined();
    expect(saved.journal.profile).toEqual({ name: 'Sam Patel' });
    expect(notices).toEqual([
      `Upgraded your journal from version ${OLD} to version ${JOURNAL_VERSION}; the old one is kept as a backup: ${kept}`,
    ]);
  });

  it('a journal already upgraded is not upgraded, backed up or announced again', async () => {
    MIGRATIONS[OLD] = upgrade;
    await writeJournalText(journal, oldJournalText());
    const store = open();
    await store.upgrade();
    await ageFile(journal);
    const before = await snapshot(journal, dir);
    expect(await store.upgrade()).toBeUndefined();
    await open().read();
    expect(await snapshot(journal, dir)).toEqual(before);
    expect(await upgradeBackups()).toHaveLength(1);
    expect(notices).toHaveLength(1);
  });

  it('upgrade() of a current journal, or of none yet, writes nothing and does not wait for the lock', async () => {
    expect(await open().upgrade()).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
    await writeJournalText(journal, serialiseJournal(sampleJournal()));
    await ageFile(journal);
    const before = await snapshot(journal, dir);
    // Held by another writer throughout: an upgrade() that asked for the lock would wait, then fail as busy.
    await withJournalLock(paths, async () => expect(await open().upgrade()).toBeUndefined(), {
      notice: () => undefined,
    });
    expect(await snapshot(journal, dir)).toEqual(before);
    expect(notices).toEqual([]);
  });

  it('an older journal with no upgrade step is refused as one this mentee cannot upgrade, and left untouched', async () => {
    delete MIGRATIONS[OLD];
    await writeJournalText(journal, oldJournalText());
    await ageFile(journal);
    const before = await snapshot(journal, dir);
    const message = new RegExp(
      `${journal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has journal version ${OLD}, which this mentee cannot upgrade`,
    );
    await expect(open().read()).rejects.toThrow(message);
    await expect(open().upgrade()).rejects.toThrow(message);
    await expect(open().update((j) => addTask(j, 'never'))).rejects.toThrow(message);
    expect(await snapshot(journal, dir)).toEqual(before);
  });

  it('an upgrade that produces an invalid journal is reported with its path and the old file is left untouched', async () => {
    MIGRATIONS[OLD] = (document) => ({ ...document, profile: { name: 42 } });
    await writeJournalText(journal, oldJournalText());
    await ageFile(journal);
    const before = await snapshot(journal, dir);
    await expect(open().read()).rejects.toThrow(/profile\.name/);
    await expect(open().upgrade()).rejects.toThrow(/profile\.name/);
    expect(await snapshot(journal, dir)).toEqual(before);
    expect(await readdir(dir)).toEqual(['journal.json']);
  });
});

describe('journal version 2: the history undo walks', () => {
  it('an older journal is upgraded with an empty history, and its first change is then the one undo takes back', async () => {
    const { journal, cleanup } = await tempFolder();
    const { history: _history, ...current } = JSON.parse(serialiseJournal(sampleJournal()));
    await writeJournalText(journal, `${JSON.stringify({ ...current, version: 1 }, null, 2)}\n`);
    const store = openJournalStore(journal, clock);
    expect((await store.read()).history).toEqual({ undo: [], redo: [] });
    await store.update((j) => addTask(j, 'after the upgrade'));
    const { history } = await store.read();
    expect(history.undo.map((change) => change.records.map(({ kind, id }) => `${kind} ${id}`))).toEqual([
      ['action a2'],
    ]);
    await store.undo();
    expect((await store.read()).actions.map((a) => a.title)).toEqual(['Email the training lead']);
    await cleanup();
  });

  it('a journal with a history is, to a mentee of version 1, made by a newer mentee', () => {
    expect(() => migrate({ version: 2, history: { undo: [], redo: [] } }, FILE, {}, 1)).toThrow(
      `${FILE} was written by a newer mentee (journal version 2; this one reads up to 1).`,
    );
  });
});
