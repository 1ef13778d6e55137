/** Undo, redo and history: the last 50 changes, kept inside the journal, one step at a time. */
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_KEPT } from '../../src/core/history.js';
import { readJournal } from '../helpers/cli.js';
import { cli, runCli, withLovelace } from '../helpers/run-cli.js';

let journal: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ journal, cleanup } = await withLovelace()));
afterEach(() => cleanup());

const mentee = (...args: string[]) => cli(args, { journal });
const titles = async () => (await readJournal(journal)).actions.map((action: { title: string }) => action.title);
const ids = async () => (await readJournal(journal)).actions.map((action: { id: string }) => action.id);

/** A refusal: one line, exit 1, and the journal byte for byte as it was. */
async function refused(args: string[], says: string): Promise<void> {
  const before = await readFile(journal);
  const result = await runCli(args, { journal });
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toMatch(/^mentee: [^\n]*\n$/);
  expect(result.stderr).toContain(says);
  expect(result.stdout).toBe('');
  expect(await readFile(journal)).toEqual(before);
}

describe('mentee undo', () => {
  it('undo steps back through 50 changes one at a time, then says nothing older is kept', async () => {
    for (let n = 1; n <= HISTORY_KEPT + 2; n++) await mentee('action', 'add', `Task ${n}`);
    expect(await mentee('undo')).toBe(
      `Undid: added action a${HISTORY_KEPT + 2} "Task ${HISTORY_KEPT + 2}" (25 Nov 09:00). ${HISTORY_KEPT - 1} more changes can be undone; mentee redo puts it back.\n`,
    );
    for (let n = HISTORY_KEPT + 1; n > 3; n--) expect(await mentee('undo')).toContain(`added action a${n} "Task ${n}"`);
    expect(await mentee('undo')).toContain(
      'Undid: added action a3 "Task 3" (25 Nov 09:00). No earlier change is kept to undo; mentee redo puts it back.',
    );
    expect(await titles()).toEqual(['Task 1', 'Task 2']);
    await refused(['undo'], 'Nothing to undo: no earlier change is kept (mentee keeps the last 50).');
  });

  it('the first change of a new journal can be undone', async () => {
    expect(await mentee('undo')).toContain('Undid: added mentor lovelace "Dr Ada Lovelace"');
    expect((await readJournal(journal)).mentors).toEqual([]);
    await refused(['undo'], 'Nothing to undo');
  });

  it('an id is never reused after undo', async () => {
    await mentee('action', 'add', 'Email the lead');
    await mentee('action', 'add', 'Book leave');
    await mentee('undo');
    expect(await mentee('action', 'add', 'Read the guide')).toContain('Added a3: Read the guide.');
    expect(await ids()).toEqual(['a1', 'a3']);
    await mentee('undo');
    await mentee('undo');
    expect(await mentee('action', 'add', 'Again')).toContain('Added a4: Again.');
  });

  it('after done, reopens the action, and says what changed', async () => {
    await mentee('action', 'add', 'Email the lead');
    await mentee('done', 'a1');
    expect(await mentee('undo')).toContain('Undid: changed action a1 "Email the lead" (status open → done)');
    expect((await readJournal(journal)).actions[0].status).toBe('open');
    expect((await readJournal(journal)).actions[0].completedAt).toBeUndefined();
  });

  it('puts a record removed by a change back in its place', async () => {
    for (const title of ['One', 'Two', 'Three']) await mentee('action', 'add', title);
    const saved = (await readJournal(journal)).actions;
    const edited = JSON.parse(await readFile(journal, 'utf8'));
    // A change that removes a record in the middle, as recorded by mentee (the file is then left as it saved it).
    edited.history.undo.push({
      at: '2026-11-25T09:00:00.000Z',
      records: [{ kind: 'action', id: 'a2', index: 1, before: saved[1], after: null }],
    });
    edited.actions.splice(1, 1);
    await writeFile(journal, JSON.stringify(edited));
    await mentee('undo');
    expect(await titles()).toEqual(['One', 'Two', 'Three']);
  });

  it('undo refuses to overwrite a record changed by hand since', async () => {
    await mentee('action', 'add', 'Email the lead');
    await writeFile(
      journal,
      (await readFile(journal, 'utf8')).replace('"title": "Email the lead"', '"title": "Phone the lead"'),
    );
    await refused(
      ['undo'],
      'Cannot undo: action a1 "Phone the lead" has been changed outside mentee since, and undoing that change would lose it. Nothing was changed.',
    );
  });

  it('--json names the records the undone change touched, and how far undo and redo can go', async () => {
    await mentee('action', 'add', 'Email the lead');
    expect(JSON.parse(await mentee('undo', '--json'))).toEqual({
      undid: [{ kind: 'action', id: 'a1', title: 'Email the lead', change: 'added', fields: [] }],
      at: '2026-11-25T09:00:00.000Z',
      summary: 'Undid: added action a1 "Email the lead" (25 Nov 09:00).',
      undoable: 1,
      redoable: 1,
    });
  });
});

