import { availableParallelism } from 'node:os';
import { fuzzTrial } from '../fuzz.mjs';

/** TORTURE_FUZZ=5000, TORTURE_SEED (replay), TORTURE_JOBS (default: cores + 1). */
export default {
  key: 'fuzz',
  name: 'hostile inputs',
  guarantee: 'hostile input never crashes, hangs, or changes the journal on error',
  options: (env) => ({
    count: Number(env.TORTURE_FUZZ ?? 5000),
    // One more than the cores: each run spends part of its time waiting on the disk.
    jobs: Number(env.TORTURE_JOBS ?? availableParallelism() + 1),
    seed: Number(env.TORTURE_SEED ?? Math.floor(Math.random() * 2 ** 31)),
  }),
  size: ({ count, seed, jobs }) => `${count} hostile inputs (seed ${seed}, ${jobs} at a time)`,
  run: ({ dir, sample, count, jobs, seed, log }) => fuzzTrial({ dir, sample, count, jobs, seed, log }),
  summary: (f) =>
    `${f.count} hostile inputs: ${f.crash} crashes, ${f.hang} hangs, ${f.failedButChanged + f.invalid} changes`,
  replay: ({ count, seed }) => `TORTURE_ONLY=fuzz TORTURE_FUZZ=${count} TORTURE_SEED=${seed} npm run torture`,
};
