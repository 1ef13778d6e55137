import type { Timeline, TimelineBucket, TimelineTarget } from '../views/timeline.js';
import { count } from '../words.js';
import { escapeHtml } from './escape.js';

/** Text for SVG/XML content and attributes: escaped as in HTML, less the two non-characters XML forbids. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(/[\ufffe\uffff]/g, ''));
}

/** A narrow canvas, so that text scaled down to a phone's width is still about 10px. */
const WIDTH = 400;
const LEFT = 30;
const RIGHT = 10;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = 150;
const MARKER_ROW = 14;
const KEY_ROW = 18;
const MAX_KEY_ROWS = 8;
/** Room kept between two pieces of text, in user units. */
const GAP = 6;
const ID = 'mentee-timeline';
const INK = 'font-family="system-ui, sans-serif" fill="#333"';
const TARGET = '#7b2d5b';
const STRIPE = '#7a4a12';
/** Solid dark against hatched light, so the two series differ in greyscale print too. */
const SERIES = [
  { name: 'meetings', count: (b: TimelineBucket) => b.meetingsHeld, fill: '#2f5d8a', noun: 'meeting', verb: 'held' },
  {
    name: 'actions',
    count: (b: TimelineBucket) => b.actionsCompleted,
    fill: `url(#${ID}-hatch)`,
    noun: 'action',
    verb: 'completed',
  },
] as const;

const num = (value: number) => String(Math.round(value * 10) / 10);
const withStatus = (target: TimelineTarget) => (target.status === 'active' ? '' : ` (${target.status})`);

/**
 * A generous guess at how wide text is drawn: every layout decision below is made with it, so labels
 * keep apart whatever sans-serif the reader's device has (ASCII at most 0.62em; anything else 1em).
 */
export function textWidth(text: string, size: number): number {
  return Array.from(text).reduce((sum, char) => sum + (char.charCodeAt(0) < 128 ? 0.62 : 1) * size, 0);
}

/** Cut to fit `width` at `size`, with an ellipsis when anything was cut. */
function fitText(text: string, width: number, size: number): string {
  const glyphs = Array.from(text.replace(/\s+/g, ' ').trim());
  if (textWidth(glyphs.join(''), size) <= width) return glyphs.join('');
  while (glyphs.length && textWidth(`${glyphs.join('')}…`, size) > width) glyphs.pop();
  return `${glyphs.join('').trimEnd()}…`;
}

function diamond(x: number, y: number, size = 5): string {
  const points = [
    [x, y - size],
    [x + size, y],
    [x, y + size],
    [x - size, y],
  ];
  return `<polygon points="${points.map(([px, py]) => `${num(px!)},${num(py!)}`).join(' ')}" fill="${TARGET}" stroke="#fff"/>`;
}

function summaryText(timeline: Timeline): { title: string; desc: string } {
  const { buckets, targets } = timeline;
  const total = (series: (typeof SERIES)[number]) => buckets.reduce((sum, bucket) => sum + series.count(bucket), 0);
  const [first, last] = [buckets[0]?.label ?? '', buckets.at(-1)?.label ?? ''];
  const period = !first ? '' : first === last ? `, in ${first}` : `, ${first} to ${last}`;
  const goals = targets.map((target) => `${target.title} (${target.label}${withStatus(target)})`).join('; ');
  return {
    title: `Meetings held and actions completed per ${timeline.unit}`,
    desc:
      SERIES.map((series) => `${count(total(series), series.noun)} ${series.verb}`).join(' and ') +
      `${period}.${goals ? ` Goal target dates: ${goals}.` : ''}`,
  };
}

function frame(height: number, title: string, desc: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${num(height)}" width="100%" role="img" aria-labelledby="${ID}-title ${ID}-desc" class="timeline">`,
    `<title id="${ID}-title">${escapeXml(title)}</title>`,
    `<desc id="${ID}-desc">${escapeXml(desc)}</desc>`,
    ...body,
    '</svg>',
  ].join('\n');
}

