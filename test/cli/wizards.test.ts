/**
 * Wizards as the command line runs them: without a terminal they never ask and name the flags they
 * need; stopped at a question, nothing is saved. (The real terminal is test/e2e/terminal.test.ts.)
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cli, runCli } from '../helpers/run-cli.js';
import { CTRL_C, ENTER, scripted } from '../helpers/scripted-prompter.js';
import { tempFolders } from '../helpers/temp.js';

const folders = tempFolders();

async function withMentor() {
  const { journal } = await folders();
  await cli(['mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w'], { journal });
  return { journal, before: await readFile(journal) };
}

describe('wizards without a terminal', () => {
  it('mentee prep with no flags exits 2 naming the missing --when, and changes nothing', async () => {
    const { journal, before } = await withMentor();
    const result = await runCli(['prep'], { journal });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mentee: .*--when.*\n$/);
    expect(result.stdout).toBe('');
    expect(await readFile(journal)).toEqual(before);
  });

  it('mentee prep with several mentors and no flags names --mentor', async () => {
    const { journal } = await withMentor();
    await cli(['mentor', 'add', 'Dr Jo Blair'], { journal });
    const result = await runCli(['prep', '--when', '2026-12-03 17:30'], { journal });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--mentor: lovelace, blair/);
  });

  it('mentee log and mentee init with no flags exit 2 naming what they need', async () => {
    const { journal } = await withMentor();
    const log = await runCli(['log'], { journal });
    expect(log.code).toBe(2);
    expect(log.stderr).toMatch(/mentee log m3.*--mentor and --when/);
    const init = await runCli(['init'], { journal });
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/--name and\/or --stage/);
  });
});

describe('a wizard stopped at a question', () => {
  it('says nothing was saved (the answers are kept as a draft), exits 130 and leaves the journal unchanged', async () => {
    const { journal, before } = await withMentor();
    const prompter = scripted([
      [/How many minutes/, ENTER],
      [/How will you meet/, ENTER],
      [/walk away with/, CTRL_C],
    ]);
    const result = await runCli(['prep', '--when', '2026-12-03 17:30'], { journal, interactive: true, prompter });
    expect(result).toEqual({
      code: 130,
      stdout: '',
      stderr: '2 answers kept as a draft; run mentee prep again to resume them.\nStopped; nothing was saved.\n',
    });
    expect(await readFile(journal)).toEqual(before);
    prompter.done();
  });

  it('plain mentee with no journal offers to set one up, and a no leaves no journal behind', async () => {
    const { journal } = await folders();
    const prompter = scripted([[/No journal yet at .*\. Set one up now\?/, false]]);
    const result = await runCli([], { journal, interactive: true, prompter });
    prompter.done();
    expect(result.code, result.stderr).toBe(0);
    await expect(readFile(journal)).rejects.toThrow(/ENOENT/);
  });
});
