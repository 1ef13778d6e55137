import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

export interface TempFolder {
  /** The folder, resolved through symlinks (the store reports real paths, so messages compare equal). */
  dir: string;
  /** journal.json inside it, not yet created. */
  journal: string;
  cleanup: () => Promise<void>;
}

/** A fresh folder for one test's files; `cleanup` removes it with everything in it. */
export async function tempFolder(): Promise<TempFolder> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'mentee-test-')));
  return { dir, journal: join(dir, 'journal.json'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** For the tests of a file or describe block: each folder made is removed after its test. */
export function tempFolders(): () => Promise<TempFolder> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  return async () => {
    const folder = await tempFolder();
    cleanups.push(folder.cleanup);
    return folder;
  };
}
