/**
 * The files beside the journal that the store tests do not reach through commands: drafts and the
 * validation memo. Nothing planted there is read or written through; under sudo, what is made is the
 * user's. The second user is real (test/helpers/machine.ts), so those tests need root.
 */
import { chmod, chown, lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAFT_VERSION, type Draft } from '../../src/store/drafts.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import type { JournalPaths } from '../../src/store/paths.js';
import { folderOf, otherUser, type OtherUser } from '../helpers/machine.js';
import { clock, tempFolder, writeSampleJournal } from './fixtures.js';

let dir: string;
let journal: string;
let paths: JournalPaths;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, journal, paths, cleanup } = await tempFolder()));
afterEach(() => cleanup());

const other = otherUser();
const skipped = 'skipped' in other ? other.skipped : undefined;
const user = other as OtherUser;

const draft: Draft = {
  version: DRAFT_VERSION,
  wizard: 'log',
  meeting: 'm1',
  savedAt: '2026-12-01T10:00:00.000Z',
  answers: { 'advice:1': 'Talk to three GPs' },
};

describe('files beside the journal', () => {
  it('a draft that is a link is set aside, never read through', async () => {
    const secret = join(dir, 'secret.txt');
    await writeFile(secret, 'not a draft\n');
    await mkdir(paths.drafts, { mode: 0o700 });
    await symlink(secret, join(paths.drafts, 'log-m1.json'));
    const { drafts, unreadable } = await openJournalStore(journal, clock).drafts().list('log');
    expect(drafts).toEqual([]);
    expect(unreadable[0]!.reason).toContain('it is a symbolic link, which mentee never follows');
    expect(await readFile(secret, 'utf8')).toBe('not a draft\n');
  });

  it('a validation memo that is a link is never written through, and the journal still saves', async () => {
    await writeSampleJournal(journal);
    const secret = join(dir, 'secret.txt');
    await writeFile(secret, 'untouched\n');
    await mkdir(paths.backups, { mode: 0o700 });
    await symlink(secret, paths.memo);
    const store = openJournalStore(journal, clock);
    await store.update((data) => void (data.profile.name = 'Sam'));
    expect((await store.read()).profile.name).toBe('Sam');
    expect(await readFile(secret, 'utf8')).toBe('untouched\n');
    expect((await lstat(paths.memo)).isSymbolicLink()).toBe(true);
  });
});

describe.skipIf(skipped)(`drafts and another user (${skipped ?? 'as root'})`, () => {
  it('a drafts folder made by another user is refused when a wizard keeps answers', async () => {
    await mkdir(paths.drafts, { mode: 0o700 });
    await chown(paths.drafts, user.uid, user.gid);
    const box = openJournalStore(journal, clock).drafts();
    await expect(box.save(draft)).rejects.toThrow(`${paths.drafts} belongs to ${user.name}, not you`);
    await expect(box.list('log')).rejects.toThrow(`${paths.drafts} belongs to ${user.name}, not you`);
  });

  it("answers kept by sudo mentee in a user's folder are the user's", async () => {
    await chmod(dir, 0o755);
    const theirs = folderOf(user, dir);
    await chmod(theirs, 0o700);
    const store = openJournalStore(join(theirs, 'journal.json'), clock);
    await store.drafts().save(draft);
    const drafts = join(theirs, 'journal.json.drafts');
    for (const path of [drafts, join(drafts, 'log-m1.json')]) expect((await lstat(path)).uid).toBe(user.uid);
    expect((await store.drafts().list('log')).drafts).toEqual([draft]);
  });
});
