import { spawnSync } from 'node:child_process';
import { chmod, lstat, mkdir, readdir, readFile, readlink, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JournalSchema, type Journal } from '../../src/core/schema.js';
import { parseJournal } from '../../src/store/journal-validation.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import { withJournalLock } from '../../src/store/lock.js';
import type { JournalPaths } from '../../src/store/paths.js';
import {
  NOW,
  addTask,
  ageFile,
  clock,
  exists,
  modeOf,
  snapshot,
  tempFolder,
  withUmask,
  writeSampleJournal,
} from './fixtures.js';

let dir: string;
let journal: string;
let paths: JournalPaths;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, journal, paths, cleanup } = await tempFolder());
});
afterEach(() => cleanup());

async function onDisk(path = journal): Promise<Journal> {
  return parseJournal(await readFile(path, 'utf8'), path).journal;
}

describe('openJournalStore: reading', () => {
  it('read() of a missing journal gives an empty, valid journal stamped with the clock', async () => {
    const data = await openJournalStore(journal, clock).read();
    expect(JournalSchema.safeParse(data).success).toBe(true);
    expect(data).toMatchObject({ mentors: [], goals: [], meetings: [], actions: [], counters: { g: 1, m: 1, a: 1 } });
    expect(data.createdAt).toBe(NOW);
  });

  it('read() of a missing journal creates neither the file nor its folder', async () => {
    const nested = join(dir, 'not-yet', 'journal.json');
    await openJournalStore(nested, clock).read();
    await openJournalStore(journal, clock).read();
    expect(await exists(journal)).toBe(false);
    expect(await exists(join(dir, 'not-yet'))).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('read() returns what is on disk', async () => {
    await writeSampleJournal(journal);
    const data = await openJournalStore(journal, clock).read();
    expect(data.actions.map((action) => action.title)).toEqual(['Email the training lead']);
    expect(data.meetings.map((meeting) => meeting.id)).toEqual(['m1']);
  });
});

describe('openJournalStore: updating', () => {
  it.each([
    ['022', 0o022],
    ['000', 0o000],
  ])('update() creates the journal 0600 and its missing folder 0700 with umask %s', async (_, mask) => {
    const folder = join(dir, 'data', 'mentee');
    const path = join(folder, 'journal.json');
    await withUmask(mask, () => openJournalStore(path, clock).update((j) => addTask(j, 'first')));
    expect(await modeOf(path)).toBe(0o600);
    expect(await modeOf(folder)).toBe(0o700);
    expect((await onDisk(path)).actions.map((a) => a.title)).toEqual(['first']);
  });

  it('update() leaves the journal 0600 after rewriting a file that was 0644', async () => {
    await writeSampleJournal(journal);
    await chmod(journal, 0o644);
    await withUmask(0o022, () => openJournalStore(journal, clock).update((j) => addTask(j, 'second')));
    expect(await modeOf(journal)).toBe(0o600);
  });

  it('update() returns the value returned by the change', async () => {
    const store = openJournalStore(journal, clock);
    const added = await store.update((j) => addTask(j, 'Draft a personal statement'));
    expect(added).toEqual({
      id: 'a1',
      uid: expect.any(String),
      title: 'Draft a personal statement',
      owner: 'me',
      status: 'open',
      notes: [],
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(await store.update((j) => j.actions.length * 10)).toBe(10);
  });

  it('update() writes the change so that a later read() and another store see it', async () => {
    await openJournalStore(journal, clock).update((j) => {
      j.profile.name = 'Sam Patel';
      addTask(j, 'Book a shadowing day');
    });
    const again = await openJournalStore(journal, clock).read();
    expect(again.profile.name).toBe('Sam Patel');
    expect(again.actions.map((a) => [a.id, a.title])).toEqual([['a1', 'Book a shadowing day']]);
    expect(again.counters.a).toBe(2);
  });

  it('update() stamps updatedAt with the clock and keeps createdAt', async () => {
    let now = new Date('2026-11-25T09:00:00Z');
    const store = openJournalStore(journal, () => now);
    await store.update((j) => addTask(j, 'first'));
    now = new Date('2026-11-27T18:15:00Z');
    await store.update((j) => addTask(j, 'second'));
    const saved = await onDisk();
    expect(saved.createdAt).toBe('2026-11-25T09:00:00.000Z');
    expect(saved.updatedAt).toBe('2026-11-27T18:15:00.000Z');
  });

  it('update() applies the change to the journal as it is on disk now, not to an earlier read', async () => {
    const mine = openJournalStore(journal, clock);
    const stale = await mine.read();
    addTask(stale, 'edited in memory only');
    await openJournalStore(journal, clock).update((j) => addTask(j, 'from another command'));
    await mine.update((j) => addTask(j, 'mine'));
    expect((await onDisk()).actions.map((a) => [a.id, a.title])).toEqual([
      ['a1', 'from another command'],
      ['a2', 'mine'],
    ]);
  });

  it('when the change throws, update() rejects with that error, the file is byte-for-byte unchanged and no backup is added', async () => {
    const store = openJournalStore(journal, clock);
    await store.update((j) => addTask(j, 'first'));
    await store.update((j) => addTask(j, 'second'));
    await ageFile(journal);
    const before = await snapshot(journal, dir);
    const backupsBefore = (await readdir(`${journal}.backups`)).sort();
    const failure = new Error('unknown id a9');
    await expect(
      store.update((j) => {
        addTask(j, 'half-done');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await snapshot(journal, dir)).toEqual(before);
    expect((await readdir(`${journal}.backups`)).sort()).toEqual(backupsBefore);
  });

  it('when the change throws on a missing journal, no file is created', async () => {
    await expect(
      openJournalStore(journal, clock).update(() => {
        throw new Error('bad date');
      }),
    ).rejects.toThrow('bad date');
    expect(await exists(journal)).toBe(false);
    expect(await exists(`${journal}.backups`)).toBe(false);
  });

  it('update() refuses to save a change that makes the journal invalid, leaving the file as it was', async () => {
    await writeSampleJournal(journal);
    await ageFile(journal);
    const before = await snapshot(journal, dir);
    await expect(
      openJournalStore(journal, clock).update((j) => {
        j.actions[0]!.title = '   ';
      }),
    ).rejects.toThrow(/actions\[0\]\.title: must not be empty/);
    expect(await snapshot(journal, dir)).toEqual(before);
  });

  it('update() leaves no lock or temporary file beside the journal', async () => {
    const store = openJournalStore(journal, clock);
    await store.update((j) => addTask(j, 'first'));
    await store.update((j) => addTask(j, 'second'));
    expect((await readdir(dir)).sort()).toEqual(['journal.json', 'journal.json.backups']);
  });
});

describe('openJournalStore: symlinked journal', () => {
  it('updates the target through the link, and the link stays a symlink', async () => {
    const elsewhere = join(dir, 'synced');
    await mkdir(elsewhere);
    const target = join(elsewhere, 'journal.json');
    await writeSampleJournal(target);
    await symlink(target, journal);

    const store = openJournalStore(journal, clock);
    await store.update((j) => addTask(j, 'through the link'));
    await store.update((j) => addTask(j, 'and again'));

    expect((await lstat(journal)).isSymbolicLink()).toBe(true);
    expect(await readlink(journal)).toBe(target);
    expect((await onDisk(target)).actions.map((a) => a.title)).toEqual([
      'Email the training lead',
      'through the link',
      'and again',
    ]);
    expect((await store.read()).actions).toHaveLength(3);
    expect(await modeOf(target)).toBe(0o600);
  });

  it('updates through a relative symlink', async () => {
    await mkdir(join(dir, 'real'));
    await writeSampleJournal(join(dir, 'real', 'journal.json'));
    await symlink(join('real', 'journal.json'), journal);
    await openJournalStore(journal, clock).update((j) => addTask(j, 'relative'));
    expect((await lstat(journal)).isSymbolicLink()).toBe(true);
    expect((await onDisk(join(dir, 'real', 'journal.json'))).actions.map((a) => a.title)).toContain('relative');
  });

  it('a symlink whose target does not exist yet stays a link, and the first update creates the target', async () => {
    const elsewhere = join(dir, 'synced');
    await mkdir(elsewhere);
    const target = join(elsewhere, 'journal.json');
    await symlink(target, journal);

    await openJournalStore(journal, clock).update((j) => addTask(j, 'first'));

    expect((await lstat(journal)).isSymbolicLink()).toBe(true);
    expect(await exists(target)).toBe(true);
    expect((await onDisk(target)).actions.map((a) => a.title)).toEqual(['first']);
  });

  it('one store follows a link to a journal not made yet, then makes it there and reads it back', async () => {
    const target = join(dir, 'synced', 'journal.json');
    await mkdir(join(dir, 'synced'));
    await symlink(target, journal);

    const store = openJournalStore(journal, clock);
    expect(await store.exists()).toBe(false);
    expect((await store.read()).actions).toEqual([]);
    await store.update((j) => addTask(j, 'first'));
    await store.update((j) => addTask(j, 'second'));

    expect((await lstat(journal)).isSymbolicLink()).toBe(true);
    expect(await store.exists()).toBe(true);
    expect((await store.read()).actions.map((a) => a.title)).toEqual(['first', 'second']);
    expect(await readdir(join(dir, 'synced'))).toEqual(['journal.json', 'journal.json.backups']);
    expect(await store.owns(`${target}.backups/anything.json`)).toBe(true);
  });
});

describe('openJournalStore: the lock', () => {
  it('two updates started together from one process both land', async () => {
    const store = openJournalStore(journal, clock);
    const [first, second] = await Promise.all([
      store.update((j) => addTask(j, 'first')),
      store.update((j) => addTask(j, 'second')),
    ]);
    expect(new Set([first.id, second.id])).toEqual(new Set(['a1', 'a2']));
    const saved = await onDisk();
    expect(saved.actions.map((a) => a.title).sort()).toEqual(['first', 'second']);
    expect(saved.counters.a).toBe(3);
  });

  it('ten updates from separate stores started together all land with distinct ids', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        openJournalStore(journal, clock).update((j) => addTask(j, `task ${index + 1}`)),
      ),
    );
    const saved = await onDisk();
    expect(saved.actions).toHaveLength(10);
    expect(new Set(saved.actions.map((a) => a.id)).size).toBe(10);
    expect(saved.actions.map((a) => a.title).sort()).toEqual(
      Array.from({ length: 10 }, (_, index) => `task ${index + 1}`).sort(),
    );
  });

  it('an update waits while the lock is held and runs once it is released', async () => {
    await writeSampleJournal(journal);
    let release!: () => void;
    let acquired!: () => void;
    const lockTaken = new Promise<void>((resolve) => (acquired = resolve));
    const holder = withJournalLock(
      paths,
      () => {
        acquired();
        return new Promise<void>((resolve) => (release = resolve));
      },
      { notice: () => undefined },
    );
    await lockTaken;

    let changed = false;
    const waiting = openJournalStore(journal, clock).update((j) => {
      changed = true;
      return addTask(j, 'after the lock');
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(changed).toBe(false);
    expect((await onDisk()).actions).toHaveLength(1);

    release();
    await holder;
    const added = await waiting;
    expect(changed).toBe(true);
    expect(added.id).toBe('a2');
    expect((await onDisk()).actions.map((a) => a.title)).toEqual(['Email the training lead', 'after the lock']);
  });

  it('a lock left behind by a crashed process (older than the stale limit) does not block updates', async () => {
    await writeSampleJournal(journal);
    const lock = paths.lock;
    await mkdir(lock);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lock, longAgo, longAgo);
    await openJournalStore(journal, clock).update((j) => addTask(j, 'after a crash'));
    expect((await onDisk()).actions.map((a) => a.title)).toContain('after a crash');
    expect(await exists(lock)).toBe(false);
  });

  it('a lock left by a process no longer running is taken over, and the store says so through onNotice only', async () => {
    await writeSampleJournal(journal);
    await mkdir(paths.lock);
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout);
    await writeFile(paths.lockHolder, String(dead));
    const notices: string[] = [];
    const written = vi.spyOn(process.stderr, 'write');
    try {
      await openJournalStore(journal, clock, { onNotice: (text) => notices.push(text) }).update((j) =>
        addTask(j, 'after a crash'),
      );
      expect(written).not.toHaveBeenCalled();
    } finally {
      written.mockRestore();
    }
    expect(notices).toEqual([
      `mentee: recovered the lock on ${journal} left by process ${dead}, which is no longer running.`,
    ]);
    expect((await onDisk()).actions.map((a) => a.title)).toContain('after a crash');
  });
});
