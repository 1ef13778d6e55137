/** A meeting that was cancelled never discussed its topics: the next prep with --carry-parked brings them back. */
import { describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

describe('prep --carry-parked after a cancelled meeting', () => {
  it('brings in the topics parked last time and those of the meeting cancelled since, once each', async () => {
    const { journal, cleanup } = await withLovelace();
    const run = (args: string[]) => cli(args, { journal });
    await run(['prep', '--when', '2026-11-12 17:30', '--topic', 'Specialty choice:15', '--topic', 'Research plan:10']);
    await run(['log', 'm1', '--covered', '1', '--parked', '2']);
    await run(['prep', '--when', '2026-11-26 17:30', '--carry-parked', '--topic', 'Portfolio:10']);
    await run(['meeting', 'cancel', 'm2', '--note', 'Ada is on call']);
    const agenda = await run(['prep', '--when', '2026-12-03 17:30', '--carry-parked', '--topic', 'Rota:5']);
    expect(agenda).toMatch(/1\. +Research plan +10 min/);
    expect(agenda).toMatch(/2\. +Portfolio +10 min/);
    expect(agenda).toMatch(/3\. +Rota +5 min/);
    const m3 = (await readJournal(journal)).meetings[2];
    expect(m3.prep.topics.map((topic: { title: string }) => topic.title)).toEqual([
      'Research plan',
      'Portfolio',
      'Rota',
    ]);
    await cleanup();
  });

  it('the flag says so in the help', async () => {
    const help = (await cli(['prep', '--help'])).replace(/\s+/g, ' ');
    expect(help).toContain('--carry-parked bring in the topics parked last time or left by a cancelled meeting');
  });
});
