/**
 * `mentee edit` when the record changes while the editor is open: another command's change to the
 * same field is never overwritten silently, and the person's edit is never lost.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { expectOneLineError } from '../helpers/refusals.js';
import { cli, runCli, withLovelace } from '../helpers/run-cli.js';
import { editorScript, withEditor } from '../helpers/fake-editor.js';
import { pick, scripted } from '../helpers/scripted-prompter.js';

describe('mentee edit while the record changes meanwhile', () => {
  let journal: string;
  let dir: string;
  let cleanup: () => Promise<void>;
  let theirs: string;
  let seen: string;

  beforeEach(async () => {
    ({ journal, dir, cleanup } = await withLovelace());
    theirs = join(dir, 'theirs.json');
    seen = join(dir, 'seen.yaml');
    await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Specialty choice:15'], { journal });
    await cli(['action', 'add', 'Email the lead', '--due', '2026-12-04'], { journal });
  });
  afterEach(() => cleanup());

  const kept = (ref: string) => `${journal}.drafts/edit-${ref}.json`;
  const editor = (command: string) => withEditor(journal, command);

  /**
   * An editor that first changes the saved journal as another command would (`meanwhile` gets its JSON
   * as `saved`; null leaves it alone), then edits the form's `text` with `body`.
   */
  const script = (meanwhile: string, body: string) =>
    editorScript(
      dir,
      `let saved = JSON.parse(readFileSync(${JSON.stringify(journal)}, 'utf8'));\n${meanwhile}\n` +
        `if (saved) { const bytes = JSON.stringify(saved, null, 2); writeFileSync(${JSON.stringify(journal)}, bytes); writeFileSync(${JSON.stringify(theirs)}, bytes); }\n` +
        body,
      { seen },
    );

  /** Moved meanwhile to 10 Dec 18:00 (as `mentee meeting move` would), and to 17 Dec 17:30 with 45 minutes in the editor. */
  const bothMoved = () =>
    script(
      `saved.meetings[0].when = '2026-12-10T18:00:00.000Z';`,
      `text = text.replace(/^when: .*$/m, 'when: 2026-12-17 17:30').replace(/^length: .*$/m, 'length: 45');`,
    );

  it('refuses a field another command changed differently, names it, and keeps the edit for the next run', async () => {
    const result = await runCli(['edit', 'm1'], editor(await bothMoved()));
    expect(result.code, result.stderr).toBe(1);
    expectOneLineError(
      result.stderr,
      `Not saved: when of m1 was also changed by another command while the editor was open. Run mentee edit m1 again to see both and choose. Your edit is kept in ${kept('m1')}`,
    );
    expect(await readFile(journal)).toEqual(await readFile(theirs));
    expect((await stat(kept('m1'))).mode & 0o777).toBe(0o600);
  });

  it('the next run opens the kept edit beside the other change, and saving it applies yours', async () => {
    await runCli(['edit', 'm1'], editor(await bothMoved()));
    const result = await runCli(['edit', 'm1'], editor(await script('saved = null;', '')));
    expect(result.stderr).toContain('Opening your edit of m1 kept on');
    expect(result.stdout).toContain('Updated m1: when, length.');
    const form = await readFile(seen, 'utf8');
    expect(form).toContain('Changed meanwhile to: 2026-12-10 18:00. Yours is below');
    expect(form).toMatch(/^when: 2026-12-17 17:30$/m);
    expect((await readJournal(journal)).meetings[0]).toMatchObject({
      when: '2026-12-17T17:30:00.000Z',
      lengthMinutes: 45,
    });
    await expect(stat(kept('m1'))).rejects.toThrow(/ENOENT/);
  });

  it('keeps the other change when the kept edit is opened and the same field put back', async () => {
    await runCli(['edit', 'm1'], editor(await bothMoved()));
    const putBack = await script('saved = null;', `text = text.replace(/^when: .*$/m, 'when: 2026-12-10 18:00');`);
    expect(await cli(['edit', 'm1'], editor(putBack))).toContain('Updated m1: length.');
    expect((await readJournal(journal)).meetings[0]).toMatchObject({
      when: '2026-12-10T18:00:00.000Z',
      lengthMinutes: 45,
    });
  });

  it('is no conflict when both changed the field to the same value', async () => {
    const same = await script(
      `saved.meetings[0].when = '2026-12-17T17:30:00.000Z';`,
      `text = text.replace(/^when: .*$/m, 'when: 2026-12-17 17:30').replace(/^length: .*$/m, 'length: 45');`,
    );
    expect(await cli(['edit', 'm1'], editor(same))).toContain('Updated m1: when, length.');
    expect((await readJournal(journal)).meetings[0].lengthMinutes).toBe(45);
  });

  it('refuses a record removed meanwhile (as by undo) and keeps the edit', async () => {
    const removed = await script(
      `saved.actions = [];`,
      `text = text.replace('title: Email the lead', 'title: Email the training lead');`,
    );
    const result = await runCli(['edit', 'a1'], editor(removed));
    expect(result.code).toBe(1);
    expectOneLineError(
      result.stderr,
      `a1 no longer exists: it was removed while the editor was open (by mentee undo, perhaps), so nothing was changed. Your edit is kept in ${kept('a1')}`,
    );
    expect(await readFile(journal)).toEqual(await readFile(theirs));
    expect(JSON.parse(await readFile(kept('a1'), 'utf8')).answers.text).toContain('title: Email the training lead');
  });

  it('does not offer an edit kept for a removed record to a new record with its id', async () => {
    // As undo of the action's creation would: the action and its id both given back.
    const undone = `saved.actions = []; saved.counters.a = 1;`;
    await runCli(['edit', 'a1'], editor(await script(undone, `text = text.replace('lead', 'boss');`)));
    await cli(['action', 'add', 'Book the rota meeting'], { journal, now: '2026-11-25T10:00:00.000Z' });
    expect((await readJournal(journal)).actions[0].id).toBe('a1');
    const result = await runCli(['edit', 'a1'], editor('true'));
    expect(result.stderr).toContain(`An edit kept for an earlier a1, since removed, is left as it is in ${kept('a1')}`);
    expect(await readFile(seen, 'utf8').catch(() => '')).not.toContain('title: Email the boss');
    expect(await readFile(kept('a1'), 'utf8')).toContain('Email the boss');
  });

  it('on a terminal shows the conflict and reopens the form with the other change, then saves yours', async () => {
    const count = join(dir, 'count');
    const twice = await script(
      `let n = 0; try { n = Number(readFileSync(${JSON.stringify(count)}, 'utf8')); } catch {}
      writeFileSync(${JSON.stringify(count)}, String(n + 1));
      if (n) saved = null; else saved.meetings[0].when = '2026-12-10T18:00:00.000Z';`,
      `if (!n) text = text.replace(/^when: .*$/m, 'when: 2026-12-17 17:30');`,
    );
    const prompter = scripted([[/not saved/, pick(/Edit it again, with the other change shown/)]]);
    await cli(['edit', 'm1'], { ...editor(twice), interactive: true, prompter });
    expect(prompter.said.join('\n')).toContain('when of m1 was also changed by another command');
    expect(await readFile(seen, 'utf8')).toContain('Changed meanwhile to: 2026-12-10 18:00');
    expect((await readJournal(journal)).meetings[0].when).toBe('2026-12-17T17:30:00.000Z');
    await expect(stat(kept('m1'))).rejects.toThrow(/ENOENT/);
  });

  it('on a terminal, the next run can discard the kept edit and start from the journal', async () => {
    await runCli(['edit', 'm1'], editor(await bothMoved()));
    const prompter = scripted([[/kept on .* was not saved/, pick(/Start from the journal/)]]);
    const result = await runCli(['edit', 'm1'], { ...editor('true'), interactive: true, prompter });
    expect(result.stderr).toContain('Nothing changed in m1.');
    await expect(stat(kept('m1'))).rejects.toThrow(/ENOENT/);
    expect((await readJournal(journal)).meetings[0].when).toBe('2026-12-10T18:00:00.000Z');
  });
});
