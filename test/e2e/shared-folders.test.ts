/**
 * Other users and shared folders: a journal's folder or backup folder that others can write is refused
 * in one line saying how to fix it; nothing planted beside the journal (a link, another user's file) is
 * ever written through or restored; `sudo mentee` on a user's journal leaves every file theirs. The
 * second user is real (test/helpers/machine.ts), so those tests need root and say so otherwise.
 */
import { chmod, chown, lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runMentee } from '../helpers/cli.js';
import { folderOf, otherUser, runAs, type OtherUser } from '../helpers/machine.js';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolders } from '../helpers/temp.js';

const folder = tempFolders();
const other = otherUser();
const skipped = 'skipped' in other ? other.skipped : undefined;
const user = other as OtherUser;

/** A line of stderr and nothing else: every refusal is one line. */
const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);

describe('a journal in a folder other users can write', () => {
  it('is refused in one line saying how to make the folder yours alone, and the journal is untouched', async () => {
    const { dir, journal } = await folder();
    await cli(['action', 'add', 'Email the training lead'], { journal });
    const before = await readFile(journal);
    await chmod(dir, 0o770);
    for (const args of [['action', 'add', 'Again'], ['status'], ['undo']]) {
      const { code, stderr } = await runCli(args, { journal });
      expect(code).toBe(1);
      oneLine(stderr);
      expect(stderr).toBe(
        `mentee: ${dir} is writable by other users, so they could tamper with your journal's files; ` +
          `make it yours alone with: chmod go-w ${dir} (or move the journal with --journal)\n`,
      );
    }
    expect(await readFile(journal)).toEqual(before);
    await chmod(dir, 0o700);
    await cli(['action', 'add', 'Again'], { journal });
  });

  it('a shared folder like /tmp (sticky, everyone writes) is refused without advice to chmod it', async () => {
    const { dir } = await folder();
    const shared = join(dir, 'tmp');
    await mkdir(shared);
    await chmod(shared, 0o1777);
    const { code, stderr } = await runCli(['action', 'add', 'Hello'], { journal: join(shared, 'journal.json') });
    expect(code).toBe(1);
    expect(stderr).toBe(
      `mentee: ${shared} is writable by other users, so they could tamper with your journal's files; ` +
        'keep the journal in a folder of your own with --journal\n',
    );
    expect(await readdir(shared)).toEqual([]);
  });

  it('a backup folder others can write is refused too', async () => {
    const { journal } = await folder();
    await cli(['action', 'add', 'Email the training lead'], { journal });
    await chmod(`${journal}.backups`, 0o777);
    const { code, stderr } = await runCli(['undo'], { journal });
    expect(code).toBe(1);
    expect(stderr).toContain(`${journal}.backups is writable by other users`);
  });
});

/** Lets the second user write `dir` while `plant` runs as them, then makes it private again. */
function plantAs(dir: string, command: string): Promise<void> {
  return (async () => {
    await chmod(dir, 0o777);
    const result = runAs(user, command, { cwd: dir });
    await chmod(dir, 0o700);
    if (result.status !== 0) throw new Error(`planting failed: ${result.stderr}`);
  })();
}

describe.skipIf(skipped)(`another user's files beside the journal (${skipped ?? 'as root'})`, () => {
  it('a pid file planted as a symlink by another user is refused and its target untouched', async () => {
    const { dir, journal } = await folder();
    await cli(['action', 'add', 'Email the training lead'], { journal });
    const target = join(dir, 'precious.txt');
    await writeFile(target, 'not to be overwritten\n');
    await plantAs(dir, `ln -s ${target} journal.json.lock.pid`);
    const before = await readFile(journal);

    const { code, stderr } = await runCli(['action', 'add', 'Again'], { journal });
    expect(code).toBe(1);
    oneLine(stderr);
    expect(stderr).toContain(`refused ${journal}.lock.pid: it is a symbolic link, which mentee never follows`);
    expect(stderr).toContain(`rm ${journal}.lock.pid`);
    expect(await readFile(target, 'utf8')).toBe('not to be overwritten\n');
    expect(await readFile(journal)).toEqual(before);
    expect((await lstat(`${journal}.lock.pid`)).isSymbolicLink()).toBe(true);
  });

  it('while the folder is open to them, the planted link is not even looked at: the folder is refused', async () => {
    const { dir, journal } = await folder();
    const target = join(dir, 'precious.txt');
    await writeFile(target, 'not to be overwritten\n');
    await chmod(dir, 0o777);
    expect(runAs(user, `ln -s ${target} journal.json.lock.pid`, { cwd: dir }).status).toBe(0);
    const { code, stderr } = await runCli(['action', 'add', 'Hello'], { journal });
    expect(code).toBe(1);
    expect(stderr).toContain(`${dir} is writable by other users`);
    expect(await readFile(target, 'utf8')).toBe('not to be overwritten\n');
  });

  it('a backups folder made by another user is refused, and their backup is never restored', async () => {
    const { dir, journal } = await folder();
    await cli(['action', 'add', 'Email the training lead'], { journal });
    const mine = `${journal}.backups`;
    await chmod(dir, 0o777);
    // Theirs: a backups folder, with a "newer backup" in it that would make undo bring back their text.
    await rm(mine, { recursive: true });
    const planted = JSON.parse(await readFile(journal, 'utf8'));
    planted.actions[0].title = 'PLANTED';
    const stamp = '2099-01-01T00-00-00-000Z';
    const script = `mkdir -m 700 journal.json.backups && cat > journal.json.backups/journal.json.${stamp}.00aaaa.saved.json`;
    const made = runAs(user, script, { cwd: dir, input: JSON.stringify(planted) });
    expect(made.status, made.stderr).toBe(0);
    await chmod(dir, 0o700);
    const before = await readFile(journal);

    for (const args of [['undo'], ['action', 'add', 'Again'], ['doctor', '--restore', '1']]) {
      const { code, stderr } = await runCli(args, { journal });
      expect(code).toBe(1);
      oneLine(stderr);
      expect(stderr).toBe(
        `mentee: ${mine} belongs to ${user.name}, not you, so they could tamper with your journal's files; ` +
          `move it aside (mv ${mine} ${mine}.not-mine) or move the journal with --journal\n`,
      );
    }
    expect(await readFile(journal)).toEqual(before);
  });

  it("a backup file another user put in the user's own backups folder is never listed or restored", async () => {
    const { journal } = await folder();
    await cli(['action', 'add', 'Email the training lead'], { journal });
    await cli(['action', 'add', 'Book the room'], { journal });
    const planted = JSON.parse(await readFile(journal, 'utf8'));
    planted.actions[0].title = 'PLANTED';
    const file = join(`${journal}.backups`, 'journal.json.2099-01-01T00-00-00-000Z.00aaaa.saved.json');
    await writeFile(file, JSON.stringify(planted));
    await chown(file, user.uid, user.gid);

    const listed = JSON.parse(await cli(['doctor', '--json'], { journal }));
    expect(JSON.stringify(listed)).not.toContain('2099-01-01');
    await cli(['undo'], { journal });
    expect(await readFile(journal, 'utf8')).not.toContain('PLANTED');
    expect(await readFile(journal, 'utf8')).toContain('Email the training lead');
  });
});

