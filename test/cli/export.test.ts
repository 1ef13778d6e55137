import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportJsonSchema } from '../../src/ui/json-shapes.js';
import { cli, runCli, samWithAda } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SECRET = 'PRIVATE-SENTINEL felt out of my depth';
const ANSWER = 'PRIVATE-ANSWER my ideal future';
const HOSTILE = '<script>alert(1)</script> | *bold* [link](x)';

let journal: string;
let dir: string;
let cleanup: () => Promise<void>;
/** Every command runs on 25 Nov 2026, after the first meeting and before the second. */
const run = (args: string[]) => cli(args, { journal });

beforeAll(async () => {
  ({ journal, dir, cleanup } = await tempFolder());
  const setUp = (args: string[], now: string) => cli(args, { journal, now });
  await samWithAda(journal);
  await setUp(
    ['goal', 'add', 'Choose a specialty', '--category', 'career', '--target', '2027-03-01', '--mentor', 'lovelace'],
    '2026-09-01T09:00:00Z',
  );
  await setUp(
    [
      'prep',
      '--mentor',
      'lovelace',
      '--when',
      '2026-11-10 17:30',
      '--topic',
      'Specialty choice:15',
      '--topic',
      `${HOSTILE}:10`,
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
      'Shadow two GP clinics',
      '--decision',
      'Apply for GP',
      '--action',
      'Book clinic shadowing:2026-11-20',
      '--mentor-action',
      'Introduce me to Dr Hopper',
      '--private',
      SECRET,
    ],
    '2026-11-10T19:00:00Z',
  );
  await setUp(['done', 'a1'], '2026-11-18T09:00:00Z');
  await setUp(
    [
      'prep',
      '--mentor',
      'lovelace',
      '--when',
      '2026-12-03 17:30',
      '--topic',
      'Interview prep:20',
      '--intention',
      'Leave with a plan',
    ],
    '2026-11-24T09:00:00Z',
  );
  // A reflection answer is private too: written straight into the journal, as the guided prep would.
  const data = JSON.parse(await readFile(journal, 'utf8'));
  data.meetings[1].prep.reflections = [{ prompt: 'What would your ideal future look like?', answer: ANSWER }];
  await writeFile(journal, JSON.stringify(data, null, 2));
});
afterAll(() => cleanup());

const scopes: [string, string[]][] = [
  ['the agenda', ['--next']],
  ['the record', ['--meeting', 'm1']],
  ['the summary', ['--since', '2026-09-01']],
  ['the whole journal', ['--all']],
];

describe('Markdown', () => {
  it('the agenda to send ahead has the time, intention, topics with minutes and progress on last actions', async () => {
    const text = await run(['export', '--next']);
    expect(text).toContain('# Agenda: meeting with Dr Ada Lovelace');
    expect(text).toContain('**When:** Thu 3 Dec 2026, 17:30 · **Length:** 30 min · **Mode:** in person');
    expect(text).toContain('**What I want from this meeting:** Leave with a plan');
    expect(text).toContain('| 1 | Interview prep |  | 20 |');
    expect(text).toContain('Planned: 20 of 30 minutes.');
    expect(text).toContain('- [x] Book clinic shadowing (due Fri 20 Nov 2026) — done on Wed 18 Nov 2026');
    expect(text).toContain('- [ ] Dr Ada Lovelace: Introduce me to Dr Hopper');
  });

  it('the record has what was covered and parked, advice, decisions, my plan and what the mentor offered', async () => {
    const text = await run(['export', '--meeting', 'm1']);
    expect(text).toContain('# Meeting notes: Dr Ada Lovelace');
    expect(text).toMatch(/\| 1 \| Specialty choice \|  \| 15 \| covered \|/);
    expect(text).toContain('## Advice\n\n- Shadow two GP clinics');
    expect(text).toContain('## Decisions\n\n- Apply for GP');
    expect(text).toContain('## My action plan\n\n- [x] Book clinic shadowing');
    expect(text).toContain('## What Dr Ada Lovelace offered\n\n- [ ] Dr Ada Lovelace: Introduce me to Dr Hopper');
  });

  it('the summary has the figures, meetings with advice, goals, and actions done (on time) and open', async () => {
    const text = await run(['export', '--from', '2026-09-01', '--to', '2026-11-30']);
    expect(text).toContain('# Sam Patel: Mentoring summary');
    expect(text).toContain('Period: Tue 1 Sep 2026 to Mon 30 Nov 2026.');
    expect(text).toContain('| 1 | 1 | 100% | 1 | 1 | 0 |');
    expect(text).toContain(
      '- **Tue 10 Nov 2026, 17:30** with Dr Ada Lovelace\n  - Topic: Specialty choice — covered\n',
    );
    expect(text).toContain('— parked\n  - Advice: Shadow two GP clinics');
    expect(text).toContain('- **Choose a specialty** — active, target Mon 1 Mar 2027');
    expect(text).toContain('## Actions completed\n\n- [x] Book clinic shadowing');
    expect(text).toContain('## Actions open\n\n- [ ] Dr Ada Lovelace: Introduce me to Dr Hopper');
  });

  it('escapes user text so it cannot add markup or break the topics table', async () => {
    const text = await run(['export', '--meeting', 'm1']);
    const row = text.split('\n').find((line) => line.startsWith('| 2 |'))!;
    expect(row).toContain('\\<script>alert(1)\\</script> \\| \\*bold\\* \\[link](x)');
    // Five unescaped cell separators plus the edges: the table still has its five columns.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
  });
});

