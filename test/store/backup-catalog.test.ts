import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { listBackups, parseBackupName } from '../../src/store/backups.js';
import type { JournalCodec } from '../../src/store/journal-codec.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import { fingerprint, readMemo } from '../../src/store/validation-memo.js';
import type { JournalPaths } from '../../src/store/paths.js';
import { addTask, clock, snapshot, tempFolder, validMentor } from './fixtures.js';

let dir: string;
let journal: string;
let paths: JournalPaths;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, journal, paths, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

const store = () => openJournalStore(journal, clock);
const titles = async () => (await store().read()).actions.map((action) => action.title);
/** Saves one action per title, one save each, and returns the journal's bytes after each save. */
async function saveTasks(...names: string[]): Promise<Buffer[]> {
  const versions: Buffer[] = [];
  for (const name of names) {
    await store().update((j) => addTask(j, name));
    versions.push(await readFile(journal));
  }
  return versions;
}
const everything = async () => ({
  journal: await snapshot(journal, dir),
  backups: await readdir(paths.backups),
});

describe('the backup catalogue', () => {
  it('lists backups newest first, numbered from 1, with date, label and record counts', async () => {
    await store().update((j) => void j.mentors.push(validMentor()));
    await saveTasks('first', 'second');
    const backups = await store().backups();
    expect(backups.map(({ number, label, ok, counts }) => ({ number, label, ok, actions: counts?.actions }))).toEqual([
      { number: 1, label: 'saved', ok: true, actions: 2 },
      { number: 2, label: 'saved', ok: true, actions: 1 },
      { number: 3, label: 'saved', ok: true, actions: 0 },
    ]);
    expect(backups[0]!.counts).toEqual({ mentors: 1, goals: 0, meetings: 0, actions: 2 });
    expect(backups[0]!.date!.getTime()).toBeGreaterThanOrEqual(backups[1]!.date!.getTime());
    expect(backups[0]!.file).toBe((await listBackups(paths))[0]);
  });

  it('a damaged backup is listed as not usable, with what is wrong and where', async () => {
    await saveTasks('first', 'second');
    const [, older] = await listBackups(paths);
    await writeFile(older!, '{\n  "version": 1,\n  oops\n}\n');
    const [, damaged] = await store().backups();
    expect(damaged).toMatchObject({ number: 2, ok: false, opened: true, counts: undefined });
    expect(damaged!.problem).toMatch(new RegExp(`^${older} is not valid JSON: .*line 3`));
  });

  it('reads every backup through the store codec', async () => {
    const base64: JournalCodec = {
      decode: async (bytes) => Buffer.from(bytes.toString('ascii'), 'base64').toString('utf8'),
      encode: async (text) => Buffer.from(Buffer.from(text, 'utf8').toString('base64'), 'ascii'),
    };
    const encoded = openJournalStore(journal, clock, { codec: base64 });
    await encoded.update((j) => addTask(j, 'first'));
    expect((await readFile(journal, 'utf8')).startsWith('{')).toBe(false);
    expect((await encoded.backups())[0]).toMatchObject({ ok: true, counts: { actions: 1 } });
    expect(await encoded.check()).toMatchObject({ ok: true, counts: { actions: 1 } });
  });
});

describe('files the codec cannot open (say, encrypted without the passphrase)', () => {
  const picky: JournalCodec = {
    decode: async (bytes, file) => {
      if (bytes.toString('utf8').startsWith('LOCKED')) throw new UserError(`${file} is locked: no key.`);
      return bytes.toString('utf8');
    },
    encode: async (text) => Buffer.from(text, 'utf8'),
  };

  it('are reported as not opened rather than damaged, and are not restored', async () => {
    await saveTasks('first', 'second');
    const [, older] = await listBackups(paths);
    await writeFile(older!, 'LOCKED');
    const opened = openJournalStore(journal, clock, { codec: picky });
    expect((await opened.backups())[1]).toMatchObject({
      ok: false,
      opened: false,
      problem: `${older} is locked: no key.`,
    });
    await expect(opened.restore(older!)).rejects.toThrow('Backup 2 cannot be restored');
    await writeFile(journal, 'LOCKED');
    expect(await opened.check()).toMatchObject({ exists: true, ok: false, opened: false });
  });
});

