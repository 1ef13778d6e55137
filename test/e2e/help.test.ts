import { describe, expect, it } from 'vitest';
import { ok, runMentee } from '../helpers/cli.js';
import { readFile } from 'node:fs/promises';

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
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
    expect((await ok(['--version'])).trim()).toBe(version);
  });

  it('--help lists every command', async () => {
    const out = await ok(['--help']);
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
      const out = await ok([...command.split(' '), '--help']);
      expect(out).toContain(`Usage: mentee ${command}`);
      expect(out).toMatch(/Options:\n/);
      expect(out).toMatch(new RegExp(`Example:\\n  \\$ mentee ${command.split(' ')[0]}`));
    },
  );

  it('colour is off when output is not a terminal, even without NO_COLOR', async () => {
    const result = await runMentee(['--help'], { env: { NO_COLOR: undefined, FORCE_COLOR: undefined } });
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });
});
