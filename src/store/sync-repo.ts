import { spawn } from 'node:child_process';
import { lstat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { JournalPaths } from './paths.js';
import { checkFolder, makePrivateFolder } from './safe-files.js';

/**
 * Everything mentee does with git, through the real git binary (never a shell): the local sync
 * repository, a bare repository beside the journal with one remote, `origin`. Only plumbing, with no
 * work tree and no index, so that nothing is ever left mid-merge or mid-rebase: `refs/heads/main` is
 * the last synced copy this device committed, `refs/remotes/origin/main` the remote's as last fetched.
 * Each commit's tree holds one file, journal.json, the synced copy (see synced-copy.ts).
 */

export type SyncErrorKind = 'unreachable' | 'rejected' | 'not-a-repo' | 'no-git' | 'moved';

/** A sync that cannot go on, in one line; `kind` says what the sync does next. */
export class SyncError extends UserError {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export interface SyncRepoOptions {
  /** The environment git runs in, cleaned (see gitEnv). */
  env: NodeJS.ProcessEnv;
  /** How long one git command may take before it is ended and the remote taken as unreachable. */
  timeoutMs?: number;
  /** Whether git may ask for a password (stdin is a terminal); never, unless given. */
  interactive?: boolean;
}

export interface SyncRepo {
  readonly path: string;
  /** Whether the repository is there; SyncError 'not-a-repo' when something else is. */
  exists(): Promise<boolean>;
  /** Makes the repository, a private folder, with `remote` as origin. */
  create(remote: string): Promise<void>;
  remote(): Promise<string | undefined>;
  setRemote(url: string): Promise<void>;
  /** Fetches the remote's main: its commit, or undefined while the remote has none (a new, empty repository). */
  fetch(): Promise<string | undefined>;
  /** The last synced copy this device committed. */
  head(): Promise<string | undefined>;
  /** The remote's main as last fetched or pushed. */
  remoteHead(): Promise<string | undefined>;
  mergeBase(a: string, b: string): Promise<string | undefined>;
  isAncestor(a: string, b: string): Promise<boolean>;
  /** The synced copy (journal.json) at `commit`, as stored. */
  read(commit: string): Promise<Buffer>;
  /** A commit of `bytes` as journal.json, by "mentee" at `at`; its id. */
  commit(bytes: Buffer, parents: readonly string[], message: string, at: Date): Promise<string>;
  /** Moves main to `to` if it is still at `from` (undefined: if there is no main yet); SyncError 'moved' if not. */
  advance(to: string, from: string | undefined): Promise<void>;
  /** Sends `commit` as the remote's main: SyncError 'rejected' when the remote has moved on, 'unreachable'. */
  push(commit: string): Promise<void>;
  /** How many commits main has that the remote's main (as last fetched) does not. */
  ahead(): Promise<number>;
}

export const MAIN = 'refs/heads/main';
export const REMOTE_MAIN = 'refs/remotes/origin/main';
const FILE = 'journal.json';
const ZERO = '0'.repeat(40);
const DEFAULT_TIMEOUT_MS = 60_000;
const MENTEE = { name: 'mentee', email: 'mentee@localhost' };

export const NO_GIT = 'mentee sync needs git; install it (https://git-scm.com) and run mentee sync again.';

export function openSyncRepo(paths: JournalPaths, options: SyncRepoOptions): SyncRepo {
  const path = paths.sync;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const interactive = options.interactive ?? false;
  const git = (args: readonly string[], extra: GitCall = {}) =>
    runGit(args, {
      ...extra,
      cwd: paths.folder,
      env: gitEnv(options.env, path, interactive),
      interactive,
      timeoutMs,
    });

  const notARepo = () =>
    new SyncError('not-a-repo', `${path} is not a mentee sync repository: move it aside and set up sync again.`);
  let checked = false;
  /** Before any git command in it: the repository is there, private, and the user's. */
  async function ready(): Promise<void> {
    if (checked) return;
    if (!(await exists()))
      throw new SyncError('not-a-repo', `This journal has no sync repository yet (${path}): set up sync first.`);
    checked = true;
  }

  async function exists(): Promise<boolean> {
    if (!(await checkFolder(path, paths.owner))) return false;
    const [head, objects] = await Promise.all(
      ['HEAD', 'objects'].map((name) => lstat(`${path}/${name}`).catch(() => undefined)),
    );
    if (!head?.isFile() || !objects?.isDirectory()) throw notARepo();
    return true;
  }

  async function ref(name: string): Promise<string | undefined> {
    await ready();
    const result = await git(['rev-parse', '--verify', '--quiet', `${name}^{commit}`], { allowed: [1] });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
  }

  async function remote(): Promise<string | undefined> {
    await ready();
    const result = await git(['config', '--get', 'remote.origin.url'], { allowed: [1] });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
  }

  async function setRemote(url: string): Promise<void> {
    const current = await remote();
    await git(['remote', current === undefined ? 'add' : 'set-url', 'origin', remoteUrl(url, paths.folder)]);
  }

  /** A failure to talk to the remote, in one line of git's (or ssh's) own words. */
  async function unreachable(result: GitResult): Promise<SyncError> {
    const where = (await remote()) ?? 'origin';
    const seconds = Math.max(1, Math.round(timeoutMs / 1000));
    const why = result.timedOut
      ? `no answer in ${seconds} second${seconds === 1 ? '' : 's'}`
      : meaningfulLine(result.stderr);
    return new SyncError('unreachable', `Cannot reach the sync remote ${where}: ${sentence(why)}`);
  }

  return {
    path,
    exists,
    async create(url) {
      if (await exists()) return setRemote(url);
      await makePrivateFolder(path, paths.owner);
      await git(['init', '--bare', '--quiet', '--template=']);
      checked = false;
      await ready();
      // HEAD names main, whatever init.defaultBranch says, so that a clone of the remote shows the journal.
      await git(['symbolic-ref', 'HEAD', MAIN]);
      await setRemote(url);
    },
    remote,
    setRemote,
    async fetch() {
      await ready();
      // A pattern, so that a remote with no main yet fetches nothing rather than failing; --prune forgets a main deleted there.
      const result = await git(
        ['fetch', '--quiet', '--prune', '--no-tags', 'origin', '+refs/heads/*:refs/remotes/origin/*'],
        {
          network: true,
        },
      );
      if (result.code !== 0) throw await unreachable(result);
      return ref(REMOTE_MAIN);
    },
    head: () => ref(MAIN),
    remoteHead: () => ref(REMOTE_MAIN),
    async mergeBase(a, b) {
      await ready();
      const result = await git(['merge-base', a, b], { allowed: [1] });
      return result.code === 0 ? result.stdout.toString().trim() : undefined;
    },
    async isAncestor(a, b) {
      await ready();
      return (await git(['merge-base', '--is-ancestor', a, b], { allowed: [1] })).code === 0;
    },
    async read(commit) {
      await ready();
      // --batch says "missing" on stdout, in any language, rather than failing.
      const { stdout } = await git(['cat-file', '--batch'], { input: Buffer.from(`${commit}:${FILE}\n`) });
      const header = stdout.subarray(0, stdout.indexOf(10)).toString();
      const [, type, size] = header.split(' ');
      if (type !== 'blob')
        throw new SyncError(
          'not-a-repo',
          `The synced copy ${commit.slice(0, 12)} has no ${FILE}: is the sync remote one mentee made?`,
        );
      const start = header.length + 1;
      return stdout.subarray(start, start + Number(size));
    },
    async commit(bytes, parents, message, at) {
      await ready();
      const blob = (await git(['hash-object', '-w', '--no-filters', '--stdin'], { input: bytes })).stdout
        .toString()
        .trim();
      const tree = (await git(['mktree'], { input: Buffer.from(`100644 blob ${blob}\t${FILE}\n`) })).stdout
        .toString()
        .trim();
      const date = `${Math.floor(at.getTime() / 1000)} +0000`;
      const author = {
        GIT_AUTHOR_NAME: MENTEE.name,
        GIT_AUTHOR_EMAIL: MENTEE.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: MENTEE.name,
        GIT_COMMITTER_EMAIL: MENTEE.email,
        GIT_COMMITTER_DATE: date,
      };
      const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-F', '-'];
      return (await git(args, { input: Buffer.from(message), setEnv: author })).stdout.toString().trim();
    },
    async advance(to, from) {
      await ready();
      const result = await git(['update-ref', '-m', 'mentee sync', MAIN, to, from ?? ZERO], { allowed: [1, 128] });
      if (result.code === 0) return;
      const now = await ref(MAIN);
      if (now !== from)
        throw new SyncError(
          'moved',
          "Another mentee sync moved this journal's sync repository meanwhile: run mentee sync again.",
        );
      throw gitFailed(['update-ref'], result);
    },
    async push(commit) {
      await ready();
      const result = await git(['push', '--porcelain', '--no-verify', 'origin', `${commit}:${MAIN}`], {
        network: true,
        allowed: [1, 128],
      });
      // --porcelain: "!" before a ref that was not taken, then [rejected] (remote moved on) or [remote rejected] (reason).
      const refused = result.stdout
        .toString()
        .split('\n')
        .find((line) => line.startsWith('!\t'));
      if (refused) {
        const [, , summary = ''] = refused.split('\t');
        if (summary.startsWith('[rejected]'))
          throw new SyncError('rejected', 'The sync remote has changes this device has not fetched yet.');
        const where = (await remote()) ?? 'origin';
        const why = /\((.*)\)/.exec(summary)?.[1] ?? summary;
        throw new SyncError('unreachable', `The sync remote ${where} refused the copy: ${sentence(why)}`);
      }
      if (result.code !== 0) throw await unreachable(result);
      // The remote-tracking ref follows what was sent, whatever the repository's fetch settings say.
      await git(['update-ref', REMOTE_MAIN, commit]);
    },
    async ahead() {
      const [main, remoteMain] = await Promise.all([ref(MAIN), ref(REMOTE_MAIN)]);
      if (!main) return 0;
      const range = remoteMain ? [`${remoteMain}..${main}`] : [main];
      return Number((await git(['rev-list', '--count', ...range])).stdout.toString().trim());
    },
  };
}

/**
 * A local path as the remote is made absolute, so that it means the same from wherever mentee runs;
 * URLs (scheme://) and ssh's host:path are left as they are (a ':' before any '/' is a host, as git reads it).
 */
export function remoteUrl(url: string, from: string): string {
  if (url.includes('://') || isAbsolute(url)) return url;
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  if (colon > 0 && (slash < 0 || colon < slash)) return url;
  return resolve(from, url);
}

/**
 * The environment git runs in: the user's (HOME, ssh agent, proxies, GIT_SSH_COMMAND, credential
 * helpers all work), less every GIT_* variable that could point git at another repository, work tree,
 * object store or configuration; GIT_DIR is this repository.
 */
export function gitEnv(env: NodeJS.ProcessEnv, gitDir: string | undefined, interactive: boolean): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (!name.startsWith('GIT_') || KEPT.test(name)) clean[name] = value;
  if (gitDir) clean.GIT_DIR = gitDir;
  if (!interactive) clean.GIT_TERMINAL_PROMPT = '0';
  return clean;
}

/** How git reaches a remote, and what it shows while doing so: the user's to choose. */
const KEPT =
  /^GIT_(SSH|SSH_COMMAND|SSH_VARIANT|ASKPASS|PROXY_COMMAND|TERMINAL_PROMPT|SSL_.*|HTTP_.*|PROXY_SSL_.*|CURL_VERBOSE|TRACE.*)$/;

/** Set on every run: no hooks, no signing prompts, no background gc left behind. */
const SAFE_CONFIG = [
  'core.hooksPath=/dev/null',
  'commit.gpgsign=false',
  'gc.autoDetach=false',
  'maintenance.autoDetach=false',
];

interface GitCall {
  input?: Buffer;
  /** Exit codes that are answers (1: "no such ref"), not failures. */
  allowed?: readonly number[];
  /** A command that talks to the remote: its failures are the remote's, worded by the caller. */
  network?: boolean;
  setEnv?: NodeJS.ProcessEnv;
}

interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

function runGit(
  args: readonly string[],
  call: GitCall & { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; interactive: boolean },
): Promise<GitResult> {
  const config = SAFE_CONFIG.flatMap((setting) => ['-c', setting]);
  if (call.env.GIT_DIR) config.push('-c', `safe.directory=${call.env.GIT_DIR}`);
  const ownGroup = !call.interactive && process.platform !== 'win32';
  return new Promise((done, fail) => {
    const kill = (signal: NodeJS.Signals) => {
      try {
        if (ownGroup && child.pid) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // Already ended.
      }
    };
    const child = spawn('git', [...config, ...args], {
      cwd: call.cwd,
      env: { ...call.env, ...call.setEnv },
      stdio: [call.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      windowsHide: true,
      // Its own process group, so that a timeout ends the ssh git started too; not when ssh may ask
      // for a passphrase at the terminal, which a process outside the terminal's session cannot.
      detached: ownGroup,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      kill('SIGTERM');
      killer = setTimeout(() => kill('SIGKILL'), 2000);
    }, call.timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // ENOENT is also what a missing working folder gives: only with the folder there is it git that is missing.
      if (error.code !== 'ENOENT') return fail(error);
      void lstat(call.cwd).then(
        () => fail(new SyncError('no-git', NO_GIT)),
        () => fail(error),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(killer);
      if (timedOut) kill('SIGKILL');
      const result = {
        code: code ?? -1,
        stdout: Buffer.concat(stdout),
        stderr: Buffer.concat(stderr).toString(),
        timedOut,
      };
      if (result.code === 0 || call.network || call.allowed?.includes(result.code)) done(result);
      else fail(gitFailed(args, result));
    });
    // git may end before reading all of its input (a bad object name): that is its answer, not a crash.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(call.input);
  });
}

/** A git command that should not fail did: a bug or a damaged repository, with git's own words. */
function gitFailed(args: readonly string[], result: GitResult): Error {
  return new Error(
    `git ${args[0]} failed (exit ${result.code}): ${result.stderr.trim() || result.stdout.toString().trim()}`,
  );
}

/** The line of git's output that says what went wrong: ssh's own line first, then git's first fatal or error. */
export function meaningfulLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const boilerplate =
    /Could not read from remote repository|unable to fork|Please make sure|and the repository exists/i;
  const said = lines.filter((line) => /^(ssh|fatal|error|remote):/i.test(line) && !boilerplate.test(line));
  const line =
    said.find((each) => /^ssh:/i.test(each)) ??
    said[0] ??
    lines.find((each) => !boilerplate.test(each)) ??
    'git gave no reason';
  return line
    .replace(/^(ssh|fatal|error|remote):\s*/i, '')
    .replace(/^(unable to access )?'[^']*':?\s*/, '')
    .replace(/^connect to host \S+ port \d+:\s*/, '');
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
