import { spawnSync } from 'node:child_process';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withJournalLock } from '../../src/store/lock.js';
import type { JournalPaths } from '../../src/store/paths.js';
import { readJournal, runMentee } from '../helpers/cli.js';
import { tempFolder } from './fixtures.js';

let journal: string;
let paths: JournalPaths;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, journal, paths, cleanup } = await tempFolder()));
afterEach(() => cleanup());

/** For locks that nobody left behind: a notice would be a bug. */
function unexpected(text: string): never {
  throw new Error(`unexpected notice: ${text}`);
}

/** The pid of a process that has already finished. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    .stdout as unknown as number;
}

describe('the journal lock', () => {
  it('makes a second writer wait, then say the journal is busy and which process holds it', async () => {
    let release!: () => void;
    let taken!: () => void;
    const held = new Promise<void>((resolve) => (taken = resolve));
    const holder = withJournalLock(
      paths,
      () => {
        taken();
        return new Promise<void>((resolve) => (release = resolve));
      },
      { notice: unexpected },
    );
    await held;
    const started = Date.now();
    await expect(withJournalLock(paths, async () => 'never', { notice: unexpected, waitMs: 400 })).rejects.toThrow(
      `The journal is busy (pid ${process.pid})`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    release();
    await holder;
    await expect(withJournalLock(paths, async () => 'now', { notice: unexpected })).resolves.toBe('now');
  });

  it('takes over at once a lock left by a process that is no longer running, and says so', async () => {
    const lock = paths.lock;
    await mkdir(lock);
    const pid = Number(deadPid());
    await writeFile(`${lock}.pid`, String(pid));
    const notices: string[] = [];
    const started = Date.now();
    await expect(withJournalLock(paths, async () => 'written', { notice: (text) => notices.push(text) })).resolves.toBe(
      'written',
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(notices).toEqual([
      `mentee: recovered the lock on ${journal} left by process ${pid}, which is no longer running.`,
    ]);
  });

  it('is taken over when it has no pid recorded and is older than any holder takes to write one', async () => {
    await mkdir(paths.lock);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const notices: string[] = [];
    await expect(
      withJournalLock(paths, async () => 'written', { notice: (text) => notices.push(text), unclaimedMs: 200 }),
    ).resolves.toBe('written');
    expect(notices).toEqual([
      `mentee: recovered the lock on ${journal} left by a mentee that stopped before saying which it was.`,
    ]);
  });

  it('is taken over by exactly one of many writers that find it abandoned, and no write is lost', async () => {
    await runMentee(['init', '--name', 'Sam'], { journal });
    const lock = paths.lock;
    await mkdir(lock);
    await writeFile(`${lock}.pid`, String(Number(deadPid())));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) => runMentee(['action', 'add', `task ${index + 1}`], { journal })),
    );
    expect(results.map((result) => result.code)).toEqual(Array(8).fill(0));
    const notices = results.filter((result) => result.stderr.includes('recovered the lock'));
    expect(notices).toHaveLength(1);
    expect((await readJournal(journal)).actions).toHaveLength(8);
  });

  it('clears the takeover folder a waiter killed in the middle of its takeover left, fresh as it is', async () => {
    await mkdir(paths.lockTakeover);
    await expect(withJournalLock(paths, async () => 'written', { notice: unexpected })).resolves.toBe('written');
    expect(await readdir(dir)).toEqual([]);
  });

  it('is readable by its owner only, whatever the umask, and leaves nothing behind', async () => {
    const umask = process.umask(0);
    try {
      await withJournalLock(
        paths,
        async () => {
          expect((await stat(paths.lock)).mode & 0o777).toBe(0o700);
          expect((await stat(paths.lockHolder)).mode & 0o777).toBe(0o600);
        },
        { notice: unexpected },
      );
    } finally {
      process.umask(umask);
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes temporary files left by a writer that was killed, and only those', async () => {
    const dead = Number(deadPid());
    const leftover = `.journal.json.${dead}.1a2b3c4d.tmp`;
    const ours = `.journal.json.${process.pid}.5e6f7a8b.tmp`;
    const other = `.notes.json.${dead}.1a2b3c4d.tmp`;
    for (const name of [leftover, ours, other]) await writeFile(join(dir, name), 'partial');
    await withJournalLock(paths, async () => undefined, { notice: unexpected });
    expect((await readdir(dir)).sort()).toEqual([ours, other].sort());
  });
});