describe.skipIf(skipped)(`sudo mentee on a user's journal (${skipped ?? 'as root'})`, () => {
  /** Runs the binary as the second user, in their folder. */
  const asUser = (dir: string, args: string) =>
    runAs(user, `"${process.execPath}" "${BIN}" --journal journal.json ${args}`, {
      cwd: dir,
      env: { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), NO_COLOR: '1', TZ: 'UTC' },
    });

  it('sudo mentee keeps the journal yours: every file stays the user’s, and they carry on', async () => {
    const { dir: root } = await folder();
    await chmod(root, 0o755);
    const dir = folderOf(user, root);
    await chmod(dir, 0o700);
    const journal = join(dir, 'journal.json');
    expect(asUser(dir, 'action add "Email the training lead"').status).toBe(0);

    // As root: changes and an undo: the journal, backups, memo, lock and temporary files made or replaced.
    for (const args of [['action', 'add', 'Book the room'], ['undo'], ['action', 'add', 'Read the paper']]) {
      const result = await runMentee(args, { journal });
      expect(result.code, result.stderr).toBe(0);
    }

    const owners = async (at: string): Promise<string[]> => {
      const found: string[] = [];
      for (const name of await readdir(at)) {
        const path = join(at, name);
        const info = await lstat(path);
        if (info.uid !== user.uid) found.push(path);
        if (info.isDirectory()) found.push(...(await owners(path)));
      }
      return found;
    };
    expect(await owners(dir)).toEqual([]);

    const added = asUser(dir, 'action add "Thank the lead"');
    expect(added.status, added.stderr).toBe(0);
    const status = asUser(dir, 'actions --json');
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toContain('Read the paper');
    expect(status.stdout).toContain('Thank the lead');
    expect(asUser(dir, 'undo').status).toBe(0);
    expect(await owners(dir)).toEqual([]);
  });

  it("backups root left in the user's folder: a change is refused with the command that gives them back", async () => {
    const { dir: root } = await folder();
    await chmod(root, 0o755);
    const dir = folderOf(user, root);
    await chmod(dir, 0o700);
    const journal = join(dir, 'journal.json');
    expect(asUser(dir, 'action add "Email the training lead"').status).toBe(0);
    // What an older mentee left under sudo: the backups folder root's alone.
    await chown(`${journal}.backups`, 0, 0);
    const before = await readFile(journal);

    const result = asUser(dir, 'action add "Book the room"');
    expect(result.status).toBe(1);
    oneLine(result.stderr);
    expect(result.stderr).toContain(`${journal}.backups belongs to root, not you`);
    expect(result.stderr).toContain(`sudo chown -R ${user.name}: ${journal}*`);
    expect(await readFile(journal)).toEqual(before);
  });

  it('a journal root already took from the user gets a hint to take it back, never to restore over it', async () => {
    const { dir: root } = await folder();
    await chmod(root, 0o755);
    const dir = folderOf(user, root);
    await chmod(dir, 0o700);
    const journal = join(dir, 'journal.json');
    expect(asUser(dir, 'action add "Email the training lead"').status).toBe(0);
    // What an older mentee did under sudo: the newest version, and its backup, root's alone.
    await runMentee(['action', 'add', 'Newest change'], { journal });
    await chown(journal, 0, 0);

    const result = asUser(dir, 'status');
    expect(result.status).toBe(1);
    oneLine(result.stderr);
    expect(result.stderr).toContain('it belongs to root');
    expect(result.stderr).toContain(`sudo chown ${user.name}`);
    expect(result.stderr).not.toMatch(/cp |--restore/);
    // Given back, as the hint says: the newest change is there, and the user carries on.
    await chown(journal, user.uid, user.gid);
    const list = asUser(dir, 'actions --json');
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain('Newest change');
  });
});
