/** Dates as people write them, read against the fixed now (Wed 25 Nov 2026). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { refused } from '../helpers/refusals.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

describe('dates as people write them (now is Wed 25 Nov 2026)', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
  });
  afterAll(() => cleanup());

  it('"last monday" is Mon 23 Nov, in the past', async () => {
    const action = JSON.parse(await cli(['action', 'add', 'Call', '--due', 'last monday', '--json'], { journal }));
    expect(action.due).toBe('2026-11-23');
    const logged = await cli(['log', '--mentor', 'lovelace', '--when', 'last monday 17:00', '--advice', 'x'], {
      journal,
    });
    expect(logged).toContain('Mon 23 Nov 2026, 17:00');
    const meeting = (await readJournal(journal)).meetings.at(-1);
    expect(meeting).toMatchObject({ when: '2026-11-23T17:00:00.000Z', status: 'held' });
  });

  it('"friday" is the coming Friday, 27 Nov', async () => {
    const action = JSON.parse(await cli(['action', 'add', 'Send CV', '--due', 'friday', '--json'], { journal }));
    expect(action.due).toBe('2026-11-27');
    await cli(['prep', '--when', 'friday 17:30', '--topic', 'CV'], { journal });
    expect((await readJournal(journal)).meetings.at(-1)).toMatchObject({
      when: '2026-11-27T17:30:00.000Z',
      status: 'planned',
    });
  });

  it.each([
    ['action', 'add', 'Call', '--due', '03/12/2026'],
    ['prep', '--when', '12/03/2026 17:30'],
    ['goal', 'add', 'Exam', '--target', '3.12.2026'],
  ])('refuses a slash or dot date in one line naming the dateOrder setting: %s %s …', async (...args) => {
    const value = args.at(-1)!;
    await refused(args, journal, 2, `"${value}" is `);
    await refused(args, journal, 2, 'or set your order once: mentee config set dateOrder dmy (or mdy).');
  });
});
