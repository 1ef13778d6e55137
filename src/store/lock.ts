import lockfile from 'proper-lockfile';
import { UserError } from '../errors.js';
import { lockPathFor } from './paths.js';

/**
 * Runs `work` while holding the journal's exclusive lock. Waits (with jittered back-off) for another
 * mentee process to finish, for up to about ten seconds, then gives up with a clear message.
 */
export async function withJournalLock<T>(
  journalPath: string,
  work: (assertHeld: () => void) => Promise<T>,
): Promise<T> {
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(journalPath, {
      realpath: false,
      lockfilePath: lockPathFor(journalPath),
      stale: 10_000,
      retries: { retries: 120, factor: 1.3, minTimeout: 5, maxTimeout: 100, randomize: true },
      // The default handler throws from a timer and kills the process; record it and refuse to write.
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new UserError(
        `The journal is busy: another mentee command is writing ${journalPath}. Try again in a moment.`,
      );
    }
    throw error;
  }
  try {
    return await work(() => {
      if (compromised)
        throw new UserError(
          `Lost the lock on ${journalPath} (${compromised.message}); nothing was written. Try again.`,
        );
    });
  } finally {
    await release().catch(() => undefined);
  }
}
