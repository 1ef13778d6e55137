import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { UserError } from '../errors.js';
import type { JournalPaths } from './paths.js';
import {
  checkEntry,
  entryAt,
  isOwnFile,
  openOwnFolder,
  PRIVATE_DIR_MODE,
  readOwnFile,
  writeNewFile,
} from './safe-files.js';
import { isRunning } from './processes.js';

/** How long a command waits for another mentee process to finish writing before it says so. */
const WAIT_MS = 8_000;
/** A lock whose holder stopped refreshing it this long ago is taken over (proper-lockfile's rule). */
const STALE_MS = 10_000;
/** A holder records its pid within milliseconds of taking the lock; a lock this old without one was abandoned. */
const UNCLAIMED_MS = 4_000;
/** A takeover takes milliseconds; one this old was abandoned. */
const TAKEOVER_STALE_MS = 5_000;

export interface LockOptions {
  /** Where "recovered a lock left by process N" is said: the store passes on its own notice callback. */
  notice: (text: string) => void;
  /** How long to wait for a live holder; a few seconds unless given. */
  waitMs?: number;
  /** How old a lock with no pid recorded must be to count as abandoned (for tests). */
  unclaimedMs?: number;
}

/**
 * Runs `work` while holding the journal's exclusive lock, a folder beside the journal holding the
 * holder's pid. Waits up to a few seconds for a live holder, then fails with "journal is busy (pid
 * N)"; a lock whose holder is no longer running is taken over at once, with a notice. Leftover
 * temporary files from a writer that crashed are removed once the lock is held.
 */
export async function withJournalLock<T>(
  paths: JournalPaths,
  work: (assertHeld: () => void) => Promise<T>,
  options: LockOptions,
): Promise<T> {
  let compromised: Error | undefined;
  // proper-lockfile follows links: a lock, pid file or takeover planted by someone else is refused first.
  for (const path of [paths.lock, paths.lockHolder, paths.lockTakeover])
    checkEntry(path, await entryAt(path), paths.owner);
  const release = await acquire(paths, options, (error) => {
    compromised = error;
  });
  let claimed = false;
  try {
    await claim(paths);
    claimed = true;
    await removeLeftoverTemporaryFiles(paths);
    // A takeover folder left by a waiter killed during its takeover: while this lock is held and its
    // holder alive, no takeover can act (each checks again, under its folder, that the holder is dead).
    await rm(paths.lockTakeover, { recursive: true, force: true });
    return await work(() => {
      if (compromised)
        throw new UserError(
          `Lost the lock on ${paths.journal} (${compromised.message}); nothing was written. Try again.`,
        );
    });
  } finally {
    // After the work, which may have saved: letting go of the lock never makes a save look failed.
    if (claimed) await rm(paths.lockHolder, { force: true }).catch(() => undefined);
    await release().catch(() => undefined);
  }
}

/**
 * Marks the lock as ours: a private folder, and our pid in a file made afresh (a previous holder's
 * record is removed first; anything planted there is refused, never written through). A lock that
 * vanished under us was taken away: nothing has been written yet.
 */
async function claim(paths: JournalPaths): Promise<void> {
  try {
    await (await openOwnFolder(paths.lock, paths.owner)).close();
    const previous = await entryAt(paths.lockHolder);
    checkEntry(paths.lockHolder, previous, paths.owner);
    if (previous) await rm(paths.lockHolder, { force: true });
    await writeNewFile(paths.lockHolder, String(process.pid), paths.owner);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new UserError(`Lost the lock on ${paths.lock} to another mentee command; nothing was written. Try again.`);
  }
}