describe('HTML', () => {
  const errors = (html: string) => {
    const found: string[] = [];
    parse(html, { onParseError: (error) => found.push(error.code) });
    return found;
  };

  it.each(scopes)(
    '%s is one valid, self-contained page: no parse errors, no scripts, nothing fetched',
    async (_name, scope) => {
      const html = await run(['export', ...scope, '--format', 'html']);
      expect(errors(html)).toEqual([]);
      const document = parse(html);
      expect(elements(document, 'script')).toEqual([]);
      expect(html).not.toMatch(/\b(?:src|href)=["'](?!#)|url\((?!#)|@import/);
      expect(html).toContain('<meta name="viewport"');
      expect(html).toContain('@media print');
    },
  );

  it('an agenda and a record carry what their Markdown does', async () => {
    const agenda = textOf(parse(await run(['export', '--next', '--format', 'html'])));
    expect(agenda).toContain('What I want from this meeting: Leave with a plan');
    expect(agenda).toContain('Interview prep');
    expect(agenda).toContain('Planned: 20 of 30 minutes.');
    expect(agenda).toContain('Book clinic shadowing');
    const record = textOf(parse(await run(['export', '--meeting', 'm1', '--format', 'html'])));
    for (const part of [
      'Meeting notes: Dr Ada Lovelace',
      'Shadow two GP clinics',
      'Apply for GP',
      'My action plan',
      'Introduce me to Dr Hopper',
    ])
      expect(record).toContain(part);
  });

  it('shows a topic called <script> as text', async () => {
    const html = await run(['export', '--meeting', 'm1', '--format', 'html']);
    const cells = elements(parse(html), 'td').map(textOf);
    expect(cells).toContain('<script>alert(1)</script> | *bold* [link](x)');
  });

  it('a summary has the figures and a timeline picture of meetings and actions per month, with target dates', async () => {
    const html = await run(['export', '--since', '2026-09-01', '--format', 'html']);
    const document = parse(html);
    const [svg] = elements(document, 'svg');
    expect(svg).toBeDefined();
    expect(textOf(elements(svg!, 'desc')[0]!)).toMatch(/1 meeting held and 1 action completed/);
    expect(textOf(document)).toContain('meetings held');
    expect(html).toContain('Choose a specialty');
  });
});

describe('iCalendar', () => {
  const events = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((event) => ({
      uid: String(event.getFirstPropertyValue('uid')),
      summary: String(event.getFirstPropertyValue('summary')),
      description: String(event.getFirstPropertyValue('description') ?? ''),
    }));

  it('with no scope, has every meeting and every action due, in its state, with UIDs that stay the same', async () => {
    const first = events(await run(['export', '--format', 'ics']));
    expect(first.map((event) => event.summary)).toEqual([
      'Mentoring: Sam Patel with Dr Ada Lovelace',
      'Mentoring: Sam Patel with Dr Ada Lovelace',
      'Done: Book clinic shadowing',
    ]);
    expect(first[0]!.description).toMatch(/^Held\./);
    expect(first[1]!.description).toContain('Interview prep');
    const again = events(await run(['export', '--format', 'ics']));
    expect(again.map((event) => event.uid)).toEqual(first.map((event) => event.uid));
  });

  it('a meeting that has been held is one event, with the actions agreed at it in their state', async () => {
    const record = events(await run(['export', '--meeting', 'm1', '--format', 'ics']));
    expect(record.map((event) => event.summary)).toEqual([
      'Mentoring: Sam Patel with Dr Ada Lovelace',
      'Done: Book clinic shadowing',
    ]);
    expect(record[0]!.description).toContain('Specialty choice');
  });

  it('--since leaves out what is dated before that day', async () => {
    const summary = events(await run(['export', '--since', '2026-11-15', '--format', 'ics']));
    expect(summary.map((event) => event.summary)).toEqual([
      'Mentoring: Sam Patel with Dr Ada Lovelace',
      'Done: Book clinic shadowing',
    ]);
    expect(summary[0]!.description).toContain('Interview prep');
  });
});

describe('JSON', () => {
  it.each(scopes)('%s matches the published schema', async (_name, scope) => {
    const data = JSON.parse(await run(['export', ...scope, '--format', 'json']));
    expect(() => ExportJsonSchema.parse(data)).not.toThrow();
  });

  it('--schema prints the JSON Schema', async () => {
    const schema = JSON.parse(await run(['export', '--schema']));
    expect(schema.$schema).toContain('json-schema.org');
    expect(JSON.stringify(schema)).toContain('"journal"');
  });
});

describe('privacy in every format', () => {
  const formats = ['md', 'html', 'ics', 'json'];
  const cases = formats.flatMap((format) => scopes.map(([name, scope]) => [format, name, scope] as const));

  it.each(cases)('%s: %s has no private reflection or reflection answer', async (format, _name, scope) => {
    const text = await run(['export', ...scope, '--format', format]);
    expect(text).not.toContain('PRIVATE-SENTINEL');
    expect(text).not.toContain('PRIVATE-ANSWER');
  });

  it.each(['md', 'html', 'json'])('%s includes them, marked, only with --include-private', async (format) => {
    const record = await run(['export', '--meeting', 'm1', '--format', format, '--include-private']);
    expect(record).toContain('PRIVATE-SENTINEL');
    const agenda = await run(['export', '--next', '--format', format, '--include-private']);
    expect(agenda).toContain('PRIVATE-ANSWER');
    if (format !== 'json') expect(record).toMatch(/Private reflection/);
  });

  it('a calendar never carries them, and says so when they are asked for', async () => {
    const result = await runCli(['export', '--meeting', 'm1', '--format', 'ics', '--include-private'], { journal });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('PRIVATE-SENTINEL');
    expect(result.stderr).toContain('never carry private reflections');
  });
});

describe('--out', () => {
  it('guesses the format from the extension and writes an owner-only file', async () => {
    for (const [file, start] of [
      ['agenda.html', '<!DOCTYPE html>'],
      ['meetings.ics', 'BEGIN:VCALENDAR'],
      ['agenda.md', '# Agenda'],
    ] as const) {
      const out = join(dir, file);
      await run(['export', '--next', '--out', out]);
      expect((await readFile(out, 'utf8')).startsWith(start)).toBe(true);
      expect((await stat(out)).mode & 0o777).toBe(0o600);
    }
  });

  it('refuses an extension it cannot read, naming the formats', async () => {
    const result = await runCli(['export', '--next', '--out', join(dir, 'agenda.docx')], { journal });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format md, html, ics, json, portfolio or csv');
  });
});

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

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}
