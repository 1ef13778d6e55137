/** The one list of commands is what the program offers, and a run wires only the command it asks for. */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../src/cli/command-spec.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { buildProgram, requestedCommand } from '../../src/cli/program.js';
import { processIo } from '../../src/cli/io.js';
import { cli } from '../helpers/run-cli.js';

const build = (...words: string[]) =>
  buildProgram(['node', 'mentee', ...words], processIo(), () => {
    throw new Error('no command runs in these tests');
  });

/** Every command in the list as the words that run it: ["mentor", "add"], ["status"], … */
function paths(specs: CommandSpec[], above: string[] = []): string[][] {
  return specs.flatMap((spec) => [[...above, spec.name], ...paths(spec.subcommands ?? [], [...above, spec.name])]);
}

function defined(command: Command, above: string[] = []): string[][] {
  return command.commands.flatMap((sub) => [[...above, sub.name()], ...defined(sub, [...above, sub.name()])]);
}

describe('the command list', () => {
  it('is every command the program defines, in the same order, when the run names none', () => {
    expect(defined(build())).toEqual(paths(COMMANDS));
  });

  it('gives every command a summary and an example, and every runnable one a handler', async () => {
    for (const words of paths(COMMANDS)) {
      const spec = words.reduce<CommandSpec | undefined>(
        (found, word) => (found ? found.subcommands : COMMANDS)?.find((candidate) => candidate.name === word),
        undefined,
      )!;
      expect(spec.summary, words.join(' ')).not.toBe('');
      if (spec.load) {
        expect(spec.examples?.length, words.join(' ')).toBeGreaterThan(0);
        expect(typeof (await spec.load()), words.join(' ')).toBe('function');
      } else expect(spec.subcommands?.length, words.join(' ')).toBeGreaterThan(0);
    }
  });

  it('gives actions and done the flags of action list and action done, under their own examples', async () => {
    const options = async (...words: string[]) =>
      (await cli([...words, '--help'])).split('Options:\n')[1]!.split('\n\nExample:')[0];
    expect(await options('actions')).toBe(await options('action', 'list'));
    expect(await options('done')).toBe(await options('action', 'done'));
  });
});

describe('a run of one command', () => {
  it('defines only that command: mentee status does not define forty others', () => {
    expect(defined(build('status'))).toEqual([['status']]);
    expect(defined(build('--no-color', 'goal', 'add', 'x'))).toEqual(paths(COMMANDS.filter((c) => c.name === 'goal')));
  });

  it('takes the word after --journal as the journal, not the command', () => {
    expect(requestedCommand(['node', 'mentee', '--journal', 'status', 'actions'])).toBe('actions');
    expect(requestedCommand(['node', 'mentee', '--journal=status', 'actions'])).toBe('actions');
    expect(requestedCommand(['node', 'mentee', '--no-color'])).toBeUndefined();
  });

  it('defines every command for help and for a word that is no command', () => {
    for (const words of [['help', 'status'], ['statu'], ['--help']]) {
      expect(defined(build(...words))).toEqual(paths(COMMANDS));
    }
  });
});
