/** The sync repository is one of the journal's own files: never a place an export is written. */
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { isJournalFile, journalPaths } from '../../src/store/paths.js';
import { refused } from '../helpers/refusals.js';
import { withLovelace } from '../helpers/run-cli.js';

describe('the sync folder beside the journal', () => {
  it('is named after the journal', () => {
    expect(journalPaths('/home/sam/journal.json').sync).toBe('/home/sam/journal.json.sync');
  });

  it("counts, with everything in it, as the journal's own files", () => {
    const paths = journalPaths('/home/sam/journal.json');
    expect(isJournalFile(paths, '/home/sam/journal.json.sync')).toBe(true);
    expect(isJournalFile(paths, '/home/sam/journal.json.sync/objects/pack/x.pack')).toBe(true);
    expect(isJournalFile(paths, '/home/sam/journal.json.sync-notes.md')).toBe(false);
  });

  it('is never written to by export --out', async () => {
    const { journal, cleanup } = await withLovelace();
    onTestFinished(cleanup);
    const sync = `${journal}.sync`;
    await mkdir(sync, { mode: 0o700 });
    await refused(
      ['export', '--format', 'md', '--out', join(sync, 'agenda.md'), '--force'],
      journal,
      1,
      'is your journal or one of its backups; write the export somewhere else.',
    );
    expect(await readdir(sync)).toEqual([]);
  });
});
