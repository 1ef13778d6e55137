/**
 * Shell completion's answers (`mentee __complete <words…> <typed>`), in process: commands, subcommands,
 * flags and their values, read from the one command list and the journal, never failing and never
 * asking. The scripts themselves run in real shells in test/e2e/completion.test.ts.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandSpec, Flag } from '../../src/cli/command-spec.js';
import { COMMANDS, PROGRAM } from '../../src/cli/commands.js';
import { complete } from '../../src/cli/complete.js';
import type { Io } from '../../src/cli/io.js';
import { MEETING_MODES, TOPIC_KINDS } from '../../src/core/model.js';
import { EXPORT_FORMATS } from '../../src/ui/export/formats.js';
import { runEnv } from '../helpers/cli.js';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolders } from '../helpers/temp.js';

const folder = tempFolders();

/** The answer to a TAB after `mentee <words…>`: its lines (value, or value<TAB>description) and directive. */
async function tab(words: string[], options: { journal?: string; env?: Record<string, string | undefined> } = {}) {
  let stdout = '';
  let stderr = '';
  const env = runEnv({ journal: options.journal ?? '/nonexistent/mentee-test/journal.json', env: options.env }, {});
  const io: Io = {
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    interactive: true,
    prompter: async () => {
      throw new Error('completion asked a question');
    },
  };
  await complete(words, io);
  const lines = stdout.trimEnd().split('\n');
  const directive = lines.pop();
  return { lines, values: lines.map((line) => line.split('\t')[0]), directive, stderr };
}

/** A journal with two mentors, a goal, an open and a done action, and a planned meeting. */
async function journalWithRecords() {
  const { journal } = await folder();
  const run = (...args: string[]) => cli(args, { journal });
  await run('mentor', 'add', 'Dr Ada Lovelace');
  await run('mentor', 'add', 'Grace Hopper');
  await run('goal', 'add', 'Choose a specialty');
  await run('action', 'add', 'Draft a personal statement');
  await run('action', 'add', 'Book a taster week');
  await run('action', 'done', 'a2');
  await run('prep', '--mentor', 'lovelace', '--when', '2026-12-10 17:30', '--topic', 'Specialty choice:15', '-y');
  return journal;
}

describe('commands and subcommands', () => {
  it('offers every command with its summary, and help, at the start', async () => {
    const { lines, values, directive } = await tab(['']);
    expect(values).toEqual([...COMMANDS.map((spec) => spec.name), 'help']);
    expect(lines).toContain('status\twhat needs attention: next meeting, overdue actions, mentors to contact');
    expect(directive).toBe(':4');
  });

  it('offers only the commands starting with what is typed, after global flags too', async () => {
    expect((await tab(['me'])).values).toEqual(['mentor', 'meetings', 'meeting']);
    expect((await tab(['--journal', 'x.json', '--no-color', 'st'])).values).toEqual(['status']);
  });

  it("offers a group's subcommands, and the commands after help", async () => {
    expect((await tab(['meeting', ''])).values).toEqual(['cancel', 'move', 'topic']);
    expect((await tab(['help', 'ac'])).values).toEqual(['action', 'actions']);
    expect((await tab(['help', 'goal', 'd'])).values).toEqual(['done', 'drop']);
  });

  it('never offers the hidden completion entry itself', async () => {
    expect((await tab(['__'])).values).toEqual([]);
    expect((await cli(['--help'])).includes('__complete')).toBe(false);
  });
});

describe('flags', () => {
  it("offers a command's flags with their help, and the global ones", async () => {
    const { lines, values } = await tab(['prep', '--m']);
    expect(values).toEqual(['--mentor', '--mode', '--meeting']);
    expect(lines[0]).toBe('--mentor\twhich mentor (not needed when you have one)');
    expect((await tab(['status', '--'])).values).toEqual([
      '--journal',
      '--no-color',
      '--allow-identifiers',
      '--json',
      '--help',
    ]);
  });

  it('leaves out a flag already given, unless it is repeatable', async () => {
    expect((await tab(['prep', '--mode', 'video', '--m'])).values).toEqual(['--mentor', '--meeting']);
    expect((await tab(['log', '--advice', 'x', '--adv'])).values).toEqual(['--advice']);
  });
});

