import { fullDiskTrial } from '../full-disk.mjs';

/** TORTURE_FULL_DISK=70: writing commands run, each at its own level of free space. Needs root (a tmpfs). */
export default {
  key: 'full-disk',
  name: 'full disk',
  guarantee: 'on a full disk, exit 0 means saved and any other exit means unchanged; nothing cut short or left over',
  options: (env) => ({ runs: Number(env.TORTURE_FULL_DISK ?? 70) }),
  size: ({ runs }) => `${runs} full-disk runs`,
  run: ({ runs, sample, log }) => fullDiskTrial({ runs, sample, log }),
  summary: (f) =>
    `${f.runs} full-disk runs: ${f.savedAndSaid + f.savedWithoutBackup} saved and said (${f.savedWithoutBackup} without their backup), ${f.refusedAndUnchanged} refused and unchanged, ${f.lies} lies`,
};
