/**
 * Settings: `mentee config list|get|set|unset` on a real config.json, each setting changing what a
 * command does, the environment winning over the file (and a flag over both), and a broken file being
 * one warning line while every command still works.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolders } from '../helpers/temp.js';
import { editorScript } from '../helpers/fake-editor.js';
import { readJournal } from '../helpers/cli.js';
import { commandContext, ENTER, scripted, tempStore, type ScriptLine } from '../helpers/scripted-prompter.js';
import { initCommand } from '../../src/commands/init.js';
import { NOW } from '../core/fixtures.js';
import { ADA, SAM } from '../wizards/init-fixtures.js';

const folders = tempFolders();
let dir: string;
let journal: string;
let config: string;
let env: Record<string, string | undefined>;

beforeEach(async () => {
  ({ dir, journal } = await folders());
  config = join(dir, 'settings', 'config.json');
  env = { MENTEE_CONFIG: config };
  await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal, env });
});

const run = (args: string[], extra: Record<string, string | undefined> = {}) =>
  runCli(args, { journal, env: { ...env, ...extra } });
const ok = (args: string[], extra: Record<string, string | undefined> = {}) =>
  cli(args, { journal, env: { ...env, ...extra } });
const stored = async () => JSON.parse(await readFile(config, 'utf8'));

describe('mentee config', () => {
  it('set writes the file owner-only, get reads it back, unset removes it', async () => {
    expect(await ok(['config', 'set', 'dateOrder', 'DMY'])).toBe(`Set dateOrder to dmy in ${config}.\n`);
    expect((await stat(config)).mode & 0o777).toBe(0o600);
    expect(await stored()).toEqual({ dateOrder: 'dmy' });
    expect(await ok(['config', 'get', 'dateOrder'])).toBe('dmy\n');
    await ok(['config', 'set', 'meetingLength', '45']);
    expect(await stored()).toEqual({ dateOrder: 'dmy', meetingLength: 45 });
    expect(await ok(['config', 'unset', 'dateOrder'])).toBe(`Unset dateOrder in ${config}.\n`);
    expect(await stored()).toEqual({ meetingLength: 45 });
    expect(await ok(['config', 'unset', 'dateOrder'])).toBe(`dateOrder was not set in ${config}; nothing changed.\n`);
  });

  it('list shows every setting, its value and where it comes from; --json has the same', async () => {
    await ok(['config', 'set', 'weekStart', 'monday']);
    const text = await ok(['config', 'list'], { MENTEE_DATE_ORDER: 'mdy' });
    expect(text).toMatch(/dateOrder\s+mdy\s+\$MENTEE_DATE_ORDER/);
    expect(text).toMatch(/weekStart\s+monday\s+config file/);
    expect(text).toMatch(/meetingLength\s+not set/);
    const json = JSON.parse(await ok(['config', 'list', '--json'], { MENTEE_DATE_ORDER: 'mdy' }));
    expect(json.file).toBe(config);
    expect(json.settings.map((each: { key: string }) => each.key)).toEqual([
      'dateOrder',
      'weekStart',
      'meetingLength',
      'prepTemplate',
      'editor',
      'passphraseCommand',
    ]);
    expect(json.settings[0]).toEqual({ key: 'dateOrder', value: 'mdy', from: 'environment', env: 'MENTEE_DATE_ORDER' });
    expect(json.settings[1]).toEqual({ key: 'weekStart', value: 'monday', from: 'config', env: 'MENTEE_WEEK_START' });
    expect(json.settings[2]).toEqual({ key: 'meetingLength', value: null, from: null, env: 'MENTEE_MEETING_LENGTH' });
  });

  it.each([
    [['dateOrder', 'ymd'], 'mentee: dateOrder must be dmy or mdy, not "ymd".\n'],
    [['weekStart', 'friday'], 'mentee: weekStart must be monday or sunday, not "friday".\n'],
    [
      ['meetingLength', '45 minutes'],
      'mentee: meetingLength must be a whole number of minutes from 1 to 1440, not "45 minutes".\n',
    ],
    [['meetingLength', '0'], 'mentee: meetingLength must be a whole number of minutes from 1 to 1440, not 0.\n'],
    [
      ['colour', 'blue'],
      'mentee: "colour" is not a setting. The settings are dateOrder, weekStart, meetingLength, prepTemplate, editor, passphraseCommand.\n',
    ],
  ])('set refuses %j in one line and writes nothing', async (args, message) => {
    expect(await run(['config', 'set', ...args])).toEqual({ code: 2, stdout: '', stderr: message });
    await expect(stat(config)).rejects.toThrow();
  });

  it('set refuses a prep template that does not exist, naming those that do', async () => {
    const refused = await run(['config', 'set', 'prepTemplate', 'carer-decision']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^mentee: No prep template called "carer-decision"\. Did you mean career-decision\? Available: .*career-decision/,
    );
    await ok(['config', 'set', 'prepTemplate', 'Career-Decision']);
    expect(await stored()).toEqual({ prepTemplate: 'career-decision' });
  });

  it('set says so when the environment overrides what it wrote', async () => {
    const result = await run(['config', 'set', 'weekStart', 'monday'], { MENTEE_WEEK_START: 'sunday' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'note: MENTEE_WEEK_START is set in your environment and wins over the file until it is unset.\n',
    );
  });

  it('get of a setting not set says so (exit 1); --json gives null', async () => {
    expect(await run(['config', 'get', 'weekStart'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'mentee: weekStart is not set. Set it with: mentee config set weekStart <value>\n',
    });
    expect(JSON.parse(await ok(['config', 'get', 'weekStart', '--json']))).toEqual({
      key: 'weekStart',
      value: null,
      from: null,
    });
  });
});

describe('a broken config file is one warning line, and every command still works', () => {
  it('bad values and unknown keys are named; the good settings still apply', async () => {
    await ok(['config', 'set', 'weekStart', 'monday']);
    await writeFile(config, JSON.stringify({ dateOrder: 'ymd', colour: true, weekStart: 'monday' }));
    const result = await run(['export', '--since', 'last week', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `warning: ${config}: dateOrder must be dmy or mdy, not "ymd"; "colour" is not a setting; these are not used (see: mentee config list).\n`,
    );
  });

  it.each([
    ['not JSON', '{"dateOrder": ', `warning: ${'$CONFIG'} is not valid JSON (`],
    [
      'not an object',
      '["dmy"]',
      `warning: ${'$CONFIG'} is not a JSON object of settings such as {"dateOrder": "dmy"}; none of its settings are used.`,
    ],
  ])('a file that is %s: status works, with one warning line', async (_, text, warning) => {
    await ok(['config', 'set', 'weekStart', 'monday']);
    await writeFile(config, text);
    const result = await run(['status']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Next meeting');
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toContain(warning.replace('$CONFIG', config));
  });

  it('config set will not replace a file it cannot read as settings', async () => {
    await ok(['config', 'set', 'weekStart', 'monday']);
    await writeFile(config, '{"dateOrder": ');
    const result = await run(['config', 'set', 'dateOrder', 'dmy']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`mentee: ${config} cannot be read as settings, so it was not changed.`);
    expect(await readFile(config, 'utf8')).toBe('{"dateOrder": ');
  });

  it('an unknown key can be unset, and the warning goes', async () => {
    await ok(['config', 'set', 'weekStart', 'monday']);
    await writeFile(config, JSON.stringify({ weekStart: 'monday', colour: 'blue' }));
    expect((await run(['status'])).stderr).toContain('"colour" is not a setting');
    await ok(['config', 'unset', 'colour']);
    expect(await run(['status'])).toMatchObject({ code: 0, stderr: '' });
  });

  it('a bad environment value is one warning line and the file value is used', async () => {
    await ok(['config', 'set', 'meetingLength', '45']);
    const result = await run(['prep', '--when', '2026-12-03 17:30', '--json'], { MENTEE_MEETING_LENGTH: 'long' });
    expect(result.stderr).toBe(
      'warning: MENTEE_MEETING_LENGTH must be a whole number of minutes from 1 to 1440, not "long"; it is not used.\n',
    );
    expect(JSON.parse(result.stdout).timeCheck.lengthMinutes).toBe(45);
  });
});

describe('each setting changes what mentee does', () => {
  it('dateOrder: 3/12/2026 is refused naming the setting, then read in the order set', async () => {
    const refused = await run(['action', 'add', 'Email the lead', '--due', '3/12/2026']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('mentee config set dateOrder dmy (or mdy)');
    await ok(['config', 'set', 'dateOrder', 'dmy']);
    await ok(['action', 'add', 'Email the lead', '--due', '3/12/2026']);
    await ok(['action', 'add', 'Read the paper', '--due', '3/12/2026'], { MENTEE_DATE_ORDER: 'mdy' });
    expect((await readJournal(journal)).actions.map((action: { due: string }) => action.due)).toEqual([
      '2026-12-03',
      '2026-03-12',
    ]);
  });

  it('weekStart: "last week" is refused naming the setting, then read from that day', async () => {
    const refused = await run(['export', '--since', 'last week']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('mentee config set weekStart monday (or sunday)');
    await ok(['config', 'set', 'weekStart', 'monday']);
    expect(await ok(['export', '--since', 'last week', '--to', 'last week'])).toContain(
      'Period: Mon 16 Nov 2026 to Sun 22 Nov 2026.',
    );
    expect(
      await ok(['export', '--since', 'last week', '--to', 'last week'], { MENTEE_WEEK_START: 'sunday' }),
    ).toContain('Period: Sun 15 Nov 2026 to Sat 21 Nov 2026.');
  });

  it("meetingLength: a new meeting's length when the mentor has none; the mentor's own and --length win", async () => {
    await ok(['config', 'set', 'meetingLength', '45']);
    const length = async (args: string[], extra = {}) =>
      JSON.parse(await ok(['prep', ...args, '--json'], extra)).timeCheck.lengthMinutes;
    expect(await length(['--when', '2026-12-03 17:30'])).toBe(45);
    expect(await length(['--when', '2026-12-10 17:30'], { MENTEE_MEETING_LENGTH: '20' })).toBe(20);
    expect(await length(['--when', '2026-12-17 17:30', '--length', '15'])).toBe(15);
    await ok(['mentor', 'edit', 'lovelace', '--length', '60']);
    expect(await length(['--when', '2027-01-07 17:30'])).toBe(60);
  });

  it("meetingLength: init's first mentor is offered it as their usual length (Enter takes it)", async () => {
    const { store } = await tempStore(NOW);
    const minutes = /^For how many minutes, usually\?$/;
    const script = ADA.map((line): ScriptLine =>
      Array.isArray(line) && String(line[0]) === String(minutes) ? [minutes, ENTER] : line,
    );
    const prompt = scripted([...SAM, ...script, [/A goal/, '']]);
    const ctx = commandContext(store, NOW, prompt);
    await initCommand({ ...ctx, settings: { meetingLength: 45 } }, {});
    prompt.done();
    expect((await store.read()).mentors[0]!.lengthMinutes).toBe(45);
  });

  it('meetingLength: a meeting logged that was never planned has it too', async () => {
    await ok(['config', 'set', 'meetingLength', '50']);
    await ok(['log', '--mentor', 'lovelace', '--when', '2026-11-20 17:30', '--topic', 'Exams', '--covered', '1', '-y']);
    expect((await readJournal(journal)).meetings[0].lengthMinutes).toBe(50);
  });

  it('prepTemplate: the template prep uses unless --template names one; one gone is warned about', async () => {
    await ok(['config', 'set', 'prepTemplate', 'career-decision']);
    await ok(['prep', '--when', '2026-12-03 17:30', '--topic', 'Exams']);
    expect((await readJournal(journal)).meetings[0].prep.template).toBe('career-decision');
    await ok(['prep', '--when', '2026-12-10 17:30', '--topic', 'Exams'], { MENTEE_PREP_TEMPLATE: 'check-in' });
    expect((await readJournal(journal)).meetings[1].prep.template).toBeUndefined();
    await writeFile(config, JSON.stringify({ prepTemplate: 'gone-template' }));
    const result = await run(['prep', '--when', '2026-12-17 17:30', '--topic', 'Exams']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'warning: your prepTemplate setting names "gone-template", which is not a prep template; using check-in.\n',
    );
  });

  it('editor: used by mentee edit when neither $VISUAL nor $EDITOR is set, which win over it', async () => {
    const seen = join(dir, 'opened-by');
    // Each editor notes its name, then saves the form as it was.
    const editor = (name: string) =>
      editorScript(dir, `(await import('node:fs')).appendFileSync(${JSON.stringify(seen)}, '${name}\\n');`);
    await ok(['config', 'set', 'editor', await editor('config')]);
    await ok(['edit', 'lovelace'], { VISUAL: undefined, EDITOR: undefined });
    await ok(['edit', 'lovelace'], { VISUAL: undefined, EDITOR: await editor('EDITOR') });
    await ok(['edit', 'lovelace'], { VISUAL: await editor('VISUAL'), EDITOR: await editor('EDITOR') });
    expect((await readFile(seen, 'utf8')).split('\n').filter(Boolean)).toEqual(['config', 'EDITOR', 'VISUAL']);
  });
});