describe('fixed values: the lists the flag schemas check against', () => {
  it('offers --mode, --kind and --format values', async () => {
    expect((await tab(['prep', '--mode', ''])).values).toEqual([...MEETING_MODES]);
    expect((await tab(['meeting', 'topic', 'm1', '1', '--kind', ''])).values).toEqual([...TOPIC_KINDS]);
    expect((await tab(['export', '--format', ''])).values).toEqual([...EXPORT_FORMATS]);
    expect((await tab(['completion', ''])).values).toEqual(['bash', 'zsh', 'fish']);
  });

  it('completes --flag=value in one word', async () => {
    expect((await tab(['export', '--format=h'])).values).toEqual(['--format=html']);
  });

  it('lets the shell complete file names for --out and --journal, and nothing else', async () => {
    expect(await tab(['export', '--out', ''])).toMatchObject({ values: [], directive: ':0' });
    expect(await tab(['--journal', ''])).toMatchObject({ values: [], directive: ':0' });
    expect(await tab(['goal', 'add', ''])).toMatchObject({ values: [], directive: ':4' });
  });

  it('offers the prep templates by name with their description', async () => {
    const { lines } = await tab(['prep', '--template', 'c']);
    expect(lines).toEqual([
      expect.stringMatching(/^career-decision\tA decision about your career/),
      expect.stringMatching(/^check-in\tA regular meeting/),
    ]);
  });
});

describe('values only the journal knows', () => {
  it('offers the tags of shared texts, most used first, never one only a private reflection holds', async () => {
    const journal = await journalWithRecords();
    const run = (...args: string[]) => cli(args, { journal });
    await run('action', 'add', 'Read two papers #research');
    await run('goal', 'update', 'g1', '--note', 'Taster booked #career #research');
    await run('log', '--mentor', 'hopper', '--when', '2026-11-20 17:00', '--private', 'Tired #burnout');
    expect((await tab(['actions', '--tag', ''], { journal })).lines).toEqual([
      'research\t2 mentions',
      'career\t1 mention',
    ]);
    expect((await tab(['export', '--tag', 'c'], { journal })).values).toEqual(['career']);
  });

  it('offers mentor handles with their names', async () => {
    const journal = await journalWithRecords();
    expect((await tab(['mentor', 'show', ''], { journal })).lines).toEqual([
      'lovelace\tDr Ada Lovelace',
      'hopper\tGrace Hopper',
    ]);
    expect((await tab(['prep', '--mentor', 'h'], { journal })).values).toEqual(['hopper']);
  });

  it('offers the ids of open actions to close, all actions to reopen, with their titles', async () => {
    const journal = await journalWithRecords();
    expect((await tab(['action', 'done', ''], { journal })).lines).toEqual(['a1\tDraft a personal statement']);
    expect((await tab(['done', ''], { journal })).values).toEqual(['a1']);
    expect((await tab(['action', 'reopen', ''], { journal })).lines).toContain('a2\tBook a taster week (done)');
  });

  it('offers planned meetings with their time and mentor, and goals with their titles', async () => {
    const journal = await journalWithRecords();
    expect((await tab(['meeting', 'cancel', ''], { journal })).lines).toEqual([
      'm1\tThu 10 Dec 2026, 17:30, Dr Ada Lovelace',
    ]);
    expect((await tab(['log', ''], { journal })).values).toEqual(['m1']);
    expect((await tab(['goal', 'show', ''], { journal })).lines).toEqual(['g1\tChoose a specialty']);
    expect((await tab(['show', ''], { journal })).values).toEqual(['m1', 'g1', 'a1', 'a2', 'lovelace', 'hopper']);
  });

  it('reads the journal the line names with --journal', async () => {
    const journal = await journalWithRecords();
    expect((await tab(['--journal', journal, 'mentor', 'end', ''])).values).toEqual(['lovelace', 'hopper']);
  });

  it('never writes the journal', async () => {
    const journal = await journalWithRecords();
    const before = await readFile(journal);
    await tab(['show', ''], { journal });
    expect((await readFile(journal)).equals(before)).toBe(true);
  });

  it('gives no values and no error for a missing or broken journal', async () => {
    expect(await tab(['show', ''])).toMatchObject({ values: [], directive: ':4', stderr: '' });
    const { journal } = await folder();
    await writeFile(journal, '{ not json', { mode: 0o600 });
    expect(await tab(['show', ''], { journal })).toMatchObject({ values: [], directive: ':4', stderr: '' });
  });

  it('gives no values for an encrypted journal without MENTEE_PASSPHRASE, and never asks for it', async () => {
    const journal = await journalWithRecords();
    await cli(['encrypt'], { journal, env: { MENTEE_PASSPHRASE: 'correct horse battery staple' } });
    const env = { MENTEE_PASSPHRASE: undefined };
    expect(await tab(['mentor', 'show', ''], { journal, env })).toMatchObject({ values: [], stderr: '' });
    const opened = await tab(['mentor', 'show', ''], {
      journal,
      env: { MENTEE_PASSPHRASE: 'correct horse battery staple' },
    });
    expect(opened.values).toEqual(['lovelace', 'hopper']);
  });
});

