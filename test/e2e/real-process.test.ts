/**
 * What only the built binary in a real process shows: the version answered before any command parser
 * loads, colour decided by the real streams, a reader that goes away mid-output.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAction } from '../../src/core/actions.js';
import { emptyJournal } from '../../src/core/model.js';
import { serialiseJournal } from '../../src/store/journal-file.js';
import { BIN, ok, runEnv, runMentee } from '../helpers/cli.js';
import { NOW } from '../helpers/clock.js';
import { tempFolder } from '../helpers/temp.js';

describe('the version', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    expect((await ok(['--version'])).trim()).toBe(version);
  });
});

describe('colour', () => {
  it('is off when output is not a terminal, even without NO_COLOR', async () => {
    const result = await runMentee(['--help'], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('a reader that closes stdout early (mentee actions --json | head -c 1)', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await tempFolder());
    // Far more output than a pipe holds, so mentee is still writing when the reader goes away.
    const big = emptyJournal(NOW);
    for (let n = 1; n <= 3000; n++)
      createAction(big, { title: `Action number ${n}`, owner: 'me', due: '2026-12-01' }, NOW);
    await writeFile(journal, serialiseJournal(big), { mode: 0o600 });
  });
  afterAll(() => cleanup());

  it('gets no error message or stack trace, and mentee exits 0', async () => {
    const { code, stderr, received } = await new Promise<{ code: number | null; stderr: string; received: number }>(
      (resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'actions', '--json'], {
          env: runEnv({ journal }),
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let errors = '';
        let received = 0;
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
        child.stdout.once('data', (chunk: Buffer) => {
          received = chunk.length;
          child.stdout.destroy();
        });
        child.on('error', reject);
        child.on('close', (exit) => resolve({ code: exit, stderr: errors, received }));
      },
    );
    expect(received).toBeGreaterThan(0);
    expect(stderr).not.toMatch(/Error|EPIPE|\n\s+at /);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
