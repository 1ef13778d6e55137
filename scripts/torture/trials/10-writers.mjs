import { writersTrial } from '../writers.mjs';

/** TORTURE_WRITERS=8x50: processes × writes each. */
export default {
  key: 'writers',
  name: 'writers',
  guarantee: 'concurrent writers lose nothing',
  options(env) {
    const [processes, writes] = (env.TORTURE_WRITERS ?? '8x50').split(/[x×]/).map(Number);
    return { processes, writes };
  },
  size: ({ processes, writes }) => `${processes}×${writes} writers`,
  run: ({ dir, processes, writes }) => writersTrial({ dir, processes, writes }),
  summary: (f) =>
    `${f.processes}×${f.writes} concurrent writes: ${f.kept}/${f.expected} kept, ${f.lost} acknowledged lost`,
};
