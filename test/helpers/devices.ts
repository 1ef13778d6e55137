/**
 * Simulated devices for the end-to-end tests of `mentee sync`: each device is its own journal in its own
 * folder, all of them share one clock that moves on a minute with every command (what is done later is
 * later, as it is on real devices), and the remote is a bare repository made with the real git.
 *
 * What a user does is run through the built binary (sync itself always is: a real process running the
 * real git); setting a journal up runs in process, which is quicker and the same code.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { withoutPrivateTexts } from '../../src/core/privacy.js';
import { SyncJsonSchema, SyncStatusJsonSchema, type SyncJson, type SyncStatusJson } from '../../src/ui/json-shapes.js';
import { BIN, runEnv, runMentee, succeeded, type RunResult } from './cli.js';
import { runCli } from './run-cli.js';
import type { TempFolder } from './temp.js';

const execFileAsync = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npm test` builds first; a bare `vitest run` of one file still needs the bundle the binary loads. */
export async function builtBinary(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'mentee.cjs')))
    await execFileAsync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
}

/** One clock for every device: each command runs a minute after the one before. */
export class Clock {
  private at: number;
  constructor(start = '2026-11-25T09:00:00Z') {
    this.at = Date.parse(start);
  }
  next(): string {
    this.at += 60_000;
    return new Date(this.at).toISOString();
  }
}

/** The test runner's environment without any GIT_* variable: git in the tests sees only what it is told. */
function gitEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_')));
}

