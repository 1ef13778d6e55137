/**
 * Encryption at rest: the built binary with MENTEE_PASSPHRASE (as a script runs it), then the
 * encrypt and decrypt commands on a terminal, driven through the Prompter seam with scripted answers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_VERSION } from '../../src/core/model.js';
import { passphraseFor } from '../../src/commands/context.js';
import { decryptCommand, encryptCommand } from '../../src/commands/encryption.js';
import { autoCodec } from '../../src/store/journal-codec.js';
import { openJournalStore } from '../../src/store/journal-store.js';
import { ok, readJournal, runMentee } from '../helpers/cli.js';
import { NOW_ISO as NOW } from '../helpers/clock.js';
import { tempFolder as tempJournal } from '../helpers/temp.js';
import { CTRL_C, commandContext, scripted, type ScriptLine } from '../helpers/scripted-prompter.js';

const PASSPHRASE = 'correct horse battery staple';
const MAGIC = 'mentee-encrypted v1\n';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` of this file still needs the bundle the binary loads.
  if (!existsSync(join(ROOT, 'dist', 'mentee.cjs')))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
});

/** The journal and every backup, byte for byte, by name. */
async function snapshot(journal: string): Promise<Map<string, Buffer>> {
  const folder = `${journal}.backups`;
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json'));
  const files = [journal, ...names.map((name) => join(folder, name))];
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(file)] as const)));
}

/** A journal with a mentor, an action and a meeting held yesterday, made by the binary (plain). */
async function seed(journal: string): Promise<void> {
  await ok(['mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w'], { journal });
  await ok(['action', 'add', 'Book the exam', '--due', 'tomorrow'], { journal });
  await ok(['prep', '--mentor', 'lovelace', '--when', 'yesterday 17:30', '--topic', 'Exam plan'], { journal });
}

