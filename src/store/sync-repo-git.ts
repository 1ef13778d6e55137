import { spawn } from 'node:child_process';
import { lstat } from 'node:fs/promises';
import { UserError } from '../errors.js';

/**
 * How mentee runs git for sync (see sync-repo.ts): the real binary, never through a shell, in a cleaned
 * environment, with a time limit, and git's failures turned into one line in its own words.
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

export const NO_GIT = 'mentee sync needs git; install it (https://git-scm.com) and run mentee sync again.';

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

export interface GitCall {
  input?: Buffer;
  /** Exit codes that are answers (1: "no such ref"), not failures. */
  allowed?: readonly number[];
  /** A command that talks to the remote: its failures are the remote's, worded by the caller. */
  network?: boolean;
  setEnv?: NodeJS.ProcessEnv;
}

export interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
}

export function runGit(
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
    // A git that could not be started says so by 'error', and then 'close' too: the error is the answer.
    let failedToStart = false;
    child.on('error', (error: NodeJS.ErrnoException) => {
      failedToStart = true;
      clearTimeout(timer);
      // ENOENT is also what a missing working folder gives: only with the folder there is it git that is missing.
      if (error.code !== 'ENOENT') return fail(error);
      void lstat(call.cwd).then(
        () => fail(new SyncError('no-git', NO_GIT)),
        () => fail(error),
      );
    });
    child.on('close', (code) => {
      if (failedToStart) return;
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
export function gitFailed(args: readonly string[], result: GitResult): Error {
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

export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
