import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { logCommand } from '../../src/commands/log.js';
import { prepMeeting } from '../../src/core/prep.js';
import { daysBefore, goal, mentor, NOW, prepInput } from '../core/fixtures.js';
import {
  commandContext,
  CTRL_C,
  ENTER,
  pick,
  scripted,
  tempStores,
  type ScriptLine,
} from '../helpers/scripted-prompter.js';

const ADA = 'Dr Ada Lovelace';

/** Every question of a log, from picking the meeting to the next date. */
const fullLog: ScriptLine[] = [
  [/Log your meeting with Dr Ada Lovelace/, ENTER],
  [/"Specialty choice"/, 'covered'],
  [/What came of it/, 'Leaning towards GP'],
  [/"Rota swap"/, 'parked'],
  [/Why parked/, ''],
  [/Advice you received/, 'Talk to three GPs'],
  [/Advice you received/, 'Shadow a clinic'],
  [/Advice you received/, ''],
  [/Feedback on your work/, ''],
  [/Decisions you made/, 'Apply for GP training'],
  [/Decisions you made/, ''],
  [/assumption your mentor challenged/, ''],
  [/Your next action/, 'Email the training lead'],
  [/By when/, 'in 2 weeks'],
  [/Your next action/, ''],
  [/offer to do anything/, 'Introduce me to Dr Blair'],
  [/offer to do anything/, ''],
  [/private reflection/i, pick(/line/)],
  [/Private reflection:/, 'Nervous but clearer'],
  [/When do you meet next/, ENTER],
];

function stoppedAt(n: number): ScriptLine[] {
  const script = fullLog.slice(0, n);
  script[n - 1] = [(script[n - 1] as [RegExp, unknown])[0], CTRL_C];
  return script;
}

describe('a log stopped half-way loses nothing', () => {
  const newStore = tempStores(NOW);

  async function setUp() {
    const temp = await newStore();
    await temp.store.update((j) => {
      mentor(j, { name: ADA, cadence: '4w', length: 30 }, daysBefore(60));
      goal(j, { title: 'Get into GP training', mentor: ['lovelace'] }, daysBefore(50));
      prepMeeting(
        j,
        prepInput({ when: '2026-11-24 17:30', topic: ['Specialty choice:15', 'Rota swap:10'] }),
        daysBefore(7),
      );
    });
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
      expect({ meetings, actions }).toEqual(expected);
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
