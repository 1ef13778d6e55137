import { describe, expect, it } from 'vitest';
import { cli, runCli } from '../helpers/run-cli.js';

const COMMANDS = [
  ['init'],
  ['mentor', 'add'],
  ['mentor', 'list'],
  ['mentor', 'show'],
  ['mentor', 'edit'],
  ['mentor', 'pause'],
  ['mentor', 'resume'],
  ['mentor', 'end'],
  ['goal', 'add'],
  ['goal', 'list'],
  ['goal', 'show'],
  ['goal', 'update'],
  ['goal', 'done'],
  ['goal', 'drop'],
  ['goal', 'pause'],
  ['prep'],
  ['log'],
  ['action', 'add'],
  ['action', 'list'],
  ['action', 'edit'],
  ['action', 'drop'],
  ['action', 'done'],
  ['action', 'reopen'],
  ['actions'],
  ['done'],
  ['meetings'],
  ['meeting', 'cancel'],
  ['show'],
  ['status'],
  ['export'],
  ['templates'],
  ['templates', 'show'],
];

describe('help', () => {
  it('--help lists every command', async () => {
    const out = await cli(['--help']);
    for (const name of [
      'init',
      'mentor',
      'goal',
      'prep',
      'log',
      'action',
      'actions',
      'done',
      'meetings',
      'show',
      'status',
      'export',
      'templates',
    ]) {
      expect(out).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
  });

  it.each(COMMANDS.map((words) => [words.join(' ')]))(
    'mentee %s --help lists its options with an example',
    async (command) => {
      const out = await cli([...command.split(' '), '--help']);
      expect(out).toContain(`Usage: mentee ${command}`);
      expect(out).toMatch(/Options:\n/);
      expect(out).toMatch(new RegExp(`Example:\\n  \\$ mentee ${command.split(' ')[0]}`));
    },
  );

  it.each(COMMANDS.filter((words) => words.length === 1))(
    'mentee help %s is the same as its --help',
    async (command) => {
      const help = await runCli(['help', command]);
      expect(help.code).toBe(0);
      expect(help.stdout).toBe(await cli([command, '--help']));
    },
  );

  it("a group's own help command gives a subcommand's help: mentee mentor help add", async () => {
    expect(await cli(['mentor', 'help', 'add'])).toBe(await cli(['mentor', 'add', '--help']));
  });
});
