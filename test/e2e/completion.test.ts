/**
 * The completion scripts in the real shells: bash's function run as bash runs it at a TAB (COMP_WORDS
 * and COMP_CWORD set, COMPREPLY read), fish's through its own `complete -C`, zsh's loaded by compinit;
 * each asks the built binary, found on PATH as `mentee`, for its candidates.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../src/ui/export/formats.js';
import { BIN, ok, runEnv } from '../helpers/cli.js';
import { tempFolder, type TempFolder } from '../helpers/temp.js';

const exec = promisify(execFile);
let folder: TempFolder;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  folder = await tempFolder();
  const bin = join(folder.dir, 'bin');
  await exec('mkdir', [bin]);
  await writeFile(join(bin, 'mentee'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  await chmod(join(bin, 'mentee'), 0o755);
  env = { ...runEnv({ journal: folder.journal }), PATH: `${bin}:${process.env.PATH}` };
  const run = (...args: string[]) => ok(args, { journal: folder.journal });
  await run('mentor', 'add', 'Dr Ada Lovelace');
  await run('mentor', 'add', 'Grace Hopper');
  await run('action', 'add', 'Draft a personal statement');
  await run('prep', '--mentor', 'lovelace', '--when', '2026-12-10 17:30', '--topic', 'Specialty choice:15', '-y');
  await writeFile(join(folder.dir, 'agenda-draft.md'), '');
  for (const shell of ['bash', 'zsh', 'fish'])
    await writeFile(join(folder.dir, `mentee.${shell}`), await ok(['completion', shell]));
});

afterAll(() => folder.cleanup());

const hasShell = async (shell: string) =>
  exec('sh', ['-c', `command -v ${shell}`]).then(
    () => true,
    () => false,
  );

/** A word as one bash word, whatever it holds. */
const quoted = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** COMPREPLY after a TAB at the end of `line` in bash, the words split as bash splits them. */
async function bashTab(words: string[]): Promise<string[]> {
  const script = [
    `source ${join(folder.dir, 'mentee.bash')}`,
    `COMP_WORDS=(${words.map(quoted).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    `COMP_LINE=${quoted(words.join(' '))}`,
    'COMP_POINT=${#COMP_LINE}',
    `cd ${folder.dir}`,
    '_mentee',
    `printf '%s\\n' "\${COMPREPLY[@]}"`,
  ].join('\n');
  const { stdout } = await exec('bash', ['--norc', '--noprofile', '-c', script], { env });
  return stdout.split('\n').filter(Boolean);
}

describe('bash', () => {
  it('registers the function for mentee', async () => {
    const script = `source ${join(folder.dir, 'mentee.bash')}; complete -p mentee`;
    expect((await exec('bash', ['--norc', '--noprofile', '-c', script], { env })).stdout.trim()).toBe(
      'complete -F _mentee mentee',
    );
  });

  it('completes commands, subcommands and flags', async () => {
    expect(await bashTab(['mentee', 'st'])).toEqual(['status']);
    expect(await bashTab(['mentee', 'meeting', ''])).toEqual(['cancel', 'move', 'topic']);
    expect(await bashTab(['mentee', 'prep', '--m'])).toEqual(['--mentor', '--mode', '--meeting']);
  });

  it('completes mentor handles and the ids of open actions and planned meetings', async () => {
    expect(await bashTab(['mentee', 'prep', '--mentor', ''])).toEqual(['lovelace', 'hopper']);
    expect(await bashTab(['mentee', 'done', ''])).toEqual(['a1']);
    expect(await bashTab(['mentee', 'meeting', 'move', 'm'])).toEqual(['m1']);
  });

  it('completes a value after = as bash splits it (--format=h: three words)', async () => {
    expect(await bashTab(['mentee', 'export', '--format', '=', 'h'])).toEqual(['html']);
    expect(await bashTab(['mentee', 'export', '--format', '='])).toEqual(EXPORT_FORMATS.map((format) => `=${format}`));
  });

  it('leaves file names to bash for --out', async () => {
    expect(await bashTab(['mentee', 'export', '--out', 'agenda-'])).toEqual(['agenda-draft.md']);
  });
});

describe('a journal in a folder with spaces, named with quotes as it is typed', () => {
  let spaced: string;
  beforeAll(async () => {
    spaced = join(folder.dir, 'my journals', 'journal.json');
    await ok(['action', 'add', 'Email the training lead'], { journal: spaced });
  });

  it.each([
    ['in double quotes', () => `"${spaced}"`],
    ['in single quotes', () => `'${spaced.replace(/'/g, `'\\''`)}'`],
    ['with a backslash before the space', () => spaced.replace(/ /g, '\\ ')],
    ['quoted in the middle', () => spaced.replace('my journals', '"my journals"')],
  ])('bash offers its ids when --journal is given %s', async (_, typed) => {
    expect(await bashTab(['mentee', '--journal', typed(), 'done', ''])).toEqual(['a1']);
  });

  it('bash runs nothing that is typed on the line: $(…) and backticks are only words', async () => {
    const marker = join(folder.dir, 'ran');
    expect(await bashTab(['mentee', '--journal', `$(touch ${marker})`, 'done', ''])).toEqual([]);
    expect(await bashTab(['mentee', '--journal', `\`touch ${marker}\``, 'show', ''])).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });

  it('fish offers its ids when --journal is quoted', async (context) => {
    if (!(await hasShell('fish'))) return context.skip();
    const script = `source ${join(folder.dir, 'mentee.fish')}; complete -C "mentee --journal '${spaced}' done "`;
    const { stdout } = await exec('fish', ['--no-config', '-c', script], { env });
    expect(stdout.split('\n').filter(Boolean)).toEqual(['a1\tEmail the training lead']);
  });
});

describe('zsh', () => {
  it('passes its syntax check, and compinit registers it when sourced', async (context) => {
    if (!(await hasShell('zsh'))) return context.skip();
    const file = join(folder.dir, 'mentee.zsh');
    await exec('zsh', ['-n', file]);
    const script = `autoload -Uz compinit && compinit -u -d ${folder.dir}/zcompdump; source ${file}; print -r -- $_comps[mentee]`;
    expect((await exec('zsh', ['-f', '-c', script], { env })).stdout.trim()).toBe('_mentee');
  });
});

describe('fish', () => {
  /** What fish itself offers for `line`, as `value<TAB>description` lines (fish sorts them). */
  async function fishTab(line: string): Promise<string[]> {
    const script = `source ${join(folder.dir, 'mentee.fish')}; complete -C '${line}'`;
    const { stdout } = await exec('fish', ['--no-config', '-c', script], { env });
    return stdout.split('\n').filter(Boolean);
  }

  it('passes its syntax check and offers handles and ids with their descriptions', async (context) => {
    if (!(await hasShell('fish'))) return context.skip();
    await exec('fish', ['-n', join(folder.dir, 'mentee.fish')]);
    expect(await fishTab('mentee mentor show ')).toEqual(['hopper\tGrace Hopper', 'lovelace\tDr Ada Lovelace']);
    expect(await fishTab('mentee action done ')).toEqual(['a1\tDraft a personal statement']);
    expect(await fishTab('mentee stat')).toEqual([
      'status\twhat needs attention: next meeting, overdue actions, mentors to contact',
    ]);
  });
});
