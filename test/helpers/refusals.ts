/** What a user notices when mentee refuses: one line on stderr, nothing on stdout, the exit code, the journal as it was. */
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { RunResult } from './cli.js';
import { runCli, type CliOptions } from './run-cli.js';

/** stderr is exactly one line, starting "mentee:", with no stack trace, containing the expected text. */
export function expectOneLineError(stderr: string, expected: string | RegExp): void {
  expect(stderr).toMatch(/^mentee: [^\n]*\n$/);
  expect(stderr).not.toMatch(/\bError\b|\n\s+at /);
  if (typeof expected === 'string') expect(stderr).toContain(expected);
  else expect(stderr).toMatch(expected);
}

/** Runs (in process) a command that must be refused: its code, its one-line message, the journal byte for byte as it was. */
export async function refused(
  args: string[],
  journal: string,
  code: number,
  expected: string | RegExp,
  options: CliOptions = {},
): Promise<RunResult> {
  const before = await readFile(journal);
  const result = await runCli(args, { journal, ...options });
  expect(result.code, result.stderr).toBe(code);
  expectOneLineError(result.stderr, expected);
  expect(result.stdout).toBe('');
  expect(await readFile(journal)).toEqual(before);
  return result;
}
