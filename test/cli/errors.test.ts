import { readFile, readdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

/** Every mistake: one line on stderr, nothing on stdout, a non-zero exit code, the journal byte-for-byte as it was. */
describe('bad input', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await tempFolder());
    await cli(['mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w'], { journal });
    await cli(['mentor', 'add', 'Prof Adam Smith'], { journal });
    await cli(['goal', 'add', 'Pass the exam'], { journal });
    await cli(['action', 'add', 'Book the exam', '--due', 'tomorrow'], { journal });
    await cli(['prep', '--mentor', 'lovelace', '--when', 'yesterday 17:30', '--topic', 'Exam plan'], { journal });
  });
  afterAll(() => cleanup());

  const cases: [string, string[], number, RegExp][] = [
    ['an unknown command', ['frobnicate'], 2, /unknown command 'frobnicate'/],
    ['an unknown flag', ['actions', '--bogus'], 2, /unknown option '--bogus'/],
    ['a missing argument', ['goal', 'show'], 2, /missing required argument/],
    ['an unknown action id', ['done', 'a99'], 1, /No action with id "a99"/],
    ['an unknown goal id', ['goal', 'update', 'g42', '--note', 'x'], 1, /No goal with id "g42"/],
    ['an unknown meeting id', ['log', 'm9', '--advice', 'x'], 1, /No meeting with id "m9"/],
    [
      'an unknown mentor',
      ['prep', '--mentor', 'nobody', '--when', 'tomorrow 17:30'],
      1,
      /No mentor matches "nobody".*lovelace \(Dr Ada Lovelace\)/,
    ],
    [
      'an ambiguous mentor',
      ['mentor', 'show', 'ada'],
      1,
      /"ada" matches several mentors: lovelace \(Dr Ada Lovelace\), smith \(Prof Adam Smith\)/,
    ],
    [
      'several mentors and no --mentor',
      ['prep', '--when', 'tomorrow 17:30'],
      2,
      /Which mentor\? Give --mentor: lovelace, smith/,
    ],
    ['an empty title', ['action', 'add', '   '], 2, /title: must not be empty/],
    ['an empty goal title', ['goal', 'add', ''], 2, /title: must not be empty/],
    [
      'an unreadable date',
      ['action', 'add', 'Call', '--due', 'next fridy'],
      2,
      /--due: cannot read "next fridy" as a date/,
    ],
    ['an impossible date', ['goal', 'add', 'X', '--target', '2026-02-30'], 2, /--target: cannot read "2026-02-30"/],
    ['an impossible time', ['prep', '--mentor', 'lovelace', '--when', '2026-12-03 25:00'], 2, /--when: cannot read/],
    [
      'a bad due date inside --action',
      ['log', 'm1', '--action', 'Email lead:next fridy'],
      2,
      /--action: cannot read "next fridy" as a due date/,
    ],
    ['a bad --format', ['export', '--format', 'pdf'], 2, /--format: must be one of md, html, ics, json/],
    ['an unknown --out extension', ['export', '--out', 'agenda.docx'], 2, /cannot tell the format from "\.docx"/],
    [
      'a non-numeric length',
      ['mentor', 'add', 'Dr B', '--length', 'half an hour'],
      2,
      /--length: must be a whole number of minutes/,
    ],
    ['a bad cadence', ['mentor', 'add', 'Dr B', '--cadence', 'sometimes'], 2, /--cadence: cannot read "sometimes"/],
    ['a bad category', ['goal', 'add', 'X', '--category', 'hobby'], 2, /--category: must be one of career, clinical/],
    [
      'a topic number out of range',
      ['log', 'm1', '--covered', '4'],
      2,
      /--covered: there is no topic 4; the agenda has 1/,
    ],
    ['a bad review', ['prep', '--meeting', 'm1', '--review', 'a1=maybe'], 2, /--review: "maybe" is not one of/],
    [
      'two export scopes',
      ['export', '--next', '--since', '2026-01-01'],
      2,
      /only one of --next, --meeting, a period \(--since\/--from, --to\), --all and --pdp/,
    ],
    ['an unknown template', ['prep', '--meeting', 'm1', '--template', 'nope'], 2, /No prep template called "nope"/],
    ['completing an action twice', ['done', 'a2'], 1, /No action with id "a2"/],
    ['an update with nothing to change', ['goal', 'update', 'g1'], 2, /Nothing to update/],
    ['an invalid MENTEE_NOW', ['status'], 2, /MENTEE_NOW must be an ISO date-time/],
  ];

  it.each(cases)('%s is refused with one clear line and the journal untouched', async (_name, args, code, message) => {
    const before = await readFile(journal);
    const backupsBefore = await readdir(`${journal}.backups`);
    const env = _name === 'an invalid MENTEE_NOW' ? { now: 'someday' } : {};
    const result = await runCli(args, { journal, ...env });
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(journal)).toEqual(before);
    expect(await readdir(`${journal}.backups`)).toEqual(backupsBefore);
  });
});

describe('a damaged journal', () => {
  const damage: [string, string, RegExp][] = [
    [
      'not JSON',
      '{"version": 1, "mentors": [',
      /is not valid JSON: it ends too early at line 1, so it is probably truncated/,
    ],
    ['broken JSON', '{"version": 1,\n "mentors": ]}', /is not valid JSON: Unexpected token .* at line 2, column 13/],
    ['empty', '', /is empty/],
    ['the wrong shape', '{"version": 1, "mentors": "Ada"}', /is not a valid mentee journal: /],
    ['from a newer mentee', '{"version": 99}', /written by a newer mentee \(journal version 99/],
  ];

  it.each(damage)('a journal that is %s is reported and never overwritten', async (_name, content, message) => {
    const { journal, cleanup } = await tempFolder();
    try {
      await writeFile(journal, content, { mode: 0o600 });
      for (const args of [['status'], ['action', 'add', 'Something'], ['actions', '--json']]) {
        const result = await runCli(args, { journal });
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(journal);
        expect(result.stderr).toMatch(message);
        expect(result.stdout).toBe('');
        expect(await readFile(journal, 'utf8')).toBe(content);
      }
    } finally {
      await cleanup();
    }
  });

  it('names the first problem and where it is, and points at the latest backup', async () => {
    const { journal, cleanup } = await tempFolder();
    try {
      await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal });
      await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Exams'], { journal });
      const text = await readFile(journal, 'utf8');
      await writeFile(journal, text.replace('"2026-12-03T17:30:00.000Z"', '"next week-ish"'));
      const result = await runCli(['status'], { journal });
      expect(result.stderr).toContain('meetings[0].when: invalid date-time');
      expect(result.stderr).toMatch(
        /It has not been changed\. To go back to the last good version: cp ".*\.backups\/.*\.json"/,
      );
    } finally {
      await cleanup();
    }
  });
});
