// Running the built binary as a user would: no terminal, a fixed clock, no colour, UTC, and every
// per-user folder (data, config, home) inside the trial's own temporary folder.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/mentee.cjs', import.meta.url));
export const NOW = '2026-11-25T09:00:00Z';

/** The environment of every run: `home` holds HOME and the XDG folders, so nothing outside it is read or written. */
export function menteeEnv(journal, home) {
  const env = {
    ...process.env,
    MENTEE_JOURNAL: journal,
    MENTEE_NOW: NOW,
    NO_COLOR: '1',
    TZ: 'UTC',
    HOME: home,
    XDG_DATA_HOME: `${home}/data`,
    XDG_CONFIG_HOME: `${home}/config`,
    XDG_CACHE_HOME: `${home}/cache`,
  };
  delete env.FORCE_COLOR;
  delete env.MENTEE_PASSPHRASE;
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * Starts `mentee args…`. The promise settles when the process has exited, with how it ended and how
 * long it took; `timeoutMs` kills a run that hangs (reported as `timedOut`).
 */
/** Every run still going, so that a torture stopped half-way can stop them too. */
const running = new Set();

/** Kills every run still going (they would otherwise write on into a folder being removed). */
export function killAll() {
  for (const child of running) child.kill('SIGKILL');
}

export function startMentee(args, { journal, home, cwd, timeoutMs, nodeArgs = [], as } = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], {
    env: menteeEnv(journal, home ?? cwd),
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    // `as`: another user ({ uid, gid }), for trials that need one.
    ...(as ? { uid: as.uid, gid: as.gid } : {}),
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  child.stdin.on('error', () => undefined);
  child.stdin.end();
  const timer = timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs)
    : undefined;
  const done = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, ms: performance.now() - started });
    });
  });
  return { child, done };
}

export function runMentee(args, options) {
  return startMentee(args, options).done;
}

/** A Node stack frame ("    at fn (file:1:2)", "    at file:1:2") anywhere in the output. */
export function hasStackTrace(text) {
  return /^\s+at (async )?(.+ \((.*:\d+:\d+|native|<anonymous>)\)|\S+:\d+:\d+)$/m.test(text);
}

/** Runs `task(item)` over `items` with at most `limit` at a time; results in the order of `items`. */
export async function inParallel(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}