describe('an encrypted journal, through the binary with MENTEE_PASSPHRASE', () => {
  let journal: string;
  let cleanup: () => Promise<void>;
  const env = { MENTEE_PASSPHRASE: PASSPHRASE };
  const withPassphrase = (args: string[]) => ok(args, { journal, env });

  beforeAll(async () => {
    ({ journal, cleanup } = await tempJournal());
    await seed(journal);
  });
  afterAll(() => cleanup());

  it('encrypt rewrites the journal and every backup: the magic first, no journal text, owner-only', async () => {
    const before = await snapshot(journal);
    const result = await runMentee(['encrypt'], { journal, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^Encrypted .*journal\\.json and ${before.size - 1} backups; no plaintext copy is left in /\\S+\\. Every mentee command works as before`,
      ),
    );
    expect(result.stderr).toContain('If you lose this passphrase, your journal cannot be recovered');
    expect(result.stderr).toMatch(/MENTEE_PASSPHRASE.*read your environment.*shell history/);
    const after = await snapshot(journal);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, bytes] of after) {
      expect(bytes.subarray(0, MAGIC.length).toString()).toBe(MAGIC);
      expect(bytes.includes('Lovelace')).toBe(false);
      expect(bytes.includes('Book the exam')).toBe(false);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
    // Its new bytes are checked against the schema in full on their first read.
    expect(await readFile(join(`${journal}.backups`, '.fingerprints'), 'utf8')).not.toMatch(/^validated /m);
  });

  it('encrypting twice is refused, and changes nothing', async () => {
    const before = await snapshot(journal);
    const result = await runMentee(['encrypt'], { journal, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^mentee: .*journal\.json is already encrypted\. .*mentee decrypt, then mentee encrypt/,
    );
    expect(await snapshot(journal)).toEqual(before);
  });

  it('reading commands work as before', async () => {
    expect(await withPassphrase(['status'])).toContain('m1 on Tue 24 Nov 2026, 17:30 has no notes yet');
    expect(await withPassphrase(['actions'])).toContain('Book the exam');
    expect(JSON.parse(await withPassphrase(['actions', '--json']))).toBeTruthy();
    expect(await withPassphrase(['show', 'm1'])).toContain('Exam plan');
    expect(await withPassphrase(['export', '--all'])).toContain('Book the exam');
  });

  it('writing commands work as before, and what they save (journal and backup) stays encrypted', async () => {
    const before = await snapshot(journal);
    await withPassphrase(['action', 'add', 'Email the deanery']);
    await withPassphrase(['log', 'm1', '--advice', 'Talk to two registrars first']);
    expect(await withPassphrase(['actions'])).toContain('Email the deanery');
    const after = await snapshot(journal);
    expect(after.size).toBe(before.size + 2);
    for (const bytes of after.values()) {
      expect(bytes.subarray(0, MAGIC.length).toString()).toBe(MAGIC);
      expect(bytes.includes('deanery')).toBe(false);
    }
  });

  it('without a passphrase and no terminal: one line naming MENTEE_PASSPHRASE, exit 1, nothing changed', async () => {
    const before = await snapshot(journal);
    for (const args of [['status'], ['actions', '--json'], ['done', 'a1'], ['decrypt']]) {
      const result = await runMentee(args, { journal, env: { MENTEE_PASSPHRASE: undefined } });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /^mentee: .*journal\.json is encrypted: set MENTEE_PASSPHRASE, MENTEE_PASSPHRASE_FILE or passphraseCommand \(mentee config set passphraseCommand "pass show mentee"\), or run on a terminal/,
      );
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await snapshot(journal)).toEqual(before);
  });

  it('a wrong passphrase: one line naming both possibilities and the backups, nothing changed', async () => {
    const before = await snapshot(journal);
    for (const args of [['status'], ['done', 'a1'], ['decrypt']]) {
      const result = await runMentee(args, { journal, env: { MENTEE_PASSPHRASE: 'not my passphrase' } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^mentee: Cannot open .*journal\.json: the passphrase is wrong, or the file is damaged; it has not been changed\. Backups are in .*journal\.json\.backups \(mentee doctor lists them\)\.\n$/,
      );
    }
    expect(await snapshot(journal)).toEqual(before);
  });

  it('decrypt turns the journal and every backup back into plain JSON, and no passphrase is needed after', async () => {
    const before = await snapshot(journal);
    const out = await withPassphrase(['decrypt']);
    expect(out).toMatch(new RegExp(`^Decrypted .*journal\\.json and ${before.size - 1} backups: plain JSON again`));
    const after = await snapshot(journal);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, bytes] of after) {
      expect(JSON.parse(bytes.toString('utf8')).version).toBe(JOURNAL_VERSION);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }
    expect((await readJournal(journal)).actions.map((action: { title: string }) => action.title)).toContain(
      'Email the deanery',
    );
    expect(await ok(['actions'], { journal })).toContain('Email the deanery');
  });

  it('decrypting a plain journal is refused, as is encrypting with no passphrase or a short one', async () => {
    const before = await snapshot(journal);
    const plain = await runMentee(['decrypt'], { journal, env });
    expect([plain.code, plain.stderr]).toEqual([1, expect.stringMatching(/is not encrypted; nothing to do/)]);
    const none = await runMentee(['encrypt'], { journal });
    expect([none.code, none.stderr]).toEqual([2, expect.stringMatching(/set MENTEE_PASSPHRASE or run on a terminal/)]);
    const short = await runMentee(['encrypt'], { journal, env: { MENTEE_PASSPHRASE: 'abc' } });
    expect([short.code, short.stderr]).toEqual([2, expect.stringMatching(/too short: use at least 8 characters/)]);
    expect(await snapshot(journal)).toEqual(before);
  });
});

describe('encrypt and decrypt on a terminal (scripted answers)', () => {
  let journal: string;
  let cleanup: () => Promise<void>;
  const now = new Date(NOW);

  /** A context as main makes it on a terminal, whose questions are the script's. */
  function terminal(lines: ScriptLine[]) {
    const prompt = scripted(lines);
    const seams = { env: {}, settings: {}, interactive: true, prompter: async () => prompt };
    const store = openJournalStore(journal, () => now, { codec: autoCodec(passphraseFor(seams)) });
    return { prompt, ctx: commandContext(store, now, prompt) };
  }

  beforeAll(async () => {
    ({ journal, cleanup } = await tempJournal());
    await seed(journal);
  });
  afterAll(() => cleanup());

  it('Ctrl-C while typing the passphrase again changes nothing', async () => {
    const before = await snapshot(journal);
    const { ctx } = terminal([
      [/New passphrase/, PASSPHRASE],
      [/same passphrase again/, CTRL_C],
    ]);
    await expect(encryptCommand(ctx, {})).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(await snapshot(journal)).toEqual(before);
  });

  it('encrypt warns, then asks twice: a short passphrase and a mistyped repeat are asked again', async () => {
    const { prompt, ctx } = terminal([
      [/New passphrase/, 'short'],
      [/New passphrase/, PASSPHRASE],
      [/same passphrase again/, 'correct horse battery stapel'],
      [/same passphrase again/, PASSPHRASE],
    ]);
    await encryptCommand(ctx, {});
    prompt.done();
    expect(prompt.said.join('\n')).toContain('If you lose this passphrase, your journal cannot be recovered');
    expect(prompt.refused.map((refusal) => refusal.error)).toEqual([
      'Use at least 8 characters.',
      'That is not the same passphrase; type it again (Ctrl-C to start over).',
    ]);
    expect(ctx.out.join('\n')).toMatch(/^Encrypted .* and \d+ backups; no plaintext copy is left in /);
    expect((await readFile(journal)).subarray(0, MAGIC.length).toString()).toBe(MAGIC);
  });

  it('a command that reads then writes asks for the passphrase once', async () => {
    const { prompt, ctx } = terminal([[/^Passphrase for .*journal\.json$/, PASSPHRASE]]);
    expect((await ctx.store.read()).actions).toHaveLength(1);
    await ctx.store.update((data) => void (data.profile.name = 'Sam Patel'));
    prompt.done();
    expect((await readFile(journal)).includes('Sam Patel')).toBe(false);
  });

  it('decrypt asks for the passphrase once and leaves plain JSON', async () => {
    const { prompt, ctx } = terminal([[/^Passphrase for /, PASSPHRASE]]);
    await decryptCommand(ctx, {});
    prompt.done();
    expect((await readJournal(journal)).profile.name).toBe('Sam Patel');
  });
});

describe('encrypting when some backups are not what they should be', () => {
  let journal: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ journal, cleanup } = await tempJournal()));
  afterAll(() => cleanup());

  it('refuses, changing nothing, when a backup is already encrypted with another passphrase', async () => {
    await seed(journal);
    const [backup] = (await readdir(`${journal}.backups`)).filter((name) => name.endsWith('.json'));
    const { deriveKey, encrypt, newKdfParams } = await import('../../src/store/crypto.js');
    const other = encrypt(
      await readFile(join(`${journal}.backups`, backup!)),
      await deriveKey('another one', newKdfParams()),
    );
    await writeFile(join(`${journal}.backups`, backup!), other);
    const before = await snapshot(journal);
    const result = await runMentee(['encrypt'], { journal, env: { MENTEE_PASSPHRASE: PASSPHRASE } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('already encrypted with another passphrase');
    expect(result.stderr).toContain('nothing was changed');
    expect(await snapshot(journal)).toEqual(before);
  });

  it('leaves a backup it cannot read as it is, says so, and encrypts the rest', async () => {
    const folder = `${journal}.backups`;
    for (const name of (await readdir(folder)).filter((name) => name.endsWith('.json'))) {
      const content = await readFile(join(folder, name));
      if (content.subarray(0, 7).toString() === 'mentee-') await rm(join(folder, name));
    }
    await mkdir(join(folder, 'zzz.json'));
    const result = await runMentee(['encrypt'], { journal, env: { MENTEE_PASSPHRASE: PASSPHRASE } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('1 backup could not be read, so it was left as it was');
    expect((await readFile(journal)).subarray(0, MAGIC.length).toString()).toBe(MAGIC);
  });
});
