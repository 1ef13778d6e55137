import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveKey, encrypt, isEncrypted, newKdfParams } from '../../src/store/crypto.js';
import { DRAFT_VERSION, type Draft } from '../../src/store/drafts.js';
import { autoCodec } from '../../src/store/journal-codec.js';
import { serialiseJournal } from '../../src/store/journal-file.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import type { JournalPaths } from '../../src/store/paths.js';
import { clock, sampleJournal, tempFolder } from './fixtures.js';

const PASSPHRASE = 'correct horse battery staple';
let journal: string;
let paths: JournalPaths;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ journal, paths, cleanup } = await tempFolder()));
afterEach(() => cleanup());

const draft: Draft = {
  version: DRAFT_VERSION,
  wizard: 'log',
  meeting: 'm1',
  savedAt: '2026-12-01T10:00:00.000Z',
  answers: { 'advice:1': 'Talk to three GPs', private: 'Nervous but clearer' },
};

describe('wizard drafts', () => {
  it('are owner-only files in an owner-only folder beside the journal, which exports may not overwrite', async () => {
    const store = openJournalStore(journal, clock);
    await store.drafts().save(draft);
    const file = join(paths.drafts, 'log-m1.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(paths.drafts)).mode & 0o777).toBe(0o700);
    expect(await store.owns(file)).toBe(true);
    expect((await store.drafts().list('log')).drafts).toEqual([draft]);
    await store.drafts().remove(draft);
    expect(await readdir(paths.drafts)).toEqual([]);
  });

  it('of an encrypted journal are encrypted with its key, and read back', async () => {
    const key = await deriveKey(PASSPHRASE, newKdfParams());
    await writeFile(journal, encrypt(serialiseJournal(sampleJournal()), key), { mode: 0o600 });
    let asked = 0;
    const store = openJournalStore(journal, clock, { codec: autoCodec(async () => (asked++, PASSPHRASE)) });
    await store.read();
    await store.drafts().save(draft);
    const bytes = await readFile(join(paths.drafts, 'log-m1.json'));
    expect(isEncrypted(bytes)).toBe(true);
    expect(bytes.toString('latin1')).not.toContain('Nervous');
    expect((await store.drafts().list('log')).drafts).toEqual([draft]);
    expect(asked).toBe(1);
  });

  it('are never written in plain beside an encrypted journal', async () => {
    const store = openJournalStore(journal, clock); // a plain codec, as if the journal were encrypted meanwhile
    const key = await deriveKey(PASSPHRASE, newKdfParams());
    await writeFile(journal, encrypt(serialiseJournal(sampleJournal()), key), { mode: 0o600 });
    await expect(store.drafts().save(draft)).rejects.toThrow(/plain text beside an encrypted journal/);
    expect(await readdir(paths.drafts).catch(() => [])).toEqual([]);
  });
});
