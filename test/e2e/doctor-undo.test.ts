import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, readJournal, runMentee } from '../helpers/cli.js';
import { tempFolder as tempJournal } from '../helpers/temp.js';

let dir: string;
let journal: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, journal, cleanup } = await tempJournal());
  await ok(['mentor', 'add', 'Dr Ada Lovelace'], { journal });
  await ok(['action', 'add', 'Email the training lead'], { journal });
});
afterEach(() => cleanup());

const run = (...args: string[]) => runMentee(args, { journal });
const mentee = (...args: string[]) => ok(args, { journal });
const backupFolder = () => `${journal}.backups`;
const titles = async () => (await readJournal(journal)).actions.map((action: { title: string }) => action.title);
/** The journal's bytes and the backup folder's names: what no refusal may change. */
const everything = async () => ({ journal: await readFile(journal), backups: (await readdir(backupFolder())).sort() });

/** A refusal: its exit code, one line on stderr, nothing on stdout, and the journal and backups untouched. */
async function refused(args: string[], code: number, says: string | RegExp): Promise<void> {
  const before = await everything();
  const result = await run(...args);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr).toMatch(/^mentee: [^\n]*\n$/);
  if (typeof says === 'string') expect(result.stderr).toContain(says);
  else expect(result.stderr).toMatch(says);
  expect(result.stdout).toBe('');
  expect(await everything()).toEqual(before);
}

describe('mentee doctor on a healthy journal', () => {
  it('says the journal is fine with its counts, and lists the backups newest first with their counts', async () => {
    const out = await mentee('doctor');
    expect(out).toContain(`The journal ${journal} is fine: 1 mentor, 0 goals, 0 meetings, 1 action (`);
    expect(out).toMatch(
      /^ {2}1 {2}\w{3} \d+ \w{3} \d{4}, \d\d:\d\d:\d\d {2}saved {2}1 mentor, 0 goals, 0 meetings, 1 action$/m,
    );
    expect(out).toMatch(/^ {2}2 .* saved {2}1 mentor, 0 goals, 0 meetings, 0 actions$/m);
    expect(out).toContain('mentee doctor --restore <number>');
  });

  it('--json gives the documented shape', async () => {
    const report = JSON.parse(await mentee('doctor', '--json'));
    expect(report.journal).toEqual({
      path: journal,
      exists: true,
      ok: true,
      problem: null,
      counts: { mentors: 1, goals: 0, meetings: 0, actions: 1 },
      size: (await readFile(journal)).length,
    });
    expect(report.backups).toHaveLength(2);
    expect(report.backups[0]).toMatchObject({ number: 1, label: 'saved', ok: true, problem: null });
    expect(report.backups[0].file.startsWith(join(dir, 'journal.json.backups'))).toBe(true);
    expect(new Date(report.backups[0].date).getTime()).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(report.backups[1].counts).toEqual({ mentors: 1, goals: 0, meetings: 0, actions: 0 });
  });
});

describe('mentee doctor on a damaged journal', () => {
  for (const [kind, damage, where] of [
    ['not valid JSON', (text: string) => text.slice(0, 80), /is not valid JSON: .*line \d+/],
    [
      'the wrong shape',
      (text: string) => text.replace('"status": "open"', '"status": "someday"'),
      /actions\[0\]\.status/,
    ],
  ] as const) {
    it(`(${kind}) exits 1, says what is wrong and where and how to recover, and changes nothing`, async () => {
      await writeFile(journal, damage(await readFile(journal, 'utf8')));
      const before = await everything();
      const result = await run('doctor');
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`The journal is damaged: ${journal}`);
      expect(result.stdout).toMatch(where);
      expect(result.stdout).toContain('To go back to the last good version: mentee doctor --restore 1');
      expect(result.stdout).toContain('1 mentor, 0 goals, 0 meetings, 1 action');
      expect(result.stderr).toMatch(/^mentee: [^\n]*mentee doctor --restore 1\n$/);
      expect(await everything()).toEqual(before);
    });
  }

  it('--restore 1 brings back the last good version, keeping the damaged file as backup 1', async () => {
    const lastGood = await readFile(journal);
    await writeFile(journal, '{"version": 1, "mentors": [\n');
    const out = await mentee('doctor', '--restore', '1');
    expect(out).toMatch(/^Restored backup 1 \(saved .*\): 1 mentor, 0 goals, 0 meetings, 1 action\.$/m);
    expect(out).toContain('To go back to it: mentee doctor --restore 1');
    expect(await readFile(journal)).toEqual(lastGood);
    expect(await titles()).toEqual(['Email the training lead']);

    const [kept] = JSON.parse(await mentee('doctor', '--json')).backups;
    expect(kept).toMatchObject({ number: 1, label: 'before-restore', ok: false });
    expect(await readFile(kept.file, 'utf8')).toBe('{"version": 1, "mentors": [\n');
    expect(await mentee('doctor')).toMatch(/^ {2}1 .* before-restore {2}damaged: it is not valid JSON/m);
  });
});

