import { describe, expect, it } from 'vitest';
import { goal } from '../core/fixtures.js';
import { ENTER } from '../helpers/scripted-prompter.js';
import { opening, prep, withAda, withHeldMeeting } from './prep-fixtures.js';

describe('prep wizard: goals and reflection', () => {
  it('offers active goals to discuss, with those linked to this mentor ticked', async () => {
    const j = withAda();
    goal(j, { title: 'Get into GP training', mentor: ['lovelace'] });
    goal(j, { title: 'Finish the audit' });
    const dropped = goal(j, { title: 'Learn to juggle' });
    dropped.status = 'dropped';
    const { prompt, meeting } = await prep(j, [
      ...opening(),
      [/Suggested by/, []],
      [/First topic/, ''],
      [/Goals to discuss/, ['g1', 'g2']],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/Goals to discuss/)!.choices!.map(({ label, checked }) => ({ label, checked }))).toEqual([
      { label: 'g1 Get into GP training', checked: true },
      { label: 'g2 Finish the audit', checked: false },
    ]);
    expect(meeting.prep!.goals).toEqual(['g1', 'g2']);
  });

  it('reflection prompts are optional: declining asks none of them', async () => {
    const { prompt, meeting } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      [/First topic/, ''],
      [/^Take a minute for \d+ reflection prompts\? \(each can be skipped\)$/, ENTER],
    ]);
    expect(prompt.question(/reflection prompts/)!.default).toBe(false);
    expect(meeting.prep!.reflections).toEqual([]);
  });

  it('each reflection prompt can be skipped with an empty answer', async () => {
    const j = withAda();
    withHeldMeeting(j);
    const { meeting } = await prep(j, [
      ...opening(),
      [/Topics parked last time/, []],
      [/Suggested by/, []],
      [/Another topic|First topic/, ''],
      [/reflection prompts/, true],
      [/^What has gone well since we last met\?$/, 'Passed the written exam'],
      [/^Is there anything you have been putting off raising\?$/, ''],
    ]);
    expect(meeting.prep!.reflections).toEqual([
      { prompt: 'What has gone well since we last met?', answer: 'Passed the written exam' },
    ]);
  });
});
