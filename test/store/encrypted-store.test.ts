import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveKey, encrypt, isEncrypted, newKdfParams } from '../../src/store/crypto.js';
import { autoCodec } from '../../src/store/journal-codec.js';
import { UnopenedFileError } from '../../src/store/journal-file-error.js';
import { serialiseJournal } from '../../src/store/journal-file.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import { withJournalLock } from '../../src/store/lock.js';
import type { JournalPaths } from '../../src/store/paths.js';
import { addTask, clock, sampleJournal, tempFolder } from './fixtures.js';

const PASSPHRASE = 'correct horse battery staple';
let journal: string;
let paths: JournalPaths;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ journal, paths, cleanup } = await tempFolder()));
afterEach(() => cleanup());

async function writeEncryptedJournal(): Promise<void> {
  const key = await deriveKey(PASSPHRASE, newKdfParams());
  await writeFile(journal, encrypt(serialiseJournal(sampleJournal()), key), { mode: 0o600 });
}

/** The journal and every backup, byte for byte (not the validation memo, which is no backup). */
async function everything(): Promise<Buffer[]> {
  const names = existsSync(paths.backups) ? await readdir(paths.backups) : [];
  const backups = names.filter((name) => name.endsWith('.json')).sort();
  return Promise.all([journal, ...backups.map((name) => `${paths.backups}/${name}`)].map((file) => readFile(file)));
}

describe('a change to an encrypted journal', () => {
  it('asks for the passphrase before taking the lock, so other commands never wait on someone typing', async () => {
    await writeEncryptedJournal();
    const lockHeldWhenAsked: boolean[] = [];
    const codec = autoCodec(async () => {
      lockHeldWhenAsked.push(existsSync(paths.lock));
      return PASSPHRASE;
    });
    await openJournalStore(journal, clock, { codec }).update((data) => addTask(data, 'after unlocking'));
    expect(lockHeldWhenAsked).toEqual([false]);
  });

  it('with a wrong passphrase, reading, changing and decrypting each say so and where the backups are, changing nothing', async () => {
    await writeEncryptedJournal();
    const before = await everything();
    const store = openJournalStore(journal, clock, { codec: autoCodec(async () => 'not the passphrase') });
    for (const attempt of [
      () => store.read(),
      () => store.update((data) => addTask(data, 'never')),
      () => store.decrypt('not the passphrase'),
    ]) {
      const error = await attempt().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(UnopenedFileError);
      expect((error as Error).message).toBe(
        `Cannot open ${journal}: the passphrase is wrong, or the file is damaged; it has not been changed.`,
      );
      expect((error as UnopenedFileError).hint).toBe(`Backups are in ${paths.backups} (mentee doctor lists them).`);
    }
    expect(await everything()).toEqual(before);
  });
});

describe('encrypting and decrypting through the store', () => {
  it('encrypt() turns the journal and its backups encrypted, decrypt() back to the very same plain JSON', async () => {
    const plain = openJournalStore(journal, clock);
    await plain.update((data) => addTask(data, 'first'));
    await plain.update((data) => addTask(data, 'second'));
    const before = await everything();
    expect(await plain.isEncrypted()).toBe(false);

    const encrypted = await plain.encrypt(PASSPHRASE);
    expect(encrypted).toMatchObject({ journal, backups: 2, already: 0, unopened: [], unreadable: [] });
    expect(await plain.isEncrypted()).toBe(true);
    for (const bytes of await everything()) expect(isEncrypted(bytes)).toBe(true);

    const decrypted = await plain.decrypt(PASSPHRASE);
    expect(decrypted).toMatchObject({ journal, backups: 2, unopened: [] });
    expect(await plain.isEncrypted()).toBe(false);
    expect(await everything()).toEqual(before);
  });

  it('decrypt() uses the passphrase it is given and never asks the codec for another', async () => {
    await writeEncryptedJournal();
    let asked = 0;
    const store = openJournalStore(journal, clock, {
      codec: autoCodec(async () => {
        asked += 1;
        return PASSPHRASE;
      }),
    });
    await store.decrypt(PASSPHRASE);
    expect(asked).toBe(0);
    expect(JSON.parse(await readFile(journal, 'utf8')).actions).toHaveLength(1);
  });

  it('encrypt() waits for a command holding the journal lock, like every change', async () => {
    await openJournalStore(journal, clock).update((data) => addTask(data, 'first'));
    let release!: () => void;
    let taken!: () => void;
    const held = new Promise<void>((resolve) => (taken = resolve));
    const holder = withJournalLock(
      paths,
      () => {
        taken();
        return new Promise<void>((resolve) => (release = resolve));
      },
      { notice: () => undefined },
    );
    await held;
    let finished = false;
    const encrypting = openJournalStore(journal, clock)
      .encrypt(PASSPHRASE)
      .then(() => (finished = true));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(finished).toBe(false);
    expect(isEncrypted(await readFile(journal))).toBe(false);
    release();
    await holder;
    await encrypting;
    expect(isEncrypted(await readFile(journal))).toBe(true);
  });

  it('isEncrypted() of a journal not made yet is false', async () => {
    expect(await openJournalStore(journal, clock).isEncrypted()).toBe(false);
  });
});
