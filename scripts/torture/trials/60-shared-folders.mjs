import { sharedFoldersTrial } from '../shared-folders.mjs';

/**
 * TORTURE_SHARED_PARALLEL=4: attacks run at once; TORTURE_SHARED_FULL=1: every name × kind × mode with
 * every command (about three times as long). Needs root (a real second user); skipped otherwise.
 */
export default {
  key: 'shared-folders',
  name: 'shared folders',
  guarantee:
    "another user's links and files beside the journal are never written through or restored; sudo keeps the user's files theirs",
  options: (env) => ({ parallel: Number(env.TORTURE_SHARED_PARALLEL ?? 4), full: env.TORTURE_SHARED_FULL === '1' }),
  size: ({ full }) => `shared-folder attacks${full ? ' (full)' : ''}`,
  run: ({ parallel, full }) => sharedFoldersTrial({ parallel, full }),
  summary: (f) =>
    `${f.attacks} shared-folder attacks: ${f.refused + f.ignored}/${f.attacks} refused cleanly (${f.refused} in one line, ${f.ignored} ignored safely), ` +
    `${f.targetsWritten} targets written, ${f.plantedRestored} planted restored; sudo: ${f.notTheirs} files not the user's`,
};
