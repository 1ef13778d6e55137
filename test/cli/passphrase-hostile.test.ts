/**
 * The passphrase's sources met with what a careless tool or another user on the machine gives them: a
 * file that is another user's (or a link to it), one far too big, a keyring that ends its line with
 * CRLF, one that pours out megabytes, one that hangs until Ctrl-C. Each is one line or works, never
 * with the passphrase in what is said.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning } from '../../src/store/processes.js';
import { BIN, runEnv } from '../helpers/cli.js';
import { otherUser, type OtherUser } from '../helpers/machine.js';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

const SECRET = 'correct horse battery staple';
const other = otherUser();
const skipped = 'skipped' in other ? other.skipped : undefined;
const user = other as OtherUser;
const because = skipped ? ` (skipped: ${skipped})` : '';

let dir: string;
let journal: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, journal, cleanup } = await tempFolder());
  const env = { MENTEE_PASSPHRASE: SECRET };
  await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal, env });
  await cli(['encrypt'], { journal, env });
});
afterAll(() => cleanup());

const status = (env: Record<string, string | undefined>) =>
  runCli(['status', '--json'], {
    journal,
    env: { MENTEE_CONFIG: join(dir, 'no-config.json'), MENTEE_PASSPHRASE: undefined, ...env },
  });

async function file(name: string, content: string | Buffer, mode = 0o600): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  await chmod(path, mode);
  return path;
}

async function script(name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`, { mode: 0o700 });
  return path;
}

describe('MENTEE_PASSPHRASE_FILE from a hostile machine', () => {
  it.skipIf(skipped)(`another user's 0600 file, or a link to it, is refused${because}`, async () => {
    const theirs = await file('theirs', `${SECRET}\n`);
    await chown(theirs, user.uid, user.gid);
    const link = join(dir, 'link-to-theirs');
    await symlink(theirs, link);
    for (const named of [theirs, link]) {
      const result = await status({ MENTEE_PASSPHRASE_FILE: named });
      expect(result).toEqual({
        code: 1,
        stdout: '',
        stderr: `mentee: MENTEE_PASSPHRASE_FILE ${named} is not yours; mentee reads a passphrase only from your own file.\n`,
      });
    }
  });

  it('a link to your own 0600 file is read (a dotfiles folder)', async () => {
    const mine = await file('mine', `${SECRET}\n`);
    const link = join(dir, 'link-to-mine');
    await symlink(mine, link);
    expect(await status({ MENTEE_PASSPHRASE_FILE: link })).toMatchObject({ code: 0, stderr: '' });
  });

  it('a file far bigger than a passphrase says so in words that add up', async () => {
    const big = await file('big', Buffer.alloc(1_000_000, 65));
    expect((await status({ MENTEE_PASSPHRASE_FILE: big })).stderr).toBe(
      `mentee: cannot read MENTEE_PASSPHRASE_FILE ${big}: it is larger than any passphrase (over 64 KiB).\n`,
    );
  });
});

describe('passphraseCommand from a careless tool', () => {
  it('one that ends its line with CRLF opens the journal', async () => {
    const crlf = await script('keyring-crlf', `printf '%s\\r\\n' '${SECRET}'`);
    expect(await status({ MENTEE_PASSPHRASE_COMMAND: crlf })).toMatchObject({ code: 0, stderr: '' });
  });

  it('one that pours out megabytes is stopped at once, in one line', async () => {
    const flood = await script('keyring-flood', 'yes correct-horse-battery-staple');
    const started = Date.now();
    expect((await status({ MENTEE_PASSPHRASE_COMMAND: flood })).stderr).toBe(
      `mentee: passphraseCommand (${flood}) printed more than a passphrase (over 64 KiB); nothing of it was used.\n`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('one that hangs: Ctrl-C stops mentee and the command at once (the shell says 130)', async () => {
    const pidFile = join(dir, 'keyring-pid');
    const hangs = await script('keyring-hangs', `echo $$ > ${pidFile}\nexec sleep 60`);
    // Its own process group, as a terminal's foreground job is: Ctrl-C sends SIGINT to all of it.
    const child = spawn(process.execPath, [BIN, 'status'], {
      env: runEnv({ journal, env: { MENTEE_PASSPHRASE_COMMAND: hangs, MENTEE_CONFIG: join(dir, 'none.json') } }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Stopped by the signal itself, or exiting 130: the shell says 130 either way.
    const closed = new Promise<number | null>((resolve) =>
      child.on('close', (code, signal) => resolve(signal === 'SIGINT' ? 130 : code)),
    );
    for (let waited = 0; !existsSync(pidFile) && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const keyring = Number((await readFile(pidFile, 'utf8')).trim());
    const started = Date.now();
    process.kill(-child.pid!, 'SIGINT');
    expect(await closed).toBe(130);
    // The signal reached the keyring with mentee; allow it the moment it takes to end.
    for (let waited = 0; isRunning(keyring) && waited < 1_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(isRunning(keyring)).toBe(false);
    expect(stderr).not.toContain(SECRET);
  });
});
