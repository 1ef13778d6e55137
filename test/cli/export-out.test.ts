/** export --out writes a new owner-only file, and never over the journal, its backups or a folder. */
import { mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refused } from '../helpers/refusals.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

describe('export --out never writes over the journal', () => {
  let dir: string;
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, journal, cleanup } = await withLovelace());
    await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Specialty choice'], { journal });
    await symlink(journal, join(dir, 'link-to-journal.json'));
  });
  afterAll(() => cleanup());

  const target = (name: string) => {
    if (name === 'journal') return journal;
    if (name === 'journal by another spelling') return `${dir}/./sub/../journal.json`;
    if (name === 'symlink to the journal') return join(dir, 'link-to-journal.json');
    return join(`${journal}.backups`, 'agenda.md');
  };

  it.each([
    ['journal', []],
    ['journal', ['--force']],
    ['journal by another spelling', ['--force']],
    ['symlink to the journal', ['--force']],
    ['backups folder', []],
    ['backups folder', ['--force']],
  ])('refuses --out %s %j', async (name, extra) => {
    const backupsBefore = (await readdir(`${journal}.backups`)).sort();
    const out = target(name);
    await refused(
      ['export', '--format', 'md', '--out', out, ...extra],
      journal,
      1,
      'is your journal or one of its backups; write the export somewhere else.',
    );
    expect((await readdir(`${journal}.backups`)).sort()).toEqual(backupsBefore);
  });
});

describe('export --out where no file can go is one sentence, exit 1', () => {
  let dir: string;
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, journal, cleanup } = await withLovelace());
    await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Specialty choice'], { journal });
  });
  afterAll(() => cleanup());

  it('into a folder that does not exist', async () => {
    await refused(
      ['export', '--out', '/no/such/dir/x.md', '--force'],
      journal,
      1,
      'mentee: Cannot write /no/such/dir/x.md: its folder does not exist.',
    );
  });

  it('onto an existing folder, leaving no temporary file behind', async () => {
    const folder = join(dir, 'exports');
    await mkdir(folder);
    const before = (await readdir(dir)).sort();
    await refused(
      ['export', '--format', 'md', '--out', folder, '--force'],
      journal,
      1,
      `mentee: Cannot write ${folder}: it is a folder.`,
    );
    expect((await readdir(dir)).sort()).toEqual(before);
    expect(await readdir(folder)).toEqual([]);
  });
});
