/**
 * What the patient-identifier guard catches, whatever way the text came in, and what the user's own
 * patterns cannot do (hang mentee). The config folder comes from the process environment, so the
 * commands run as the built binary.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadIdentifierPatterns } from '../../src/config/identifier-patterns.js';
import { findIdentifiers } from '../../src/core/identifiers.js';
import { ok, readJournal, runMentee } from '../helpers/cli.js';
import { expectOneLineError } from '../helpers/refusals.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

let dir: string;
let journal: string;
let cleanup: () => Promise<void>;
let config: string;
let env: Record<string, string>;

beforeEach(async () => {
  ({ dir, journal, cleanup } = await withLovelace());
  config = join(dir, 'config');
  env = { XDG_CONFIG_HOME: config };
});
afterEach(() => cleanup());

async function patterns(...list: [name: string, pattern: string][]): Promise<string> {
  const file = join(config, 'mentee', 'identifiers.json');
  await mkdir(join(config, 'mentee'), { recursive: true });
  await writeFile(file, JSON.stringify({ patterns: list.map(([name, pattern]) => ({ name, pattern })) }));
  return file;
}

describe('an NHS number is caught', () => {
  it('written with dots, in a prep template', async () => {
    const folder = join(config, 'mentee', 'templates', 'prep');
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, 'ward.json'),
      JSON.stringify({
        name: 'ward',
        description: 'Ward round',
        defaultMinutes: 30,
        topics: [{ title: 'Discharge of 943.476.5919' }],
        prompts: ['What went well?'],
      }),
    );
    const before = await readFile(journal);
    const refused = await runMentee(['prep', '--when', '2026-12-03 17:30', '--template', 'ward'], { journal, env });
    expect(refused.code).toBe(2);
    expectOneLineError(
      refused.stderr,
      'mentee: The topic title of m1 looks like it contains an NHS number (943.476.5919). Mentoring notes are not a place for patient data: take it out, or add --allow-identifiers if it is not one.',
    );
    expect(await readFile(journal)).toEqual(before);
    await ok(['--allow-identifiers', 'prep', '--when', '2026-12-03 17:30', '--template', 'ward'], { journal, env });
    expect((await readJournal(journal)).meetings[0].prep.topics[0].title).toBe('Discharge of 943.476.5919');
  });

  it('written with slashes, in mentee edit', async () => {
    await cli(['action', 'add', 'Email the lead'], { journal });
    const before = await readFile(journal);
    const EDITOR = `sed -i s#^title:.*#title:\\ Ring\\ about\\ 943/476/5919#`;
    const refused = await runMentee(['edit', 'a1'], { journal, env: { ...env, EDITOR, VISUAL: '' } });
    expect(refused.code).toBe(2);
    expectOneLineError(refused.stderr, 'The title of a1 looks like it contains an NHS number (943/476/5919).');
    expect(await readFile(journal)).toEqual(before);
  });

  it('written with mixed spaces and dashes, in a flag', async () => {
    const refused = await runMentee(['goal', 'add', 'Audit', '--why', 'Patient 943 - 476-5919'], { journal, env });
    expect(refused.code).toBe(2);
    expectOneLineError(refused.stderr, '--why looks like it contains an NHS number (943 - 476-5919).');
  });
});

describe('patterns of your own in identifiers.json', () => {
  it('a catastrophic pattern in identifiers.json does not slow a command', async () => {
    const file = await patterns(['a catastrophe', '(a+)+$'], ['a worse one', '(.*a){20}x']);
    // The old engine (a backtracking JS RegExp) takes minutes over these 30 characters.
    const text = `${'a'.repeat(29)}!`;
    const started = performance.now();
    const loaded = await loadIdentifierPatterns(file);
    expect(findIdentifiers(text, loaded.patterns)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
    const run = performance.now();
    await ok(['goal', 'add', text], { journal, env });
    expect(performance.now() - run).toBeLessThan(5000);
  });

  it('a pattern RE2 cannot run is reported in one line and not used; the others still catch', async () => {
    const file = await patterns(
      ['a hospital number', '\\bRX\\d{7}\\b'],
      ['a repeated code', '(ab)\\1'],
      ['a ward', 'W(?=\\d)'],
    );
    const warned = await runMentee(['goal', 'add', 'Audit W4 abab'], { journal, env });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe(
      `warning: ${file}: the pattern for a repeated code uses a backreference or lookaround, which mentee does not run because it can take for ever (invalid escape sequence: \`\\1\`); it is not used; ` +
        `${file}: the pattern for a ward uses a backreference or lookaround, which mentee does not run because it can take for ever (invalid or unsupported Perl syntax: \`(?=\`); it is not used\n`,
    );
    const refused = await runMentee(['goal', 'add', 'Follow up RX1234567'], { journal, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('The title looks like it contains a hospital number (RX1234567)');
  });

  it('a pattern that is not a regular expression at all says so', async () => {
    const file = await patterns(['broken', '(unclosed']);
    const warned = await runMentee(['goal', 'add', 'Audit'], { journal, env });
    expect(warned.stderr).toBe(
      `warning: ${file}: the pattern for broken is not a valid regular expression (missing closing ): \`(unclosed\`); it is not used\n`,
    );
  });

  it('does not load the regex engine for those who have none', async () => {
    const started = await runMentee(['goal', 'add', 'Audit'], { journal, env: { ...env, NODE_DEBUG: 'module' } });
    expect(started.code).toBe(0);
    expect(started.stderr).not.toContain('identifier-regex');
  });
});
