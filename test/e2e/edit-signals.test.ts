/**
 * `mentee edit` stopped while the editor is open, in a real process: a closed terminal (SIGHUP), a
 * `kill` (SIGTERM) or Ctrl-C (SIGINT to mentee and its editor) leaves no copy of the record behind.
 */
import { spawn } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ok, runEnv } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

let dir: string;
let journal: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, journal, cleanup } = await tempFolder());
  await ok(['mentor', 'add', 'Dr Ada Lovelace'], { journal });
  await ok(['action', 'add', 'Email the lead', '--due', '2026-12-04'], { journal });
});
afterEach(() => cleanup());

/** Runs `mentee edit a1` with an editor that says where the form is and its pid, then waits to be stopped. */
async function editStoppedBy(signals: (mentee: number, editor: number) => void) {
  const ready = join(dir, 'ready.json');
  const editor = join(dir, 'editor.mjs');
  await writeFile(
    editor,
    `import { writeFileSync } from 'node:fs';\n` +
      `writeFileSync(${JSON.stringify(ready)}, JSON.stringify({ file: process.argv[2], pid: process.pid }));\n` +
      `setTimeout(() => {}, 60_000);\n`,
  );
  const child = spawn(process.execPath, [BIN, 'edit', 'a1'], {
    env: runEnv({ journal, env: { EDITOR: `node ${editor}`, VISUAL: undefined } }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  let seen: { file: string; pid: number } | undefined;
  for (let tries = 0; !seen && tries < 200; tries++) {
    seen = await readFile(ready, 'utf8').then(JSON.parse, () => undefined);
    if (!seen) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!seen) throw new Error(`the editor never started: ${stderr}`);
  expect((await stat(seen.file)).mode & 0o777).toBe(0o600);
  signals(child.pid!, seen.pid);
  return { ...(await exited), stderr, ...seen };
}

const gone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe('mentee edit stopped while the editor is open', () => {
  it.each([
    [
      'the terminal closes',
      'SIGHUP',
      129,
      /^mentee: the terminal closed while a1 was open in the editor: nothing was changed/,
    ],
    [
      'mentee is killed',
      'SIGTERM',
      143,
      /^mentee: stopped \(SIGTERM\) while a1 was open in the editor: nothing was changed/,
    ],
  ] as const)(
    'when %s, the form is removed, the editor ended and the journal untouched',
    async (_, signal, exit, says) => {
      const before = await readFile(journal);
      const result = await editStoppedBy((mentee) => process.kill(mentee, signal));
      expect(result.code, result.stderr).toBe(exit);
      expect(result.stderr).toMatch(says);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      await expect(stat(join(result.file, '..'))).rejects.toThrow(/ENOENT/);
      expect(gone(result.pid)).toBe(true);
      expect(await readFile(journal)).toEqual(before);
    },
  );

  it('on Ctrl-C (SIGINT to mentee and its editor) exits 130 and removes the form', async () => {
    const before = await readFile(journal);
    const result = await editStoppedBy((mentee, editor) => {
      process.kill(mentee, 'SIGINT');
      process.kill(editor, 'SIGINT');
    });
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toMatch(/^mentee: interrupted while a1 was open in the editor: nothing was changed[^\n]*\n$/);
    await expect(stat(join(result.file, '..'))).rejects.toThrow(/ENOENT/);
    expect(await readFile(journal)).toEqual(before);
  });
});
