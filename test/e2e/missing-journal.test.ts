import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, readJournal, runMentee } from '../helpers/cli.js';
import { tempFolder as tempJournal } from '../helpers/temp.js';

let journal: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ journal, cleanup } = await tempJournal()));
afterEach(() => cleanup());

describe('a journal that was moved or deleted while its backups remain', () => {
  it('is not silently replaced by a new one; doctor --restore 1 brings it back', async () => {
    await ok(['mentor', 'add', 'Dr Ada Lovelace'], { journal });
    await ok(['action', 'add', 'Email the training lead'], { journal });
    await rm(journal);

    for (const args of [['status'], ['action', 'add', 'Something new']]) {
      const result = await runMentee(args, { journal });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(`${journal} is missing, but backups of it are in`);
      expect(result.stderr).toContain('mentee doctor --restore 1');
    }
    expect(existsSync(journal)).toBe(false);

    await ok(['doctor', '--restore', '1'], { journal });
    expect((await readJournal(journal)).actions.map((action: { title: string }) => action.title)).toEqual([
      'Email the training lead',
    ]);
  });
});