async function acquire(
  paths: JournalPaths,
  options: LockOptions,
  onCompromised: (error: Error) => void,
): Promise<() => Promise<void>> {
  const giveUpAt = Date.now() + (options.waitMs ?? WAIT_MS);
  for (let attempt = 0; ; attempt++) {
    try {
      return await lockfile.lock(paths.journal, {
        realpath: false,
        lockfilePath: paths.lock,
        stale: STALE_MS,
        retries: 0,
        // The default handler throws from a timer and kills the process (after a laptop sleeps, say):
        // record it instead, and refuse to write.
        onCompromised,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    const holder = await lockHolder(paths);
    if (await isAbandoned(paths, holder, options.unclaimedMs)) {
      if (await takeOver(paths, holder, options.unclaimedMs))
        options.notice(
          `mentee: recovered the lock on ${paths.journal} left by ${holder ? `process ${holder}, which is no longer running` : 'a mentee that stopped before saying which it was'}.`,
        );
      continue;
    }
    if (Date.now() >= giveUpAt) {
      throw new UserError(
        `The journal is busy (pid ${holder ?? 'unknown'}): another mentee command is writing ${paths.journal}. Try again in a moment.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, 10 * 1.5 ** attempt) * (0.5 + Math.random())));
  }
}

/**
 * Removes a lock whose holder is no longer running. Several waiters may see the dead holder at once;
 * only the one that makes the takeover folder acts, and only after checking again, under it, that
 * the lock is still the dead one's (another waiter may already have taken it over and taken it).
 */
async function takeOver(paths: JournalPaths, deadHolder: number | undefined, unclaimedMs?: number): Promise<boolean> {
  const guard = paths.lockTakeover;
  try {
    await mkdir(guard, { mode: PRIVATE_DIR_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A takeover folder this old was left by a waiter killed during its takeover.
    const made = await entryAt(guard);
    checkEntry(guard, made, paths.owner);
    if (made && Date.now() - made.mtimeMs > TAKEOVER_STALE_MS) await rm(guard, { recursive: true, force: true });
    return false;
  }
  // Made by root for another user, it is theirs to remove if this process is killed.
  await (await openOwnFolder(guard, paths.owner)).close();
  try {
    const holder = await lockHolder(paths);
    if (holder !== deadHolder || !(await isAbandoned(paths, holder, unclaimedMs))) return false;
    await rm(paths.lock, { recursive: true, force: true });
    await rm(paths.lockHolder, { force: true });
    return true;
  } finally {
    await rm(guard, { recursive: true, force: true });
  }
}

/**
 * Whether a lock's holder is gone: its recorded process is no longer running, or, with no record, the
 * lock is older than any holder takes to write one (a writer killed between the two steps).
 */
async function isAbandoned(
  paths: JournalPaths,
  holder: number | undefined,
  unclaimedMs = UNCLAIMED_MS,
): Promise<boolean> {
  if (holder !== undefined) return !isRunning(holder);
  const made = await entryAt(paths.lock);
  return made !== undefined && Date.now() - made.ctimeMs > unclaimedMs;
}

/**
 * The pid recorded by the lock's holder. A record older than the folder's last change (its ctime:
 * proper-lockfile sets the mtime into the future) belongs to an earlier holder, the new one not
 * having written its own yet, so it names nobody.
 */
async function lockHolder(paths: JournalPaths): Promise<number | undefined> {
  const [record, folder] = await Promise.all([entryAt(paths.lockHolder), entryAt(paths.lock)]);
  if (!record || !folder || record.mtimeMs < folder.ctimeMs) return undefined;
  checkEntry(paths.lockHolder, record, paths.owner);
  const pid = Number(String(await readOwnFile(paths.lockHolder, paths.owner).catch(() => '')).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * A writer killed mid-save leaves `.<journal>.<pid>.<random>.tmp` beside the journal (see
 * atomic-write.ts). Under the lock, the ones whose writer is no longer running are removed.
 */
async function removeLeftoverTemporaryFiles(paths: JournalPaths): Promise<void> {
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(paths.journal))}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
  const names = await readdir(paths.folder).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const pid = Number(pattern.exec(name)?.[1]);
      if (!pid || pid === process.pid || isRunning(pid)) return;
      const file = join(paths.folder, name);
      if (isOwnFile(await entryAt(file).catch(() => undefined), paths.owner)) await rm(file, { force: true });
    }),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
