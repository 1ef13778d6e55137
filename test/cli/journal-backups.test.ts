/** After every change the newest backup is the journal; the way back printed for a damaged one works. */
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError } from '../helpers/refusals.js';
import { cli, runCli, withLovelace } from '../helpers/run-cli.js';

describe('backups', () => {
  let dir: string;
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, journal, cleanup } = await withLovelace());
    await cli(['goal', 'add', 'Pass the exam'], { journal });
    await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Exams'], { journal });
    await cli(['action', 'add', 'Book the exam', '--due', 'tomorrow'], { journal });
  });
  afterAll(() => cleanup());

  const newestBackup = async () => {
    const names = (await readdir(`${journal}.backups`)).filter((name) => name.endsWith('.json')).sort();
    return join(`${journal}.backups`, names.at(-1)!);
  };

  it('after several changes, the newest backup is the journal byte for byte', async () => {
    expect(await readFile(await newestBackup())).toEqual(await readFile(journal));
  });

  it('after a hand edit and another change, the newest backup is still the journal byte for byte', async () => {
    const edited = (await readFile(journal, 'utf8')).replace('"Pass the exam"', '"Pass the written exam"');
    await writeFile(journal, edited);
    await cli(['goal', 'update', 'g1', '--note', 'Booked a revision course'], { journal });
    expect(await readFile(await newestBackup())).toEqual(await readFile(journal));
  });

  it('the cp command printed for a damaged journal restores exactly the last saved journal', async () => {
    await cli(['action', 'add', 'Ask about study leave', '--due', 'friday'], { journal });
    const lastSaved = await readFile(journal);
    await writeFile(journal, '{"version": 1, "mentors": [\n');

    const damaged = await runCli(['status'], { journal });
    expect(damaged.code).toBe(1);
    expectOneLineError(damaged.stderr, `${journal} is not valid JSON`);
    const command = /cp "([^"]+)" "([^"]+)"/.exec(damaged.stderr);
    expect(command, damaged.stderr).not.toBeNull();
    const [, source, target] = command!;
    expect(target).toBe(journal);
    expect(source!.startsWith(join(dir, 'journal.json.backups'))).toBe(true);

    await copyFile(source!, target!);
    expect(await readFile(journal)).toEqual(lastSaved);
    const status = await runCli(['status'], { journal });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('Ask about study leave');
  });
});
