/**
 * The built binary, run as a user would: for what only a real process shows (start-up, signals,
 * terminals, pipes, the code cache, folders found from the process environment). Everything else
 * runs in process, through run-cli.ts.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { NOW_ISO } from './clock.js';

export const BIN = fileURLToPath(new URL('../../bin/mentee.cjs', import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  journal?: string;
  /** MENTEE_NOW: the fixed NOW unless given. */
  now?: string | Date;
  env?: Record<string, string | undefined>;
  input?: string;
}

/** The environment of a run: the fixed clock, no colour, UTC, the journal given; undefined values removed. */
export function runEnv(options: RunOptions, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const now = options.now ?? NOW_ISO;
  const env: NodeJS.ProcessEnv = {
    ...base,
    TZ: 'UTC',
    NO_COLOR: '1',
    // FORCE_COLOR would win over NO_COLOR (as in chalk): a developer's own must not colour the tests' output.
    FORCE_COLOR: undefined,
    MENTEE_NOW: typeof now === 'string' ? now : now.toISOString(),
    ...options.env,
  };
  if (options.journal) env.MENTEE_JOURNAL = options.journal;
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

/** Runs the built binary as a user would, with no terminal on stdin. */
export function runMentee(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: runEnv(options), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export async function readJournal(path: string): Promise<any> {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** Runs the binary for a command that must succeed, failing the test with its stderr otherwise. */
export async function ok(args: string[], options: RunOptions = {}): Promise<string> {
  return succeeded(args, await runMentee(args, options));
}

export function succeeded(args: string[], result: RunResult): string {
  if (result.code !== 0) throw new Error(`mentee ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}
