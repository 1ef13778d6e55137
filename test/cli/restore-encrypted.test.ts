/** A crash that empties an encrypted journal, then the restore its error suggests: never plain on disk. */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { tempFolders } from '../helpers/temp.js';

const folder = tempFolders();
const env = { MENTEE_PASSPHRASE: 'correct horse battery staple' };

describe('doctor --restore onto an emptied encrypted journal', () => {
  it('puts the encrypted backup back encrypted, with no private word in plain on the disk', async () => {
    const { journal } = await folder();
    await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal, env });
    await cli(['log', '--when', '2026-11-20 17:30', '--advice', 'Talk to GPs', '--private', 'SECRET worry'], {
      journal,
      env,
    });
    await cli(['encrypt'], { journal, env });
    await cli(['action', 'add', 'Book the exam'], { journal, env });
    await writeFile(journal, '');
    await cli(['doctor', '--restore', '1'], { journal, env });
    const restored = await readFile(journal);
    expect(restored.subarray(0, 16).toString()).toBe('mentee-encrypted');
    expect(restored.toString('latin1')).not.toContain('SECRET');
    expect(await cli(['actions'], { journal, env })).toContain('Book the exam');
  });
});
