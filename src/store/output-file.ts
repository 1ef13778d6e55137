import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { link, lstat, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { PRIVATE_FILE_MODE, syncFolder, writeFileAtomic } from './atomic-write.js';
import { asFileProblem } from './file-errors.js';
import { isRunning } from './processes.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Writes an export readable by its owner only, all or nothing: a full disk or a kill leaves no cut-short
 * file (which a retry would find "already exists") and no temporary file. An existing file is replaced
 * only when `force` is set; without it, the name is taken with link(), which fails if it exists.
 */
export async function writePrivateFile(path: string, content: string, force: boolean): Promise<void> {
  try {
    if (!force && (await exists(path))) throw alreadyExists(path);
    await removeLeftovers(path);
    await removedOnSignal(path, () => (force ? writeFileAtomic(path, content) : writeNew(path, content)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyExists(path);
    throw asFileProblem(error, 'write', path);
  }
}

/** Written whole beside the target and synced, then given its name only if nobody has that name. */
async function writeNew(path: string, content: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', PRIVATE_FILE_MODE);
  try {
    try {
      await handle.chmod(PRIVATE_FILE_MODE);
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temporary, path).catch(async (error: NodeJS.ErrnoException) => {
      // A file system without hard links: the name is checked, then taken (a moment's race, never a cut-short file).
      if (error.code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(error.code ?? ''))
        throw error;
      if (await exists(path)) throw alreadyExists(path);
      await rename(temporary, path);
    });
  } finally {
    await rm(temporary, { force: true });
  }
  await syncFolder(dirname(path));
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

function alreadyExists(path: string): UserError {
  return new UserError(`${path} already exists; choose another --out or add --force to replace it.`);
}

/** `.<name>.<pid>.<random>.tmp`: the temporary files of writes to `path` (here and in atomic-write.ts). */
function temporaryName(path: string): RegExp {
  const name = basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${name}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
}

/** Temporary files left beside `path` by an earlier write that was killed (its process is gone). */
async function removeLeftovers(path: string): Promise<void> {
  const pattern = temporaryName(path);
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => {
        const pid = Number(pattern.exec(name)?.[1]);
        return pid && pid !== process.pid && !isRunning(pid);
      })
      .map((name) => rm(join(dirname(path), name), { force: true })),
  );
}

/**
 * Runs `write` so that Ctrl-C, a closed terminal or a kill request removes its temporary file before
 * mentee stops (by the same signal, so the shell sees why).
 */
async function removedOnSignal<T>(path: string, write: () => Promise<T>): Promise<T> {
  const pattern = temporaryName(path);
  const handlers = SIGNALS.map((signal) => {
    const handler = () => {
      stopWatching();
      try {
        for (const name of readdirSync(dirname(path))) {
          if (Number(pattern.exec(name)?.[1]) === process.pid) rmSync(join(dirname(path), name), { force: true });
        }
      } catch {
        // Nothing more can be done on the way out.
      }
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  const stopWatching = () => handlers.forEach(([signal, handler]) => process.off(signal, handler));
  try {
    return await write();
  } finally {
    stopWatching();
  }
}
