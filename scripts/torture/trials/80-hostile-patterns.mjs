import { hostilePatternsTrial } from '../hostile-patterns.mjs';

/** TORTURE_HOSTILE=40x22: length of the adversarial texts × random NHS numbers tried. */
export default {
  key: 'hostile-patterns',
  name: 'hostile patterns',
  guarantee: 'no pattern in identifiers.json hangs mentee, and no NHS number gets past the guard',
  options(env) {
    const [length, numbers] = (env.TORTURE_HOSTILE ?? '40x22').split(/[x×]/).map(Number);
    return { length, numbers, seed: Number(env.TORTURE_SEED ?? 12) };
  },
  size: ({ length, numbers }) => `${length}-char hostile texts, ${numbers} NHS numbers`,
  run: ({ dir, length, numbers, seed }) => hostilePatternsTrial({ dir, length, numbers, seed }),
  summary: (f) =>
    `${f.patterns} hostile patterns: ${f.runs} runs, slowest ${(f.slowestMs / 1000).toFixed(1)} s, ${f.missed} identifiers missed`,
};
