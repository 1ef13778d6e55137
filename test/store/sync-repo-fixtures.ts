/** Devices and remotes for the tests of the sync repository: the real git, bare repositories in temporary folders. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { journalPaths } from '../../src/store/paths.js';
import { openSyncRepo, SyncError, type SyncRepo, type SyncRepoOptions } from '../../src/store/sync-repo.js';
import { tempFolders } from '../helpers/temp.js';

export const run = promisify(execFile);
export const tempFolder = tempFolders();
export const AT = new Date('2026-11-25T09:00:00Z');
export const bytes = (text: string): Buffer => Buffer.from(text);

/** A user with no git configuration at all: an empty home, nothing of the machine's GIT_* variables. */
export async function bareEnv(): Promise<NodeJS.ProcessEnv> {
  const { dir } = await tempFolder();
  return { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), LANG: 'C' };
}

/** A new empty bare repository, as a user would make for sync on a USB stick. */
export async function bareRemote(): Promise<string> {
  const { dir } = await tempFolder();
  const remote = join(dir, 'remote.git');
  await run('git', ['init', '--bare', '--quiet', remote], { env: await bareEnv() });
  return remote;
}

/** One device: a journal's folder and its sync repository, made with `remote` as origin. */
export async function device(remote: string, options: Partial<SyncRepoOptions> = {}): Promise<SyncRepo> {
  const { journal } = await tempFolder();
  const repo = openSyncRepo(journalPaths(journal), { env: await bareEnv(), ...options });
  await repo.create(remote);
  return repo;
}

/** What a promise was refused with: a SyncError. */
export async function failure(promise: Promise<unknown>): Promise<SyncError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SyncError);
  return error as SyncError;
}