describe('mentee doctor on an encrypted journal', () => {
  it('without the passphrase, says it cannot be opened rather than that it is damaged', async () => {
    const passphrase = { MENTEE_PASSPHRASE: 'correct horse battery' };
    await ok(['encrypt'], { journal, env: passphrase });
    expect(await ok(['doctor'], { journal, env: passphrase })).toContain('is fine: 1 mentor');
    const result = await runMentee(['doctor'], { journal, env: { MENTEE_PASSPHRASE: undefined } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('The journal cannot be opened:');
    expect(result.stdout).not.toMatch(/damaged/);
  });
});

describe('mentee doctor --restore refuses', () => {
  it('a damaged backup, which doctor lists as damaged', async () => {
    const [, older] = JSON.parse(await mentee('doctor', '--json')).backups;
    await writeFile(older.file, 'garbage');
    expect(await mentee('doctor')).toMatch(/^ {2}2 .* saved {2}damaged: it is not valid JSON: .*line 1, column 1/m);
    await refused(['doctor', '--restore', '2'], 1, /Backup 2 cannot be restored: .* is not valid JSON/);
  });

  it('a file outside the backup folder, even a valid journal', async () => {
    const outside = join(dir, 'copy.json');
    await copyFile(journal, outside);
    await refused(['doctor', '--restore', outside], 2, `${outside} is not one of this journal's backups`);
    await refused(['doctor', '--restore', '/etc/passwd'], 2, "is not one of this journal's backups");
  });

  it('a number that is not in the list', async () => {
    await refused(['doctor', '--restore', '9'], 2, "There is no backup 9: this journal's backups are numbered 1 to 2");
  });

  it('but takes a backup by its file, as listed', async () => {
    const [, older] = JSON.parse(await mentee('doctor', '--json')).backups;
    await mentee('doctor', '--restore', older.file);
    expect(await titles()).toEqual([]);
  });
});

describe('mentee undo and redo', () => {
  it('after action add, removes the action, says so, and redo puts it back', async () => {
    const out = await mentee('undo');
    expect(out).toMatch(
      /^Undid: added action a1 "Email the training lead" \(\d+ \w{3} \d\d:\d\d\)\. 1 more change can be undone; mentee redo puts it back\.\n$/,
    );
    expect(await titles()).toEqual([]);
    expect(await mentee('redo')).toContain('Redid: added action a1 "Email the training lead"');
    expect(await titles()).toEqual(['Email the training lead']);
  });

  it('after done, reopens the action and says so', async () => {
    await mentee('done', 'a1');
    expect(await mentee('undo')).toContain('Undid: changed action a1 "Email the training lead" (status open → done)');
    expect((await readJournal(journal)).actions[0].status).toBe('open');
  });

  it('steps back past more versions than the backups keep, and every undo is itself backed up', async () => {
    for (let n = 2; n <= 13; n++) await mentee('action', 'add', `Task ${n}`);
    for (let n = 13; n >= 1; n--) await mentee('undo');
    expect(await titles()).toEqual([]);
    expect(JSON.parse(await mentee('doctor', '--json')).backups[0]).toMatchObject({ label: 'saved', ok: true });
    await mentee('doctor', '--restore', '2');
    expect(await titles()).toEqual(['Email the training lead']);
  });

  it('with nothing earlier kept, says so and changes nothing', async () => {
    await mentee('undo');
    await mentee('undo');
    await refused(['undo'], 1, 'Nothing to undo: no earlier change is kept (mentee keeps the last 50).');
    await mentee('redo');
    await mentee('redo');
    await refused(['redo'], 1, 'Nothing to redo');
  });

  it('on a damaged journal, changes nothing and points at mentee doctor', async () => {
    await writeFile(journal, '{');
    await refused(['undo'], 1, /not valid JSON.*mentee doctor/);
  });
});
