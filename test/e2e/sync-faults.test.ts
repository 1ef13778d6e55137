/**
 * `mentee sync` when things go wrong: a journal never connected, a remote that cannot be reached (at
 * init, or moved away later, or lost between fetching and sending), encrypted journals (ciphertext
 * pushed, the wrong passphrase, a plain device), and a sync killed at random moments. The built binary
 * and the real git throughout; every device its own journal.
 */
import { chmod, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFolders } from '../helpers/temp.js';
import {
  bareRemote,
  builtBinary,
  Clock,
  device,
  expectInStep,
  git,
  remoteCopy,
  remoteMain,
  tryGit,
  type Device,
} from '../helpers/devices.js';

beforeAll(builtBinary, 120_000);

const folder = tempFolders();
const PASSPHRASE = 'correct horse battery staple';
const MAGIC = 'mentee-encrypted v1\n';

/** The journal's bytes, or undefined when there is none: what a refusal must leave as it was. */
async function bytesOf(journal: string): Promise<Buffer | undefined> {
  return existsSync(journal) ? readFile(journal) : undefined;
}

/** A refusal: exit 1, one line on stderr, nothing on stdout. */
function expectOneLine(result: { code: number; stdout: string; stderr: string }, says: RegExp): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^mentee: [^\n]*\n(?:[^\n]*\n)?$/);
  expect(result.stderr.split('\n')[0]).toMatch(says);
}

async function laptopWithAJournal(root: Awaited<ReturnType<typeof folder>>, clock: Clock, env = {}): Promise<Device> {
  const laptop = await device(root, 'laptop', clock, env);
  await laptop.quick('mentor', 'add', 'Dr Ada Lovelace');
  await laptop.quick('action', 'add', 'Book the MRCGP exam');
  await laptop.quick(
    'log',
    '--mentor',
    'lovelace',
    '--when',
    '2026-11-24 17:30',
    '--advice',
    'Talk to three GPs before deciding',
    '--private',
    'Felt anxious about telling my consultant',
  );
  return laptop;
}

/** Sam's laptop and work machine connected to one new remote: the laptop's journal sent, taken by work. */
async function connectedPair() {
  const root = await folder();
  const clock = new Clock();
  const remote = await bareRemote(root);
  const laptop = await laptopWithAJournal(root, clock);
  const work = await device(root, 'work', clock);
  await laptop.mentee('sync', 'init', remote);
  await work.mentee('sync', 'init', remote);
  return { root, clock, remote, laptop, work };
}

/** Then each with a change the other lacks (work's already sent). */
async function eachWithNews() {
  const { root, clock, remote, laptop, work } = await connectedPair();
  await work.quick('action', 'add', 'Renew my indemnity cover');
  await work.sync();
  await laptop.quick('action', 'add', 'Shadow a paediatric clinic');
  return { root, clock, remote, laptop, work };
}

