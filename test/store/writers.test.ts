import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/store/journal-validation.js';
import { runMentee, type RunResult } from '../helpers/cli.js';
import { tempFolder } from './fixtures.js';

// `npm run torture` runs the same trial at 8 × 50.
const PROCESSES = 4;
const WRITES = 5;
const TOTAL = PROCESSES * WRITES;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let dir: string;
let journal: string;
let cleanup: () => Promise<void>;
/** Per process, in order: the title it added and how the run ended. */
let runs: { title: string; result: RunResult }[][];

beforeAll(async () => {
  if (!existsSync(new URL('../../dist/mentee.cjs', import.meta.url))) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  ({ dir, journal, cleanup } = await tempFolder());
  // Every process starts at once; each adds its actions one after another, as a script would.
  runs = await Promise.all(
    Array.from({ length: PROCESSES }, async (_, p) => {
      const mine: { title: string; result: RunResult }[] = [];
      for (let i = 1; i <= WRITES; i++) {
        const title = `w${p + 1}-${i}`;
        mine.push({ title, result: await runMentee(['action', 'add', title], { journal }) });
      }
      return mine;
    }),
  );
}, 120_000);
afterAll(() => cleanup?.());

describe(`${PROCESSES} processes each adding ${WRITES} actions, all at once`, () => {
  it('every write reports success', () => {
    const failed = runs.flat().filter(({ result }) => result.code !== 0);
    expect(failed.map(({ title, result }) => `${title}: ${result.stderr.trim()}`)).toEqual([]);
  });

  it(`leave a valid journal with exactly ${TOTAL} actions: ids a1..a${TOTAL} once each, every title once`, async () => {
    const { journal: saved } = parseJournal(await readFile(journal, 'utf8'), journal);
    expect(saved.actions).toHaveLength(TOTAL);
    expect(saved.actions.map((action) => action.id).sort()).toEqual(
      Array.from({ length: TOTAL }, (_, index) => `a${index + 1}`).sort(),
    );
    expect(saved.actions.map((action) => action.title).sort()).toEqual(
      runs
        .flat()
        .map(({ title }) => title)
        .sort(),
    );
  });

  it("keep each process's own writes in the order it made them", async () => {
    const { journal: saved } = parseJournal(await readFile(journal, 'utf8'), journal);
    const idNumber = new Map(saved.actions.map((action) => [action.title, Number(action.id.slice(1))]));
    for (const mine of runs) {
      const numbers = mine.map(({ title }) => idNumber.get(title)!);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
  });

  it('report, in each process, the id its action was saved under', async () => {
    const { journal: saved } = parseJournal(await readFile(journal, 'utf8'), journal);
    const titleById = new Map(saved.actions.map((action) => [action.id, action.title]));
    for (const { title, result } of runs.flat()) {
      expect(titleById.get(/\ba\d+\b/.exec(result.stdout)?.[0] ?? '')).toBe(title);
    }
  });

  it('leave no lock or temporary file behind', async () => {
    expect((await readdir(dir)).sort()).toEqual(['journal.json', 'journal.json.backups']);
  });
});
