/**
 * The yaml library is read only by `mentee edit`: every other command starts without it, as without
 * the prompt library. A preloaded script lists the files the real process loaded.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ok, runMentee } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

let dir: string;
let journal: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, journal, cleanup } = await tempFolder());
  await ok(['mentor', 'add', 'Dr Ada Lovelace'], { journal });
  await ok(['action', 'add', 'Email the lead x', '--due', '2026-12-04'], { journal });
});
afterEach(() => cleanup());

/** The command's output, and the files of dist/ it loaded besides the main bundle. */
async function loaded(args: string[], env: Record<string, string | undefined> = {}) {
  const hook = join(dir, 'loaded.cjs');
  await writeFile(
    hook,
    `const Module = require('node:module'); const seen = new Set(); const load = Module._load;\n` +
      `Module._load = function (request, ...rest) { if (/\\.cjs$/.test(request)) seen.add(request.replace(/^.*\\//, '')); return load.call(this, request, ...rest); };\n` +
      `process.on('exit', () => process.stderr.write('loaded: ' + [...seen].join(' ') + '\\n'));\n`,
  );
  const result = await runMentee(args, { journal, env: { NODE_OPTIONS: `--require ${hook}`, ...env } });
  return { ...result, files: /loaded: (.*)/.exec(result.stderr)?.[1]?.split(' ') ?? [] };
}

describe('the yaml library of mentee edit', () => {
  it.each(['status', 'show a1', 'action list'])('is not read by mentee %s', async (command) => {
    const run = await loaded(command.split(' '));
    expect(run.code, run.stderr).toBe(0);
    expect(run.files).not.toContain('edit-form.cjs');
  });

  it('is in a file of its own, not in the bundle every command reads', async () => {
    const dist = join(BIN, '..', '..', 'dist');
    expect(await readFile(join(dist, 'mentee.cjs'), 'utf8')).not.toContain('YAMLParseError');
    expect(await readFile(join(dist, 'edit-form.cjs'), 'utf8')).toContain('YAMLParseError');
  });

  it('is read by mentee edit, which applies the change', async () => {
    const run = await loaded(['edit', 'a1'], { EDITOR: 'sed -i s/x/y/', VISUAL: undefined });
    expect(run.stdout).toContain('Updated a1: title.');
    expect(run.files).toContain('edit-form.cjs');
  });
});
