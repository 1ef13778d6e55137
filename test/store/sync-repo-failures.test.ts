/** The sync repository when things go wrong: remotes out of reach, no git, a hostile environment. */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalPaths } from '../../src/store/paths.js';
import { meaningfulLine, NO_GIT, openSyncRepo } from '../../src/store/sync-repo.js';
import { AT, bareEnv, bareRemote, bytes, device, failure, run, tempFolder } from './sync-repo-fixtures.js';

/** A PATH with git on it and nothing else (no ssh), or with nothing at all. */
async function pathWith(programs: string[]): Promise<string> {
  const { dir } = await tempFolder();
  for (const program of programs) {
    const { stdout } = await run('sh', ['-c', `command -v ${program}`]);
    await symlink(stdout.trim(), join(dir, program));
  }
  return dir;
}

/** Every file under `dir` with a hash of its content: what "not touched" means. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const hashes = await Promise.all(
    files.map(
      async (file) =>
        [
          file,
          createHash('sha256')
            .update(await readFile(file))
            .digest('hex'),
        ] as const,
    ),
  );
  return Object.fromEntries(hashes);
}

describe('a remote out of reach', () => {
  it("is one line in git's words when the remote path does not exist, and changes nothing", async () => {
    const { dir } = await tempFolder();
    const missing = join(dir, 'x', 'y');
    const repo = await device(missing);
    const error = await failure(repo.fetch());
    expect(error.kind).toBe('unreachable');
    expect(error.message).toBe(`Cannot reach the sync remote ${missing}: does not appear to be a git repository.`);
    expect(await repo.remoteHead()).toBeUndefined();

    const commit = await repo.commit(bytes('one\n'), [], 'mentee sync', AT);
    await repo.advance(commit, undefined);
    const pushed = await failure(repo.push(commit));
    expect(pushed.kind).toBe('unreachable');
    expect(pushed.message).toBe(error.message);
    expect(await repo.ahead()).toBe(1);
  });

  it('is refused at once when nothing listens at an ssh address', async () => {
    const repo = await device('ssh://127.0.0.1:9/x');
    const started = Date.now();
    const error = await failure(repo.fetch());
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error.kind).toBe('unreachable');
    // Where ssh is not installed, git says so instead.
    expect(error.message).toMatch(
      /^Cannot reach the sync remote ssh:\/\/127\.0\.0\.1:9\/x: (Connection refused|cannot run ssh: No such file or directory)\.$/,
    );
  });

  it('says ssh is missing when there is no ssh on the PATH', async () => {
    const env = { ...(await bareEnv()), PATH: await pathWith(['git']) };
    const repo = await device('ssh://127.0.0.1:9/x', { env });
    const error = await failure(repo.fetch());
    expect(error.kind).toBe('unreachable');
    expect(error.message).toBe(
      'Cannot reach the sync remote ssh://127.0.0.1:9/x: cannot run ssh: No such file or directory.',
    );
  });

  it("is given up after the time allowed, through the user's own GIT_SSH_COMMAND", async () => {
    const env = { ...(await bareEnv()), GIT_SSH_COMMAND: 'sleep 30 #' };
    const repo = await device('ssh://example.invalid/x', { env, timeoutMs: 500 });
    const started = Date.now();
    const error = await failure(repo.fetch());
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.kind).toBe('unreachable');
    expect(error.message).toBe('Cannot reach the sync remote ssh://example.invalid/x: no answer in 1 second.');
  });

  it('says why when the remote refuses what is sent', async () => {
    const { dir } = await tempFolder();
    const checkedOut = join(dir, 'work');
    const plain = await bareEnv();
    await run('git', ['init', '--quiet', '-b', 'main', checkedOut], { env: plain });
    await run(
      'git',
      ['-C', checkedOut, '-c', 'user.name=v', '-c', 'user.email=v@v', 'commit', '-q', '--allow-empty', '-m', 'v'],
      {
        env: plain,
      },
    );
    const repo = await device(checkedOut);
    const commit = await repo.commit(bytes('one\n'), [(await repo.fetch())!], 'mentee sync', AT);
    await repo.advance(commit, undefined);
    const error = await failure(repo.push(commit));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toBe(`The sync remote ${checkedOut} refused the copy: branch is currently checked out.`);
    expect(await repo.ahead()).toBe(1);
  });

  it.each([
    [
      "fatal: '/x/y' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
      'does not appear to be a git repository',
    ],
    [
      'ssh: connect to host 127.0.0.1 port 9: Connection refused\r\nfatal: Could not read from remote repository.\n',
      'Connection refused',
    ],
    [
      'ssh: Could not resolve hostname nas.local: Name or service not known\nfatal: Could not read from remote repository.\n',
      'Could not resolve hostname nas.local: Name or service not known',
    ],
    [
      "fatal: unable to access 'https://example.org/j.git/': Could not resolve host: example.org\n",
      'Could not resolve host: example.org',
    ],
    [
      'git@github.com: Permission denied (publickey).\nfatal: Could not read from remote repository.\n',
      'git@github.com: Permission denied (publickey).',
    ],
    ['', 'git gave no reason'],
  ])("takes the line that says why from git's output %#", (stderr, line) => {
    expect(meaningfulLine(stderr)).toBe(line);
  });
});

describe('no git', () => {
  it('says how to get git, for a new sync repository and an existing one', async () => {
    const { journal } = await tempFolder();
    const env = { ...(await bareEnv()), PATH: await pathWith([]) };
    const error = await failure(openSyncRepo(journalPaths(journal), { env }).create(await bareRemote()));
    expect(error.kind).toBe('no-git');
    expect(error.message).toBe('mentee sync needs git; install it (https://git-scm.com) and run mentee sync again.');
    await expect(stat(`${journal}.sync`)).rejects.toThrow(/ENOENT/);

    const existing = await device(await bareRemote());
    const { dir } = await tempFolder();
    const again = openSyncRepo(journalPaths(join(dir, 'elsewhere.json')), { env });
    expect((await failure(again.head())).kind).toBe('not-a-repo');
    const sameRepo = openSyncRepo({ ...journalPaths(join(dir, 'j.json')), sync: existing.path }, { env });
    const fetched = await failure(sameRepo.fetch());
    expect([fetched.kind, fetched.message]).toEqual(['no-git', NO_GIT]);
  });
});

describe('a hostile environment', () => {
  it('never touches the repository, work tree, index or objects that GIT_* variables point at', async () => {
    const { dir } = await tempFolder();
    const victim = join(dir, 'victim');
    await mkdir(victim);
    const plain = await bareEnv();
    await run('git', ['init', '--quiet', victim], { env: plain });
    await writeFile(join(victim, 'notes.txt'), 'mine\n');
    await run('git', ['-C', victim, 'add', 'notes.txt'], { env: plain });
    await run('git', ['-C', victim, '-c', 'user.name=v', '-c', 'user.email=v@v', 'commit', '-qm', 'v'], { env: plain });
    const hooks = join(dir, 'hooks');
    await mkdir(hooks);
    const tripwire = join(dir, 'hook-ran');
    for (const hook of ['pre-push', 'reference-transaction', 'post-update'])
      await writeFile(join(hooks, hook), `#!/bin/sh\ntouch ${tripwire}\n`, { mode: 0o755 });
    const before = await snapshot(victim);

    const env = {
      ...plain,
      GIT_DIR: join(victim, '.git'),
      GIT_WORK_TREE: victim,
      GIT_INDEX_FILE: join(victim, '.git', 'index'),
      GIT_OBJECT_DIRECTORY: join(victim, '.git', 'objects'),
      GIT_ALTERNATE_OBJECT_DIRECTORIES: join(victim, '.git', 'objects'),
      GIT_COMMON_DIR: join(victim, '.git'),
      GIT_NAMESPACE: 'elsewhere',
      GIT_CEILING_DIRECTORIES: '/',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'core.hooksPath',
      GIT_CONFIG_VALUE_0: hooks,
      GIT_CONFIG_PARAMETERS: `'core.hooksPath'='${hooks}'`,
      GIT_AUTHOR_NAME: 'Someone Else',
    };
    const remote = await bareRemote();
    const laptop = await device(remote, { env });
    const commit = await laptop.commit(bytes('one\n'), [], 'mentee sync', AT);
    await laptop.advance(commit, undefined);
    await laptop.push(commit);
    const desktop = await device(remote, { env });
    expect(await desktop.fetch()).toBe(commit);
    expect((await desktop.read(commit)).toString()).toBe('one\n');

    expect(await snapshot(victim)).toEqual(before);
    await expect(readFile(tripwire)).rejects.toThrow(/ENOENT/);
    const { stdout } = await run('git', ['--git-dir', laptop.path, 'log', '-1', '--format=%an', commit]);
    expect(stdout.trim()).toBe('mentee');
  });
});
