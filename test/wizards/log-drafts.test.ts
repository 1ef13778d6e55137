import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { logCommand } from '../../src/commands/log.js';
import { NOW } from '../core/fixtures.js';
import { commandContext, CTRL_C, pick, scripted, tempStores, type ScriptLine } from '../helpers/scripted-prompter.js';
import { FULL_LOG, withAdaToLog } from './log-fixtures.js';
import { withoutUids } from '../helpers/uids.js';

const fullLog = FULL_LOG;

function stoppedAt(n: number): ScriptLine[] {
  const script = fullLog.slice(0, n);
  script[n - 1] = [(script[n - 1] as [RegExp, unknown])[0], CTRL_C];
  return script;
}

describe('a log stopped half-way loses nothing', () => {
  const newStore = tempStores(NOW);

  async function setUp() {
    const temp = await newStore();
    await temp.store.update(withAdaToLog);
    return { ...temp, drafts: `${temp.path}.drafts` };
  }

  async function uninterrupted() {
    const { store } = await setUp();
    const prompt = scripted(fullLog);
    await logCommand(commandContext(store, NOW, prompt), undefined, {});
    prompt.done();
    const { meetings, actions } = await store.read();
    return { meetings, actions };
  }

  it.each([3, 7, 10, 14, 19, 20])(
    'Ctrl-C at question %i, then the next log resumes and saves what an uninterrupted one does',
    async (n) => {
      const expected = await uninterrupted();
      const { store, bytes, drafts } = await setUp();
      const before = await bytes();
      const first = scripted(stoppedAt(n));
      await expect(logCommand(commandContext(store, NOW, first), undefined, {})).rejects.toMatchObject({
        name: 'ExitPromptError',
      });
      first.done();
      expect(await bytes()).toEqual(before);
      expect(await readdir(drafts)).toEqual(['log-m1.json']);

      const second = scripted([[/You left your notes on m1 unfinished/, pick(/Resume/)], ...fullLog.slice(n - 1)]);
      await logCommand(commandContext(store, NOW, second), undefined, {});
      second.done();
      const { meetings, actions } = await store.read();
      expect(withoutUids({ meetings, actions })).toEqual(withoutUids(expected));
      expect(await readdir(drafts)).toEqual([]);
    },
  );

  it('a draft left while another mentee logged the meeting is offered as an amendment', async () => {
    const { store, drafts } = await setUp();
    await expect(logCommand(commandContext(store, NOW, scripted(stoppedAt(8))), undefined, {})).rejects.toThrow();
    // Another process logs m1 meanwhile.
    await logCommand(commandContext(store, NOW, scripted([])), 'm1', { yes: true, advice: ['Rest more'] });
    const prompt = scripted([
      [/You left your notes on m1 unfinished/, pick(/Add them to the notes of m1, which was logged meanwhile/)],
      ...fullLog.slice(7),
    ]);
    const ctx = commandContext(store, NOW, prompt);
    await logCommand(ctx, undefined, {});
    prompt.done();
    const log = (await store.read()).meetings[0]!.log!;
    expect(log.advice).toEqual(['Rest more', 'Talk to three GPs', 'Shadow a clinic']);
    expect(log.decisions).toEqual(['Apply for GP training']);
    expect(await readdir(drafts)).toEqual([]);
  });

  it('a meeting logged by another mentee while the wizard was open: the answers are added to its notes', async () => {
    const { store, drafts } = await setUp();
    const script = [...fullLog];
    script[9] = [
      /Decisions you made/,
      async () => {
        await logCommand(commandContext(store, NOW, scripted([])), 'm1', { yes: true, decision: ['Take a break'] });
        return 'Apply for GP training';
      },
    ];
    const prompt = scripted([...script, [/m1 was logged meanwhile, by another mentee\. Add your notes to it\?/, true]]);
    await logCommand(commandContext(store, NOW, prompt), undefined, {});
    prompt.done();
    const log = (await store.read()).meetings[0]!.log!;
    expect(log.decisions).toEqual(['Take a break', 'Apply for GP training']);
    expect(log.advice).toEqual(['Talk to three GPs', 'Shadow a clinic']);
    expect(await readdir(drafts)).toEqual([]);
  });

  it('declining to add them keeps them as a draft for the next log', async () => {
    const { store, drafts } = await setUp();
    const script = [...fullLog];
    script[9] = [
      /Decisions you made/,
      async () => {
        await logCommand(commandContext(store, NOW, scripted([])), 'm1', { yes: true, decision: ['Take a break'] });
        return 'Apply for GP training';
      },
    ];
    const prompt = scripted([...script, [/logged meanwhile/, false]]);
    const ctx = commandContext(store, NOW, prompt);
    await expect(logCommand(ctx, undefined, {})).rejects.toMatchObject({ problem: { code: 'meeting-already-logged' } });
    prompt.done();
    expect(ctx.err[0]).toMatch(/^\d+ answers kept as a draft; run mentee log again to add them\.$/);
    expect(await readdir(drafts)).toEqual(['log-m1.json']);
  });
});
