import { noPlaintextTrial } from '../no-plaintext.mjs';

/** TORTURE_NO_PLAINTEXT=10: rounds, each a kill of decrypt, encrypt or a save, then an encrypt and a search. */
export default {
  key: 'no-plaintext',
  name: 'no plaintext',
  guarantee:
    'after encrypt says so, no file under the journal folder holds its words in plain; restore keeps it encrypted',
  options: (env) => ({ rounds: Number(env.TORTURE_NO_PLAINTEXT ?? 10) }),
  size: ({ rounds }) => `${rounds} no-plaintext rounds`,
  run: ({ dir, rounds, log }) => noPlaintextTrial({ dir, rounds, log }),
  summary: (f) =>
    `${f.kills} kills around encryption: ${f.encrypts} encrypts, ${f.plaintextAfterEncrypt} plaintext files after, ${f.restoredPlain} restores left it plain`,
};