describe('mentee redo', () => {
  it('redo steps forward again, and a new change clears redo', async () => {
    await mentee('action', 'add', 'Email the lead');
    await mentee('action', 'add', 'Book leave');
    const saved = await readJournal(journal);
    await mentee('undo');
    await mentee('undo');
    expect(await mentee('redo')).toBe(
      'Redid: added action a1 "Email the lead" (25 Nov 09:00). 1 more change can be redone; mentee undo takes it back.\n',
    );
    expect(await mentee('redo')).toContain('Nothing more to redo; mentee undo takes it back.');
    const now = await readJournal(journal);
    expect([now.actions, now.counters]).toEqual([saved.actions, saved.counters]);
    await refused(['redo'], 'Nothing to redo: no undone change is waiting (a new change after an undo clears them).');

    await mentee('undo');
    await mentee('action', 'add', 'Read the guide');
    await refused(['redo'], 'Nothing to redo');
    expect(await titles()).toEqual(['Email the lead', 'Read the guide']);
  });

  it('a command that changes nothing leaves redo as it was', async () => {
    await mentee('action', 'add', 'Email the lead');
    await mentee('undo');
    await runCli(['done', 'a9'], { journal });
    expect(await mentee('redo')).toContain('Redid: added action a1');
  });
});

describe('mentee history', () => {
  it('history lists recent changes newest first without private notes', async () => {
    await mentee('action', 'add', 'Email the lead');
    await mentee(
      'log',
      '--mentor',
      'lovelace',
      '--when',
      '2026-11-20 10:00',
      '--advice',
      'Talk to GPs',
      '--private',
      'I felt hopeless about it',
      '--yes',
    );
    await mentee('done', 'a1');
    await mentee('undo');
    const out = await mentee('history');
    expect(out).toMatch(
      /^Changes, newest first:\n {2}25 Nov 09:00 {2}undone {2}changed action a1 "Email the lead" \(status open → done\)\n/,
    );
    expect(out).toMatch(/^ {2}25 Nov 09:00 {10}added meeting m1$/m);
    expect(out).toMatch(/^ {2}25 Nov 09:00 {10}added action a1 "Email the lead"$/m);
    expect(out).toMatch(
      /added mentor lovelace "Dr Ada Lovelace"\n\nmentee undo steps back through 3 changes, and mentee redo puts back the 1 undone\.\n$/,
    );
    const report = await mentee('history', '--json');
    for (const text of [out, report]) {
      expect(text).not.toContain('hopeless');
      expect(text).not.toContain('Talk to GPs');
    }
    const json = JSON.parse(report);
    expect(json).toMatchObject({ undoable: 3, redoable: 1 });
    expect(json.changes[0]).toEqual({
      at: '2026-11-25T09:00:00.000Z',
      undone: true,
      summary: 'changed action a1 "Email the lead" (status open → done)',
      records: [{ kind: 'action', id: 'a1', title: 'Email the lead', change: 'changed', fields: ['status'] }],
    });
    expect(await mentee('history', '--limit', '1')).toContain('… 3 older changes (mentee history --limit 4)');
  });

  it('exports never include the history, not even a record only the history still has', async () => {
    await mentee('action', 'add', 'Secret plan to leave');
    await mentee('undo');
    const exported = await mentee('export', '--all', '--format', 'json');
    expect(Object.keys(JSON.parse(exported))).not.toContain('history');
    expect(exported).not.toContain('Secret plan');
    expect(await mentee('export', '--schema')).not.toMatch(/history|"undo"|"redo"/);
    expect(await mentee('show', 'lovelace', '--json')).not.toContain('history');
  });
});
