import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, runCli, samWithAda } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

const SECRET = 'PRIVATE-SENTINEL felt out of my depth';
const ANSWER = 'PRIVATE-ANSWER a GP who also teaches';

let journal: string;
let dir: string;
let cleanup: () => Promise<void>;
const run = (args: string[]) => cli(args, { journal });

beforeAll(async () => {
  ({ journal, dir, cleanup } = await tempFolder());
  const setUp = (args: string[], now: string) => cli(args, { journal, now });
  await samWithAda(journal);
  await setUp(
    [
      'prep',
      '--mentor',
      'lovelace',
      '--when',
      '2026-11-10 17:30',
      '--intention',
      'Leave with a plan',
      '--topic',
      'Specialty choice:15',
      '--topic',
      'Research project #research:10',
    ],
    '2026-11-01T09:00:00Z',
  );
  await setUp(
    [
      'log',
      'm1',
      '--covered',
      '1',
      '--parked',
      '2',
      '--advice',
      'Shadow two GP clinics #careers',
      '--advice',
      'Keep a #reflective diary of each clinic',
      '--feedback',
      'Your audit presentation was clear',
      '--challenged',
      'That GP is less academic',
      '--decision',
      'Apply for GP',
      '--action',
      'Book clinic shadowing:2026-11-20',
      '--action',
      'Read the GP curriculum',
      '--mentor-action',
      'Introduce me to Dr Hopper',
      '--private',
      SECRET,
    ],
    '2026-11-10T19:00:00Z',
  );
  await setUp(['done', 'a1'], '2026-11-18T09:00:00Z');
  await setUp(
    ['prep', '--mentor', 'lovelace', '--when', '2026-12-03 17:30', '--topic', 'Interview prep'],
    '2026-11-24T09:00:00Z',
  );
  // An outcome note and a reflection answer, written straight into the journal as the guided log and prep would.
  const data = JSON.parse(await readFile(journal, 'utf8'));
  data.meetings[0].prep.topics[0].outcomeNote = 'GP suits the life I want';
  data.meetings[0].prep.reflections = [{ prompt: 'What would your ideal future look like?', answer: ANSWER }];
  await writeFile(journal, JSON.stringify(data, null, 2));
});
afterAll(() => cleanup());

describe('export --meeting m1 --format portfolio: a reflective entry to paste into a portfolio', () => {
  it('has a block per field: what happened, so what, now what, suggested curriculum links', async () => {
    expect(await run(['export', '--meeting', 'm1', '--format', 'portfolio'])).toBe(
      [
        'Reflection on a mentoring meeting with Dr Ada Lovelace (GP partner)',
        'Tue 10 Nov 2026, 17:30, 30 minutes, in person',
        '',
        'What happened',
        'What I wanted from it: Leave with a plan',
        'Discussed: Specialty choice. GP suits the life I want',
        'Left for another meeting: Research project',
        '',
        'So what',
        'Advice: Shadow two GP clinics',
        'Advice: Keep a reflective diary of each clinic',
        'Feedback: Your audit presentation was clear',
        'An assumption challenged: That GP is less academic',
        '',
        'Now what',
        'I decided: Apply for GP',
        'I will: Book clinic shadowing, by Fri 20 Nov 2026 (done Wed 18 Nov 2026)',
        'I will: Read the GP curriculum',
        '',
        'Curriculum links (suggested)',
        'research, careers, reflective',
        '',
      ].join('\n'),
    );
  });

  it('has no Markdown syntax: no headings, emphasis, code, links, tables or list markers', async () => {
    const text = await run(['export', '--meeting', 'm1', '--format', 'portfolio', '--include-private']);
    expect(text).not.toMatch(/[#*_`|]/);
    expect(text).not.toMatch(/\[[^\]]*\]\([^)]*\)/);
    expect(text).not.toMatch(/^\s*([-+>]|\d+\.)\s/m);
    expect(text).not.toMatch(/^(=+|-+)$/m);
  });

  it('leaves private reflections and reflection answers out unless --include-private', async () => {
    const shared = await run(['export', '--meeting', 'm1', '--format', 'portfolio']);
    expect(shared).not.toContain('PRIVATE');
    const own = await run(['export', '--meeting', 'm1', '--format', 'portfolio', '--include-private']);
    expect(own).toContain(`So what\nAdvice: Shadow two GP clinics`);
    expect(own).toContain(`My reflection: ${SECRET}`);
    expect(own).toContain(`What would your ideal future look like? ${ANSWER}`);
  });

  it('is chosen by a .txt file name, written owner-only, and said so', async () => {
    const out = join(dir, 'm1-reflection.txt');
    const result = await runCli(['export', '--meeting', 'm1', '--out', out], { journal });
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe(`Wrote the reflective entry for m1 to ${out}.\n`);
    expect(await readFile(out, 'utf8')).toMatch(/^Reflection on a mentoring meeting/);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
  });

  it('is refused for a meeting not held yet, naming how to log it', async () => {
    const before = await readFile(journal);
    const result = await runCli(['export', '--meeting', 'm2', '--format', 'portfolio'], { journal });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'mentee: m2 has no record yet: a reflective entry is written from what happened. Log it first: mentee log m2\n',
    });
    expect(await readFile(journal)).toEqual(before);
  });

  it('is refused without --meeting or --pdp, in one line', async () => {
    for (const args of [
      ['--format', 'portfolio'],
      ['--since', '2026-09-01', '--format', 'portfolio'],
      ['--out', join(dir, 'x.txt')],
    ]) {
      const result = await runCli(['export', ...args], { journal });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        "mentee: The portfolio format is one meeting's reflective entry (--meeting m7) or the development plan (--pdp): add one of them.\n",
      );
    }
  });
});
