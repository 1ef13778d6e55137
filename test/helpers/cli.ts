import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/mentee.cjs', import.meta.url));
/** The fixed "now" of every end-to-end test: Wednesday 25 November 2026, 09:00 UTC. */
export const NOW = '2026-11-25T09:00:00Z';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  journal?: string;
  now?: string;
  env?: Record<string, string | undefined>;
  input?: string;
}

/** Runs the built binary as a user would, with no terminal on stdin. */
export function runMentee(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TZ: 'UTC',
    NO_COLOR: '1',
    MENTEE_NOW: options.now ?? NOW,
    ...options.env,
  };
  if (options.journal) env.MENTEE_JOURNAL = options.journal;
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh folder for one test's journal; `cleanup` removes it. */
export async function tempJournal(): Promise<{ dir: string; journal: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mentee-test-'));
  return { dir, journal: join(dir, 'journal.json'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function readJournal(path: string): Promise<any> {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** Runs a command that must succeed, failing the test with its stderr otherwise. */
export async function ok(args: string[], options: RunOptions = {}): Promise<string> {
  const result = await runMentee(args, options);
  if (result.code !== 0) throw new Error(`mentee ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}
