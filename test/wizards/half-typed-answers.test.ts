import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logCommand } from '../../src/commands/log.js';
import { prepCommand } from '../../src/commands/prep.js';
import { NOW } from '../core/fixtures.js';
import { commandContext, ENTER, ESCAPE, pick, scripted, tempStores, typesThen } from '../helpers/scripted-prompter.js';
import { FULL_LOG, withAdaToLog } from './log-fixtures.js';
import { FULL_FIRST_PREP, withAdaToPrepare } from './prep-fixtures.js';

describe('text typed and not yet given is kept with the draft', () => {
  const newStore = tempStores(NOW);

  it('half-typed advice survives Ctrl-C and is offered again', async () => {
    const { store, path, bytes } = await newStore();
    await store.update(withAdaToLog);
    const before = await bytes();
    // Five answers, then half a piece of advice typed when Ctrl-C is pressed.
    const first = scripted([...FULL_LOG.slice(0, 5), [/Advice you received/, typesThen('Talk to three G')]]);
    const ctx = commandContext(store, NOW, first);
    await expect(logCommand(ctx, undefined, {})).rejects.toMatchObject({ name: 'ExitPromptError' });
    first.done();
    expect(await bytes()).toEqual(before);
    expect(ctx.err).toEqual(['5 answers and a half-typed one kept as a draft; run mentee log again to resume them.']);

    const second = scripted([
      [/^You left your notes on m1 unfinished \(5 answers and a half-typed one, .*\)\. Resume it\?$/, pick(/Resume/)],
      [/Advice you received/, 'Talk to three GPs'],
      ...FULL_LOG.slice(6),
    ]);
    await logCommand(commandContext(store, NOW, second), undefined, {});
    second.done();
    expect(second.question(/Advice you received/)!.typed).toBe('Talk to three G');
    expect(second.asked.filter((question) => question.typed !== undefined)).toHaveLength(1);
    expect((await store.read()).meetings[0]!.log!.advice).toEqual(['Talk to three GPs', 'Shadow a clinic']);
    expect(await readdir(`${path}.drafts`)).toEqual([]);
  });

  it('the half-typed text is in the private draft, never in the journal', async () => {
    const { store, path } = await newStore();
    await store.update(withAdaToLog);
    const first = scripted([...FULL_LOG.slice(0, 9), [/Decisions you made/, typesThen('Apply for GP tr')]]);
    await expect(logCommand(commandContext(store, NOW, first), undefined, {})).rejects.toThrow();
    const draft = JSON.parse(await readFile(join(`${path}.drafts`, 'log-m1.json'), 'utf8')) as { typing: unknown };
    expect(draft.typing).toEqual({
      key: 'decisions:1',
      message: expect.stringMatching(/Decisions/),
      text: 'Apply for GP tr',
    });
    expect(await readFile(path, 'utf8')).not.toContain('Apply for GP tr');
  });

  it('a half-typed intention survives Escape after a confirmation, and the agenda is saved with it finished', async () => {
    const { store, path } = await newStore();
    await store.update(withAdaToPrepare);
    const first = scripted([
      ...FULL_FIRST_PREP.slice(0, 3),
      [/walk away with/, typesThen('A decision pl', ESCAPE)],
      [/^Discard 3 answers and a half-typed one\? They are kept as a draft otherwise$/, ENTER],
    ]);
    const ctx = commandContext(store, NOW, first);
    await expect(prepCommand(ctx, {})).rejects.toMatchObject({ name: 'AbortPromptError' });
    first.done();
    expect(ctx.err).toEqual(['3 answers and a half-typed one kept as a draft; run mentee prep again to resume them.']);

    const second = scripted([
      [/You left your prep of a meeting with lovelace unfinished \(3 answers and a half-typed one/, pick(/Resume/)],
      [/walk away with/, ENTER],
      ...FULL_FIRST_PREP.slice(4),
      [/Write it as Markdown/, false],
    ]);
    await prepCommand(commandContext(store, NOW, second), {});
    second.done();
    expect(second.question(/walk away with/)!.typed).toBe('A decision pl');
    expect((await store.read()).meetings[0]!.prep!.intention).toBe('A decision pl');
    expect(await readdir(`${path}.drafts`)).toEqual([]);
  });
});
