/** The local sync repository, with the real git binary and bare repositories in temporary folders. */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journalPaths } from '../../src/store/paths.js';
import { emptyJournal } from '../../src/core/model.js';
import { openSyncRepo } from '../../src/store/sync-repo.js';
import { parseSyncedCopy } from '../../src/store/journal-validation.js';
import { syncedText } from '../../src/store/synced-copy.js';
import { addTask, validMentor } from './fixtures.js';
import { AT, bareEnv, bareRemote, bytes, device, failure, run, tempFolder } from './sync-repo-fixtures.js';

describe('the sync repository', () => {
  it('is a private bare repository beside the journal, with the remote as origin', async () => {
    const remote = await bareRemote();
    const { journal } = await tempFolder();
    const repo = openSyncRepo(journalPaths(journal), { env: await bareEnv() });
    expect(await repo.exists()).toBe(false);
    await repo.create(remote);
    expect(repo.path).toBe(`${journal}.sync`);
    expect(await repo.exists()).toBe(true);
    expect((await stat(repo.path)).mode & 0o777).toBe(0o700);
    expect(await repo.remote()).toBe(remote);
    expect(await repo.head()).toBeUndefined();
    expect(await repo.remoteHead()).toBeUndefined();
    const { stdout } = await run('git', ['--git-dir', repo.path, 'rev-parse', '--is-bare-repository']);
    expect(stdout.trim()).toBe('true');
  });

  it('keeps a local remote path absolute, so it means the same from any folder', async () => {
    const { dir, journal } = await tempFolder();
    const repo = openSyncRepo(journalPaths(journal), { env: await bareEnv() });
    await repo.create('../stick/mentee.git');
    expect(await repo.remote()).toBe(join(dir, '..', 'stick', 'mentee.git'));
    await repo.setRemote('git@example.org:sam/journal.git');
    expect(await repo.remote()).toBe('git@example.org:sam/journal.git');
    await repo.setRemote('https://example.org/sam/journal.git');
    expect(await repo.remote()).toBe('https://example.org/sam/journal.git');
  });

  it('commits the synced copy as journal.json, by mentee, at the time given, with no git configuration', async () => {
    const repo = await device(await bareRemote());
    const first = await repo.commit(bytes('{"version": 3}\n'), [], 'mentee sync', AT);
    await repo.advance(first, undefined);
    expect(await repo.head()).toBe(first);
    expect((await repo.read(first)).toString()).toBe('{"version": 3}\n');
    const { stdout } = await run('git', [
      '--git-dir',
      repo.path,
      'log',
      '-1',
      '--format=%an <%ae> %aI|%cn <%ce> %cI|%s',
      first,
    ]);
    expect(stdout.trim()).toBe(
      'mentee <mentee@localhost> 2026-11-25T09:00:00+00:00|mentee <mentee@localhost> 2026-11-25T09:00:00+00:00|mentee sync',
    );
    const tree = await run('git', ['--git-dir', repo.path, 'ls-tree', '--name-only', first]);
    expect(tree.stdout).toBe('journal.json\n');
  });

  it('keeps bytes exactly as given (an encrypted journal is binary)', async () => {
    const repo = await device(await bareRemote());
    const binary = Buffer.from([0, 1, 2, 255, 10, 13, 10, 0, 128]);
    expect(await repo.read(await repo.commit(binary, [], 'mentee sync', AT))).toEqual(binary);
  });

  it('passes copies between two devices through one remote', async () => {
    const remote = await bareRemote();
    const laptop = await device(remote);
    const desktop = await device(remote);
    expect(await desktop.fetch()).toBeUndefined();

    const first = await laptop.commit(bytes('one\n'), [], 'mentee sync', AT);
    await laptop.advance(first, undefined);
    expect(await laptop.ahead()).toBe(1);
    await laptop.push(first);
    expect(await laptop.ahead()).toBe(0);
    expect(await laptop.remoteHead()).toBe(first);

    expect(await desktop.fetch()).toBe(first);
    expect((await desktop.read(first)).toString()).toBe('one\n');
    const second = await desktop.commit(bytes('two\n'), [first], 'mentee sync', AT);
    await desktop.advance(second, undefined);
    await desktop.push(second);

    expect(await laptop.fetch()).toBe(second);
    expect(await laptop.mergeBase(first, second)).toBe(first);
    expect(await laptop.isAncestor(first, second)).toBe(true);
    expect(await laptop.isAncestor(second, first)).toBe(false);
  });

  it('refuses a push when the other device sent first, and takes the merge of both', async () => {
    const remote = await bareRemote();
    const laptop = await device(remote);
    const desktop = await device(remote);
    const base = await laptop.commit(bytes('base\n'), [], 'mentee sync', AT);
    await laptop.advance(base, undefined);
    await laptop.push(base);
    await desktop.fetch();
    await desktop.advance(base, undefined);

    const fromLaptop = await laptop.commit(bytes('laptop\n'), [base], 'mentee sync', AT);
    await laptop.advance(fromLaptop, base);
    await laptop.push(fromLaptop);
    const fromDesktop = await desktop.commit(bytes('desktop\n'), [base], 'mentee sync', AT);
    await desktop.advance(fromDesktop, base);

    const rejected = await failure(desktop.push(fromDesktop));
    expect(rejected.kind).toBe('rejected');
    expect(await desktop.remoteHead()).toBe(base);

    const theirs = await desktop.fetch();
    expect(theirs).toBe(fromLaptop);
    expect(await desktop.mergeBase(fromDesktop, theirs!)).toBe(base);
    const merged = await desktop.commit(bytes('both\n'), [fromDesktop, theirs!], 'mentee sync', AT);
    await desktop.advance(merged, fromDesktop);
    expect(await desktop.ahead()).toBe(2);
    await desktop.push(merged);
    expect(await laptop.fetch()).toBe(merged);
    expect(await laptop.isAncestor(fromLaptop, merged)).toBe(true);
  });

  it("gives the other device the journal as it was sent, less this device's undo history", async () => {
    const remote = await bareRemote();
    const laptop = await device(remote);
    const journal = emptyJournal(AT);
    journal.mentors.push(validMentor());
    addTask(journal, 'Read the style guide');
    journal.history.undo.push({ at: AT.toISOString(), records: [{ kind: 'profile', id: '', before: {}, after: {} }] });
    const commit = await laptop.commit(Buffer.from(syncedText(journal)), [], 'mentee sync', AT);
    await laptop.advance(commit, undefined);
    await laptop.push(commit);

    const desktop = await device(remote);
    const received = parseSyncedCopy((await desktop.read((await desktop.fetch())!)).toString(), 'the remote copy');
    expect(received).toEqual({ ...journal, updatedAt: journal.createdAt, history: { undo: [], redo: [] } });
  });

  it('moves main only from where the caller last saw it', async () => {
    const repo = await device(await bareRemote());
    const one = await repo.commit(bytes('one\n'), [], 'mentee sync', AT);
    const two = await repo.commit(bytes('two\n'), [one], 'mentee sync', AT);
    await repo.advance(one, undefined);
    const moved = await failure(repo.advance(two, undefined));
    expect(moved.kind).toBe('moved');
    expect((await failure(repo.advance(two, two))).kind).toBe('moved');
    expect(await repo.head()).toBe(one);
    await repo.advance(two, one);
    expect(await repo.head()).toBe(two);
  });

  it('says when the copy it reads is not one mentee made', async () => {
    const repo = await device(await bareRemote());
    const empty = await run('git', ['--git-dir', repo.path, 'hash-object', '-t', 'tree', '-w', '/dev/null']);
    const { stdout: commit } = await run(
      'git',
      [
        '--git-dir',
        repo.path,
        '-c',
        'user.name=x',
        '-c',
        'user.email=x@x',
        'commit-tree',
        empty.stdout.trim(),
        '-m',
        'x',
      ],
      { env: await bareEnv() },
    );
    const error = await failure(repo.read(commit.trim()));
    expect(error.kind).toBe('not-a-repo');
    expect(error.message).toMatch(/has no journal\.json: is the sync remote one mentee made\?$/);
  });
});

describe('a sync repository that is not there', () => {
  it('is refused before any git command, in one line', async () => {
    const { journal } = await tempFolder();
    const repo = openSyncRepo(journalPaths(journal), { env: await bareEnv() });
    const error = await failure(repo.head());
    expect(error.kind).toBe('not-a-repo');
    expect(error.message).toBe(`This journal has no sync repository yet (${journal}.sync): set up sync first.`);
  });

  it('is not taken for something else in its place', async () => {
    const { journal } = await tempFolder();
    await mkdir(`${journal}.sync`, { mode: 0o700 });
    const repo = openSyncRepo(journalPaths(journal), { env: await bareEnv() });
    const error = await failure(repo.exists());
    expect(error.kind).toBe('not-a-repo');
    expect(error.message).toBe(`${journal}.sync is not a mentee sync repository: move it aside and set up sync again.`);
    expect((await failure(repo.create('/tmp/x'))).kind).toBe('not-a-repo');
  });
});
