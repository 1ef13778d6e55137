/** `mentee edit` with an editor that is a script, as git allows: the command line run in process. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { refused } from '../helpers/refusals.js';
import { cli, runCli, withLovelace } from '../helpers/run-cli.js';
import { editorScript, withEditor } from '../helpers/fake-editor.js';
import { pick, scripted } from '../helpers/scripted-prompter.js';

describe('mentee edit', () => {
  let journal: string;
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ journal, dir, cleanup } = await withLovelace());
    await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Specialty choice:15', '--topic', 'Rota:10'], {
      journal,
    });
    await cli(['action', 'add', 'Email the lead', '--due', '2026-12-04'], { journal });
  });
  afterEach(() => cleanup());

  const editor = (command: string) => withEditor(journal, command);
  const script = (body: string) => editorScript(dir, body);

  it('applies what a sed editor changed, and undo reverts it', async () => {
    const out = await cli(['edit', 'm1'], editor('sed -i s/Rota/Rota\\ swap/'));
    expect(out).toContain('Updated m1: topics.');
    expect((await readJournal(journal)).meetings[0].prep.topics[1]).toEqual({ title: 'Rota swap', minutes: 10 });
    await cli(['undo'], { journal });
    expect((await readJournal(journal)).meetings[0].prep.topics[1].title).toBe('Rota');
  });

  it('changes nothing when the form is saved as it was', async () => {
    const before = await readFile(journal);
    const result = await runCli(['edit', 'm1'], editor('true'));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Nothing changed in m1.');
    expect(await readFile(journal)).toEqual(before);
  });

  it('refuses a bad value in one line without a terminal, the journal byte-identical', async () => {
    await refused(
      ['edit', 'm1'],
      journal,
      2,
      'length: must be a whole number of minutes',
      editor('sed -i s/^length:.*/length:\\ half/'),
    );
  });

  it('refuses a form it cannot read, naming the line', async () => {
    await refused(['edit', 'a1'], journal, 2, /line \d+: /, editor('sed -i s/^title:/\\ \\ title/'));
  });

  it('refuses changing what cannot be changed', async () => {
    await refused(['edit', 'a1'], journal, 1, 'id of a1 cannot be edited', editor('sed -i 1i\\id:\\ a7'));
  });

  it('keeps a change another command made while the editor was open', async () => {
    const concurrent = await script(`
      const saved = JSON.parse(readFileSync(${JSON.stringify(journal)}, 'utf8'));
      saved.actions[0].title = 'Email the training lead';
      writeFileSync(${JSON.stringify(journal)}, JSON.stringify(saved, null, 2));
      text = text.replace('due: 2026-12-04', 'due: 2026-12-11');`);
    await cli(['edit', 'a1'], editor(concurrent));
    expect((await readJournal(journal)).actions[0]).toMatchObject({
      title: 'Email the training lead',
      due: '2026-12-11',
    });
  });

  it('reads dates as flags do', async () => {
    await cli(['edit', 'm1'], editor(await script(`text = text.replace(/^when: .*$/m, 'when: 2026-12-10 18:15');`)));
    expect((await readJournal(journal)).meetings[0].when).toBe('2026-12-10T18:15:00.000Z');
  });

  it('refuses text that looks like a patient identifier unless --allow-identifiers', async () => {
    const nhs = editor(await script(`text = text.replace('title: Email the lead', 'title: Call about 943 476 5919');`));
    await refused(['edit', 'a1'], journal, 2, 'The title of a1 looks like it contains an NHS number', nhs);
    await cli(['--allow-identifiers', 'edit', 'a1'], nhs);
    expect((await readJournal(journal)).actions[0].title).toBe('Call about 943 476 5919');
  });

  it('on a terminal asks about an NHS number written with dots in mentee edit, and takes it out', async () => {
    const nhs = await script(`text = text.replace('title: Email the lead', 'title: Call about 943.476.5919');`);
    const prompter = scripted([[/Keep it/, pick(/Take it out/)]]);
    await cli(['edit', 'a1'], { ...editor(nhs), interactive: true, prompter });
    expect(prompter.said).toEqual([
      'The title of a1 looks like it contains an NHS number (943.476.5919). Mentoring notes are not a place for patient data.',
    ]);
    expect((await readJournal(journal)).actions[0].title).toBe('Call about [removed]');
    prompter.done();
    const keep = scripted([[/Keep it/, pick(/not patient data/)]]);
    await cli(['edit', 'a1'], {
      ...editor(await script(`text = text.replace('[removed]', '943.476.5919');`)),
      interactive: true,
      prompter: keep,
    });
    expect((await readJournal(journal)).actions[0].title).toBe('Call about 943.476.5919');
  });

  it('leaves private reflections out of the form unless --include-private, and keeps them', async () => {
    await cli(['log', 'm1', '--covered', '1', '--private', 'Felt unsure', '--when', '2026-11-24 17:30'], { journal });
    const seen = join(dir, 'seen.yaml');
    const copy = await script(
      `writeFileSync(${JSON.stringify(seen)}, text); text = text.replace(/^mode: .*$/m, 'mode: video');`,
    );
    await cli(['edit', 'm1'], editor(copy));
    expect(await readFile(seen, 'utf8')).not.toContain('Felt unsure');
    expect((await readJournal(journal)).meetings[0].log.privateReflection).toBe('Felt unsure');
    await cli(['edit', 'm1', '--include-private'], editor(copy));
    expect(await readFile(seen, 'utf8')).toContain('private-reflection: Felt unsure');
  });

  it('on a terminal shows the problem and reopens the form, then saves the fix', async () => {
    const count = join(dir, 'count');
    const twice = await script(`
      let n = 0; try { n = Number(readFileSync(${JSON.stringify(count)}, 'utf8')); } catch {}
      writeFileSync(${JSON.stringify(count)}, String(n + 1));
      text = text.replace(/^length: .*$/m, n ? 'length: 45' : 'length: soon');`);
    const prompter = scripted([[/not saved/, pick(/Edit it again/)]]);
    await cli(['edit', 'm1'], { ...editor(twice), interactive: true, prompter });
    expect((await readJournal(journal)).meetings[0].lengthMinutes).toBe(45);
    expect(await readFile(count, 'utf8')).toBe('2');
  });

  it('on a terminal, abandoning leaves the journal byte-identical', async () => {
    const before = await readFile(journal);
    const prompter = scripted([[/not saved/, pick(/Abandon/)]]);
    const result = await runCli(['edit', 'm1'], {
      ...editor('sed -i s/^length:.*/length:\\ soon/'),
      interactive: true,
      prompter,
    });
    expect(result.code).toBe(0);
    expect(await readFile(journal)).toEqual(before);
  });

  it('writes the form owner-only in a private folder and removes it afterwards', async () => {
    const where = join(dir, 'where');
    const note = await script(
      `import { statSync } from 'node:fs'; import { dirname } from 'node:path';\n` +
        `writeFileSync(${JSON.stringify(where)}, JSON.stringify([file, statSync(file).mode & 0o777, statSync(dirname(file)).mode & 0o777]));`,
    );
    await runCli(['edit', 'a1'], editor(note));
    const [file, mode, folderMode] = JSON.parse(await readFile(where, 'utf8')) as [string, number, number];
    expect([mode, folderMode]).toEqual([0o600, 0o700]);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });

  it('refuses when the editor fails, changing nothing', async () => {
    await refused(['edit', 'm1'], journal, 1, 'The editor (false) stopped with exit code 1', editor('false'));
  });
});