describe('checking the journal', () => {
  it('a healthy journal is fine, with its counts and size', async () => {
    await saveTasks('first');
    const check = await store().check();
    expect(check).toMatchObject({ path: journal, exists: true, ok: true, problem: undefined });
    expect(check.counts).toEqual({ mentors: 0, goals: 0, meetings: 0, actions: 1 });
    expect(check.size).toBe((await readFile(journal)).length);
  });

  it('a journal that is not JSON is reported with the file and where, and left alone', async () => {
    await writeFile(journal, '{ "version": 1,\n  "counters": {,\n}\n');
    const before = await snapshot(journal, dir);
    const check = await store().check();
    expect(check.ok).toBe(false);
    expect(check.problem).toMatch(new RegExp(`^${journal} is not valid JSON: .*line 2`));
    expect(await snapshot(journal, dir)).toEqual(before);
  });

  it('a journal of the wrong shape names the field', async () => {
    await saveTasks('first');
    await writeFile(journal, (await readFile(journal, 'utf8')).replace('"status": "open"', '"status": "someday"'));
    expect((await store().check()).problem).toMatch(/not a valid mentee journal: actions\[0\]\.status/);
  });

  it('is checked in full even when the validation memo knows the file', async () => {
    await saveTasks('first');
    const text = (await readFile(journal, 'utf8')).replace('"status": "open"', '"status": "someday"');
    await writeFile(journal, text);
    await writeFile(`${paths.backups}/.fingerprints`, `validated ${fingerprint(text)}\n`);
    expect((await store().check()).ok).toBe(false);
  });

  it('a missing journal is not damaged: it does not exist yet', async () => {
    expect(await store().check()).toMatchObject({ exists: false, ok: true, problem: undefined });
  });
});

describe('restoring a backup', () => {
  it('puts the backup back byte for byte, keeping the journal as it was as a before-restore backup', async () => {
    const [first, second] = await saveTasks('first', 'second');
    const [, older] = await listBackups(paths);
    const restored = await store().restore(older!);
    expect(await readFile(journal)).toEqual(first);
    expect(restored.unchanged).toBe(false);
    expect(basename(restored.savedAside!)).toMatch(/\.before-restore\.json$/);
    expect(await readFile(restored.savedAside!)).toEqual(second);
    expect((await listBackups(paths))[0]).toBe(restored.savedAside);
  });

  it('restores over a damaged journal, which is kept as a backup', async () => {
    const [good] = await saveTasks('first');
    await writeFile(journal, 'not json at all');
    const { savedAside } = await store().restore((await listBackups(paths))[0]!);
    expect(await readFile(journal)).toEqual(good);
    expect(await readFile(savedAside!, 'utf8')).toBe('not json at all');
    expect(await titles()).toEqual(['first']);
  });

  it('refuses a damaged backup, changing nothing', async () => {
    await saveTasks('first', 'second');
    const [, older] = await listBackups(paths);
    await writeFile(older!, 'garbage');
    const before = await everything();
    await expect(store().restore(older!)).rejects.toThrow(/Backup 2 cannot be restored: .* is not valid JSON/);
    expect(await everything()).toEqual(before);
  });

  it('refuses a file that is not one of the backups, changing nothing', async () => {
    await saveTasks('first');
    const elsewhere = `${dir}/elsewhere.json`;
    await writeFile(elsewhere, await readFile(journal));
    const before = await everything();
    await expect(store().restore(elsewhere)).rejects.toThrow(UserError);
    expect(await everything()).toEqual(before);
  });

  it('restoring the version the journal already is writes nothing', async () => {
    await saveTasks('first');
    const before = await everything();
    expect((await store().restore((await listBackups(paths))[0]!)).unchanged).toBe(true);
    expect(await everything()).toEqual(before);
  });

  it('leaves the validation memo true: the restored version is known, and kept again at the next save', async () => {
    const [first] = await saveTasks('first', 'second');
    const { savedAside } = await store().restore((await listBackups(paths))[1]!);
    expect(await readMemo(paths)).toEqual({
      validated: fingerprint(first!),
      saved: fingerprint(await readFile(savedAside!)),
    });
    await saveTasks('third');
    const [, beforeChange] = await listBackups(paths);
    expect(parseBackupName(beforeChange!)!.label).toBe('before-change');
    expect(await readFile(beforeChange!)).toEqual(first);
  });
});
