import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, runCli, samWithAda } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Quotes, commas and a line break inside one field: what a CSV writer must quote. */
const WHY = 'ARCP wants a career plan, "soon"';

let journal: string;
let dir: string;
let cleanup: () => Promise<void>;
const run = (args: string[]) => cli(args, { journal });

beforeAll(async () => {
  ({ journal, dir, cleanup } = await tempFolder());
  const setUp = (args: string[], now: string) => cli(args, { journal, now });
  await samWithAda(journal);
  await setUp(['mentor', 'add', 'Grace Hopper'], '2026-09-01T09:00:00Z');
  await setUp(
    [
      'goal',
      'add',
      'Choose a specialty',
      '--category',
      'career',
      '--target',
      '2027-03-01',
      '--why',
      WHY,
      '--success',
      'Applied to GP training, with a portfolio',
      '--mentor',
      'lovelace',
    ],
    '2026-09-01T09:00:00Z',
  );
  await setUp(
    ['goal', 'add', 'Finish the audit #research', '--category', 'research', '--mentor', 'hopper'],
    '2026-09-02T09:00:00Z',
  );
  await setUp(['goal', 'add', 'Learn Welsh', '--category', 'personal'], '2026-09-03T09:00:00Z');
  await setUp(
    ['action', 'add', 'Shadow two GP clinics', '--goal', 'g1', '--due', '2026-10-20'],
    '2026-09-04T09:00:00Z',
  );
  await setUp(['action', 'add', 'Read the GP curriculum', '--goal', 'g1'], '2026-09-04T09:00:00Z');
  await setUp(['action', 'add', 'Email the audit lead', '--goal', 'g2'], '2026-09-04T09:00:00Z');
  await setUp(['done', 'a1'], '2026-10-18T09:00:00Z');
  await setUp(['goal', 'update', 'g1', '--note', 'Shadowed one clinic, liked it'], '2026-10-18T09:00:00Z');
  await setUp(['goal', 'update', 'g1', '--note', 'Spoke to the training programme director'], '2026-11-02T09:00:00Z');
  await setUp(['goal', 'drop', 'g3', '--note', 'No time this year'], '2026-10-01T09:00:00Z');
  await setUp(['goal', 'done', 'g2', '--drop-actions'], '2026-11-05T09:00:00Z');
  // A line break inside a progress note, as an edit in $EDITOR can leave one.
  const data = JSON.parse(await readFile(journal, 'utf8'));
  data.goals[0].progress[0].note = 'Shadowed one clinic,\nliked it';
  await writeFile(journal, JSON.stringify(data, null, 2));
});
afterAll(() => cleanup());

