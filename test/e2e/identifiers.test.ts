import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, readJournal, runMentee, tempJournal } from '../helpers/cli.js';

let journal: string;
let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ journal, dir, cleanup } = await tempJournal());
  await ok(['mentor', 'add', 'Dr Ada Lovelace'], { journal });
});
afterEach(() => cleanup());

describe('text that looks like a patient identifier', () => {
  it('is refused from flags with one line saying where and why, and the journal is untouched', async () => {
    const before = await readFile(journal);
    const result = await runMentee(['action', 'add', 'Chase bloods for 943 476 5919'], { journal });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      'mentee: The title looks like it contains an NHS number (943 476 5919). Mentoring notes are not a place for patient data: take it out, or add --allow-identifiers if it is not one.',
    );
    const log = await runMentee(['prep', '--when', '2026-12-03 17:30', '--topic', 'Case of 9434765919'], { journal });
    expect(log.code).toBe(2);
    expect(log.stderr).toContain('--topic looks like it contains an NHS number (9434765919)');
    expect(await readFile(journal)).toEqual(before);
  });

  it('is kept with --allow-identifiers', async () => {
    await ok(['action', 'add', 'Renew course order 943 476 5919', '--allow-identifiers'], { journal });
    expect((await readJournal(journal)).actions[0].title).toBe('Renew course order 943 476 5919');
  });

  it("includes the user's own patterns from identifiers.json, and a broken file is reported, not fatal", async () => {
    const config = join(dir, 'config');
    await mkdir(join(config, 'mentee'), { recursive: true });
    const file = join(config, 'mentee', 'identifiers.json');
    await writeFile(file, JSON.stringify({ patterns: [{ name: 'a hospital number', pattern: '\\bRX\\d{7}\\b' }] }));
    const env = { XDG_CONFIG_HOME: config };
    const refused = await runMentee(['goal', 'add', 'Follow up RX1234567'], { journal, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('looks like it contains a hospital number (RX1234567)');
    await writeFile(file, '{ not json');
    const warned = await runMentee(['goal', 'add', 'Follow up RX1234567'], { journal, env });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain(`warning: ${file} is not`);
  });

  it('ordinary numbers pass: dates, minutes, phone numbers', async () => {
    await ok(['action', 'add', 'Call 020 7946 0958 before 2026-12-03', '--due', '2026-12-03'], { journal });
  });
});
