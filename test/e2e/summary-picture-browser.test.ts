import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { tempFolder, type TempFolder } from '../helpers/temp.js';

/**
 * The HTML summary's picture, laid out by a real browser (headless Chromium) at a phone's and a
 * desktop's width: every piece of text in it is measured where the browser drew it, and no two overlap,
 * nor does any run off the picture or the page.
 */
const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find(
  (name) => spawnSync(name, ['--version'], { encoding: 'utf8' }).status === 0,
);

/**
 * Appended to a copy of the page, shown in a frame as wide as the device (headless Chromium will not
 * make a window narrower than 500 px): measures every text of the picture and writes what it found
 * into the outer page, which Chromium then prints.
 */
const MEASURE = `<script>
const svg = document.querySelector('figure.timeline svg');
const frame = svg.getBoundingClientRect();
const texts = [...svg.querySelectorAll('text')].map((el) => {
  const r = el.getBoundingClientRect();
  return { text: el.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
});
const overlaps = [];
for (let i = 0; i < texts.length; i++)
  for (let j = i + 1; j < texts.length; j++) {
    const a = texts[i], b = texts[j];
    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
      overlaps.push(a.text + ' / ' + b.text);
  }
const outside = texts.filter((t) => t.left < frame.left - 0.5 || t.right > frame.right + 0.5).map((t) => t.text);
const page = { width: window.innerWidth, scrollWidth: document.documentElement.scrollWidth };
const smallest = Math.min(...texts.map((t) => t.bottom - t.top));
parent.document.body.setAttribute('data-measured', JSON.stringify({ count: texts.length, overlaps, outside, page, smallest }));
</script>`;

interface Measured {
  count: number;
  overlaps: string[];
  outside: string[];
  page: { width: number; scrollWidth: number };
  smallest: number;
}

let folder: TempFolder;
let page: string;

beforeAll(async () => {
  folder = await tempFolder();
  const journal = folder.journal;
  const at = (now: string) => ({ journal, now });
  await cli(['mentor', 'add', 'Dr Ada Lovelace'], at('2026-06-01T09:00:00Z'));
  await cli(
    ['goal', 'add', 'Pass the membership examination of the royal college, part A', '--target', '2026-12-20'],
    at('2026-06-01T09:00:00Z'),
  );
  await cli(['goal', 'add', 'Choose a specialty <&> "quoted"', '--target', '2026-12-03'], at('2026-06-01T09:00:00Z'));
  await cli(
    ['goal', 'add', 'Présenter un poster au congrès régional', '--target', '2026-12-05'],
    at('2026-06-01T09:00:00Z'),
  );
  for (const [i, day] of ['2026-09-03', '2026-09-28', '2026-10-15', '2026-11-12'].entries()) {
    await cli(
      ['log', '--mentor', 'lovelace', '--when', `${day} 17:00`, '--advice', `Advice ${i}`],
      at(`${day}T18:00:00Z`),
    );
    await cli(['action', 'add', `Task ${i}`], at(`${day}T18:00:00Z`));
    await cli(['done', `a${i + 1}`], at(`${day}T19:00:00Z`));
  }
  await cli(
    ['export', '--since', '2026-09-01', '--format', 'html', '--out', join(folder.dir, 'summary.html')],
    at('2026-11-25T09:00:00Z'),
  );
  page = await readFile(join(folder.dir, 'summary.html'), 'utf8');
});

afterAll(() => folder?.cleanup());

async function measure(width: number): Promise<Measured> {
  const file = join(folder.dir, `measured-${width}.html`);
  const framed = page.replace('</body>', `${MEASURE}</body>`).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  await writeFile(
    file,
    `<!doctype html><body style="margin:0"><iframe style="border:0" width="${width}" height="900" srcdoc="${framed}"></iframe></body>`,
  );
  const run = spawnSync(
    CHROMIUM!,
    ['--headless', '--no-sandbox', '--disable-gpu', '--window-size=1400,1000', '--dump-dom', `file://${file}`],
    { encoding: 'utf8', timeout: 60_000 },
  );
  const found = /data-measured="([^"]*)"/.exec(run.stdout);
  if (!found) throw new Error(`Chromium measured nothing (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
  return JSON.parse(
    found[1]!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

describe.skipIf(!CHROMIUM)('the summary picture in a real browser', () => {
  for (const [device, width] of [
    ['a phone', 375],
    ['a desktop', 1280],
  ] as const) {
    it(`draws its labels apart and inside the page on ${device} (${width} px)`, async () => {
      const measured = await measure(width);
      // Month labels, axis figures, three goal targets and the key are all there to be measured.
      expect(measured.count).toBeGreaterThan(8);
      expect(measured.overlaps).toEqual([]);
      expect(measured.outside).toEqual([]);
      expect(measured.page.width).toBe(width);
      expect(measured.page.scrollWidth).toBeLessThanOrEqual(width);
      // Still readable when scaled down to a phone's width.
      expect(measured.smallest).toBeGreaterThanOrEqual(8);
    }, 90_000);
  }
});
