import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepCommand } from '../../src/commands/prep.js';
import { action, goal, NOW, worded } from '../core/fixtures.js';
import { commandContext, CTRL_C, scripted, tempStores } from '../helpers/scripted-prompter.js';
import { FULL_FIRST_PREP, withAdaToPrepare } from './prep-fixtures.js';

describe('mentee prep on a terminal (command)', () => {
  const newStore = tempStores(NOW);

  async function setUp() {
    const temp = await newStore();
    await temp.store.update(withAdaToPrepare);
    return temp;
  }

  const fullPrep = FULL_FIRST_PREP;

  it('shows the agenda as it will be shared, saves it, and writes Markdown to send ahead when asked', async () => {
    const { store, dir } = await setUp();
    const file = join(dir, 'agenda.md');
    const prompt = scripted([...fullPrep, [/Write it as Markdown to send ahead\?/, true], [/^File:$/, file]]);
    const ctx = commandContext(store, NOW, prompt);
    await prepCommand(ctx, {});
    prompt.done();
    const preview = prompt.said.find((line) => line.includes('# Agenda: meeting with Dr Ada Lovelace'));
    expect(preview).toContain('| 1 | Specialty choice | decision | 30 |');
    expect(preview).toContain('**What I want from this meeting:** A decision plan');
    expect(preview).toContain('Draft the audit proposal — blocked: Waiting on the rota');
    expect(ctx.out).toEqual(['Saved the agenda for m1.', `Wrote ${file}.`]);
    const saved = await store.read();
    expect(saved.meetings[0]!.prep).toMatchObject({
      intention: 'A decision plan',
      topics: [{ title: 'Specialty choice', kind: 'decision', minutes: 30 }],
      goals: ['g1'],
      reflections: [{ prompt: 'What do you want to gain from this relationship?', answer: 'Honest advice' }],
      template: 'first-meeting',
    });
    const markdown = await readFile(file, 'utf8');
    expect(markdown).toContain('# Agenda: meeting with Dr Ada Lovelace');
    expect(markdown).toContain('| 1 | Specialty choice | decision | 30 |');
  });

  it('answering no to "Save this agenda?" writes nothing and says so', async () => {
    const { store, bytes } = await setUp();
    const before = await bytes();
    const prompt = scripted([...fullPrep.slice(0, -1), [/Save this agenda\?/, false]]);
    const ctx = commandContext(store, NOW, prompt);
    await prepCommand(ctx, {});
    prompt.done();
    expect(ctx.err).toContain('Nothing was saved.');
    expect(await bytes()).toEqual(before);
  });

  it.each(fullPrep.map((line, at) => [at + 1, (line as [RegExp, unknown])[0]] as const))(
    'Ctrl-C at question %i (%s) stops the wizard and leaves the journal byte for byte unchanged',
    async (number) => {
      const { store, bytes } = await setUp();
      const before = await bytes();
      const script = fullPrep.slice(0, number);
      script[number - 1] = [(script[number - 1] as [RegExp, unknown])[0], CTRL_C];
      const prompt = scripted(script);
      await expect(prepCommand(commandContext(store, NOW, prompt), {})).rejects.toMatchObject({
        name: 'ExitPromptError',
      });
      prompt.done();
      expect(await bytes()).toEqual(before);
    },
  );

  it('Ctrl-C at the Markdown offer, after the agenda was saved, is not reported as "nothing was saved"', async () => {
    const { store, bytes } = await setUp();
    const before = await bytes();
    const prompt = scripted([...fullPrep, [/Write it as Markdown/, CTRL_C]]);
    const outcome = await prepCommand(commandContext(store, NOW, prompt), {}).then(
      () => 'finished',
      (error: Error) => error.name,
    );
    const changed = !(await bytes())!.equals(before!);
    // main answers an ExitPromptError with "Stopped; nothing was saved." (exit 130): only true if nothing changed.
    if (outcome === 'ExitPromptError')
      expect(changed, 'the agenda was saved, yet the user is told nothing was saved').toBe(false);
    else expect(changed).toBe(true);
  });

  it('a wizard left open never overwrites changes made to the journal meanwhile', async () => {
    const { store } = await setUp();
    const script = [...fullPrep];
    script[script.findIndex((line) => Array.isArray(line) && line[0].source.includes('walk away'))] = [
      /walk away with/,
      async () => {
        // Meanwhile, in another terminal: a new goal and a finished action.
        await store.update((j) => {
          goal(j, { title: 'Publish the audit', category: 'research' });
          action(j, { title: 'Renew my indemnity' });
        });
        return 'A decision plan';
      },
    ];
    const prompt = scripted([...script, [/Write it as Markdown/, false]]);
    await prepCommand(commandContext(store, NOW, prompt), {});
    prompt.done();
    const saved = await store.read();
    expect(saved.goals.map((g) => g.title)).toContain('Publish the audit');
    expect(saved.actions.map((a) => a.title)).toContain('Renew my indemnity');
    expect(saved.meetings[0]!.prep!.intention).toBe('A decision plan');
  });

  it('--yes asks nothing and saves what the flags give', async () => {
    const { store } = await setUp();
    const prompt = scripted([]);
    const ctx = commandContext(store, NOW, prompt);
    await prepCommand(ctx, { yes: true, when: '2026-12-03 17:30', topic: ['Specialty choice:15'] });
    prompt.done();
    expect(prompt.asked).toEqual([]);
    expect((await store.read()).meetings[0]!.prep!.topics).toEqual([{ title: 'Specialty choice', minutes: 15 }]);
  });

  it('without a terminal and without --when it stops naming the missing flag, asking nothing', async () => {
    const { store, bytes } = await setUp();
    const before = await bytes();
    const prompt = scripted([]);
    await expect(
      worded(() => prepCommand(commandContext(store, NOW, prompt, { interactive: false }), {})),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--when'),
    });
    expect(prompt.asked).toEqual([]);
    expect(await bytes()).toEqual(before);
  });
});
