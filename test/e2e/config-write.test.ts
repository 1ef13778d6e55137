/**
 * `mentee config set` as real processes: several at once all count, one killed at any moment leaves
 * the file whole (old or new) and the next one works, and on a real full disk (a tmpfs) it says so in
 * one line and keeps the file as it was. "Set …" is said only once the file is on disk.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runEnv, runMentee } from '../helpers/cli.js';
import { smallDisk, type SmallDisk } from '../helpers/machine.js';
import { tempFolders } from '../helpers/temp.js';

const folders = tempFolders();

async function configIn(): Promise<{ folder: string; env: { MENTEE_CONFIG: string } }> {
  const { dir } = await folders();
  const folder = join(dir, 'settings');
  return { folder, env: { MENTEE_CONFIG: join(folder, 'config.json') } };
}

const leftovers = async (folder: string) => (await readdir(folder)).filter((name) => name !== 'config.json');

describe('config set as real processes', () => {
  it('four config set at once: every setting is kept', async () => {
    const { folder, env } = await configIn();
    const sets: [string, string][] = [
      ['dateOrder', 'dmy'],
      ['weekStart', 'monday'],
      ['meetingLength', '45'],
      ['editor', 'vim'],
    ];
    for (let round = 0; round < 3; round++) {
      await rm(folder, { recursive: true, force: true });
      const results = await Promise.all(sets.map(([key, value]) => runMentee(['config', 'set', key, value], { env })));
      expect(results.map((result) => result.code)).toEqual([0, 0, 0, 0]);
      expect(JSON.parse(await readFile(env.MENTEE_CONFIG, 'utf8'))).toEqual({
        dateOrder: 'dmy',
        weekStart: 'monday',
        meetingLength: 45,
        editor: 'vim',
      });
      expect(await leftovers(folder)).toEqual([]);
    }
  });

  it('killed at any moment: the file is whole, old or new, and the next config set works', async () => {
    const { folder, env } = await configIn();
    await runMentee(['config', 'set', 'meetingLength', '30'], { env });
    for (let delay = 40; delay <= 160; delay += 10) {
      const child = spawn(process.execPath, [BIN, 'config', 'set', 'meetingLength', String(delay)], {
        env: runEnv({ env }),
        stdio: 'ignore',
      });
      const closed = new Promise((resolve) => child.on('close', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await closed;
      const { meetingLength } = JSON.parse(await readFile(env.MENTEE_CONFIG, 'utf8'));
      expect([30, ...Array.from({ length: delay / 10 }, (_, at) => (at + 1) * 10)]).toContain(meetingLength);
    }
    const after = await runMentee(['config', 'set', 'meetingLength', '50'], { env });
    expect(after.code).toBe(0);
    expect(JSON.parse(await readFile(env.MENTEE_CONFIG, 'utf8'))).toEqual({ meetingLength: 50 });
    expect(await leftovers(folder)).toEqual([]);
  });
});

const made = smallDisk(256);
const skipped = 'skipped' in made ? made.skipped : undefined;
const disk = made as SmallDisk;
const because = skipped ? ` (skipped: ${skipped})` : '';
afterAll(() => void (skipped || disk.unmount()));

describe('config set on a full disk', () => {
  it.skipIf(skipped)(`says the disk is full in one line and keeps the file as it was${because}`, async () => {
    const folder = join(disk.dir, 'settings');
    await mkdir(folder, { mode: 0o700 });
    const env = { MENTEE_CONFIG: join(folder, 'config.json') };
    expect((await runMentee(['config', 'set', 'dateOrder', 'dmy'], { env })).code).toBe(0);
    const before = await readFile(env.MENTEE_CONFIG, 'utf8');
    disk.fill(0);
    const result = await runMentee(['config', 'set', 'prepTemplate', 'career-decision'], { env });
    disk.free();
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `mentee: Cannot write ${env.MENTEE_CONFIG}: the disk is full.\n`,
    });
    expect(await readFile(env.MENTEE_CONFIG, 'utf8')).toBe(before);
    expect(await leftovers(folder)).toEqual([]);
  });
});
