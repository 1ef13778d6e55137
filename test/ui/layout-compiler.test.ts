/**
 * Layouts run compiled to functions (src/ui/export/layout-compiler.ts): every built-in layout, on a
 * journal with every kind of record, and layouts of a user's own, come out exactly as liquidjs writes them.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgenda } from '../../src/core/agenda.js';
import { selectExport, selectPlan } from '../../src/core/export-scope.js';
import { buildReview } from '../../src/core/review.js';
import type { Journal } from '../../src/core/schema.js';
import { compileLayout } from '../../src/ui/export/layout-compiler.js';
import {
  LAYOUT_LIMITS,
  layoutEngine,
  renderLayout,
  type LayoutFormat,
  type LayoutName,
} from '../../src/ui/export/layouts.js';
import { timelineSvg } from '../../src/ui/export/timeline-svg.js';
import { meetingView } from '../../src/ui/views/meeting-view.js';
import { pdpView } from '../../src/ui/views/pdp-view.js';
import { reviewView } from '../../src/ui/views/review-view.js';
import { summaryView } from '../../src/ui/views/summary-view.js';
import { NOW } from '../helpers/clock.js';
import { cli, samWithAda } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

const HOSTILE = '<script>alert("1")</script> | *bold* [link](x) & 5 > 3';

let journal: Journal;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const folder = await tempFolder();
  ({ dir, cleanup } = folder);
  const at = (now: string) => (args: string[]) => cli(args, { journal: folder.journal, now });
  await samWithAda(folder.journal);
  const sep = at('2026-09-01T09:00:00Z');
  await sep(['mentor', 'add', 'Dr Grace Hopper', '--role', HOSTILE]);
  await sep([
    'goal',
    'add',
    'Choose a specialty',
    '--category',
    'career',
    '--target',
    '2027-03-01',
    '--mentor',
    'lovelace',
  ]);
  await sep(['goal', 'add', HOSTILE, '--category', 'clinical', '--why', 'Because', '--success', 'A plan']);
  await at('2026-09-20T09:00:00Z')(['goal', 'update', 'g1', '--note', 'Spoke to two GPs']);
  await at('2026-11-01T09:00:00Z')([
    'prep',
    '--mentor',
    'lovelace',
    '--when',
    '2026-11-10 17:30',
    '--topic',
    'Specialty choice:15',
    '--topic',
    `${HOSTILE}:10`,
    '--topic',
    'Untimed',
    '--goal',
    'g1',
    '--intention',
    'Leave with a plan',
  ]);
  await at('2026-11-10T19:00:00Z')([
    'log',
    'm1',
    '--covered',
    '1',
    '--parked',
    '2',
    '--advice',
    'Shadow two GP clinics',
    '--advice',
    HOSTILE,
    '--feedback',
    'Good reflection',
    '--decision',
    'Apply for GP',
    '--challenged',
    'That I must decide now',
    '--action',
    'Book clinic shadowing:2026-11-20',
    '--action',
    'Read the curriculum:2026-11-12',
    '--mentor-action',
    'Introduce me to Dr Hopper',
    '--private',
    'Felt out of my depth',
  ]);
  await at('2026-11-11T09:00:00Z')(['action', 'add', 'Ask about rotas', '--mentor', 'hopper']);
  await at('2026-11-18T09:00:00Z')(['done', 'a1']);
  await at('2026-11-19T09:00:00Z')(['done', 'a2']);
  await at('2026-11-19T10:00:00Z')(['action', 'drop', 'a4', '--note', 'No longer needed']);
  await at('2026-11-12T09:00:00Z')(['prep', '--mentor', 'hopper', '--when', '2026-11-20 12:00', '--topic', 'Rotas']);
  await at('2026-11-13T09:00:00Z')(['meeting', 'cancel', 'm2', '--note', `On leave ${HOSTILE}`]);
  await at('2026-11-24T09:00:00Z')([
    'prep',
    '--mentor',
    'lovelace',
    '--when',
    '2026-12-03 17:30',
    '--topic',
    'Interview prep:20',
    '--topic',
    'Portfolio:20',
    '--carry-parked',
    '--review',
    'a3=blocked:no reply yet',
  ]);
  const data = JSON.parse(await readFile(folder.journal, 'utf8')) as Journal;
  data.meetings[2]!.prep!.reflections = [{ prompt: 'What would your ideal future look like?', answer: 'GP' }];
  journal = data;
});
afterAll(() => cleanup());

/** What each built-in layout is given by export and review, for this journal. */
function layoutData(includePrivate: boolean): [LayoutName, Record<string, unknown>][] {
  const now = NOW;
  const summaries = [true, false].map((all) => {
    const selection = selectExport(journal, all ? { kind: 'all' } : { kind: 'period' }, undefined, now);
    if (selection.kind !== 'summary') throw new Error('a summary');
    const summary = summaryView(journal, selection.summary, { includePrivate, all, now });
    return ['summary', { summary, timelineSvg: timelineSvg(summary.timeline) }] as [
      LayoutName,
      Record<string, unknown>,
    ];
  });
  const meetings = journal.meetings.map(
    (meeting) =>
      ['meeting', { meeting: meetingView(journal, buildAgenda(journal, meeting), { includePrivate, now }) }] as [
        LayoutName,
        Record<string, unknown>,
      ],
  );
  const review = reviewView(
    journal,
    buildReview(journal, { from: '2026-09-01T00:00:00.000Z', to: now.toISOString() }),
    { includePrivate, prompts: ['What did you learn?'], now },
  );
  const pdp = pdpView(journal, selectPlan(journal, undefined, { includePrivate }), now);
  return [
    ...summaries,
    ...meetings,
    ['review', { review, timelineSvg: timelineSvg(review.timeline) }],
    ['pdp', { pdp }],
  ];
}

