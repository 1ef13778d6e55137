import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { closeAction } from '../../src/core/actions.js';
import { logMeeting } from '../../src/core/log.js';
import type { Journal } from '../../src/core/schema.js';
import { buildSummary } from '../../src/core/summary.js';
import { buildTimeline, type Timeline, type TimelineBucket, type TimelineTarget } from '../../src/ui/views/timeline.js';
import { escapeXml, timelineSvg } from '../../src/ui/export/timeline-svg.js';
import { action, goal, journal, logInput, mentor, NOW } from '../core/fixtures.js';
import { attr, overlaps, textOf } from './svg-boxes.js';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

const at = (iso: string) => new Date(iso);
const NASTY = `<script>alert(1)</script> & "quotes"`;

/** Sep–Nov 2026: 3 meetings and 3 actions; two goals with target dates in December. */
function autumn(): Journal {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-01' }, at('2026-01-01T09:00:00Z'));
  for (const when of ['2026-09-03 17:00', '2026-09-28 17:00', '2026-11-12 17:00'])
    logMeeting(j, logInput({ mentor: 'lovelace', when }), at(when.replace(' ', 'T') + ':00Z'));
  for (const done of ['2026-09-20T09:00:00Z', '2026-11-02T09:00:00Z', '2026-11-13T09:00:00Z']) {
    const item = action(j, { title: `Done ${done}` }, at('2026-08-01T09:00:00Z'));
    closeAction(j, item.id, 'done', at(done));
  }
  goal(j, { title: NASTY, target: '2026-12-03' });
  goal(j, { title: 'Pass the membership examination of the royal college, part A', target: '2026-12-20' });
  return j;
}

const autumnSvg = () =>
  timelineSvg(buildTimeline(buildSummary(autumn(), { from: '2026-09-01T00:00:00.000Z', to: NOW.toISOString() })));

/** Parses the SVG as foreign content of an HTML page, failing on any parse error, and returns the svg element. */
function parseSvg(svg: string): Element {
  const errors: string[] = [];
  const doc = parse(`<!doctype html><html><head><title>t</title></head><body>${svg}</body></html>`, {
    onParseError: (error) => errors.push(error.code),
  });
  expect(errors).toEqual([]);
  const found = elements(doc).filter((el) => el.tagName === 'svg');
  expect(found).toHaveLength(1);
  return found[0]!;
}

function elements(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  return children.flatMap((child) => ('tagName' in child ? [child, ...elements(child)] : elements(child)));
}

