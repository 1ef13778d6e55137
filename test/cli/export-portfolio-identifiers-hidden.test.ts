/**
 * The identifier check reads a document as the person it is sent to reads it: an NHS number kept in
 * the journal on purpose is still found when the format writes it in pieces (JSON's `\t` and `\n`
 * escapes, a line break kept in HTML, a Markdown backslash between its digits).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asRead } from '../../src/commands/export-identifiers.js';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

const refusal = (place: string, shown: string, record: string) =>
  `mentee: ${place} looks like it contains an NHS number (${shown}), and this export would share it. Mentoring notes are not a place for patient data: take it out (mentee edit ${record}), or add --allow-identifiers if it is not one.\n`;

let cleanup: () => Promise<void>;
let dir: string;

/** A journal whose one goal holds `note` as a progress note, as an edit in $EDITOR can leave it. */
async function journalWith(name: string, note: string): Promise<string> {
  const journal = `${dir}/${name}.json`;
  const setUp = (args: string[]) => cli(args, { journal, now: '2026-09-01T09:00:00Z' });
  await setUp(['init', '--name', 'Sam Patel']);
  await setUp(['goal', 'add', 'Finish the audit']);
  await setUp(['goal', 'update', 'g1', '--note', 'Collected the data']);
  const data = JSON.parse(await readFile(journal, 'utf8'));
  data.goals[0].progress[0].note = note;
  await writeFile(journal, JSON.stringify(data, null, 2));
  return journal;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempFolder());
});
afterAll(() => cleanup());

describe('the identifier check finds a number the format writes in pieces', () => {
  it('a number with tabs between its digits is refused in a JSON export and a JSON review', async () => {
    const journal = await journalWith('tabs', 'Case 943\t476\t5919 audited');
    for (const args of [
      ['export', '--all', '--format', 'json'],
      ['review', '--from', '2026-01-01', '--json'],
    ])
      expect(await runCli(args, { journal })).toEqual({
        code: 1,
        stdout: '',
        stderr: refusal('The progress note of g1', '943\t476\t5919', 'g1'),
      });
  });

  it('a number split across two lines is refused in every format, and says which record holds it', async () => {
    const journal = await journalWith('lines', 'Case 943 476\n5919 audited');
    for (const args of [
      ['export', '--all', '--format', 'json'],
      ['export', '--pdp', '--format', 'html'],
      ['export', '--pdp', '--format', 'md'],
      ['export', '--pdp', '--format', 'csv'],
      ['review', '--from', '2026-01-01', '--format', 'html'],
      ['review', '--from', '2026-01-01', '--json'],
    ])
      expect(await runCli(args, { journal }), args.join(' ')).toEqual({
        code: 1,
        stdout: '',
        stderr: refusal('The progress note of g1', '943 476 5919', 'g1'),
      });
  });

  it("a number at the start of a line that Markdown escapes (943. 476 5919) is refused in the plan's Markdown", async () => {
    const journal = await journalWith('markdown', 'Case');
    const data = JSON.parse(await readFile(journal, 'utf8'));
    data.goals[0].title = '943. 476 5919 audit';
    await writeFile(journal, JSON.stringify(data, null, 2));
    expect(await runCli(['export', '--pdp', '--format', 'md'], { journal })).toMatchObject({
      code: 1,
      stderr: refusal('The title of g1', '943. 476 5919', 'g1'),
    });
  });

  it('a number that a calendar file folds onto two lines is refused, wherever the fold falls', async () => {
    const journal = await journalWith('calendar', 'Case');
    const prep = (pad: number) =>
      cli(
        [
          'prep',
          '--mentor',
          'lovelace',
          '--when',
          `2026-12-${10 + pad} 17:30`,
          '--topic',
          `${'x'.repeat(pad)} case 943 476 5919`,
          '--allow-identifiers',
        ],
        {
          journal,
          now: '2026-09-01T09:00:00Z',
        },
      );
    await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal, now: '2026-09-01T09:00:00Z' });
    // Each meeting's topic starts one letter further on, so one fold or another splits the digits.
    for (let pad = 0; pad < 14; pad++) await prep(pad);
    let split = 0;
    for (let pad = 0; pad < 14; pad++) {
      const meeting = ['export', '--meeting', `m${pad + 1}`, '--format', 'ics'];
      const calendar = await cli([...meeting, '--allow-identifiers'], { journal });
      if (!calendar.includes('943 476 5919')) split++;
      expect(await runCli(meeting, { journal }), `m${pad + 1}`).toMatchObject({ code: 1, stdout: '' });
    }
    expect(split).toBeGreaterThan(0);
  });

  it('reads character references, <br> and escapes as what they show', () => {
    expect(asRead('943&#32;476&nbsp;5919')).toBe('943 476 5919');
    expect(asRead('943&#x2F;476&sol;5919')).toBe('943/476/5919');
    expect(asRead('943 476<br />\n  5919')).toBe('943 476 5919');
    expect(asRead('"943\\t476\\n5919 \\"x\\" \\u0039"')).toBe('"943\t476 5919 "x" 9"');
    expect(asRead('943\\.476\\-5919')).toBe('943.476-5919');
  });
});
