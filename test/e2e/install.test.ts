/**
 * Installed like a real tool: `npm install -g` from a clone and `npm link`, each into a throwaway
 * prefix with the real npm, then the installed `mentee` and `man mentee` used as a user would. The clone
 * is a copy of this working tree (with its node_modules), so npm's `prepare` builds the copy's dist/,
 * never the one the other tests run.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROGRAM } from '../../src/cli/commands.js';
import { SETTING_ENV } from '../../src/config/settings.js';
import { runEnv } from '../helpers/cli.js';
import { tempFolders } from '../helpers/temp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const folders = tempFolders();
const hasMan = spawnSync('man', ['--version']).status === 0;
const hasGroff = spawnSync('groff', ['--version']).status === 0;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The words of every command and subcommand, as the manual's headings name them. */
const EVERY = PROGRAM.subcommands.flatMap((spec) => [
  spec.name,
  ...(spec.subcommands ?? []).map((sub) => `${spec.name} ${sub.name}`),
]);

async function makeClone(): Promise<{ clone: string; prefix: string; journal: string }> {
  const { dir } = await folders();
  const clone = join(dir, 'mentee');
  for (const part of ['bin', 'scripts', 'src', 'templates', 'package.json', 'tsconfig.json'])
    cpSync(join(ROOT, part), join(clone, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'));
  const prefix = join(dir, 'prefix');
  mkdirSync(prefix);
  return { clone, prefix, journal: join(dir, 'journal.json') };
}

function npm(args: string[], cwd: string, prefix: string): SpawnSyncReturns<string> {
  const env = { ...process.env, npm_config_prefix: prefix, npm_config_audit: 'false', npm_config_fund: 'false' };
  const result = spawnSync('npm', args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed: ${result.stderr}`);
  return result;
}

function mentee(prefix: string, args: string[], journal: string) {
  return spawnSync(join(prefix, 'bin', 'mentee'), args, { env: runEnv({ journal }), encoding: 'utf8' });
}

function manPage(prefix: string): string {
  const env = { ...process.env, MANPATH: join(prefix, 'share', 'man'), MANWIDTH: '200', MANPAGER: 'cat' };
  const result = spawnSync('man', ['mentee'], { env, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout;
}

function worksInstalled(prefix: string, journal: string): void {
  expect(mentee(prefix, ['--version'], journal)).toMatchObject({ status: 0, stdout: `${version}\n` });
  expect(mentee(prefix, ['mentor', 'add', 'Dr Ada Lovelace'], journal).status).toBe(0);
  const status = mentee(prefix, ['status'], journal);
  expect(status).toMatchObject({ status: 0, stderr: '' });
  expect(status.stdout).toContain('Next meeting');
  expect(existsSync(join(prefix, 'share', 'man', 'man1', 'mentee.1'))).toBe(true);
}

describe('installed like a real tool', () => {
  it('npm install -g from the clone builds it, puts mentee on the PATH and its manual where man finds it', async () => {
    const { clone, prefix, journal } = await makeClone();
    npm(['install', '--global', clone], prefix, prefix);
    // npm ran `prepare` (the build) in the clone, which had no dist/ of its own.
    expect(existsSync(join(clone, 'dist', 'mentee.1'))).toBe(true);
    worksInstalled(prefix, journal);
    if (hasMan) {
      const page = manPage(prefix);
      expect(page).toMatch(/^MENTEE\(1\)/);
      for (const words of EVERY) expect(page).toMatch(new RegExp(`^ +mentee ${words}\\b`, 'm'));
      expect(page).toContain('FORCE_COLOR');
    }
  }, 120_000);

  it('npm link in the clone does the same', async () => {
    const { clone, prefix, journal } = await makeClone();
    npm(['link'], clone, prefix);
    worksInstalled(prefix, journal);
    if (hasMan) expect(manPage(prefix)).toContain('mentee status');
  }, 120_000);
});

describe('the manual page', () => {
  it.runIf(hasGroff)('is roff that groff reads without a warning, naming every command', () => {
    const result = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-rLL=200n', join(ROOT, 'dist', 'mentee.1')], {
      encoding: 'utf8',
    });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const text = result.stdout.replace(/.\u0008/g, '');
    for (const words of EVERY) expect(text).toMatch(new RegExp(`^ +mentee ${words}\\b`, 'm'));
  });

  it.runIf(hasGroff)('names every environment variable a setting is read from, and the settings file', () => {
    const result = spawnSync('groff', ['-man', '-Tutf8', '-rLL=200n', join(ROOT, 'dist', 'mentee.1')], {
      encoding: 'utf8',
    });
    const text = result.stdout.replace(/.\u0008/g, '');
    const names = [...Object.values(SETTING_ENV).flat(), 'MENTEE_PASSPHRASE_FILE', 'MENTEE_CONFIG'];
    for (const name of names) expect(text).toMatch(new RegExp(`• (.*, )?${name}\\b`));
    expect(text).toMatch(/^FILES\n.*config\.json/m);
  });
});
