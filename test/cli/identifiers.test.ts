import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

let journal: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ journal, cleanup } = await tempFolder());
  await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal });
});
afterEach(() => cleanup());

describe('text that looks like a patient identifier', () => {
  it('is refused from flags with one line saying where and why, and the journal is untouched', async () => {
    const before = await readFile(journal);
    const result = await runCli(['action', 'add', 'Chase bloods for 943 476 5919'], { journal });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'mentee: The title looks like it contains an NHS number (943 476 5919). Mentoring notes are not a place for patient data: take it out, or add --allow-identifiers if it is not one.',
    );
    const log = await runCli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Case of 9434765919'], { journal });
    expect(log.code).toBe(2);
    expect(log.stderr).toContain('--topic looks like it contains an NHS number (9434765919)');
    expect(await readFile(journal)).toEqual(before);
  });

  it('is kept with --allow-identifiers', async () => {
    await cli(['action', 'add', 'Renew course order 943 476 5919', '--allow-identifiers'], { journal });
    expect((await readJournal(journal)).actions[0].title).toBe('Renew course order 943 476 5919');
  });

  it('ordinary numbers pass: dates, minutes, phone numbers', async () => {
    await cli(['action', 'add', 'Call 020 7946 0958 before 2026-12-03', '--due', '2026-12-03'], { journal });
    expect((await readJournal(journal)).actions[0]).toMatchObject({
      title: 'Call 020 7946 0958 before 2026-12-03',
      due: '2026-12-03',
    });
  });
});