/** The layout compiled, and as liquidjs's interpreter renders it. */
function bothWays(format: LayoutFormat, name: LayoutName, data: Record<string, unknown>, userDir = dir) {
  const engine = layoutEngine(format, userDir);
  const templates = engine.parseFileSync(`${name}.${format}.liquid`);
  const compiled = compileLayout(engine, templates, LAYOUT_LIMITS);
  return { compiled, interpreted: () => layoutEngine(format, userDir).renderSync(templates, data) };
}

describe('a built-in layout compiled to a function', () => {
  for (const format of ['md', 'html'] as const) {
    for (const includePrivate of [false, true]) {
      it(`writes every ${format} export and review as liquidjs does${includePrivate ? ', private notes too' : ''}`, () => {
        for (const [name, data] of layoutData(includePrivate)) {
          const { compiled, interpreted } = bothWays(format, name, data);
          expect(compiled, `${name}.${format}.liquid is compiled`).toBeDefined();
          const text = compiled!(data).join('');
          expect(text).toBe(interpreted());
          expect(text.length).toBeGreaterThan(100);
        }
      });
    }
  }
});

describe('a layout of your own', () => {
  const data = {
    summary: {
      title: 'A & B',
      empty: '',
      zero: 0,
      none: null,
      yes: true,
      list: ['one', 'two <b>', 'three'],
      nested: [
        { name: 'x', items: [1, 2] },
        { name: 'y', items: [] },
      ],
      things: { a: 1, b: 'two' },
      size: 42,
    },
    timelineSvg: '<svg/>',
  };
  let userDir: string;
  let count = 0;
  beforeAll(async () => {
    userDir = join(dir, 'layouts');
    await mkdir(userDir, { recursive: true });
  });

  /** `source` as summary.md.liquid in a folder of its own (a partial too, when given). */
  async function layout(source: string, partial?: string) {
    const own = join(userDir, String(count++));
    await mkdir(own);
    await writeFile(join(own, 'summary.html.liquid'), source);
    if (partial !== undefined) await writeFile(join(own, '_part.liquid'), partial);
    return own;
  }

  const compiledTheSame: [string, string, string?][] = [
    ['text and values, escaped', '<p>{{ summary.title }}</p>{{ summary.list }}{{ summary.zero }}{{ summary.none }}'],
    ['raw', '{{ timelineSvg | raw }}{{ summary.list | raw }}{{ summary.none | raw }}'],
    [
      'size, first, last',
      '{{ summary.list.size }} {{ summary.list.first }} {{ summary.list.last }} {{ summary.title.size }} {{ summary.size }} {{ summary.things.size }}',
    ],
    [
      'brackets',
      '{{ summary.list[1] }} {{ summary.list[-1] }} {{ summary["title"] }} {% assign k = "title" %}{{ summary[k] }}',
    ],
    [
      'truthiness and comparisons',
      '{% if summary.empty %}a{% endif %}{% if summary.zero %}b{% endif %}{% if summary.none %}c{% endif %}' +
        '{% if summary.none == nil %}d{% endif %}{% if summary.zero != nil %}e{% endif %}{% if summary.zero > -1 %}f{% endif %}' +
        '{% if summary.none > 1 %}g{% endif %}{% if summary.title == "A & B" and summary.yes %}h{% endif %}' +
        '{% if summary.empty or summary.zero %}i{% else %}j{% endif %}{% if summary.list contains "one" %}k{% endif %}' +
        '{% if summary.title contains "&" %}l{% endif %}{% if summary.list == summary.list %}m{% endif %}' +
        '{% if summary.size >= 42 and summary.size <= 42 %}n{% endif %}{% if 1 < 2 %}o{% endif %}',
    ],
    [
      'elsif and unless',
      '{% if summary.zero %}1{% elsif summary.yes %}2{% else %}3{% endif %}{% unless summary.yes %}4{% elsif summary.size %}5{% else %}6{% endunless %}{% unless summary.empty %}7{% endunless %}',
    ],
    [
      'loops, forloop and else',
      '{% for item in summary.list %}{{ forloop.index }}/{{ forloop.length }}:{{ item }}{% if forloop.first %}F{% endif %}{% unless forloop.last %}, {% endunless %}{{ forloop.rindex0 }}{{ forloop.name }}{% endfor %}' +
        '{% for item in summary.nested %}{% for n in item.items %}{{ item.name }}{{ n }}{% else %}none{% endfor %}{% endfor %}' +
        '{% for pair in summary.things %}{{ pair[0] }}={{ pair[1] }};{% endfor %}{% for c in summary.title %}[{{ c }}]{% endfor %}' +
        '{% for x in summary.none %}x{% else %}empty{% endfor %}',
    ],
    [
      'assign and its scope',
      '{% assign t = summary.title %}{{ t }}{% for t in summary.list %}{{ t }}{% endfor %}{{ t }}{% assign n = nil %}{% if n == nil %}nil{% endif %}',
    ],
    [
      'whitespace control and comments',
      '  {%- comment -%} x {%- endcomment -%}  a {{- summary.title -}} b {% raw %}{{ not read }}{% endraw %}',
    ],
    [
      'render: only what it is given',
      '{% assign y = 1 %}{% render "_part.liquid", x: summary.title, flag %}|{% render "_part.liquid", x: summary.none, flag: summary.zero %}',
      '{{ x }}{% if flag %}F{% endif %}{{ size }}',
    ],
    [
      'include: the same variables',
      '{% assign y = 1 %}{% include "_part.liquid", x: summary.title %}{{ z }}',
      '{{ x }}{{ summary.title }}{{ y }}{% assign z = "set" %}',
    ],
  ];
  for (const [what, source, partial] of compiledTheSame) {
    it(`is compiled, and writes as liquidjs does: ${what}`, async () => {
      const own = await layout(source, partial);
      const { compiled, interpreted } = bothWays('html', 'summary', data, own);
      expect(compiled).toBeDefined();
      expect(compiled!(data).join('')).toBe(interpreted());
    });
  }

  const leftToLiquid: [string, string][] = [
    ['a filter', '{{ summary.title | upcase }}'],
    ['a range', '{% for i in (1..3) %}{{ i }}{% endfor %}'],
    ['empty and blank', '{% if summary.list == empty %}e{% endif %}'],
    ['a loop with a limit', '{% for x in summary.list limit: 1 %}{{ x }}{% endfor %}'],
    ['break', '{% for x in summary.list %}{{ x }}{% break %}{% endfor %}'],
    ['capture', '{% capture x %}a{% endcapture %}{{ x }}'],
  ];
  for (const [what, source] of leftToLiquid) {
    it(`is left to liquidjs when it uses ${what}, and writes what liquidjs writes`, async () => {
      const own = await layout(source);
      expect(bothWays('html', 'summary', data, own).compiled).toBeUndefined();
      expect(await renderLayout('html', 'summary', data, own)).toBe(
        bothWays('html', 'summary', data, own).interpreted(),
      );
    });
  }

  it('that reads a variable there is not is refused in liquidjs words, naming the layout', async () => {
    const own = await layout('{% for x in summary.list %}{{ x.nothing }}{% endfor %}');
    expect(bothWays('html', 'summary', data, own).compiled).toBeDefined();
    await expect(renderLayout('html', 'summary', data, own)).rejects.toThrow(
      `Cannot export with your layout ${join(own, 'summary.html.liquid')}: undefined variable: x.nothing, line:1, col:31.`,
    );
  });

  it('that renders a partial there is not is refused in liquidjs words', async () => {
    const own = await layout('{% if summary.yes %}{% render "_missing.liquid" %}{% endif %}');
    await expect(renderLayout('html', 'summary', data, own)).rejects.toThrow(/Failed to lookup "_missing.liquid"/);
    const never = await layout('{% if summary.zero %}{% render "_missing.liquid" %}{% endif %}ok');
    expect(await renderLayout('html', 'summary', data, never)).toBe('ok');
  });

  it('that writes without end is stopped at 64 million characters, saying where', async () => {
    const own = await layout(
      '{% for a in summary.list %}{% for b in summary.list %}{% for c in summary.list %}{% for d in summary.list %}' +
        '{% for e in summary.list %}{% for f in summary.list %}{% for g in summary.list %}{% for h in summary.list %}' +
        '{% for i in summary.list %}{% for j in summary.list %}{% for k in summary.list %}{% for l in summary.list %}' +
        `{% for m in summary.list %}{% for n in summary.list %}${'x'.repeat(1000)}` +
        '{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}' +
        '{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}',
    );
    expect(bothWays('html', 'summary', data, own).compiled).toBeDefined();
    await expect(renderLayout('html', 'summary', data, own)).rejects.toThrow(
      /: stopped at line 1, column \d+: it writes more than 64 million characters/,
    );
  });
});
