/**
 * Results that cannot be written are a failure, said in one line; a change made all the same is said to
 * be saved. A reader that stops reading early is not a failure. The built binary, with real files and pipes.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAction } from '../../src/core/actions.js';
import { emptyJournal } from '../../src/core/model.js';
import { serialiseJournal } from '../../src/store/journal-file.js';
import { BIN, ok, runEnv } from '../helpers/cli.js';
import { NOW } from '../helpers/clock.js';
import { smallDisk } from '../helpers/machine.js';
import { tempFolder } from '../helpers/temp.js';

/** Runs the binary with its stdout going to `stdout` (a file or device, opened for writing). */
function runInto(stdout: string, args: string[], journal: string): Promise<{ code: number | null; stderr: string }> {
  const fd = openSync(stdout, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: runEnv({ journal }), stdio: ['ignore', fd, 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  }).finally(() => closeSync(fd)) as Promise<{ code: number | null; stderr: string }>;
}

let dir: string;
let journal: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, journal, cleanup } = await tempFolder());
  await ok(['mentor', 'add', 'Dr Ada Lovelace'], { journal });
  await ok(['action', 'add', 'Email the training lead'], { journal });
});
afterAll(() => cleanup());

describe('output to a full device (/dev/full)', () => {
  it('export --all > /dev/full exits 1 and says the output could not be written', async () => {
    expect(await runInto('/dev/full', ['export', '--all'], journal)).toEqual({
      code: 1,
      stderr: 'mentee: the output could not be written: the disk is full.\n',
    });
  });

  it('a change whose output is lost says the change WAS saved, and it is', async () => {
    const result = await runInto('/dev/full', ['action', 'add', 'Book the exam'], journal);
    expect(result).toEqual({
      code: 1,
      stderr:
        'mentee: your change WAS saved in the journal; only its output could not be written (the disk is full).\n',
    });
    expect(await readFile(journal, 'utf8')).toContain('Book the exam');
  });
});

describe('output to a file on a full disk', () => {
  const disk = smallDisk(256);
  const skipped = 'skipped' in disk ? disk.skipped : undefined;
  afterAll(() => void ('unmount' in disk && disk.unmount()));

  it.skipIf(skipped)(
    `actions --json > a file on a full disk exits 1${skipped ? ` (skipped: ${skipped})` : ''}`,
    async () => {
      if (!('fill' in disk)) return;
      const out = join(disk.dir, 'actions.json');
      disk.fill(0);
      const result = await runInto(out, ['actions', '--json'], journal);
      disk.free();
      expect(result).toEqual({ code: 1, stderr: 'mentee: the output could not be written: the disk is full.\n' });
    },
  );
});

describe('a reader that stops early (mentee export --all | head -c1)', () => {
  let big: string;
  beforeAll(async () => {
    // Far more output than a pipe holds, so mentee is still writing when the reader goes away.
    big = join(dir, 'big.json');
    const journal = emptyJournal(NOW);
    for (let n = 1; n <= 3000; n++)
      createAction(journal, { title: `Action number ${n}`, owner: 'me', due: '2026-12-01' }, NOW);
    await writeFile(big, serialiseJournal(journal), { mode: 0o600 });
  });

  it('is no error: mentee exits 0 and says nothing', async () => {
    const line = `{ "${process.execPath}" "${BIN}" export --all; echo "mentee exited $?" >&2; } | head -c1`;
    const result = await new Promise<{ stderr: string; out: string }>((resolve, reject) => {
      const child = spawn('sh', ['-c', line], { env: runEnv({ journal: big }), stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', () => resolve({ stderr, out }));
    });
    expect(result).toEqual({ stderr: 'mentee exited 0\n', out: '#' });
  });
});