/** Every start tag is closed (or self-closing) in order, as XML requires. */
function tagsBalance(svg: string): boolean {
  const stack: string[] = [];
  for (const [, close, name, selfClosing] of svg.matchAll(/<(\/?)([A-Za-z][\w:-]*)(?:\s[^<>]*?)?(\/?)>/g)) {
    if (selfClosing) continue;
    if (!close) stack.push(name!);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

const bucket = (label: string, meetingsHeld: number, actionsCompleted: number): TimelineBucket => ({
  key: label,
  label,
  meetingsHeld,
  actionsCompleted,
});

describe('timeline picture', () => {
  it('is a well-formed, self-contained svg that scales to the page', () => {
    const out = autumnSvg();
    expect(tagsBalance(out)).toBe(true);
    const svg = parseSvg(out);
    expect(attr(svg, 'xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(attr(svg, 'viewBox')).toMatch(/^0 0 \d+ \d+(\.\d)?$/);
    expect(attr(svg, 'width')).toBe('100%');
    expect(attr(svg, 'height')).toBeUndefined();
    expect(attr(svg, 'role')).toBe('img');
    const children = svg.childNodes.filter((child): child is Element => 'tagName' in child).map((el) => el.tagName);
    expect(children.slice(0, 3)).toEqual(['title', 'desc', 'defs']);
    expect(children).toContain('g');
    const ids = (attr(svg, 'aria-labelledby') ?? '').split(' ');
    expect(ids.map((id) => elements(svg).find((el) => attr(el, 'id') === id)?.tagName)).toEqual(['title', 'desc']);
    expect(out).not.toMatch(/<script|<foreignObject|<image|<use|href=|@import/i);
    expect(out.replace('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|url\((?!#)/);
  });

  it('shows a goal title with markup only escaped, never as markup', () => {
    const out = autumnSvg();
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    const svg = parseSvg(out);
    expect(elements(svg).some((el) => el.tagName === 'script')).toBe(false);
    const markerTitles = elements(svg)
      .filter((el) => attr(el, 'class') === 'target')
      .map((el) => textOf(el.childNodes.find((child) => 'tagName' in child && child.tagName === 'title')!));
    expect(markerTitles).toContain(`${NASTY}: target Thu 3 Dec 2026`);
  });

  it('summarises the figures in its title and description', () => {
    const svg = parseSvg(autumnSvg());
    const [title, desc] = ['title', 'desc'].map((name) => textOf(svg.childNodes.find((c) => c.nodeName === name)!));
    expect(title).toBe('Meetings held and actions completed per month');
    expect(desc).toContain('3 meetings held and 3 actions completed, Sep 2026 to Dec 2026.');
    expect(desc).toContain(`Goal target dates: ${NASTY} (Thu 3 Dec 2026)`);
  });

  it('draws bars in proportion to their counts, the tallest being the largest count', () => {
    const svg = parseSvg(autumnSvg());
    const bars = elements(svg)
      .filter((el) => (attr(el, 'class') ?? '').startsWith('bar '))
      .map((el) => ({
        height: Number(attr(el, 'height')),
        count: Number(/: (\d+) /.exec(textOf(el))![1]),
        series: attr(el, 'class'),
      }));
    expect(bars.map((bar) => bar.count)).toEqual([2, 1, 1, 2]);
    expect(bars.map((bar) => bar.series)).toEqual([
      'bar bar-meetings',
      'bar bar-actions',
      'bar bar-meetings',
      'bar bar-actions',
    ]);
    const tallest = Math.max(...bars.map((bar) => bar.height));
    for (const bar of bars) expect(bar.height).toBeCloseTo((tallest * bar.count) / 2, 0);
  });

  it('tells the two series apart by pattern and by a labelled legend, not only by colour', () => {
    const out = autumnSvg();
    const svg = parseSvg(out);
    const fills = new Set(
      elements(svg)
        .filter((el) => attr(el, 'class') === 'bar bar-actions')
        .map((el) => attr(el, 'fill')),
    );
    expect([...fills]).toEqual(['url(#mentee-timeline-hatch)']);
    expect(elements(svg).some((el) => el.tagName === 'pattern' && attr(el, 'id') === 'mentee-timeline-hatch')).toBe(
      true,
    );
    const legend = textOf(elements(svg).find((el) => attr(el, 'class') === 'legend')!);
    expect(legend).toContain('Meetings held');
    expect(legend).toContain('Actions completed');
    expect(legend).toContain('Goal target');
  });

  it('marks each target date at its bucket and keeps long titles short on the picture itself', () => {
    const svg = parseSvg(autumnSvg());
    const key = textOf(elements(svg).find((el) => attr(el, 'class') === 'key')!);
    expect(key).toMatch(/2\. Pass the membership exami\S*…/);
    expect(key).not.toContain('royal college');
    expect(key).toContain('Sun 20 Dec 2026');
    expect(elements(svg).filter((el) => attr(el, 'class') === 'target')).toHaveLength(2);
  });

  it('skips bucket labels when there are many buckets, so they do not overlap', () => {
    const months = Array.from({ length: 24 }, (_, index) => bucket(`M${index}`, index % 3, 1));
    const svg = parseSvg(timelineSvg({ unit: 'month', buckets: months, targets: [], maxCount: 2 }));
    const labels = elements(svg).filter((el) => attr(el, 'class') === 'label');
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.length).toBeLessThan(months.length);
    expect(textOf(labels[0]!)).toBe('M0');
    expect(overlaps(svg)).toEqual([]);
  });

  it('says there is nothing to show when the period has no meetings, actions or targets', () => {
    const empty: Timeline = { unit: 'month', buckets: [bucket('Nov 2026', 0, 0)], targets: [], maxCount: 0 };
    const out = timelineSvg(empty);
    expect(tagsBalance(out)).toBe(true);
    const svg = parseSvg(out);
    expect(textOf(svg)).toContain('Nothing to show for this period');
    expect(elements(svg).some((el) => el.tagName === 'rect')).toBe(false);
    expect(attr(svg, 'viewBox')).toBe('0 0 400 48');
  });

  it('still draws target dates when nothing was held or completed', () => {
    const t: Timeline = {
      unit: 'month',
      buckets: [bucket('Nov 2026', 0, 0), bucket('Dec 2026', 0, 0)],
      targets: [{ title: 'Apply for jobs', day: '2026-12-03', label: 'Thu 3 Dec 2026', status: 'active', bucket: 1 }],
      maxCount: 0,
    };
    const svg = parseSvg(timelineSvg(t));
    expect(textOf(svg)).not.toContain('Nothing to show');
    expect(elements(svg).filter((el) => attr(el, 'class') === 'target')).toHaveLength(1);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML special characters and drops characters XML forbids', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;');
    expect(escapeXml('tab\tstays\u0007bell goes')).toBe('tab\tstaysbell goes');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });
});

describe('the timeline picture never overlaps its labels', () => {
  const target = (title: string, bucket: number, status = 'active'): TimelineTarget => ({
    title,
    day: '2026-12-01',
    label: 'Wed 30 Sep 2026',
    status,
    bucket,
  });
  const cases: [string, Timeline][] = [
    [
      'a year by month, with targets in neighbouring months and long titles',
      {
        unit: 'month',
        buckets: Array.from({ length: 12 }, (_, i) => bucket(`Sep ${2026 + Math.floor(i / 12)}`, i % 4, (i * 7) % 5)),
        targets: [
          target('Pass the membership examination of the royal college, part A', 3, 'achieved'),
          target('Choose a specialty and apply for training posts', 4),
          target('日本語の長い目標のタイトルはここにあります', 4, 'dropped'),
          target('Publish a case report', 5),
          target('Present at the regional meeting', 11, 'paused'),
        ],
        maxCount: 4,
      },
    ],
    [
      'four years by quarter, with every target in one quarter',
      {
        unit: 'quarter',
        buckets: Array.from({ length: 16 }, (_, i) => bucket(`Q${(i % 4) + 1} ${2026 + Math.floor(i / 4)}`, i % 3, 1)),
        targets: Array.from({ length: 10 }, (_, i) => target(`Goal number ${i + 1} with a longer title`, 7)),
        maxCount: 2,
      },
    ],
    [
      'one month with large counts',
      { unit: 'month', buckets: [bucket('Nov 2026', 120, 345)], targets: [target('A goal', 0)], maxCount: 345 },
    ],
    [
      'two months with three-digit counts side by side',
      {
        unit: 'month',
        buckets: [bucket('Oct 2026', 999, 998), bucket('Nov 2026', 997, 996)],
        targets: [],
        maxCount: 999,
      },
    ],
  ];
  it.each(cases)('%s', (_name, timeline) => {
    expect(overlaps(parseSvg(timelineSvg(timeline)))).toEqual([]);
  });

  it('in the summary of an autumn', () => {
    expect(overlaps(parseSvg(autumnSvg()))).toEqual([]);
  });
});
