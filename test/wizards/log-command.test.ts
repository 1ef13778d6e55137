import { describe, expect, it } from 'vitest';
import { logCommand } from '../../src/commands/log.js';
import { prepMeeting } from '../../src/core/prep.js';
import { action, daysBefore, goal, NOW, prepInput, worded } from '../core/fixtures.js';
import { commandContext, CTRL_C, scripted, tempStores } from '../helpers/scripted-prompter.js';
import { FULL_LOG, withAdaToLog } from './log-fixtures.js';

describe('mentee log on a terminal (command)', () => {
  const newStore = tempStores(NOW);

  async function setUp() {
    const temp = await newStore();
    await temp.store.update((j) => {
      withAdaToLog(j);
      action(j, { title: 'Renew my indemnity', due: '2026-11-27' }, daysBefore(40));
    });
    return temp;
  }

  const fullLog = FULL_LOG;

  it('ends with a short summary of what was saved and what is due next', async () => {
    const { store } = await setUp();
    const prompt = scripted(fullLog);
    const ctx = commandContext(store, NOW, prompt);
    await logCommand(ctx, undefined, {});
    prompt.done();
    expect(ctx.out).toEqual([
      'Logged m1 with Dr Ada Lovelace on Tue 24 Nov 2026, 17:30: 1 topic covered, 1 parked, 2 pieces of advice, 1 decision, a private reflection (never shared).',
      '  a2  You will: Email the training lead (due Wed 9 Dec, in 2 weeks)',
      '  a3  Dr Ada Lovelace offered: Introduce me to Dr Blair',
      'Due next:',
      '  a1  Renew my indemnity (due Fri 27 Nov, in 2 days)',
      '  a2  Email the training lead (due Wed 9 Dec, in 2 weeks)',
      'Next meeting: Tue 22 Dec 2026, 17:30 (m2). Prepare it with: mentee prep --meeting m2',
    ]);
    const saved = await store.read();
    expect(saved.meetings.map(({ id, status }) => `${id}:${status}`)).toEqual(['m1:held', 'm2:planned']);
  });

  it.each(fullLog.map((line, at) => [at + 1, (line as [RegExp, unknown])[0]] as const))(
    'Ctrl-C at question %i (%s) stops the wizard and leaves the journal byte for byte unchanged',
    async (number) => {
      const { store, bytes } = await setUp();
      const before = await bytes();
      const script = fullLog.slice(0, number);
      script[number - 1] = [(script[number - 1] as [RegExp, unknown])[0], CTRL_C];
      const prompt = scripted(script);
      await expect(logCommand(commandContext(store, NOW, prompt), undefined, {})).rejects.toMatchObject({
        name: 'ExitPromptError',
      });
      prompt.done();
      expect(await bytes()).toEqual(before);
    },
  );

  it('a wizard left open never overwrites changes made to the journal meanwhile', async () => {
    const { store } = await setUp();
    const script = [...fullLog];
    script[5] = [
      /Advice you received/,
      async () => {
        await store.update((j) => void goal(j, { title: 'Publish the audit', category: 'research' }));
        return 'Talk to three GPs';
      },
    ];
    const prompt = scripted(script);
    await logCommand(commandContext(store, NOW, prompt), undefined, {});
    prompt.done();
    const saved = await store.read();
    expect(saved.goals.map((g) => g.title)).toEqual(['Get into GP training', 'Publish the audit']);
    expect(saved.meetings[0]!.log!.advice).toEqual(['Talk to three GPs', 'Shadow a clinic']);
  });

  it('refuses a meeting still to come before asking anything', async () => {
    const { store, bytes } = await setUp();
    await store.update((j) => void prepMeeting(j, prepInput({ when: '2026-12-22 17:30' }), NOW));
    const before = await bytes();
    const prompt = scripted([]);
    await expect(worded(() => logCommand(commandContext(store, NOW, prompt), 'm2', {}))).rejects.toThrow(
      /m2 is planned for Tue 22 Dec 2026, 17:30; log it once it has happened/,
    );
    expect(prompt.asked).toEqual([]);
    expect(await bytes()).toEqual(before);
  });

  it('--yes asks nothing and records what the flags give', async () => {
    const { store } = await setUp();
    const prompt = scripted([]);
    await logCommand(commandContext(store, NOW, prompt), 'm1', { yes: true, covered: ['1'], advice: ['Rest'] });
    expect(prompt.asked).toEqual([]);
    expect((await store.read()).meetings[0]!.log!.advice).toEqual(['Rest']);
  });
});