function legend(hasTargets: boolean): string[] {
  const meetings = 'Meetings held';
  const actions = 'Actions completed';
  const second = LEFT + 16 + textWidth(meetings, 12) + GAP;
  const third = second + 16 + textWidth(actions, 12) + GAP;
  return [
    `<g class="legend" ${INK} font-size="12">`,
    `<rect x="${LEFT}" y="8" width="12" height="12" fill="${SERIES[0].fill}"/><text x="${LEFT + 16}" y="18">${meetings}</text>`,
    `<rect x="${num(second)}" y="8" width="12" height="12" fill="${SERIES[1].fill}" stroke="${STRIPE}"/><text x="${num(second + 16)}" y="18">${actions}</text>`,
    hasTargets ? `${diamond(third + 5, 14)}<text x="${num(third + 14)}" y="18">Goal target</text>` : '',
    '</g>',
  ];
}

/**
 * Each target's row above the plot: the lowest in which its diamond and number keep clear of every
 * other marker's, so targets in the same or neighbouring buckets stack instead of overlapping.
 */
function markerRows(targets: TimelineTarget[], centre: (bucket: number) => number): number[] {
  const rows: [number, number][][] = [];
  return targets.map((target, index) => {
    const x = centre(target.bucket);
    const span: [number, number] = [x - 6, x + 7 + textWidth(String(index + 1), 10) + 2];
    let row = rows.findIndex((taken) => taken.every(([from, to]) => span[1] <= from || span[0] >= to));
    if (row === -1) row = rows.push([]) - 1;
    rows[row]!.push(span);
    return row;
  });
}

/** Numbered diamonds above each target's bucket, a thin line down to the axis from the lowest one. */
function markers(
  targets: TimelineTarget[],
  rows: number[],
  centre: (bucket: number) => number,
  top: number,
  axis: number,
): string[] {
  const lowest = new Map<number, number>();
  targets.forEach((target, index) =>
    lowest.set(target.bucket, Math.min(lowest.get(target.bucket) ?? Infinity, rows[index]!)),
  );
  return targets.map((target, index) => {
    const row = rows[index]!;
    const x = centre(target.bucket);
    const y = top - 22 - row * MARKER_ROW;
    const line = `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x)}" y2="${axis}" stroke="${TARGET}" stroke-dasharray="3 2"/>`;
    return (
      `<g class="target"><title>${escapeXml(`${target.title}: target ${target.label}${withStatus(target)}`)}</title>` +
      `${lowest.get(target.bucket) === row ? line : ''}${diamond(x, y)}<text x="${num(x + 7)}" y="${num(y + 4)}" font-size="10" ${INK}>${index + 1}</text></g>`
    );
  });
}

/** Titles are cut short here (the markers' own titles and the desc carry them whole). */
function key(targets: TimelineTarget[], top: number): string[] {
  const shown = targets.slice(0, targets.length > MAX_KEY_ROWS ? MAX_KEY_ROWS - 1 : MAX_KEY_ROWS);
  const rows = shown.map((target, index) => {
    const y = num(top + index * KEY_ROW);
    const whenText = `${target.label}${withStatus(target)}`;
    const room = WIDTH - RIGHT - textWidth(whenText, 12) - GAP - (LEFT + 14);
    const title = escapeXml(fitText(`${index + 1}. ${target.title}`, room, 12));
    const when = escapeXml(whenText);
    return `${diamond(LEFT + 5, top + index * KEY_ROW - 4)}<text x="${LEFT + 14}" y="${y}">${title}</text><text x="${WIDTH - RIGHT}" y="${y}" text-anchor="end">${when}</text>`;
  });
  const rest = targets.length - shown.length;
  if (rest > 0)
    rows.push(
      `<text x="${LEFT + 14}" y="${num(top + shown.length * KEY_ROW)}">and ${count(rest, 'more goal target date')}</text>`,
    );
  return rows.length ? [`<g class="key" ${INK} font-size="12">`, ...rows, '</g>'] : [];
}

