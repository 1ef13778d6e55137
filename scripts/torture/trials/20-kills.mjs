import { killsTrial } from '../kills.mjs';

/** TORTURE_KILLS=200. */
export default {
  key: 'kills',
  name: 'kills',
  guarantee: 'a killed writer leaves a whole journal with every acknowledged write',
  options: (env) => ({ kills: Number(env.TORTURE_KILLS ?? 200) }),
  size: ({ kills }) => `${kills} kills`,
  run: ({ dir, kills, log }) => killsTrial({ dir, kills, log }),
  summary: (f) =>
    `${f.kills} SIGKILLs: ${f.validJournals} valid journals, ${f.lostAcknowledged} acknowledged writes lost`,
};
