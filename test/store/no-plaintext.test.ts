/**
 * No plaintext left behind: after encrypt says so, no file under the journal's folder holds its words
 * in plain text; restoring never turns an encrypted journal plain, nor a plain one encrypted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Journal } from '../../src/core/schema.js';
import { deriveKey, encrypt, isEncrypted, newKdfParams } from '../../src/store/crypto.js';
import { openDraftBox } from '../../src/store/drafts.js';
import { autoCodec } from '../../src/store/journal-codec.js';
import { serialiseJournal } from '../../src/store/journal-file.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import type { JournalPaths } from '../../src/store/paths.js';
import { addTask, clock, tempFolder } from './fixtures.js';

const PASSPHRASE = 'correct horse battery staple';
const MARKER = 'Ask Dr Quimby about the rota swap';
let dir: string;
let journal: string;
let paths: JournalPaths;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ journal, paths, cleanup } = await tempFolder());
  dir = paths.folder;
});
afterEach(() => cleanup());

const codec = () => autoCodec(async () => PASSPHRASE);
const store = () => openJournalStore(journal, clock, { codec: codec() });

/** Every file under the journal's folder whose bytes hold the marker in plain text. */
async function plainCopies(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const found = await Promise.all(files.map(async (file) => ((await readFile(file)).includes(MARKER) ? file : '')));
  return found.filter(Boolean);
}

