import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

let journal: string;
let cleanup: () => Promise<void>;
const run = (args: string[]) => cli(args, { journal });

beforeAll(async () => {
  ({ journal, cleanup } = await tempFolder());
  const setUp = (args: string[], now: string) => cli(args, { journal, now });
  await setUp(['init', '--name', 'Sam Patel'], '2026-09-01T09:00:00Z');
  await setUp(['mentor', 'add', 'Dr Ada Lovelace'], '2026-09-01T09:00:00Z');
  await setUp(['goal', 'add', 'Publish the audit #Research', '--category', 'research'], '2026-09-01T09:00:00Z');
  await setUp(['goal', 'add', 'Choose a specialty', '--category', 'career'], '2026-09-01T09:00:00Z');
  await setUp(
    ['prep', '--mentor', 'lovelace', '--when', '2026-10-06 17:30', '--topic', 'Rota worries'],
    '2026-10-01T09:00:00Z',
  );
  await setUp(
    ['log', 'm1', '--covered', '1', '--advice', 'Talk to the rota lead', '--action', 'Email the rota lead:2026-10-20'],
    '2026-10-06T19:00:00Z',
  );
  await setUp(
    ['prep', '--mentor', 'lovelace', '--when', '2026-11-10 17:30', '--topic', 'Audit write-up'],
    '2026-11-01T09:00:00Z',
  );
  await setUp(
    [
      'log',
      'm2',
      '--covered',
      '1',
      '--advice',
      'Aim the audit at a #research poster',
      '--action',
      'Draft the poster abstract #research:2026-11-30',
      '--private',
      'Worried about #wellbeing',
    ],
    '2026-11-10T19:00:00Z',
  );
  await setUp(['done', 'a1'], '2026-10-19T09:00:00Z');
});
afterAll(() => cleanup());

describe('export --tag: only the records that have the tag', () => {
  it('a summary keeps the tagged meetings, actions and goals, its figures counted from them alone, and says so', async () => {
    const text = await run(['export', '--since', '2026-09-01', '--tag', 'research']);
    expect(text).toContain('Period: Tue 1 Sep 2026 to Wed 25 Nov 2026. Only what is tagged #research.');
    expect(text).toContain('Aim the audit at a #research poster');
    expect(text).toContain('Publish the audit #Research');
    expect(text).toContain('Draft the poster abstract');
    expect(text).not.toContain('rota');
    expect(text).not.toContain('Choose a specialty');
    // One meeting held, no action completed (the rota email was, but it is not tagged), one open.
    expect(text).toContain('| 1 | 0 | – | 1 | 1 | 0 |');
  });

  it('reads a tag as typed: #Research, research and RESEARCH are one', async () => {
    const plain = await run(['export', '--all', '--tag', 'research']);
    expect(await run(['export', '--all', '--tag', '#Research'])).toBe(plain);
    expect(await run(['export', '--all', '--tag', 'RESEARCH'])).toBe(plain);
  });

  it('with no scope named, is a summary of everything tagged (not the next meeting)', async () => {
    expect(await run(['export', '--tag', 'research'])).toContain('# Sam Patel: Mentoring summary');
  });

  it('finds a tag in a private reflection only with --include-private', async () => {
    const left = await runCli(['export', '--all', '--tag', 'wellbeing'], { journal });
    expect(left.code).toBe(0);
    expect(left.stderr).toBe(
      'No meeting, action or goal has #wellbeing (private notes were not read); the export is empty.\n',
    );
    expect(left.stdout).not.toContain('Audit write-up');
    const own = await run(['export', '--all', '--tag', 'wellbeing', '--include-private']);
    expect(own).toContain('Audit write-up');
    expect(own).toContain('Worried about #wellbeing');
  });

  it('narrows the development plan to the goals with the tag', async () => {
    const text = await run(['export', '--pdp', '--tag', 'research', '--format', 'portfolio']);
    expect(text).toContain('As of Wed 25 Nov 2026, tagged research\n\nObjective 1: Publish the audit\n');
    expect(text).not.toContain('Choose a specialty');
  });

  it('as JSON and iCalendar too: only the tagged records', async () => {
    const json = JSON.parse(await run(['export', '--all', '--tag', 'research', '--format', 'json']));
    expect(JSON.stringify(json)).not.toContain('rota');
    expect(JSON.stringify(json)).toContain('poster');
    const ics = await run(['export', '--tag', 'research', '--format', 'ics']);
    expect(ics).toContain('Draft the poster abstract');
    expect(ics).not.toContain('rota');
  });

  it('is refused with one meeting, or a tag that is not one word, in one line', async () => {
    const before = await readFile(journal);
    expect(await runCli(['export', '--meeting', 'm1', '--tag', 'research'], { journal })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mentee: --tag narrows a summary, the whole journal (--all) or the plan (--pdp); --meeting is one meeting.\n',
    });
    expect(await runCli(['export', '--all', '--tag', 'rota lead'], { journal })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'mentee: --tag: "rota lead" is not a tag: a tag is one word of letters, digits, - and _, starting with a letter, like research or #wellbeing.\n',
    });
    expect(await readFile(journal)).toEqual(before);
  });
});
