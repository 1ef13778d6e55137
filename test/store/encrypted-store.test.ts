import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveKey, encrypt, newKdfParams } from '../../src/store/crypto.js';
import { autoCodec } from '../../src/store/journal-codec.js';
import { serialiseJournal } from '../../src/store/journal-file.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import type { JournalPaths } from '../../src/store/paths.js';
import { addTask, clock, sampleJournal, tempFolder } from './fixtures.js';

const PASSPHRASE = 'correct horse battery staple';
let journal: string;
let paths: JournalPaths;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ journal, paths, cleanup } = await tempFolder()));
afterEach(() => cleanup());

describe('a change to an encrypted journal', () => {
  it('asks for the passphrase before taking the lock, so other commands never wait on someone typing', async () => {
    const key = await deriveKey(PASSPHRASE, newKdfParams());
    await writeFile(journal, encrypt(serialiseJournal(sampleJournal()), key), { mode: 0o600 });
    const lockHeldWhenAsked: boolean[] = [];
    const codec = autoCodec(async () => {
      lockHeldWhenAsked.push(existsSync(paths.lock));
      return PASSPHRASE;
    });
    await openJournalStore(journal, clock, { codec }).update((data) => addTask(data, 'after unlocking'));
    expect(lockHeldWhenAsked).toEqual([false]);
  });
});
