import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

let journal: string;
let dir: string;
let cleanup: () => Promise<void>;

const refusal = (place: string, what: string, record: string) =>
  `mentee: ${place} looks like it contains ${what}, and this export would share it. Mentoring notes are not a place for patient data: take it out (mentee edit ${record}), or add --allow-identifiers if it is not one.\n`;

beforeAll(async () => {
  ({ journal, dir, cleanup } = await tempFolder());
  const setUp = (args: string[], now: string) => cli(args, { journal, now });
  await setUp(['init', '--name', 'Sam Patel'], '2026-09-01T09:00:00Z');
  await setUp(['mentor', 'add', 'Dr Ada Lovelace'], '2026-09-01T09:00:00Z');
  await setUp(['goal', 'add', 'Finish the audit', '--category', 'research'], '2026-09-01T09:00:00Z');
  await setUp(
    ['prep', '--mentor', 'lovelace', '--when', '2026-11-10 17:30', '--topic', 'Audit'],
    '2026-11-01T09:00:00Z',
  );
  // Kept on purpose when written (--allow-identifiers): the export still asks again before sharing it.
  await setUp(
    [
      'log',
      'm1',
      '--covered',
      '1',
      '--advice',
      'Re-audit case 943 476 5919 next month',
      '--private',
      'Ward RX1234567 was hard',
      '--allow-identifiers',
    ],
    '2026-11-10T19:00:00Z',
  );
  await setUp(
    ['goal', 'update', 'g1', '--note', 'Bay RX7654321 data collected', '--allow-identifiers'],
    '2026-11-11T09:00:00Z',
  );
});
afterAll(() => cleanup());
afterEach(() => void vi.unstubAllEnvs());

describe("the identifier guard on an export's output", () => {
  it('refuses an export that would share an NHS number, saying what and where, and writes nothing', async () => {
    const before = await readFile(journal);
    const out = join(dir, 'm1.txt');
    for (const args of [
      ['--meeting', 'm1'],
      ['--meeting', 'm1', '--format', 'portfolio', '--out', out],
      ['--all', '--format', 'html'],
      ['--all', '--format', 'json'],
    ]) {
      expect(await runCli(['export', ...args], { journal })).toEqual({
        code: 1,
        stdout: '',
        stderr: refusal('The advice of m1', 'an NHS number (943 476 5919)', 'm1'),
      });
    }
    await expect(access(out)).rejects.toThrow();
    expect(await readFile(journal)).toEqual(before);
  });

  it('lets it through with --allow-identifiers', async () => {
    const text = await cli(['export', '--meeting', 'm1', '--format', 'portfolio', '--allow-identifiers'], { journal });
    expect(text).toContain('Advice: Re-audit case 943 476 5919 next month');
  });

  it("reads the user's own patterns, in the plan's CSV and in private text only when it is exported", async () => {
    const config = join(dir, 'config');
    await mkdir(join(config, 'mentee'), { recursive: true });
    await writeFile(
      join(config, 'mentee', 'identifiers.json'),
      JSON.stringify({ patterns: [{ name: 'a hospital number', pattern: '\\bRX\\d{7}\\b' }] }),
    );
    vi.stubEnv('XDG_CONFIG_HOME', config);
    expect(await runCli(['export', '--pdp', '--format', 'csv'], { journal })).toMatchObject({
      code: 1,
      stderr: refusal('The progress note of g1', 'a hospital number (RX7654321)', 'g1'),
    });
    // The private reflection is not in the entry unless asked for, and so not refused for.
    const shared = await runCli(['export', '--meeting', 'm1', '--format', 'portfolio', '--allow-identifiers'], {
      journal,
    });
    expect(shared.stdout).not.toContain('RX1234567');
    await writeFile(journal, (await readFile(journal, 'utf8')).replace('943 476 5919', 'the first case'));
    expect((await runCli(['export', '--meeting', 'm1', '--format', 'portfolio'], { journal })).code).toBe(0);
    expect(
      await runCli(['export', '--meeting', 'm1', '--format', 'portfolio', '--include-private'], { journal }),
    ).toMatchObject({
      code: 1,
      stderr: refusal('The private reflection of m1', 'a hospital number (RX1234567)', 'm1'),
    });
  });
});

describe("a record's uid in an export", () => {
  it('is never taken for an NHS number, whatever digits it happens to hold', async () => {
    const own = await tempFolder();
    try {
      const at = { journal: own.journal, now: '2026-11-01T09:00:00Z' };
      await cli(['mentor', 'add', 'Dr Ada Lovelace'], at);
      await cli(['action', 'add', 'Book the exam', '--due', '2026-12-01'], at);
      const text = await readFile(own.journal, 'utf8');
      const uid = JSON.parse(text).actions[0].uid as string;
      // 943 476 5919 is a valid NHS number: here it is only the hex of a uid.
      await writeFile(own.journal, text.replace(uid, 'ab943476-5919-4abc-8def-0123456789ab'));
      for (const format of ['json', 'ics', 'html'])
        expect((await runCli(['export', '--all', '--format', format], { journal: own.journal })).code).toBe(0);
    } finally {
      await own.cleanup();
    }
  });
});