describe('a TAB on an odd journal', () => {
  it('a title with tabs, quotes, $(…), backticks or a leading - is one description line, never a second candidate', async () => {
    const { journal } = await folder();
    const title = 'Tab\there $(touch x) `touch y` "quoted" \'single\' -x --json';
    await cli(['action', 'add', '--', title], { journal });
    expect((await tab(['done', ''], { journal })).lines).toEqual([
      'a1\tTab here $(touch x) `touch y` "quoted" \'single\' -x --json',
    ]);
  });

  it('never runs the passphraseCommand of an encrypted journal (a keyring may ask)', async () => {
    const { dir, journal } = await folder();
    await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal });
    await cli(['encrypt'], { journal, env: { MENTEE_PASSPHRASE: 'correct horse battery staple' } });
    const marker = join(dir, 'keyring-was-asked');
    const env = {
      MENTEE_PASSPHRASE: undefined,
      MENTEE_PASSPHRASE_COMMAND: `touch ${marker}; echo 'correct horse battery staple'`,
    };
    expect(await tab(['mentor', 'show', ''], { journal, env })).toMatchObject({ values: [], stderr: '' });
    expect(existsSync(marker)).toBe(false);
  });

  it('still answers while another mentee command holds the journal lock', async () => {
    const journal = await journalWithRecords();
    await mkdir(`${journal}.lock`);
    await writeFile(`${journal}.lock.pid`, String(process.pid));
    expect((await tab(['mentor', 'show', ''], { journal })).values).toEqual(['lovelace', 'hopper']);
  });

  it('reads --journal ~/… from the home folder, as the shell will run it', async () => {
    const journal = await journalWithRecords();
    const env = { HOME: dirname(journal) };
    expect((await tab(['--journal', `~/${basename(journal)}`, 'mentor', 'show', ''], { env })).values).toEqual([
      'lovelace',
      'hopper',
    ]);
  });
});

describe('the command list declares what completion offers', () => {
  /** Every flag and argument, with the command words it belongs to. */
  function everyInput(specs: CommandSpec[], above: string[] = []): { where: string; name: string; values: unknown }[] {
    return specs.flatMap((spec) => {
      const where = [...above, spec.name].join(' ');
      return [
        ...(spec.flags ?? []).map((flag: Flag) => ({ where, name: flag.flags, values: flag.values })),
        ...(spec.args ?? []).map((arg) => ({ where, name: arg.name, values: arg.values })),
        ...everyInput(spec.subcommands ?? [], [...above, spec.name]),
      ];
    });
  }

  it('says the values of every flag or argument that names a mentor, an id, a template, a file or a choice', () => {
    const choice = /<(mentor|id|meeting|name|file|format|kind|mode|who|category|status|backup|shell)>|\[meeting\]/;
    const free = /--name <name>|^<name>$/; // a person's or a record's new name is typed, not chosen
    const missing = everyInput([PROGRAM]).filter(
      ({ name, values }) => choice.test(name) && !free.test(name) && !values,
    );
    expect(missing).toEqual([]);
  });
});

describe('mentee completion', () => {
  it('refuses a shell it has no script for, in one line', async () => {
    const result = await runCli(['completion', 'powershell']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('mentee: shell: must be one of bash, zsh, fish.\n');
  });
});
