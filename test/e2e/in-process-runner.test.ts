/**
 * Most CLI tests run the command line in process (test/cli, through runCli); this proves such a run
 * reports what the built binary reports: the same stdout, the same stderr, the same exit code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMentee } from '../helpers/cli.js';
import { cli, runCli, withLovelace } from '../helpers/run-cli.js';

describe('a run in process', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await cli(['prep', '--when', '2026-11-20 17:30', '--topic', 'Specialty choice:15', '--topic', 'Rota'], { journal });
    await cli(['action', 'add', 'Email the training lead', '--due', 'friday'], { journal });
  });
  afterAll(() => cleanup());

  it.each([
    [['--help']],
    [['log', '--help']],
    [['help', 'export']],
    [[]],
    [['status']],
    [['status', '--json']],
    [['show', 'm1', '--json']],
    [['export', '--meeting', 'm1']],
    [['templates', 'show', 'check-in']],
    [['frobnicate']],
    [['statu']],
    [['actions', '--mentr', 'lovelace']],
    [['undo', '2']],
    [['goal', 'show']],
    [['done', 'a99']],
    [['log', 'm1', '--covered', '7']],
    [['action', 'add', 'Chase bloods for 943 476 5919']],
  ])('of mentee %j reports what the binary reports', async (args) => {
    const binary = await runMentee(args, { journal });
    expect(await runCli(args, { journal })).toEqual(binary);
  });

  it('of an invalid MENTEE_NOW reports what the binary reports', async () => {
    const binary = await runMentee(['status'], { journal, now: 'someday' });
    expect(binary.code).toBe(2);
    expect(await runCli(['status'], { journal, now: 'someday' })).toEqual(binary);
  });
});
