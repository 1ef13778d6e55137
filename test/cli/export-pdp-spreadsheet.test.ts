/**
 * The plan's CSV opened in a spreadsheet: a cell that starts like a formula (=, +, -, @, a tab or a
 * carriage return; OWASP's list) would run as one, so it starts with a ' and shows as typed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

let journal: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ journal, cleanup } = await tempFolder());
  const setUp = (args: string[], now: string) => cli(args, { journal, now });
  await setUp(['init', '--name', 'Sam Patel'], '2026-09-01T09:00:00Z');
  await setUp(
    ['goal', 'add', '=HYPERLINK("http://evil.example","Click")', '--why', '+1+2', '--success', '@SUM(A1:A9)'],
    '2026-09-01T09:00:00Z',
  );
  await setUp(['action', 'add', '--goal', 'g1', '--', '-2+3 audits'], '2026-09-02T09:00:00Z');
  await setUp(['goal', 'add', 'Pass the exam', '--why', 'Plain text stays as it is'], '2026-09-01T09:00:00Z');
  // Full-width forms and a tab or carriage return first, as an edit in $EDITOR can leave them.
  const data = JSON.parse(await readFile(journal, 'utf8'));
  data.goals[1].success = '\uff1dcmd()';
  data.goals[1].title = '\t=1+1';
  await writeFile(journal, JSON.stringify(data, null, 2));
});
afterAll(() => cleanup());

describe('export --pdp --format csv in a spreadsheet', () => {
  it('a goal titled =HYPERLINK(...), or any cell starting with = + - @, shows as text, not a formula', async () => {
    const text = await cli(['export', '--pdp', '--format', 'csv'], { journal });
    const [, first, second]: string[][] = parseCsv(text, { bom: true });
    expect(first).toEqual([
      `'=HYPERLINK("http://evil.example","Click")`,
      "'+1+2",
      "'-2+3 audits (open)",
      '',
      "'@SUM(A1:A9)",
      '',
      '',
    ]);
    expect(second!.slice(0, 2)).toEqual(["'=1+1", 'Plain text stays as it is']);
    expect(second![4]).toBe("'\uff1dcmd()");
    for (const cell of [...first!, ...second!]) expect(cell).not.toMatch(/^[=+\-@\t\r\uff1d]/);
  });
});
