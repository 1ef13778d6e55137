import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { runEnv } from '../helpers/cli.js';
import { tempFolders } from '../helpers/temp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A private copy of the installed program, so its code cache is this test's alone. */
let install: string;
let cacheDir: string;
const folders = tempFolders();

beforeEach(async () => {
  install = (await folders()).dir;
  for (const part of [
    'bin/mentee.cjs',
    'dist/mentee.cjs',
    'dist/prompter.cjs',
    'dist/export-libraries.cjs',
    'templates',
  ])
    cpSync(join(ROOT, part), join(install, part), { recursive: true });
  cacheDir = join(install, 'dist', '.code-cache');
});

function mentee(...args: string[]) {
  return spawnSync(process.execPath, [join(install, 'bin', 'mentee.cjs'), ...args], {
    env: runEnv({ journal: join(install, 'journal.json') }),
    encoding: 'utf8',
  });
}

const cacheFiles = () => {
  try {
    return readdirSync(cacheDir);
  } catch {
    return [];
  }
};

describe('the compiled-code cache beside the bundle', () => {
  it('is made, owner-only, after a command succeeds, and the next run gives the same answer', () => {
    const first = mentee('templates');
    expect(first.status, first.stderr).toBe(0);
    const [file] = cacheFiles();
    expect(file).toMatch(/-templates\.bin$/);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(cacheDir, file!)).mode & 0o777).toBe(0o600);
    const second = mentee('templates');
    expect(second.stdout).toBe(first.stdout);
  });

  it("made while printing a command's help is a cache of its own, not the one the command's runs use", () => {
    expect(mentee('templates', '--help').status).toBe(0);
    expect(cacheFiles()).toEqual([expect.stringMatching(/-templates-help\.bin$/)]);
    expect(mentee('templates').status).toBe(0);
    expect(cacheFiles().sort()).toEqual([
      expect.stringMatching(/-templates-help\.bin$/),
      expect.stringMatching(/-templates\.bin$/),
    ]);
  });

  it('is not made by a command that fails', () => {
    expect(mentee('statu').status).not.toBe(0);
    expect(mentee('show', 'a99').status).not.toBe(0);
    expect(cacheFiles()).toEqual([]);
  });

  it('ignores a damaged cache and replaces it', () => {
    expect(mentee('templates').status).toBe(0);
    const file = join(cacheDir, cacheFiles()[0]!);
    const expected = mentee('templates').stdout;
    writeFileSync(file, 'not compiled code');
    const run = mentee('templates');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(expected);
    expect(readFileSync(file, 'utf8')).not.toBe('not compiled code');
  });

  it('does not use a cache that others could have written, and replaces it with an owner-only one', () => {
    expect(mentee('templates').status).toBe(0);
    const file = join(cacheDir, cacheFiles()[0]!);
    chmodSync(file, 0o666);
    const before = statSync(file).ino;
    expect(mentee('templates').status).toBe(0);
    expect(statSync(file).ino).not.toBe(before);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('is not used by another build of mentee', () => {
    expect(mentee('templates').status).toBe(0);
    const bundle = join(install, 'dist', 'mentee.cjs');
    writeFileSync(
      bundle,
      readFileSync(bundle, 'utf8').replace(/^\/\/ mentee build [0-9a-f]+/, '// mentee build 0000000000000000'),
    );
    expect(mentee('templates').status).toBe(0);
    expect(cacheFiles().filter((name) => name.startsWith('0000000000000000-'))).toHaveLength(1);
  });

  it('works without a cache when none can be kept', () => {
    writeFileSync(cacheDir, 'a file where the cache folder would go');
    const run = mentee('templates');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('check-in');
    expect(readFileSync(cacheDir, 'utf8')).toBe('a file where the cache folder would go');
  });
});
