import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, runMentee } from '../helpers/cli.js';
import { tempFolder as tempJournal } from '../helpers/temp.js';

/**
 * Random command lines against the built binary, from the grammar `npm run torture` uses (5,000 there,
 * 60 here). The seed is fixed so a failure can be replayed; FUZZ_SEED=… tries others.
 */
const COUNT = 60;
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const torture = (file: string) => new URL(`../../scripts/torture/${file}`, import.meta.url).href;

interface FuzzResult {
  problems: string[];
  figures: Record<'count' | 'crash' | 'hang' | 'failedButChanged' | 'invalid' | 'ok' | 'refused', number>;
}
type FuzzTrial = (options: {
  dir: string;
  sample: Buffer;
  count: number;
  jobs: number;
  seed: number;
}) => Promise<FuzzResult>;

let dir: string;
let journal: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (!existsSync(new URL('../../dist/mentee.cjs', import.meta.url))) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  ({ dir, journal, cleanup } = await tempJournal());
}, 60_000);
afterAll(() => cleanup?.());

describe(`${COUNT} random command lines (seed ${SEED})`, () => {
  it('never crash or hang, leave the journal unchanged when they fail, and valid when they succeed', async () => {
    const { makeSampleJournal } = (await import(torture('sample.mjs'))) as {
      makeSampleJournal: (dir: string) => Promise<Buffer>;
    };
    const { fuzzTrial } = (await import(torture('fuzz.mjs'))) as { fuzzTrial: FuzzTrial };
    const sample = await makeSampleJournal(`${dir}/sample`);
    const { problems, figures } = await fuzzTrial({ dir: `${dir}/fuzz`, sample, count: COUNT, jobs: 2, seed: SEED });
    expect(problems).toEqual([]);
    expect(figures.ok + figures.refused).toBe(COUNT);
  }, 60_000);
});

/** Found by the fuzzer: each must be refused with one line (exit 2), not crash on save (exit 70). */
describe('hostile values the parser once let through to the save', () => {
  beforeAll(async () => {
    await ok(['mentor', 'add', 'Dr Ada Lovelace'], { journal });
  });

  it.each([
    [['mentor', 'add', 'Dr Proto', '--cadence', '__proto__']],
    [['mentor', 'add', 'Dr Ctor', '--cadence', 'constructor']],
    [['mentor', 'edit', 'lovelace', '--cadence', '__proto__']],
    [['action', 'add', 'Far away', '--due', 'in 10000 years']],
    [['goal', 'add', 'Far away', '--target', 'in 7974 years']],
    [['mentor', 'add', 'Dr Ancient', '--since', '2100 years ago']],
    [['prep', '--mentor', 'lovelace', '--when', '2100 years ago']],
  ])('mentee %j', async (args) => {
    const result = await runMentee(args, { journal });
    expect(result.stderr).not.toMatch(/unexpected error|^\s+at /m);
    expect(result.code).toBe(2);
  });

  it('a due date 2,000 or 5,000 years ago is refused, not saved as another year', async () => {
    for (const when of ['2000 years ago', '5000 years ago']) {
      const result = await runMentee(['action', 'add', `Long ago ${when}`, '--due', when], { journal });
      expect(result.code, result.stdout).toBe(2);
    }
  });
});

describe('--json on a read command', () => {
  it('templates show NAME --json prints the template as JSON', async () => {
    const shown = await ok(['templates', 'show', 'check-in', '--json'], { journal });
    expect(() => JSON.parse(shown)).not.toThrow();
    expect(JSON.parse(shown)).toMatchObject({ name: 'check-in' });
  });
});