describe('a journal not connected to a remote', () => {
  it('sync and sync status say so in one line, with the command that connects it, and change nothing', async () => {
    const root = await folder();
    const laptop = await laptopWithAJournal(root, new Clock());
    const before = await bytesOf(laptop.journal);
    for (const args of [['sync'], ['sync', 'status'], ['sync', '--json']]) {
      const result = await laptop.run(...args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('This journal is not synced yet.');
      expect(result.stderr).toContain('mentee sync init <remote>');
    }
    expect(await bytesOf(laptop.journal)).toEqual(before);
    expect(existsSync(laptop.syncRepo)).toBe(false);
  });
});

describe('a remote that cannot be reached', () => {
  it('at init: one line naming it, exit 1, the journal byte-identical and no sync folder left', async () => {
    const root = await folder();
    const laptop = await laptopWithAJournal(root, new Clock());
    const before = await bytesOf(laptop.journal);
    const nowhere = join(root.dir, 'no-such-stick', 'mentee.git');
    const result = await laptop.run('sync', 'init', nowhere);
    expectOneLine(result, new RegExp(`Cannot reach the sync remote ${nowhere.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(await bytesOf(laptop.journal)).toEqual(before);
    expect(existsSync(laptop.syncRepo)).toBe(false);
    // …and a device with no journal is left with none.
    const work = await device(root, 'work', new Clock());
    expectOneLine(await work.run('sync', 'init', nowhere), /Cannot reach the sync remote/);
    expect(existsSync(work.journal)).toBe(false);
    expect(existsSync(work.syncRepo)).toBe(false);
  });

  it('moved away after init: sync is one line and changes nothing; once it is back, the next sync sends everything', async () => {
    const root = await folder();
    const clock = new Clock();
    const remote = await bareRemote(root);
    const laptop = await laptopWithAJournal(root, clock);
    await laptop.mentee('sync', 'init', remote);
    await laptop.quick('action', 'add', 'Shadow a paediatric clinic');
    const main = await remoteMain(remote);

    await rename(remote, `${remote}.away`);
    const before = await bytesOf(laptop.journal);
    expectOneLine(await laptop.run('sync'), /Cannot reach the sync remote/);
    expect(await bytesOf(laptop.journal)).toEqual(before);
    const status = await laptop.status();
    expect(status).toMatchObject({ reachable: false });
    expect(status.toSend.action.added).toBe(1);
    expect(await laptop.mentee('sync', 'status')).toContain('To send: 1 action.');

    await rename(`${remote}.away`, remote);
    expect(await remoteMain(remote)).toBe(main);
    const sent = await laptop.sync();
    expect(sent).toMatchObject({ pushed: true });
    expect(sent.sent.action.added).toBe(1);
    await expect(remoteCopy(remote).then(String)).resolves.toContain('Shadow a paediatric clinic');
  });

  it('lost between fetching and sending: the merge is kept, the sync says nothing was sent, and the next one sends it', async () => {
    const { root, remote, laptop, work } = await eachWithNews();
    const main = await remoteMain(remote);

    // Fetching works, sending does not: as when the network drops after the fetch.
    await git(['--git-dir', laptop.syncRepo, 'config', 'remote.origin.pushurl', join(root.dir, 'gone.git')]);
    const result = await laptop.run('sync');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Brought in 1 action from the remote; 1 action of yours not sent yet.');
    expect(result.stdout).toContain(`Could not send: Cannot reach the sync remote ${remote}`);
    expect(result.stdout).toContain('Your changes are kept, and the next mentee sync sends them.');
    expect(await remoteMain(remote)).toBe(main);
    expect(Object.values(await laptop.actions())).toEqual(
      expect.arrayContaining(['Renew my indemnity cover', 'Shadow a paediatric clinic']),
    );
    expect((await laptop.status()).toSend.action.added).toBe(1);

    await git(['--git-dir', laptop.syncRepo, 'config', '--unset', 'remote.origin.pushurl']);
    expect((await laptop.sync()).pushed).toBe(true);
    await work.sync();
    await expectInStep(laptop, work);
  });

  it('that refuses what is sent (a hook, a protected branch): one line, the merge kept, sent once it accepts', async () => {
    const root = await folder();
    const clock = new Clock();
    const remote = await bareRemote(root);
    const laptop = await laptopWithAJournal(root, clock);
    await laptop.mentee('sync', 'init', remote);
    await laptop.quick('action', 'add', 'Shadow a paediatric clinic');
    const hook = join(remote, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "main is protected" >&2\nexit 1\n');
    await chmod(hook, 0o755);

    const result = await laptop.run('sync');
    expect(result.stderr.trim().split('\n').length, result.stderr).toBeLessThanOrEqual(2);
    expect(`${result.stdout}${result.stderr}`).toMatch(/main is protected|declined|refused|rejected/i);
    expect(Object.values(await laptop.actions())).toContain('Shadow a paediatric clinic');

    await rm(hook);
    expect((await laptop.sync()).pushed).toBe(true);
    expect(String(await remoteCopy(remote))).toContain('Shadow a paediatric clinic');
  });
});

describe('an encrypted journal', () => {
  const env = { MENTEE_PASSPHRASE: PASSPHRASE };

  async function encryptedLaptop() {
    const root = await folder();
    const clock = new Clock();
    const remote = await bareRemote(root);
    const laptop = await laptopWithAJournal(root, clock, env);
    await laptop.mentee('encrypt');
    await laptop.mentee('sync', 'init', remote);
    return { root, clock, remote, laptop };
  }

  it('is sent as ciphertext: no word the user wrote is in the remote, in any commit', async () => {
    const { remote, laptop } = await encryptedLaptop();
    await laptop.quick('action', 'add', 'Apply for the deanery fellowship');
    expect((await laptop.sync()).encrypted).toBe(true);
    const copy = await remoteCopy(remote);
    expect(copy.subarray(0, MAGIC.length).toString()).toBe(MAGIC);
    // Every object of the remote, not only main's copy: commits, trees and every blob ever pushed.
    const objects = (await git(['--git-dir', remote, 'cat-file', '--batch-all-objects', '--batch'])).toString();
    for (const word of ['Lovelace', 'lovelace', 'MRCGP', 'GPs', 'anxious', 'consultant', 'deanery'])
      expect(objects).not.toContain(word);
  });

  it('a second device with the passphrase takes it and keeps it encrypted on its own disk too', async () => {
    const { root, clock, remote, laptop } = await encryptedLaptop();
    const work = await device(root, 'work', clock, env);
    await work.mentee('sync', 'init', remote);
    expect(await work.mentee('actions')).toContain('Book the MRCGP exam');
    const onDisk = await readFile(work.journal);
    expect(onDisk.subarray(0, MAGIC.length).toString()).toBe(MAGIC);
    expect(onDisk.includes('MRCGP')).toBe(false);

    await work.quick('action', 'add', 'Renew my indemnity cover');
    expect((await work.sync()).encrypted).toBe(true);
    await laptop.sync();
    await expectInStep(laptop, work);
    expect(String(await remoteCopy(remote))).not.toContain('indemnity');
  });

  it('a device with the wrong passphrase is refused in one line, and its journal and the remote are unchanged', async () => {
    const { root, clock, remote } = await encryptedLaptop();
    const main = await remoteMain(remote);
    const work = await device(root, 'work', clock, { MENTEE_PASSPHRASE: 'not my passphrase' });
    const result = await work.run('sync', 'init', remote);
    expectOneLine(result, /encrypted.*passphrase/);
    expect(result.stderr).not.toMatch(/MRCGP|Lovelace/);
    expect(existsSync(work.journal)).toBe(false);
    expect(existsSync(work.syncRepo)).toBe(false);
    expect(await remoteMain(remote)).toBe(main);
  });

  /** A plain journal of its own on a new device, connected to the encrypted remote: refused, nothing sent, nothing changed. */
  async function plainDeviceRefused(env: Record<string, string>): Promise<void> {
    const { root, clock, remote } = await encryptedLaptop();
    const main = await remoteMain(remote);
    const plain = await device(root, 'plain', clock, env);
    await plain.quick('action', 'add', 'Renew my indemnity cover');
    const before = await bytesOf(plain.journal);
    const result = await plain.run('sync', 'init', remote);
    expect(result.code, result.stdout).toBe(1);
    expect(result.stderr).toMatch(/^mentee: .*encrypted/);
    expect(await remoteMain(remote)).toBe(main);
    const after = await bytesOf(plain.journal);
    expect(String(after)).not.toMatch(/MRCGP|anxious/);
    expect(after).toEqual(before);
  }

  it('a plain device without the passphrase is refused, sends nothing, and its journal is unchanged', async () => {
    await plainDeviceRefused({});
  });

  it('a plain device with the passphrase is refused too, and no plaintext of the remote is written to its disk', async () => {
    await plainDeviceRefused({ MENTEE_PASSPHRASE: PASSPHRASE });
  });
});

describe('a sync killed at random moments', () => {
  it('leaves a valid journal and repository every time; the next sync completes, and nothing either device wrote is lost', async () => {
    const { laptop, work } = await connectedPair();

    // How long a whole sync of the binary takes here (one that sends), so the kills land within one on any machine.
    await laptop.quick('action', 'add', 'Timing the sync');
    const timed = Date.now();
    await laptop.mentee('sync');
    const whole = Math.max(100, Date.now() - timed);
    const random = seeded(Number(process.env.SYNC_KILL_SEED ?? 20261125));
    const written: string[] = [];
    const kills: number[] = [];
    let interrupted = 0;
    for (let round = 1; round <= 15; round++) {
      const [victim, other] = round % 2 ? [laptop, work] : [work, laptop];
      for (const each of [victim, other]) {
        const title = `Round ${round} on the ${each.name}`;
        written.push(title);
        await each.quick('action', 'add', title);
      }
      await other.quick('goal', 'add', `Goal of round ${round}`).then(() => written.push(`Goal of round ${round}`));
      await other.quick('sync');

      const after = Math.floor(random() * whole * 1.2);
      kills.push(after);
      if (await killedAfter(victim, after)) interrupted++;
      const context = `round ${round}, killed after ${after} ms (SYNC_KILL_SEED=${process.env.SYNC_KILL_SEED ?? 20261125})`;
      const doctor = JSON.parse(await victim.quick('doctor', '--json'));
      expect(doctor.journal.ok, context).toBe(true);
      await expectSoundRepository(victim.syncRepo, context);
      const next = await victim.run('sync', '--json');
      expect(next.code, `${context}: ${next.stderr}`).toBe(0);
    }
    await laptop.sync();
    await work.sync();
    await laptop.sync();
    await expectInStep(laptop, work);
    const content = (await laptop.content()) as { actions: { title: string }[]; goals: { title: string }[] };
    const titles = [...content.actions, ...content.goals].map((record) => record.title);
    for (const title of written)
      expect(
        titles.filter((each) => each === title),
        title,
      ).toHaveLength(1);
    // The kills did land mid-sync (not all before it started or after it ended).
    expect(interrupted, `kills after ${kills.join(', ')} ms`).toBeGreaterThanOrEqual(5);
  });
  // Once, a lock file that a killed git left (the battery died while it moved a ref) made every later
  // sync fail until the user found the file and deleted it by hand: on main's lock with "unexpected
  // error" and a stack trace (exit 70, saying the journal was not changed when the merge was saved); on
  // origin/main's with "Cannot reach the sync remote", which was reachable. mentee holds the journal's lock through the sync, and the repository is
  // its own: a lock older than that is stale.
  for (const ref of ['refs/heads/main', 'refs/remotes/origin/main'])
    it(`killed while git held the lock of ${ref}: the next sync still completes`, async () => {
      const { laptop, work } = await eachWithNews();
      // What git leaves when killed between taking a ref's lock and renaming it into place, ten minutes ago.
      const lock = join(laptop.syncRepo, `${ref}.lock`);
      await writeFile(lock, '');
      const then = new Date(Date.now() - 10 * 60_000);
      await utimes(lock, then, then);

      const result = await laptop.run('sync');
      expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
      expect(result.code, result.stderr).toBe(0);
      await work.sync();
      await expectInStep(laptop, work);
    });
});

/**
 * git fsck finds nothing wrong with what the repository's refs point at, and no damaged object. A git
 * killed while fetching may leave objects nothing points at that miss what they point to (a tree whose
 * blob never arrived): that is git's own way, harmless (the next fetch brings them again), and allowed.
 */
async function expectSoundRepository(repo: string, context: string): Promise<void> {
  const reachable = await tryGit(['--git-dir', repo, 'fsck', '--connectivity-only', '--no-dangling', '--no-progress']);
  expect(reachable.code, `${context}: ${reachable.stdout}${reachable.stderr}`).toBe(0);
  const full = await tryGit(['--git-dir', repo, 'fsck', '--no-dangling', '--no-progress']);
  const problems = `${full.stdout}${full.stderr}`
    .split('\n')
    .filter((line) => line && !/^missing (blob|tree|commit) [0-9a-f]{40}$/.test(line));
  expect(problems, context).toEqual([]);
}

/**
 * Runs `mentee sync` and SIGKILLs it, with every git it started, after `ms` (if still running): as when the
 * laptop's battery dies. Whether it was killed before it ended.
 */
async function killedAfter(victim: Device, ms: number): Promise<boolean> {
  const child = victim.spawn('sync');
  const ended = new Promise<boolean>((resolve) => child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL')));
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // It had ended.
    }
  }, ms);
  const killed = await ended;
  clearTimeout(timer);
  // The whole group was killed at once; make sure no git of it is still finishing.
  for (let tries = 0; tries < 50 && groupAlive(child.pid!); tries++) await new Promise((r) => setTimeout(r, 20));
  return killed;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A small deterministic random (mulberry32): the same kills on every run unless SYNC_KILL_SEED says otherwise. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
