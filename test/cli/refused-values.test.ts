/** Values mentee cannot use are refused by name, before anything is saved. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refused } from '../helpers/refusals.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

describe('values that are refused', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await cli(['goal', 'add', 'Pass the exam'], { journal });
  });
  afterAll(() => cleanup());

  it.each([
    ['1e3', '--length: must be a whole number of minutes.'],
    ['0x10', '--length: must be a whole number of minutes.'],
    ['0', '--length: must be more than 0 minutes.'],
  ])('--length %s', async (length, message) => {
    await refused(['mentor', 'add', 'Prof Bob Blair', '--length', length], journal, 2, message);
    await refused(['prep', '--when', '2026-12-03 17:30', '--length', length], journal, 2, message);
  });

  it.each(['m1', 'G12', 'a3'])('--handle %s, which looks like a record id', async (handle) => {
    await refused(
      ['mentor', 'add', 'Prof Bob Blair', '--handle', handle],
      journal,
      2,
      `--handle: "${handle.toLowerCase()}" looks like a record id (m1, g1, a1); choose another.`,
    );
  });

  it('mentor edit with no change flags', async () => {
    await refused(['mentor', 'edit', 'lovelace'], journal, 2, 'Nothing to change: give --role');
  });

  it('goal done with a blank --note', async () => {
    await refused(['goal', 'done', 'g1', '--note', '   '], journal, 2, '--note: must not be empty.');
  });
});

describe('a huge topic range', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await cli(['prep', '--when', '2026-11-20 17:30', '--topic', 'Specialty choice', '--topic', 'Rota'], { journal });
  });
  afterAll(() => cleanup());

  it('log m1 --covered 1-99999999 is refused quickly with a one-line message', async () => {
    const started = Date.now();
    await refused(['log', 'm1', '--covered', '1-99999999'], journal, 2, '--covered: "1-99999999" goes past any agenda');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
