/**
 * No plaintext left behind, with the built binary and real SIGKILLs: decrypt, encrypt and saves killed
 * at random moments, then encrypt; no file under the journal's folder holds the journal's words in plain,
 * and restoring any backup (a plain one too) keeps the journal encrypted. `npm run torture` runs more rounds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { noPlaintextTrial } from '../../scripts/torture/no-plaintext.mjs';
import { tempFolder } from '../helpers/temp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'mentee.cjs')))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  ({ dir, cleanup } = await tempFolder());
});
afterAll(() => cleanup());

it('after decrypt, encrypt and saves are killed, encrypt leaves no plaintext copy, and restoring keeps it encrypted', async () => {
  const result = await noPlaintextTrial({ dir, rounds: 4, restores: 2 });
  expect(result.problems).toEqual([]);
  expect(result.figures.kills).toBeGreaterThan(0);
  expect(result.figures.plaintextAfterEncrypt).toBe(0);
  expect(result.figures.restoredPlain).toBe(0);
  expect(result.figures.restores).toBe(2);
}, 240_000);
