/**
 * Commands on a disk that is full, on a real small disk (a tmpfs; needs root, as in CI): what they say
 * is true, and what they write is whole or not there at all.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { smallDisk, type SmallDisk } from '../helpers/machine.js';
import { cli, runCli, withLovelace } from '../helpers/run-cli.js';

const made = smallDisk(512);
const skipped = 'skipped' in made ? made.skipped : undefined;
/** Used only by the tests that run (not skipped). */
const disk = made as SmallDisk;
const because = skipped ? ` (skipped: ${skipped})` : '';
afterAll(() => void (skipped || disk.unmount()));

const PAGE = 4096;
const LONG_TITLE = `Read the paper ${'and take notes '.repeat(400)}twice`;

/** A journal with a mentor and an action, alone in a fresh folder on the small disk. */
async function journalOnDisk(name: string): Promise<{ folder: string; journal: string }> {
  disk.free();
  const folder = join(disk.dir, name);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder);
  const journal = join(folder, 'journal.json');
  await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal });
  await cli(['action', 'add', 'Email the training lead'], { journal });
  return { folder, journal };
}

const temporaryFiles = async (folder: string) =>
  (await readdir(folder, { recursive: true })).filter((name) => /\.(tmp|part)$/.test(name));

describe('a change on a disk that fills up', () => {
  it.skipIf(skipped)(`a change whose backup cannot be kept exits 0 and says it was saved${because}`, async () => {
    const said: string[] = [];
    for (let pages = 0; pages <= 8 && !said.some((text) => text.startsWith('Saved.')); pages++) {
      const { folder, journal } = await journalOnDisk(`change-${pages}`);
      const before = await readFile(journal);
      disk.fill(pages * PAGE);
      const { code, stderr } = await runCli(['action', 'add', LONG_TITLE], { journal });
      disk.free();
      const saved = (await readFile(journal)).includes(LONG_TITLE);
      expect(await temporaryFiles(folder)).toEqual([]);
      if (code === 0) expect(saved).toBe(true);
      else
        expect({ stderr, unchanged: (await readFile(journal)).equals(before) }).toEqual({
          stderr: `mentee: Cannot write the journal at ${journal}: the disk is full.\n`,
          unchanged: true,
        });
      said.push(stderr);
    }
    expect(said).toContain('Saved. But its backup could not be kept: the disk is full; free some space.\n');
  });
});

describe('export --out on a full disk', () => {
  it.skipIf(skipped)(`export to a full disk leaves no file behind and a retry works${because}`, async () => {
    const { folder, journal } = await journalOnDisk('export-new');
    const out = join(folder, 'summary.md');
    disk.fill(0);
    const failed = await runCli(['export', '--all', '--out', out], { journal });
    disk.free();
    expect(failed).toMatchObject({ code: 1, stderr: `mentee: Cannot write ${out}: the disk is full.\n` });
    expect((await readdir(folder)).filter((name) => name.includes('summary'))).toEqual([]);
    const retried = await runCli(['export', '--all', '--out', out], { journal });
    expect(retried.code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('Email the training lead');
  });

  it.skipIf(skipped)(`export --force to a full disk leaves the file it would replace as it was${because}`, async () => {
    const { folder, journal } = await journalOnDisk('export-force');
    const out = join(folder, 'summary.md');
    await writeFile(out, 'the summary sent last week\n');
    disk.fill(0);
    const failed = await runCli(['export', '--all', '--out', out, '--force'], { journal });
    disk.free();
    expect(failed).toMatchObject({ code: 1, stderr: `mentee: Cannot write ${out}: the disk is full.\n` });
    expect(await readFile(out, 'utf8')).toBe('the summary sent last week\n');
    expect(await temporaryFiles(folder)).toEqual([]);
  });
});

describe('export --out after an export that was killed', () => {
  it('the temporary file a killed export left is removed by the next one', async () => {
    const { dir, journal, cleanup } = await withLovelace();
    try {
      const gone = spawnSync(process.execPath, ['-e', '']).pid!; // a process that has finished
      const left = join(dir, `.summary.md.${gone}.0badf00d.tmp`);
      await writeFile(left, 'half an exp');
      await cli(['export', '--all', '--out', join(dir, 'summary.md')], { journal });
      expect((await readdir(dir)).filter((name) => name.includes('summary'))).toEqual(['summary.md']);
    } finally {
      await cleanup();
    }
  });
});
