/**
 * `mentee review` of a rotation with two mentors: Dr Ada Lovelace every 4 weeks and Prof Bob Blair
 * every 6, goals with progress inside and outside the period, actions done on time, late and left
 * open, tagged and untagged advice, a cancelled meeting and a private reflection.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewJsonSchema } from '../../src/ui/json-shapes.js';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolder, type TempFolder } from '../helpers/temp.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

let folder: TempFolder;
const at = (now: string, ...args: string[]) => cli(args, { journal: folder.journal, now: `${now}T09:00:00.000Z` });
const review = (...args: string[]) => cli(['review', ...args], { journal: folder.journal });
const ROTATION = ['--from', '2026-08-01', '--to', '2026-11-30'];

beforeAll(async () => {
  folder = await tempFolder();
  await at('2026-06-01', 'init', '--name', 'Sam Patel', '--stage', 'FY2 doctor', '-y');
  await at('2026-06-01', 'mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w', '--since', '2026-06-01');
  await at('2026-06-01', 'mentor', 'add', 'Prof Bob Blair', '--cadence', '6w', '--since', '2026-06-01');
  await at(
    '2026-06-01',
    'goal',
    'add',
    'Choose a specialty',
    '--category',
    'career',
    '--target',
    '2027-03-01',
    '--mentor',
    'lovelace',
  );
  await at('2026-06-01', 'goal', 'add', 'Publish an audit', '--category', 'research', '--mentor', 'blair');
  // Achieved before the period: not part of it.
  await at('2026-06-01', 'goal', 'add', 'Pass the driving test', '--category', 'personal');
  await at('2026-07-01', 'goal', 'update', 'g3', '--status', 'achieved');
  await at('2026-07-01', 'goal', 'update', 'g1', '--note', 'Read about GP training before the rotation');
  await at('2026-08-01', 'action', 'add', 'Shadow a GP clinic', '--goal', 'g1', '--due', '2026-09-01');
  await at('2026-08-01', 'action', 'add', 'Write the audit draft', '--goal', 'g2', '--due', '2026-09-15');
  await at('2026-08-01', 'action', 'add', 'Book the MRCP exam', '--due', '2026-10-01');
  await at('2026-08-01', 'action', 'add', 'Ask for an audit supervisor', '--goal', 'g2', '--due', '2026-11-01');
  await at('2026-08-20', 'action', 'done', 'a1');
  await at(
    '2026-09-02',
    'prep',
    '--mentor',
    'lovelace',
    '--when',
    '2026-09-03 17:30',
    '--goal',
    'g1',
    '--topic',
    'Specialty choice:15',
    '-y',
  );
  await at(
    '2026-09-04',
    'log',
    'm1',
    '--covered',
    '1',
    '--advice',
    'Talk to three GPs #career',
    '--decision',
    'Apply for GP training #career #arcp',
    '--private',
    'Felt anxious about the interview',
    '-y',
  );
  await at(
    '2026-09-11',
    'log',
    '--mentor',
    'blair',
    '--when',
    '2026-09-10 17:30',
    '--topic',
    'Audit topic',
    '--covered',
    '1',
    '--advice',
    'Pick a small audit #research',
    '--advice',
    'Protect your sleep',
    '-y',
  );
  await at('2026-09-20', 'goal', 'update', 'g1', '--note', 'Shadowed two GP clinics');
  await at('2026-10-01', 'action', 'done', 'a2');
  await at('2026-10-10', 'prep', '--mentor', 'blair', '--when', '2026-10-20 17:30', '--topic', 'Audit results', '-y');
  await at('2026-10-15', 'meeting', 'cancel', 'm3', '--note', 'Bob on leave');
  // Done after the period: at its end it was still open.
  await at('2026-12-05', 'action', 'done', 'a4');
});
afterAll(() => folder.cleanup());

describe('a review in Markdown (the default on stdout)', () => {
  it('shows each goal with its progress in the period, the meetings and advice that touched it, and its actions', async () => {
    const text = await review(...ROTATION);
    const g1 = section(text, '### Choose a specialty (g1)');
    expect(g1).toContain('- Sun 20 Sep 2026: Shadowed two GP clinics');
    expect(g1).not.toContain('Read about GP training');
    expect(g1).toContain('- **Thu 3 Sep 2026, 17:30** with Dr Ada Lovelace (m1)');
    expect(g1).toContain('  - Advice: Talk to three GPs #career');
    expect(g1).toMatch(
      /- Done on time:\n {2}- \[x\] Shadow a GP clinic \(due Tue 1 Sep 2026\) — done on Thu 20 Aug 2026/,
    );
    const g2 = section(text, '### Publish an audit (g2)');
    expect(g2).toContain('No progress notes in the period.');
    expect(g2).toMatch(/- Done late:\n {2}- \[x\] Write the audit draft .* 2 weeks late/);
    expect(g2).toMatch(
      /- Open at the end of the period:\n {2}- \[ \] Ask for an audit supervisor \(due Sun 1 Nov 2026\) — done after the period on Sat 5 Dec 2026/,
    );
  });

  it("counts meetings held against each mentor's cadence, with the cancelled ones", async () => {
    const text = await review(...ROTATION);
    expect(text).toContain('- **Dr Ada Lovelace**: 1 held of about 4 expected (every 4 weeks), 0 cancelled');
    expect(text).toContain('- **Prof Bob Blair**: 1 held of about 3 expected (every 6 weeks), 1 cancelled');
  });

  it('groups advice and decisions by tag, one with two tags under both, the untagged last', async () => {
    const themes = section(await review(...ROTATION), '## Advice, feedback and decisions by tag');
    const headings = [...themes.matchAll(/^### (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(['#career', '#arcp', '#research', 'Untagged']);
    expect(section(themes, '### #arcp')).toContain(
      '- Decision (Thu 3 Sep 2026, Dr Ada Lovelace): Apply for GP training #career #arcp',
    );
    expect(section(themes, '### Untagged')).toContain('- Advice (Thu 10 Sep 2026, Prof Bob Blair): Protect your sleep');
  });

  it('gives the figures of the period', async () => {
    const figures = section(await review(...ROTATION), '## Figures');
    expect(figures).toContain("- Meetings: 2 held (about 7 expected from your mentors' cadences), 1 cancelled");
    expect(figures).toContain(
      '- Actions: 2 completed (1 on time, 1 late: 50% on time), 2 open at the end of the period (2 overdue), 0 dropped',
    );
    expect(figures).toContain('- Advice: 3; decisions: 1');
  });

  it('ends with the prompts of the portfolio-reflection template to answer', async () => {
    const reflection = section(await review(...ROTATION), '## Reflection');
    expect([...reflection.matchAll(/^### (.+)$/gm)].map((match) => match[1])).toEqual([
      'What happened?',
      'So what? Why does it matter, and what did you learn?',
      'Now what? What will you do next time?',
    ]);
  });

  it('with --mentor, is about that mentor alone', async () => {
    const text = await review(...ROTATION, '--mentor', 'lovelace');
    expect(text.split('\n')[0]).toBe('# Sam Patel: Mentoring review with Dr Ada Lovelace');
    expect(text).toContain('Choose a specialty');
    expect(text).not.toContain('Prof Bob Blair');
    expect(text).not.toContain('Pick a small audit');
  });

  it('leaves private reflections out unless --include-private', async () => {
    expect(await review(...ROTATION)).not.toContain('Felt anxious');
    expect(await review(...ROTATION, '--format', 'html')).not.toContain('Felt anxious');
    expect(await review(...ROTATION, '--json')).not.toContain('Felt anxious');
    const shown = await review(...ROTATION, '--include-private');
    expect(section(shown, '## Private reflections')).toContain('  - Felt anxious about the interview');
  });
});

describe('a review in HTML', () => {
  it('is one valid page with the timeline picture and every section', async () => {
    const html = await review(...ROTATION, '--format', 'html');
    const errors: string[] = [];
    const document = parse(html, { onParseError: (error) => errors.push(error.code) });
    expect(errors).toEqual([]);
    expect(elements(document, 'script')).toEqual([]);
    const figure = elements(document, 'figure').find((element) => attribute(element, 'class') === 'timeline')!;
    const svg = elements(figure, 'svg');
    expect(svg).toHaveLength(1);
    // Two meetings held, in September; the goal's target date marked.
    expect(textOf(svg[0]!)).toContain('Sep 2026');
    expect(textOf(svg[0]!)).toContain('Choose a specialty');
    expect(elements(document, 'h2').map(textOf)).toEqual([
      'Goals',
      'Mentors',
      'Advice, feedback and decisions by tag',
      'Other actions',
      'Reflection',
    ]);
    const rows = elements(document, 'tr').map((row) => elements(row, 'td').map(textOf));
    expect(rows).toContainEqual(['Prof Bob Blair', 'every 6 weeks', '3', '1', '1']);
  });
});

describe('a review as JSON', () => {
  it('has the declared shape, actions by where they stood and themes by tag', async () => {
    const data = ReviewJsonSchema.parse(JSON.parse(await review(...ROTATION, '--format', 'json')));
    expect(data.kind).toBe('review');
    const ids = (list: { id: string }[]) => list.map((item) => item.id);
    expect(ids(data.actions.onTime)).toEqual(['a1']);
    expect(ids(data.actions.late)).toEqual(['a2']);
    expect(ids(data.actions.open)).toEqual(['a3', 'a4']);
    expect(data.goals.map((goal) => goal.goal.id)).toEqual(['g1', 'g2']);
    expect(
      data.mentors.map(({ handle, expected, held, cancelled }) => ({ handle, expected, held, cancelled })),
    ).toEqual([
      { handle: 'lovelace', expected: 4, held: ['m1'], cancelled: [] },
      { handle: 'blair', expected: 3, held: ['m2'], cancelled: ['m3'] },
    ]);
    expect(data.themes.map((theme) => theme.tag)).toEqual(['career', 'arcp', 'research', null]);
    expect(data.reflectionPrompts).toHaveLength(3);
    expect(data.privateReflections).toBeNull();
  });

  it('--json is --format json', async () => {
    expect(await review(...ROTATION, '--json')).toBe(await review(...ROTATION, '--format', 'json'));
  });
});

describe('writing a review to a file', () => {
  it('takes the format from --out, writes it owner-only and says so', async () => {
    const out = join(folder.dir, 'rotation.html');
    const result = await runCli(['review', ...ROTATION, '--out', out], { journal: folder.journal });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: `Wrote the review to ${out}.\n` });
    expect(await readFile(out, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const again = await runCli(['review', ...ROTATION, '--out', out], { journal: folder.journal });
    expect(again.stderr).toBe(`mentee: ${out} already exists; choose another --out or add --force to replace it.\n`);
  });
});

describe('refused in one line, the journal untouched', () => {
  it.each([
    [[], 'mentee: review needs --from, the first day of the period, e.g. --from 2026-08-01 or --from "last month".'],
    [['--from', '2026-10-01', '--to', '2026-09-01'], 'mentee: --from is after --to; the period would be empty.'],
    [['--from', 'next month'], 'mentee: --from is in the future; the period would be empty.'],
    [['--from', '2026-08-01', '--json', '--format', 'md'], 'mentee: --json and --format md disagree; give one.'],
    [['--from', '2026-08-01', '--format', 'pdf'], 'mentee: --format: must be one of md, html, json.'],
    [
      ['--from', '2026-08-01', '--out', 'review.ics'],
      'mentee: --out: cannot tell the format from ".ics"; add --format md, html or json.',
    ],
  ])('review %j', async (args, message) => {
    const before = await readFile(folder.journal, 'utf8');
    const result = await runCli(['review', ...args], { journal: folder.journal });
    expect(result).toMatchObject({ stdout: '', stderr: `${message}\n` });
    expect(result.code).not.toBe(0);
    expect(await readFile(folder.journal, 'utf8')).toBe(before);
  });
});

/** The text under `heading`, up to the next heading of the same or a higher level. */
function section(text: string, heading: string): string {
  const level = /^#+/.exec(heading)![0].length;
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`no "${heading}" in:\n${text}`);
  const rest = text.slice(start + heading.length + 1);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end < 0 ? rest : rest.slice(0, end);
}

function elements(node: Node, tag: string): Element[] {
  const found: Element[] = [];
  const visit = (current: Node) => {
    if ('tagName' in current && current.tagName === tag) found.push(current);
    const children =
      'content' in current && current.content
        ? current.content.childNodes
        : 'childNodes' in current
          ? current.childNodes
          : [];
    for (const child of children) visit(child);
  };
  visit(node);
  return found;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}
