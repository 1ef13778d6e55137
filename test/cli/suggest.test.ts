import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { nearest } from '../../src/core/suggest.js';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

/** A mistyped name: one line that names the nearest real one, exit non-zero, the journal untouched. */
describe('did you mean', () => {
  let journal: string;
  let cleanup: () => Promise<void>;
  let before: string;

  beforeAll(async () => {
    ({ journal, cleanup } = await tempFolder());
    await cli(['mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w'], { journal });
    await cli(['mentor', 'add', 'Prof Alan Turing', '--handle', 'turing'], { journal });
    for (let n = 1; n <= 12; n++) await cli(['action', 'add', `Action ${n}`], { journal });
    await cli(['goal', 'add', 'Pass the exam'], { journal });
    before = await readFile(journal, 'utf8');
  });
  afterAll(() => cleanup());

  const refused = async (args: string[], code = 2) => {
    const result = await runCli(args, { journal });
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await readFile(journal, 'utf8')).toBe(before);
    return result.stderr.trim();
  };

  it('a mistyped command names the command meant', async () => {
    expect(await refused(['stauts'])).toBe("mentee: unknown command 'stauts'. Did you mean status?");
    expect(await refused(['lgo'])).toBe("mentee: unknown command 'lgo'. Did you mean log?");
    expect(await refused(['acitons', '--json'])).toBe("mentee: unknown command 'acitons'. Did you mean actions?");
  });

  it('a mistyped choice of a flag names the choice meant', async () => {
    expect(await refused(['search', 'exam', '--kind', 'advic'])).toBe(
      'mentee: --kind: must be one of advice, feedback, decision, challenged, topic, action, goal, note. Did you mean advice?',
    );
    expect(await refused(['export', '--format', 'htlm'])).toBe(
      'mentee: --format: must be one of md, html, ics, json, portfolio, csv. Did you mean html?',
    );
  });

  it('a command typed with a capital (the phone did it) names the command meant', async () => {
    expect(await refused(['Status'])).toBe("mentee: unknown command 'Status'. Did you mean status?");
    expect(await refused(['help', 'Actions'])).toBe("mentee: unknown command 'Actions'. Did you mean actions?");
  });

  it('a word that is no command at all points to the list instead of guessing', async () => {
    expect(await refused(['frobnicate'])).toBe("mentee: unknown command 'frobnicate'. See: mentee --help");
  });

  it('a mistyped subcommand and a mistyped flag are said the same way', async () => {
    expect(await refused(['action', 'ad', 'x'])).toBe("mentee: unknown command 'ad'. Did you mean add?");
    expect(await refused(['status', '--jsno'])).toBe("mentee: unknown option '--jsno'. Did you mean --json?");
  });

  it('an id one slip from an existing one of the same kind is suggested', async () => {
    expect(await refused(['show', 'a99'], 1)).toBe(
      'mentee: No action with id "a99". Did you mean a9? See the ids with: mentee actions --all',
    );
    expect(await refused(['action', 'done', '7'], 1)).toMatch(/No action with id "7"\. Did you mean a7\?/);
    expect(await refused(['goal', 'show', 'g11'], 1)).toMatch(/No goal with id "g11"\. Did you mean g1\?/);
  });

  it('an id near several existing ones suggests none of them', async () => {
    // a13: a1, a3, a10, a11 and a12 are all one slip away.
    expect(await refused(['show', 'a13'], 1)).toBe(
      'mentee: No action with id "a13". See the ids with: mentee actions --all',
    );
  });

  it('an id of another kind is not suggested for an action', async () => {
    expect(await refused(['action', 'done', 'g1'], 1)).not.toMatch(/Did you mean/);
  });

  it('a mistyped mentor handle or name names the mentor', async () => {
    expect(await refused(['actions', '--mentor', 'lovelce'], 1)).toBe(
      'mentee: No mentor matches "lovelce". Did you mean lovelace (Dr Ada Lovelace)?',
    );
    expect(await refused(['mentor', 'show', 'turnig'], 1)).toMatch(/Did you mean turing \(Prof Alan Turing\)\?/);
    expect(await refused(['actions', '--mentor', 'ada lovelcae'], 1)).toMatch(/Did you mean lovelace/);
  });

  it('a mentor far from every one lists them all, as before', async () => {
    expect(await refused(['actions', '--mentor', 'nobody'], 1)).toBe(
      'mentee: No mentor matches "nobody". Known mentors: lovelace (Dr Ada Lovelace), turing (Prof Alan Turing).',
    );
  });

  it('a mistyped template name names the template', async () => {
    expect(await refused(['prep', '--mentor', 'lovelace', '--template', 'carer-decision'])).toMatch(
      /^mentee: No prep template called "carer-decision"\. Did you mean career-decision\? Available: career-decision, /,
    );
    expect(await refused(['templates', 'show', 'chek-in'])).toMatch(/Did you mean check-in\?/);
  });
});

describe('the nearest name', () => {
  it('counts two swapped letters as one slip', () => {
    expect(nearest('stauts', ['status', 'show'])).toEqual(['status']);
    expect(nearest('lgo', ['log', 'goal'])).toEqual(['log']);
  });

  it('ignores case: a word that differs only by case is the nearest; what was typed itself is never suggested', () => {
    expect(nearest('Status', ['status'])).toEqual(['status']);
    expect(nearest('STATSU', ['status'])).toEqual(['status']);
    expect(nearest('status', ['status'])).toEqual([]);
  });

  it('allows one slip in a short word, more in a long one', () => {
    expect(nearest('foo', ['log'])).toEqual([]);
    expect(nearest('carer-decison', ['career-decision'])).toEqual(['career-decision']);
  });

  it('gives none when several are equally near, unless asked for more', () => {
    expect(nearest('a13', ['a1', 'a3', 'a10'])).toEqual([]);
    expect(nearest('a13', ['a1', 'a3', 'a10'], 3)).toEqual(['a1', 'a3', 'a10']);
  });
});