describe('export --pdp: goals as a personal development plan', () => {
  it('as CSV: RFC 4180 with CRLF and a header row, one row per goal, read back whole by a CSV parser', async () => {
    const out = join(dir, 'pdp.csv');
    const result = await runCli(['export', '--pdp', '--out', out], { journal });
    expect(result.stderr).toBe(`Wrote the development plan (one row per goal) to ${out}.\n`);
    const text = await readFile(out, 'utf8');
    expect(text.startsWith('\ufeffObjective,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // Every record ends in CRLF; the only bare line feeds are inside quoted fields.
    expect(text.replace(/"(?:[^"]|"")*"/g, '').match(/(?<!\r)\n/g)).toBeNull();
    const rows: string[][] = parseCsv(text, { bom: true });
    expect(rows).toEqual([
      [
        'Objective',
        'Why (the need)',
        'How I will address it',
        'Target date',
        'How I will know',
        'Progress',
        'Achieved date',
      ],
      [
        'Choose a specialty',
        WHY,
        'Shadow two GP clinics (due Tue 20 Oct 2026, done Sun 18 Oct 2026)\nRead the GP curriculum (open)',
        '2027-03-01',
        'Applied to GP training, with a portfolio',
        'Sun 18 Oct 2026: Shadowed one clinic, liked it\nMon 2 Nov 2026: Spoke to the training programme director',
        '',
      ],
      ['Finish the audit', '', '', '', '', '', '2026-11-05'],
    ]);
  });

  it('leaves dropped goals and dropped actions out', async () => {
    const text = await run(['export', '--pdp', '--format', 'portfolio']);
    expect(text).not.toContain('Learn Welsh');
    expect(text).not.toContain('Email the audit lead');
  });

  it('as plain text for a portfolio form: a block per goal, each field labelled, no Markdown', async () => {
    const text = await run(['export', '--pdp', '--format', 'portfolio']);
    expect(text).toBe(
      [
        'Personal development plan: Sam Patel, FY2 doctor',
        'As of Wed 25 Nov 2026',
        '',
        'Objective 1: Choose a specialty',
        `Why (the need): ${WHY}`,
        'How I will address it:',
        '  Shadow two GP clinics (due Tue 20 Oct 2026, done Sun 18 Oct 2026)',
        '  Read the GP curriculum (open)',
        'Target date: Mon 1 Mar 2027',
        'How I will know: Applied to GP training, with a portfolio',
        'Progress:',
        '  Sun 18 Oct 2026: Shadowed one clinic, liked it',
        '  Mon 2 Nov 2026: Spoke to the training programme director',
        'Achieved: not yet (active)',
        '',
        'Objective 2: Finish the audit',
        'Why (the need): not given',
        'How I will address it: none yet',
        'Target date: none set',
        'How I will know: not given',
        'Progress: none yet',
        'Achieved: Thu 5 Nov 2026',
        '',
      ].join('\n'),
    );
    expect(text).not.toMatch(/[#*_`|]/);
  });

  it('as Markdown: a section per goal with the same fields', async () => {
    const text = await run(['export', '--pdp']);
    expect(text).toContain('# Sam Patel: Personal development plan\n\nFY2 doctor. As of Wed 25 Nov 2026.');
    expect(text).toContain(
      '## 1. Choose a specialty\n\n- **Why (the need):** ARCP wants a career plan, "soon"\n- **How I will address it:**\n  - Shadow two GP clinics (due Tue 20 Oct 2026, done Sun 18 Oct 2026)\n',
    );
    expect(text).toContain('- **Achieved:** Thu 5 Nov 2026');
  });

  it('as HTML: one section per goal with each field, on a page of its own', async () => {
    const html = await run(['export', '--pdp', '--format', 'html']);
    const sections = findAll(parse(html), (el) => el.tagName === 'section');
    expect(sections.map((section) => section.attrs.find((a) => a.name === 'id')?.value)).toEqual(['g1', 'g2']);
    const terms = findAll(sections[0]!, (el) => el.tagName === 'dt').map(textOf);
    expect(terms).toEqual([
      'Why (the need)',
      'How I will address it',
      'Target date',
      'How I will know',
      'Progress',
      'Achieved',
    ]);
    const items = findAll(sections[0]!, (el) => el.tagName === 'li').map(textOf);
    expect(items).toContain('Read the GP curriculum open');
  });

  it('narrows to the goals a mentor helps with (--mentor) and says so', async () => {
    const text = await run(['export', '--pdp', '--mentor', 'hopper', '--format', 'portfolio']);
    expect(text).toContain('As of Wed 25 Nov 2026, goals with Grace Hopper\n\nObjective 1: Finish the audit\n');
    expect(text).not.toContain('Choose a specialty');
  });

  it('is refused with another scope or a format it has no shape in, in one line', async () => {
    const before = await readFile(journal);
    expect(await runCli(['export', '--pdp', '--all'], { journal })).toMatchObject({
      code: 2,
      stderr: 'mentee: Give only one of --next, --meeting, a period (--since/--from, --to), --all and --pdp.\n',
    });
    expect(await runCli(['export', '--pdp', '--format', 'json'], { journal })).toMatchObject({
      code: 2,
      stderr: 'mentee: --pdp is written as md, html, portfolio or csv, not json.\n',
    });
    expect(
      await runCli(['export', '--since', '2026-09-01', '--out', join(dir, 'summary.csv')], { journal }),
    ).toMatchObject({
      code: 2,
      stderr: 'mentee: CSV is the format of the development plan: add --pdp, or choose another --format.\n',
    });
    expect(await readFile(journal)).toEqual(before);
  });
});

function findAll(node: Node, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const visit = (current: Node) => {
    if ('tagName' in current && test(current)) found.push(current);
    if ('childNodes' in current) current.childNodes.forEach(visit);
  };
  visit(node);
  return found;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('').replace(/\s+/g, ' ').trim() : '';
}

describe('export --pdp as CSV, cells of several lines', () => {
  it('quotes a cell of several lines even when it holds no comma, so each goal stays one row', async () => {
    const own = await tempFolder();
    try {
      await cli(['goal', 'add', 'Decide on a specialty'], { journal: own.journal });
      await cli(['goal', 'update', 'g1', '--note', 'Two taster days done'], { journal: own.journal });
      await cli(['goal', 'update', 'g1', '--note', 'GP ranked first'], { journal: own.journal });
      await cli(['goal', 'add', 'Finish the audit'], { journal: own.journal });
      const text = await cli(['export', '--pdp', '--format', 'csv'], { journal: own.journal });
      // Spreadsheets and Python's csv module end a record at a bare line feed outside quotes.
      expect(text.replace(/"(?:[^"]|"")*"/g, '').match(/(?<!\r)\n/g)).toBeNull();
      const rows: string[][] = parseCsv(text, { bom: true, record_delimiter: '\r\n' });
      expect(rows.map((row) => row[0])).toEqual(['Objective', 'Decide on a specialty', 'Finish the audit']);
      expect(rows[1]![5]!.split('\n')).toHaveLength(2);
    } finally {
      await own.cleanup();
    }
  });
});
