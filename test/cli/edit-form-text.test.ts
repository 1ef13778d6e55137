/** The text `mentee edit` opens is YAML: what a person types in it is read as YAML reads it, and kept as text. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { refused } from '../helpers/refusals.js';
import { cli, runCli, withLovelace } from '../helpers/run-cli.js';
import { editorScript, withEditor } from '../helpers/fake-editor.js';
import { pick, scripted } from '../helpers/scripted-prompter.js';

describe('the form of mentee edit as YAML', () => {
  let journal: string;
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ journal, dir, cleanup } = await withLovelace());
    await cli(['action', 'add', 'Email the lead', '--due', '2026-12-04'], { journal });
  });
  afterEach(() => cleanup());

  const editor = (command: string) => withEditor(journal, command);
  /** Keeps a copy of what it opened in `seen`, then runs `body` on `text`. */
  const script = (body: string) => editorScript(dir, body, { seen: join(dir, 'seen') });
  const seen = () => readFile(join(dir, 'seen'), 'utf8');
  const retitle = async (line: string) =>
    cli(['edit', 'a1'], editor(await script(`text = text.replace(/^title: .*$/m, ${JSON.stringify(line)});`)));

  it.each(['2026-12-03', '42', '1e3', 'no', 'yes', 'true', 'off'])(
    'a title that YAML would read as a date, number or yes/no stays text (%s)',
    async (title) => {
      await retitle(`title: ${title}`);
      expect((await readJournal(journal)).actions[0].title).toBe(title);
      const again = await runCli(['edit', 'a1'], editor(await script('')));
      expect(again.stderr).toContain('Nothing changed in a1.');
      expect(await seen()).toContain(`\ntitle: ${title}\n`);
    },
  );

  it('a title "null" typed in quotes stays text, while an empty one is refused as empty', async () => {
    await retitle('title: "null"');
    expect((await readJournal(journal)).actions[0].title).toBe('null');
    await runCli(['edit', 'a1'], editor(await script('')));
    expect(await seen()).toContain('\ntitle: "null"\n');
    await refused(['edit', 'a1'], journal, 1, 'title of a1: must not be empty', editor('sed -i s/^title:.*/title:/'));
  });

  it('a quoted value with a colon and # survives the round trip', async () => {
    await retitle(`title: "Ask: which rota? #1"`);
    expect((await readJournal(journal)).actions[0].title).toBe('Ask: which rota? #1');
    const again = await runCli(['edit', 'a1'], editor(await script('')));
    expect(again.stderr).toContain('Nothing changed in a1.');
    expect(await seen()).toContain(`\ntitle: "Ask: which rota? #1"\n`);
    await retitle(`title: 'It''s 5pm: ring # 2' # a comment after it`);
    expect((await readJournal(journal)).actions[0].title).toBe("It's 5pm: ring # 2");
  });

  it('a YAML syntax error names its line and reopens', async () => {
    const count = join(dir, 'count');
    const twice = await script(`
      let n = 0; try { n = Number(readFileSync(${JSON.stringify(count)}, 'utf8')); } catch {}
      writeFileSync(${JSON.stringify(count)}, String(n + 1));
      text = text.replace(/^title: .*$/m, n ? 'title: "Ask: which rota?"' : 'title: Ask: which rota?');`);
    const prompter = scripted([[/not saved/, pick(/Edit it again/)]]);
    await cli(['edit', 'a1'], { ...editor(twice), interactive: true, prompter });
    expect(prompter.said.join('\n')).toMatch(/^line 7: .*put text holding ": " in quotes/m);
    expect(await seen()).toMatch(/^# Not saved: line 7: /);
    expect((await readJournal(journal)).actions[0].title).toBe('Ask: which rota?');
    expect(await readFile(count, 'utf8')).toBe('2');
  });

  it('a YAML syntax error without a terminal is one line naming its line, the journal unchanged', async () => {
    await refused(['edit', 'a1'], journal, 2, /^mentee: line 7: /, editor('sed -i s/^title:.*/title:\\ a:\\ b/'));
    await refused(['edit', 'a1'], journal, 2, 'line 9: "title" is given twice', editor('sed -i 9i\\title:\\ again'));
  });

  it('refuses "name: value" lines where text is expected, naming the line', async () => {
    const nested = editor(await script(`text = text.replace(/^title: .*$/m, 'title:\\n  first: Email\\n');`));
    await refused(['edit', 'a1'], journal, 2, /line 8: "title" takes text, not a list or "name: value" lines/, nested);
  });

  it('text typed as a folded or literal block is kept with its line breaks', async () => {
    const literal = `end-note: |\n  Thank you.\n    Indented line.\n\n  Last paragraph.\n`;
    await cli(
      ['edit', 'lovelace'],
      editor(await script(`text = text.replace(/^end-note:.*$/m, ${JSON.stringify(literal)});`)),
    );
    expect((await readJournal(journal)).mentors[0].endNote).toBe('Thank you.\n  Indented line.\n\nLast paragraph.');
    await runCli(['edit', 'lovelace'], editor(await script('')));
    expect(await seen()).toContain('end-note: |-\n  Thank you.\n    Indented line.\n\n  Last paragraph.\n');

    const folded = `end-note: >\n  One long\n  sentence.\n\n  Second paragraph.\n`;
    await cli(
      ['edit', 'lovelace'],
      editor(await script(`text = text.replace(/^end-note:[^]*/m, ${JSON.stringify(folded)});`)),
    );
    expect((await readJournal(journal)).mentors[0].endNote).toBe('One long sentence.\nSecond paragraph.');
  });
});
