/**
 * A passphrase without typing it: MENTEE_PASSPHRASE_FILE (only if it is yours alone) and the
 * passphraseCommand setting (a real script that prints it, one that fails, one that prints nothing,
 * one that hangs), in that order after MENTEE_PASSPHRASE. A failure is one line, never the passphrase.
 */
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { passphraseFromCommand } from '../../src/config/passphrase-source.js';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

const SECRET = 'correct horse battery staple';
let dir: string;
let journal: string;
let config: string;
let cleanup: () => Promise<void>;

/** A shell script in the test folder; its path is the command. */
async function script(name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`, { mode: 0o700 });
  return path;
}

async function secretFile(name: string, content: string, mode: number): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  await chmod(path, mode);
  return path;
}

const status = (env: Record<string, string | undefined>) =>
  runCli(['status', '--json'], { journal, env: { MENTEE_CONFIG: config, MENTEE_PASSPHRASE: undefined, ...env } });

beforeAll(async () => {
  ({ dir, journal, cleanup } = await tempFolder());
  config = join(dir, 'config.json');
  const env = { MENTEE_CONFIG: config, MENTEE_PASSPHRASE: SECRET };
  await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal, env });
  await cli(['encrypt'], { journal, env });
});
afterAll(() => cleanup());

describe('MENTEE_PASSPHRASE_FILE', () => {
  it('opens the journal when the file is yours alone (mode 0600), with or without a final newline', async () => {
    const withNewline = await secretFile('pass-1', `${SECRET}\n`, 0o600);
    expect(await status({ MENTEE_PASSPHRASE_FILE: withNewline })).toMatchObject({ code: 0, stderr: '' });
    const without = await secretFile('pass-2', SECRET, 0o400);
    expect(await status({ MENTEE_PASSPHRASE_FILE: without })).toMatchObject({ code: 0, stderr: '' });
  });

  it('is refused when others can read it (mode 0644), saying how to fix it', async () => {
    const file = await secretFile('pass-open', `${SECRET}\n`, 0o644);
    const result = await status({ MENTEE_PASSPHRASE_FILE: file });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `mentee: MENTEE_PASSPHRASE_FILE ${file} can be read by others (mode 644); make it yours alone: chmod 600 ${file}\n`,
    );
    expect(result.stderr).not.toContain(SECRET);
  });

  it('a missing or empty file is one line', async () => {
    expect((await status({ MENTEE_PASSPHRASE_FILE: join(dir, 'nowhere') })).stderr).toBe(
      `mentee: cannot read MENTEE_PASSPHRASE_FILE ${join(dir, 'nowhere')}: there is no such file.\n`,
    );
    const empty = await secretFile('pass-empty', '', 0o600);
    expect((await status({ MENTEE_PASSPHRASE_FILE: empty })).stderr).toBe(
      `mentee: MENTEE_PASSPHRASE_FILE ${empty} is empty.\n`,
    );
  });

  it('a folder or a pipe is not a passphrase file', async () => {
    const result = await status({ MENTEE_PASSPHRASE_FILE: dir });
    expect(result.stderr).toBe(`mentee: cannot read MENTEE_PASSPHRASE_FILE ${dir}: it is a folder, not a file.\n`);
  });

  it('MENTEE_PASSPHRASE wins over the file', async () => {
    const wrong = await secretFile('pass-wrong', 'not the passphrase', 0o600);
    expect(await status({ MENTEE_PASSPHRASE: SECRET, MENTEE_PASSPHRASE_FILE: wrong })).toMatchObject({ code: 0 });
  });
});

describe('passphraseCommand', () => {
  it('opens the journal with what a real script prints (from the config file, or MENTEE_PASSPHRASE_COMMAND)', async () => {
    const keyring = await script('keyring-ok', `printf '%s\\n' '${SECRET}'`);
    await cli(['config', 'set', 'passphraseCommand', keyring], { journal, env: { MENTEE_CONFIG: config } });
    expect(await status({})).toMatchObject({ code: 0, stderr: '' });
    await cli(['config', 'unset', 'passphraseCommand'], { journal, env: { MENTEE_CONFIG: config } });
    expect(await status({ MENTEE_PASSPHRASE_COMMAND: keyring })).toMatchObject({ code: 0, stderr: '' });
  });

  it('a failing command is one line naming it, its exit code and the first line it wrote to stderr', async () => {
    const failing = await script(
      'keyring-fails',
      `echo "Error: mentee is not in the password store." >&2\necho "second line" >&2\nexit 3`,
    );
    const result = await status({ MENTEE_PASSPHRASE_COMMAND: failing });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `mentee: passphraseCommand (${failing}) failed with exit code 3: Error: mentee is not in the password store.\n`,
    });
  });

  it('a command that prints nothing is one line', async () => {
    const silent = await script('keyring-silent', 'exit 0');
    expect((await status({ MENTEE_PASSPHRASE_COMMAND: silent })).stderr).toBe(
      `mentee: passphraseCommand (${silent}) printed nothing; it should print the passphrase.\n`,
    );
  });

  it('a wrong passphrase from the command is refused as a typed one is, without printing it', async () => {
    const wrong = await script('keyring-wrong', `echo 'not the passphrase'`);
    const result = await status({ MENTEE_PASSPHRASE_COMMAND: wrong });
    expect(result.code).not.toBe(0);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).not.toContain('not the passphrase');
  });

  it('the file comes before the command', async () => {
    const file = await secretFile('pass-first', SECRET, 0o600);
    const failing = await script('keyring-never', 'exit 9');
    expect(await status({ MENTEE_PASSPHRASE_FILE: file, MENTEE_PASSPHRASE_COMMAND: failing })).toMatchObject({
      code: 0,
    });
  });

  it('a command that hangs is stopped after the time allowed, in one line', async () => {
    const hangs = await script('keyring-hangs', 'echo "waiting for a pinentry" >&2\nsleep 30');
    const started = Date.now();
    await expect(passphraseFromCommand(hangs, process.env, 300)).rejects.toThrow(
      `passphraseCommand (${hangs}) gave no passphrase within 0.3 seconds and was stopped: waiting for a pinentry.`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