/** The summary's picture: paired bars per bucket (meetings solid, actions hatched) with goals' target dates. */
export function timelineSvg(timeline: Timeline): string {
  const { buckets, targets, maxCount } = timeline;
  const text = summaryText(timeline);
  if (maxCount === 0 && targets.length === 0)
    return frame(48, text.title, `Nothing to show for this period. ${text.desc}`, [
      `<text x="${WIDTH / 2}" y="29" font-size="14" text-anchor="middle" ${INK}>Nothing to show for this period</text>`,
    ]);

  const slot = PLOT_WIDTH / Math.max(1, buckets.length);
  const barWidth = Math.min(22, slot * 0.36);
  const centre = (bucket: number) => LEFT + slot * (bucket + 0.5);
  const rows = markerRows(targets, centre);
  const top = 40 + (targets.length ? Math.max(...rows) + 1 : 0) * MARKER_ROW;
  const axis = top + PLOT_HEIGHT;
  const heightOf = (value: number) => (maxCount ? (value / maxCount) * PLOT_HEIGHT : 0);
  // Every label-th bucket is named, far enough apart that the widest name keeps clear of the next.
  const widestLabel = Math.max(0, ...buckets.map((bucket) => textWidth(bucket.label, 11)));
  const labelEvery = Math.max(1, Math.ceil((widestLabel + GAP) / slot));

  const body = [
    `<defs><pattern id="${ID}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#e0a458"/><line x1="0" y1="0" x2="0" y2="6" stroke="${STRIPE}" stroke-width="2"/></pattern></defs>`,
    ...legend(targets.length > 0),
    `<g class="grid" ${INK} font-size="10" text-anchor="end">`,
    ...[...new Set([0, Math.round(maxCount / 2), maxCount])].map((value) => {
      const y = num(axis - heightOf(value));
      return `<line x1="${LEFT}" y1="${y}" x2="${WIDTH - RIGHT}" y2="${y}" stroke="${value ? '#ccc' : '#333'}"/><text x="${LEFT - 5}" y="${num(Number(y) + 3)}">${value}</text>`;
    }),
    '</g>',
    `<g class="bars" ${INK} font-size="10" text-anchor="middle">`,
  ];
  buckets.forEach((bucket, index) => {
    SERIES.forEach((series, side) => {
      const value = series.count(bucket);
      if (value === 0) return;
      const [x, h] = [centre(index) + (side ? 1 : -barWidth - 1), heightOf(value)];
      const tip = escapeXml(`${bucket.label}: ${count(value, series.noun)} ${series.verb}`);
      body.push(
        `<rect class="bar bar-${series.name}" x="${num(x)}" y="${num(axis - h)}" width="${num(barWidth)}" height="${num(h)}" fill="${series.fill}"${side ? ` stroke="${STRIPE}"` : ''}><title>${tip}</title></rect>`,
      );
      // Counts above the bars only where there is room for them.
      if (textWidth(String(value), 10) <= barWidth + 1)
        body.push(`<text x="${num(x + barWidth / 2)}" y="${num(axis - h - 3)}">${value}</text>`);
    });
    // A name that would stick out at the right-hand edge is left out.
    if (index % labelEvery === 0 && centre(index) + textWidth(bucket.label, 11) / 2 <= WIDTH)
      body.push(
        `<text class="label" x="${num(centre(index))}" y="${axis + 16}" font-size="11">${escapeXml(bucket.label)}</text>`,
      );
  });
  body.push('</g>', ...markers(targets, rows, centre, top, axis), ...key(targets, axis + 42));

  const keyRows = Math.min(targets.length, MAX_KEY_ROWS);
  return frame(axis + (keyRows ? 30 + keyRows * KEY_ROW : 28), text.title, text.desc, body);
}
