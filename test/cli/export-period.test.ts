/** export --since/--from/--to take a period as people name it: "last month" is the whole of last month. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, runCli, withLovelace } from '../helpers/run-cli.js';

let journal: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ journal, cleanup } = await withLovelace());
  for (const day of ['2026-09-15', '2026-10-20', '2026-11-10'])
    await cli(['log', '--mentor', 'lovelace', '--when', `${day} 17:30`, '--topic', 'Exams', '--covered', '1', '-y'], {
      journal,
    });
});
afterAll(() => cleanup());

const meetingsIn = async (...args: string[]) =>
  JSON.parse(await cli(['export', ...args, '--format', 'json'], { journal })).meetings.map(
    (meeting: { id: string }) => meeting.id,
  );

describe('export for a period named in words', () => {
  it('--since "last month" starts on the 1st of last month', async () => {
    expect(await meetingsIn('--since', 'last month')).toEqual(['m2', 'm3']);
    const text = await cli(['export', '--since', 'last month'], { journal });
    expect(text).toContain('Period: Thu 1 Oct 2026 to Wed 25 Nov 2026.');
  });

  it('--since "this year" starts on 1 January; --from is read the same way', async () => {
    expect(await meetingsIn('--since', 'this year')).toEqual(['m1', 'm2', 'm3']);
    expect(await meetingsIn('--from', 'this month')).toEqual(['m3']);
  });

  it('--to "last month" ends with its last day, so last month alone is one flag pair', async () => {
    expect(await meetingsIn('--since', 'last month', '--to', 'last month')).toEqual(['m2']);
    const text = await cli(['export', '--since', 'last month', '--to', 'last month'], { journal });
    expect(text).toContain('Period: Thu 1 Oct 2026 to Sat 31 Oct 2026.');
  });

  it.each([
    [['--since', 'next month'], 'mentee: --since is in the future; the period would be empty.'],
    [
      ['--since', 'last week'],
      'mentee: --since: "last week" starts on Sun 15 Nov 2026 for some and Mon 16 Nov 2026 for others; give the day, e.g. 2026-11-16, or set the first day of your week once: mentee config set weekStart monday (or sunday).',
    ],
    [['--from', 'march'], 'mentee: --from: "march" has no year; say which, e.g. "march 2026".'],
  ])('export %j is refused in one line, the journal untouched', async (args, message) => {
    const before = await readFile(journal, 'utf8');
    const result = await runCli(['export', ...args], { journal });
    expect(result).toMatchObject({ stdout: '', stderr: `${message}\n` });
    expect(result.code).not.toBe(0);
    expect(await readFile(journal, 'utf8')).toBe(before);
  });

  it('a due date is still a day: --due "next month" is refused', async () => {
    const result = await runCli(['action', 'add', 'Book the exam', '--due', 'next month'], { journal });
    expect(result.stderr).toMatch(/^mentee: --due: "next month" is not a day; say which day/);
    expect(result.code).not.toBe(0);
  });
});