/** A pid no process has now: what a killed writer leaves in its temporary files' names. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

async function plainJournalWithBackups(): Promise<string> {
  const plain = openJournalStore(journal, clock);
  await plain.update((data) => addTask(data, MARKER));
  await plain.update((data) => addTask(data, 'second'));
  return readFile(journal, 'utf8');
}

describe('encrypt leaves no plaintext behind', () => {
  it('encrypt removes the plaintext a killed decrypt left, keeping the journal key, and its result is true', async () => {
    const plainText = await plainJournalWithBackups();
    await store().encrypt(PASSPHRASE);
    // A decrypt killed half-way: some backups plain again, and its temporary files, beside the journal
    // and in the backups folder, with the whole journal in plain.
    const [newest, older] = (await readdir(paths.backups))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .reverse();
    await writeFile(join(paths.backups, older!), plainText);
    const pid = deadPid();
    await writeFile(join(dir, `.journal.json.${pid}.0a1b2c3d.tmp`), plainText);
    await writeFile(join(paths.backups, `.${newest}.${pid}.4e5f6a7b.tmp`), plainText);
    expect(await plainCopies()).toHaveLength(3);
    const journalBefore = await readFile(journal);

    const found = await store().plainLeftovers();
    expect(found.map((file) => basename(file)).sort()).toEqual(
      [older, `.${newest}.${pid}.4e5f6a7b.tmp`, `.journal.json.${pid}.0a1b2c3d.tmp`].sort(),
    );
    const result = await store().encrypt(PASSPHRASE);

    expect(result).toMatchObject({ wasEncrypted: true, backups: 1, drafts: 0, removed: 1, checked: dir });
    expect(await plainCopies()).toEqual([]);
    // The journal is not rewritten; the backup now opens with the journal's passphrase.
    expect(await readFile(journal)).toEqual(journalBefore);
    expect((await store().backups()).every((backup) => backup.ok)).toBe(true);
    expect(await store().plainLeftovers()).toEqual([]);
  });

  it('a save killed while writing its backup leaves nothing readable after encrypt', async () => {
    const plainText = await plainJournalWithBackups();
    // What keepSavedVersion leaves when killed between writing and renaming its backup.
    await writeFile(join(paths.backups, 'journal.json.2026-11-25T09-00-00-000Z.00abcd.saved.json.part'), plainText);
    const result = await store().encrypt(PASSPHRASE);
    expect(result).toMatchObject({ wasEncrypted: false, backups: 2, removed: 1, checked: dir });
    expect(await plainCopies()).toEqual([]);
    expect(existsSync(join(paths.backups, 'journal.json.2026-11-25T09-00-00-000Z.00abcd.saved.json.part'))).toBe(false);
  });

  it('plain drafts written before encrypting are encrypted, and the wizard still finds them', async () => {
    await plainJournalWithBackups();
    const draft = { version: 1, wizard: 'prep', savedAt: clock().toISOString(), answers: { topic: MARKER } } as const;
    await openDraftBox(paths, codec()).save(draft);
    await copyFile(join(paths.drafts, 'prep.json'), join(paths.drafts, 'prep-m9.json.unreadable'));
    const result = await store().encrypt(PASSPHRASE);
    expect(result).toMatchObject({ drafts: 2, checked: dir });
    expect(await plainCopies()).toEqual([]);
    expect(isEncrypted(await readFile(join(paths.drafts, 'prep.json')))).toBe(true);
    const { drafts } = await openDraftBox(paths, codec()).list('prep');
    expect(drafts.map((each) => each.answers)).toEqual([{ topic: MARKER }]);
  });

  it("a plain copy of the user's beside the journal, or a live writer's file, is refused and nothing changes", async () => {
    const plainText = await plainJournalWithBackups();
    await writeFile(join(dir, 'journal copy.json'), plainText);
    await expect(store().encrypt(PASSPHRASE)).rejects.toThrow(
      `Cannot encrypt: ${join(dir, 'journal copy.json')} holds text from the journal in plain, and mentee did not make it; nothing was changed.`,
    );
    expect(await readFile(journal, 'utf8')).toBe(plainText);
    // The journal, its two backups, its everyday part, and the copy.
    expect(await plainCopies()).toHaveLength(5);

    await writeFile(join(dir, 'journal copy.json'), 'my own notes');
    const live = join(paths.backups, `.journal.json.x.json.${process.ppid}.00ff00ff.tmp`);
    await writeFile(live, plainText);
    await expect(store().encrypt(PASSPHRASE)).rejects.toThrow(
      `Cannot encrypt: ${live} is being written by mentee process ${process.ppid}; nothing was changed.`,
    );
    expect(await readFile(journal, 'utf8')).toBe(plainText);
  });

  it('an encrypted journal with nothing plain beside it has no leftovers', async () => {
    await plainJournalWithBackups();
    await store().encrypt(PASSPHRASE);
    expect(await store().plainLeftovers()).toEqual([]);
  });
});

describe('restoring keeps the journal as it is stored', () => {
  it('restoring a plain backup onto an encrypted journal keeps it encrypted', async () => {
    const plainText = await plainJournalWithBackups();
    await store().encrypt(PASSPHRASE);
    await store().update((data) => addTask(data, 'third'));
    const plainBackup = join(paths.backups, 'journal.json.2020-01-01T00-00-00-000Z.00abcd.saved.json');
    await writeFile(plainBackup, plainText);

    const restored = await store().restore(plainBackup);
    expect(restored).toMatchObject({ unchanged: false, writtenAs: 'encrypted' });
    const bytes = await readFile(journal);
    expect(isEncrypted(bytes)).toBe(true);
    expect(bytes.includes(MARKER)).toBe(false);
    expect((await store().read()).actions.map((action) => action.title)).toEqual([MARKER, 'second']);
  });

  it('restoring an encrypted backup onto a plain journal keeps it plain', async () => {
    const plainText = await plainJournalWithBackups();
    const older = JSON.parse(plainText) as Journal;
    older.actions.pop();
    const key = await deriveKey(PASSPHRASE, newKdfParams());
    const encryptedBackup = join(paths.backups, 'journal.json.2020-01-01T00-00-00-000Z.00abcd.saved.json');
    await writeFile(encryptedBackup, encrypt(serialiseJournal(older), key));

    const restored = await store().restore(encryptedBackup);
    expect(restored).toMatchObject({ unchanged: false, writtenAs: 'plain' });
    expect(
      JSON.parse(await readFile(journal, 'utf8')).actions.map((action: { title: string }) => action.title),
    ).toEqual([MARKER]);
  });

  it('a plain backup is not restored over an encrypted journal that cannot be opened; nothing changes', async () => {
    const plainText = await plainJournalWithBackups();
    await store().encrypt(PASSPHRASE);
    const plainBackup = join(paths.backups, 'journal.json.2020-01-01T00-00-00-000Z.00abcd.saved.json');
    await writeFile(plainBackup, plainText);
    const before = await readFile(journal);
    const wrong = openJournalStore(journal, clock, { codec: autoCodec(async () => 'not the passphrase') });
    await expect(wrong.restore(plainBackup)).rejects.toThrow(
      /is plain and the journal is encrypted, but the journal cannot be opened/,
    );
    expect(await readFile(journal)).toEqual(before);
  });

  it('undo keeps an encrypted journal encrypted, even with a plain backup planted by a killed decrypt', async () => {
    await plainJournalWithBackups();
    await store().encrypt(PASSPHRASE);
    const [, previous] = await store().backups();
    const plainPrevious = await openJournalStore(journal, clock, { codec: codec() }).read();
    plainPrevious.actions.pop();
    await writeFile(previous!.file, JSON.stringify(plainPrevious));
    const before = await store().read();
    await store().undo();
    expect(isEncrypted(await readFile(journal))).toBe(true);
    // Undo takes back the newest change from the journal's own history, never from a backup.
    expect((await store().read()).actions.length).toBe(before.actions.length - 1);
  });
});
