/**
 * A journal path that is not a journal file: a pipe, a device, a folder, a loop of links, a file in
 * the middle of the path, a path too long, a disk error. Each is refused at once with one line and a
 * hint that fits it, whatever the command, and nothing there is changed.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempFolders } from '../helpers/temp.js';

const folder = tempFolders();

/** Runs `args` on the journal at `journal`, within `ms` (a hang fails the test instead of stalling it). */
async function refused(journal: string, args = ['status'], ms = 5_000) {
  const started = performance.now();
  const result = await runCli(args, { journal });
  expect(performance.now() - started).toBeLessThan(ms);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/text editor|\bat .*\.(ts|js):\d+/);
  return result.stderr;
}

describe('a journal path that is not a journal file', () => {
  it('a named pipe (FIFO) is refused at once by reading and writing commands, not waited on', async () => {
    const { dir } = await folder();
    const fifo = join(dir, 'journal.json');
    execFileSync('mkfifo', [fifo]);
    for (const args of [['status'], ['goal', 'add', 'Apply for ST1'], ['export', '--all'], ['encrypt'], ['undo']]) {
      expect(await refused(fifo, args)).toMatch(/named pipe \(FIFO\), not a file|not a file/);
    }
    expect(await refused(fifo)).toBe(
      `mentee: Cannot read the journal ${fifo}: it is a named pipe (FIFO), not a file. ` +
        'The journal is a file: use --journal or MENTEE_JOURNAL to say where your journal is.\n',
    );
    expect((await readdir(dir)).sort()).toEqual(['journal.json']);
  });

  it('/dev/zero, /dev/urandom and /dev/null are devices, refused at once', async () => {
    for (const device of ['/dev/zero', '/dev/urandom', '/dev/null']) {
      expect(await refused(device)).toContain(`Cannot read the journal ${device}: it is a device, not a file.`);
      expect(await refused(device, ['goal', 'add', 'Apply for ST1'])).toContain('it is a device, not a file');
    }
  });

  it('a folder is named as a folder, with the file it might have meant', async () => {
    const { dir } = await folder();
    expect(await refused(dir)).toBe(
      `mentee: Cannot read the journal ${dir}: it is a folder, not a file. The journal is a file, e.g. ` +
        `${join(dir, 'journal.json')}: use --journal or MENTEE_JOURNAL to say where your journal is.\n`,
    );
  });

  it('a loop of symbolic links says where it goes round', async () => {
    const { dir } = await folder();
    const [a, b] = [join(dir, 'a.json'), join(dir, 'b.json')];
    await symlink(b, a);
    await symlink(a, b);
    const line = await refused(a, ['goal', 'add', 'Apply for ST1']);
    expect(line).toMatch(/it is a loop of symbolic links \(.*a\.json → .*b\.json → .*a\.json\)/);
    expect(line).toContain('Point the link at your journal file');
  });

  it('a file where a folder should be names that file', async () => {
    const { dir } = await folder();
    await writeFile(join(dir, 'notes'), 'just text');
    const journal = join(dir, 'notes', 'journal.json');
    expect(await refused(journal)).toContain(`${join(dir, 'notes')} is a file, not a folder. Check the path`);
    expect(await refused(journal, ['goal', 'add', 'Apply for ST1'])).toContain('is a file, not a folder');
  });

  it('a path too long says so and how long', async () => {
    const { dir } = await folder();
    const journal = join(dir, 'x'.repeat(300), 'journal.json');
    expect(await refused(journal)).toMatch(/the path is too long \(\d+ characters; a name may have 255 at most/);
  });

  it('a disk error (EIO, from a file that reads as one) says the disk reported it, not that the text is wrong', async () => {
    // /proc/self/mem is a regular file whose first bytes (address 0, never mapped) fail with EIO.
    const line = await refused('/proc/self/mem');
    expect(line).toContain('the disk reported an input/output error');
    expect(line).toContain('check the disk');
  });

  it('a backup that is a pipe is reported by doctor, not waited on', async () => {
    const { dir, journal } = await folder();
    expect((await runCli(['goal', 'add', 'Apply for ST1'], { journal })).code).toBe(0);
    await mkdir(join(dir, 'journal.json.backups'), { recursive: true });
    execFileSync('mkfifo', [
      join(dir, 'journal.json.backups', 'journal.json.2020-01-01T00-00-00-000Z.000000.saved.json'),
    ]);
    const started = performance.now();
    const result = await runCli(['doctor'], { journal });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /cannot be opened: Cannot read .*saved\.json: it is a named pipe \(FIFO\), not a file\./,
    );
  });
});
