/**
 * The settings that run commands (editor, passphraseCommand) come only from a settings file no one else
 * could have written: not one another real user owns or can write, not one in a folder they can write,
 * not through a link to theirs. Such a file's commands are never run, in one warning line saying how to
 * fix it, and its other settings still apply. What is at the path must be a small regular file.
 */
import { chmod, chown, mkdir, mkdtemp, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { otherUser, type OtherUser } from '../helpers/machine.js';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolders } from '../helpers/temp.js';

const SECRET = 'correct horse battery staple';
const folders = tempFolders();
const other = otherUser();
const skipped = 'skipped' in other ? other.skipped : undefined;
const user = other as OtherUser;
const because = skipped ? ` (skipped: ${skipped})` : '';

let dir: string;
let journal: string;
let marker: string;
/** A settings file whose passphraseCommand leaves a mark when it runs, and which sets a date order too. */
let settings: string;

beforeEach(async () => {
  ({ dir, journal } = await folders());
  await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal, env: { MENTEE_PASSPHRASE: SECRET } });
  await cli(['encrypt'], { journal, env: { MENTEE_PASSPHRASE: SECRET } });
  marker = join(dir, 'the-command-ran');
  settings = JSON.stringify({ passphraseCommand: `touch ${marker}; echo '${SECRET}'`, dateOrder: 'dmy' });
});

/** `mentee status` on the encrypted journal with this settings file, MENTEE_PASSPHRASE unset. */
const status = (config: string) =>
  runCli(['status'], { journal, env: { MENTEE_CONFIG: config, MENTEE_PASSPHRASE: undefined } });

async function settingsFile(folder: string, mode = 0o600): Promise<string> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const file = join(folder, 'config.json');
  await writeFile(file, settings);
  await chmod(file, mode);
  return file;
}

/** The command was not run: one warning line (with its fix), then the journal asks for a passphrase. */
async function expectNotRun(config: string, why: string, fix: string) {
  const { code, stderr } = await status(config);
  expect(existsSync(marker)).toBe(false);
  expect(code).toBe(1);
  const [warning, ...rest] = stderr.trim().split('\n');
  expect(warning).toBe(
    `warning: the passphraseCommand set in ${config} is not run: ${why}, so someone else could choose what mentee runs as you (${fix}).`,
  );
  expect(rest).toEqual([expect.stringContaining('is encrypted: set MENTEE_PASSPHRASE')]);
}

describe('a settings file someone else could have written never runs a command as you', () => {
  it('your own file (0600, in your own folder) runs its passphraseCommand', async () => {
    const config = await settingsFile(join(dir, 'mine'));
    expect(await status(config)).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(marker)).toBe(true);
  });

  it('a file other users can write', async () => {
    const config = await settingsFile(join(dir, 'shared-file'), 0o666);
    await expectNotRun(config, `other users can write ${config}`, `chmod go-w ${config}`);
  });

  it('a file in a folder other users can write (they could swap it)', async () => {
    const folder = join(dir, 'shared-folder');
    const config = await settingsFile(folder);
    await chmod(folder, 0o777);
    await expectNotRun(config, `other users can write its folder ${folder}`, `chmod go-w ${folder}`);
  });

  it.skipIf(skipped)(`a file another user owns, named by MENTEE_CONFIG${because}`, async () => {
    const config = await settingsFile(join(dir, 'theirs'));
    await chown(config, user.uid, user.gid);
    const me = spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout.trim();
    await expectNotRun(
      config,
      `${config} belongs to ${user.name}, not you`,
      `if you trust it, make it yours: chown ${me} ${config}`,
    );
  });

  it.skipIf(skipped)(`a link from your config folder to another user's file${because}`, async () => {
    const theirs = await settingsFile(join(dir, 'theirs'));
    await chown(theirs, user.uid, user.gid);
    const mine = join(dir, 'mine');
    await mkdir(mine, { mode: 0o700 });
    const config = join(mine, 'config.json');
    await symlink(theirs, config);
    const me = spawnSync('id', ['-un'], { encoding: 'utf8' }).stdout.trim();
    await expectNotRun(
      config,
      `${theirs} belongs to ${user.name}, not you`,
      `if you trust it, make it yours: chown ${me} ${theirs}`,
    );
  });

  it('its settings that run nothing still apply (dateOrder)', async () => {
    const config = await settingsFile(join(dir, 'shared-file'), 0o666);
    const { stdout } = await runCli(['config', 'get', 'dateOrder'], { journal, env: { MENTEE_CONFIG: config } });
    expect(stdout).toBe('dmy\n');
  });

  it('a file with no command in it is used without a warning, whoever can write it', async () => {
    const config = await settingsFile(join(dir, 'shared-file'), 0o666);
    await writeFile(config, JSON.stringify({ dateOrder: 'dmy' }));
    const result = await runCli(['config', 'get', 'dateOrder'], { journal, env: { MENTEE_CONFIG: config } });
    expect(result).toMatchObject({ code: 0, stdout: 'dmy\n', stderr: '' });
  });
});

describe('what is at the settings path must be a small regular file', () => {
  const works = async (config: string, said: string) => {
    const result = await runCli(['mentor', 'list'], {
      journal,
      env: { MENTEE_CONFIG: config, MENTEE_PASSPHRASE: SECRET },
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`warning: cannot read ${config}: ${said}; your settings in it are not used.\n`);
  };

  it('a named pipe (FIFO) or /dev/zero is one warning line, never a hang', async () => {
    const fifo = join(dir, 'config.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    await works(fifo, 'it is a named pipe (FIFO), not a file');
    await works('/dev/zero', 'it is a device, not a file');
  });

  it('a huge file is one warning line', async () => {
    const huge = join(await mkdtemp(join(dir, 'huge-')), 'config.json');
    writeFileSync(huge, Buffer.alloc(17 * 1024 * 1024, 32));
    await works(huge, 'it is 17 MiB, more than the 16 MiB mentee reads');
  });

  it('a config folder that is a file: config set says so in one line and changes nothing', async () => {
    const notAFolder = join(dir, 'settings');
    await writeFile(notAFolder, 'mine');
    const config = join(notAFolder, 'config.json');
    const result = await runCli(['config', 'set', 'dateOrder', 'dmy'], { journal, env: { MENTEE_CONFIG: config } });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(`mentee: Cannot write ${config}: part of the path is a file, not a folder.\n`);
    expect((await stat(notAFolder)).isFile()).toBe(true);
  });
});