/** Runs the real git; fails the test with git's words when it fails. */
export async function git(args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { env: gitEnv(), maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Like git(), but returning the exit code and output instead of throwing. */
export async function tryGit(args: string[]): Promise<RunResult> {
  try {
    const { stdout, stderr } = await execFileAsync('git', args, { env: gitEnv() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

/** A new empty bare repository in `folder`, as a user makes one on a USB stick or a NAS. */
export async function bareRemote(folder: TempFolder, name = 'remote.git'): Promise<string> {
  const path = join(folder.dir, name);
  await git(['init', '--bare', '-q', path]);
  return path;
}

/** The commit the remote's main points at (undefined when it has none yet). */
export async function remoteMain(remote: string): Promise<string | undefined> {
  const result = await tryGit(['--git-dir', remote, 'rev-parse', '--verify', '-q', 'refs/heads/main']);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** The journal as the remote holds it: the bytes of journal.json at main. */
export async function remoteCopy(remote: string): Promise<Buffer> {
  const { stdout } = await execFileAsync('git', ['--git-dir', remote, 'show', 'main:journal.json'], {
    env: gitEnv(),
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

export interface Device {
  name: string;
  journal: string;
  /** Its local sync repository, beside the journal. */
  syncRepo: string;
  /** The binary, a minute after the last command of any device. */
  run(...args: string[]): Promise<RunResult>;
  /** The binary at a given moment (two devices' views compare equal only at one moment). */
  runAt(now: string, ...args: string[]): Promise<RunResult>;
  /** The binary, for a command that must succeed; its stdout. */
  mentee(...args: string[]): Promise<string>;
  /** In process (quicker), for a command that must succeed: to set a journal up. */
  quick(...args: string[]): Promise<string>;
  /**
   * `mentee sync --json` in process (git is still the real one), which must succeed, checked against its
   * documented shape. A sync whose words or process matter runs the binary: `mentee('sync')`, `run('sync')`.
   */
  sync(): Promise<SyncJson>;
  /** `mentee sync status --json`, which must succeed, checked against its documented shape. */
  status(...flags: string[]): Promise<SyncStatusJson>;
  /** The journal as the user sees it: every record, the profile, counters and conflicts (no undo history, no save time). */
  content(): Promise<Record<string, unknown>>;
  /** The titles of its actions by short id, e.g. { a1: 'Book the exam' }. */
  actions(): Promise<Record<string, string>>;
  /** Spawns `mentee <args>` (its own process group, so it and its git can be killed together). */
  spawn(...args: string[]): ReturnType<typeof spawn>;
  /** The environment its commands run with (the passphrase, for an encrypted one). */
  env: Record<string, string | undefined>;
}

/** A device: a journal of its own in `folder`/`name`, none yet. */
export async function device(
  folder: TempFolder,
  name: string,
  clock: Clock,
  env: Record<string, string | undefined> = {},
): Promise<Device> {
  const dir = join(folder.dir, name);
  await mkdir(dir, { recursive: true });
  const journal = join(dir, 'journal.json');
  // git must be found, and HOME is where a user's git config would be (the tests' has none that matters).
  const withGit = { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
  const run = (...args: string[]) => runMentee(args, { journal, now: clock.next(), env: withGit });
  const mentee = async (...args: string[]) => succeeded(args, await run(...args));
  const self: Device = {
    name,
    journal,
    syncRepo: `${journal}.sync`,
    env: withGit,
    run,
    runAt: (now, ...args) => runMentee(args, { journal, now, env: withGit }),
    mentee,
    async quick(...args) {
      return succeeded(args, await runCli(args, { journal, now: clock.next(), env: withGit }));
    },
    async sync() {
      return SyncJsonSchema.parse(JSON.parse(await self.quick('sync', '--json'))) as SyncJson;
    },
    async status(...flags) {
      return SyncStatusJsonSchema.parse(
        JSON.parse(await mentee('sync', 'status', '--json', ...flags)),
      ) as SyncStatusJson;
    },
    async content() {
      const text = env.MENTEE_PASSPHRASE ? await exportedJournal(self) : JSON.parse(await readFile(journal, 'utf8'));
      const { history: _history, updatedAt: _updatedAt, exportedAt: _exportedAt, ...rest } = text;
      return rest;
    },
    async actions() {
      const content = (await self.content()) as { actions: { id: string; title: string }[] };
      return Object.fromEntries(content.actions.map((action) => [action.id, action.title]));
    },
    spawn(...args) {
      return spawn(process.execPath, [BIN, ...args], {
        env: runEnv({ journal, now: clock.next(), env: withGit }),
        stdio: 'ignore',
        detached: true,
      });
    },
  };
  return self;
}

/** An encrypted journal's records, read through the binary (the file itself is ciphertext). */
async function exportedJournal(device: Device): Promise<any> {
  return JSON.parse(await device.mentee('export', '--all', '--format', 'json', '--include-private'));
}

/** Counts with nothing in them, as `received`/`sent`/`toSend`/`toFetch` say "nothing". */
export const NOTHING = Object.fromEntries(
  ['profile', 'mentor', 'goal', 'meeting', 'action'].map((kind) => [kind, { added: 0, changed: 0, removed: 0 }]),
) as SyncJson['received'];

/** Counts with `changes` for some kinds, e.g. counts({ action: { added: 2 } }). */
export function counts(
  changes: Partial<Record<keyof SyncJson['received'], Partial<{ added: number; changed: number; removed: number }>>>,
): SyncJson['received'] {
  const result = structuredClone(NOTHING);
  for (const [kind, change] of Object.entries(changes))
    Object.assign(result[kind as keyof SyncJson['received']], change);
  return result;
}

/**
 * Every device holds the same journal: less each one's undo history and save time, and, for a plain
 * journal, less its private texts (a plain journal never sends them: they stay where they were written).
 */
export async function expectInStep(...devices: Device[]): Promise<void> {
  const shared = async (device: Device) => {
    const content = await device.content();
    return device.env.MENTEE_PASSPHRASE
      ? content
      : withoutPrivateTexts(content as unknown as Parameters<typeof withoutPrivateTexts>[0]);
  };
  const [first, ...others] = await Promise.all(devices.map(shared));
  for (const [index, other] of others.entries())
    expect(other, `${devices[index + 1]!.name} differs from ${devices[0]!.name}`).toEqual(first);
}
