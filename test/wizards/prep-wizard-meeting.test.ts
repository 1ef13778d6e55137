import { describe, expect, it } from 'vitest';
import { logMeeting } from '../../src/core/log.js';
import { prepMeeting } from '../../src/core/prep.js';
import { setMentorStatus } from '../../src/core/mentors.js';
import { daysBefore, logInput, mentor, NOW, prepInput } from '../core/fixtures.js';
import { ENTER, pick, pickMany } from '../helpers/scripted-prompter.js';
import { MODE, opening, prep, withAda } from './prep-fixtures.js';

describe('prep wizard: which meeting', () => {
  it('does not ask which mentor when only one is active, and the length defaults to their usual', async () => {
    const j = withAda(45);
    const blair = mentor(j, { name: 'Dr Jo Blair' });
    setMentorStatus(j, blair.handle, 'paused', NOW);
    const { prompt, meeting, created } = await prep(j, [
      ...opening(),
      [/Suggested by the first-meeting template/, []],
      [/First topic to raise/, ''],
      [/reflection prompts/, false],
    ]);
    expect(prompt.asked[0]!.message).toMatch(/^When do you meet Dr Ada Lovelace\?/);
    expect(prompt.question(/How many minutes/)!.default).toBe('45');
    expect(created).toBe(true);
    expect(meeting).toMatchObject({
      mentor: 'lovelace',
      when: '2026-12-03T17:30:00.000Z',
      lengthMinutes: 45,
      status: 'planned',
    });
  });

  it('asks which mentor when several are active', async () => {
    const j = withAda();
    mentor(j, { name: 'Dr Jo Blair', length: 60 });
    const { prompt, meeting } = await prep(j, [
      [/Which mentor are you meeting\?/, pick(/Jo Blair/)],
      [/^When do you meet Dr Jo Blair\?/, '2026-12-03 17:30'],
      [/How many minutes/, ENTER],
      MODE,
      [/walk away with/, ''],
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/Which mentor/)!.choices!.map((choice) => choice.label)).toEqual([
      'Dr Ada Lovelace (lovelace)',
      'Dr Jo Blair (blair)',
    ]);
    expect(meeting).toMatchObject({ mentor: 'blair', lengthMinutes: 60 });
  });

  it('does not ask which mentor when --mentor names one', async () => {
    const j = withAda();
    mentor(j, { name: 'Dr Jo Blair', length: 60 });
    const { prompt, meeting } = await prep(
      j,
      [
        [/^When do you meet Dr Jo Blair\?/, '2026-12-03 17:30'],
        [/How many minutes/, ENTER],
        MODE,
        [/walk away with/, ''],
        [/Suggested by/, []],
        [/First topic/, ''],
        [/reflection prompts/, false],
      ],
      { mentor: 'blair' },
    );
    expect(prompt.question(/Which mentor/)).toBeUndefined();
    expect(meeting.mentor).toBe('blair');
  });

  it('stops with a clear message when there is no active mentor', async () => {
    const j = withAda();
    setMentorStatus(j, 'lovelace', 'ended', NOW);
    await expect(prep(j, [])).rejects.toThrow('You have no active mentor yet.');
  });

  it('takes a natural date, and refuses one it cannot read with a hint, asking again', async () => {
    const { prompt, meeting } = await prep(withAda(), [
      [/When do you meet/, 'sometime soonish'],
      [/When do you meet/, 'next thursday 17:30'],
      [/How many minutes/, '20'],
      MODE,
      [/walk away with/, ''],
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(prompt.refused).toEqual([
      expect.objectContaining({
        answer: 'sometime soonish',
        error: expect.stringMatching(/Cannot read that as a date/),
      }),
    ]);
    expect(meeting.when).toBe('2026-12-03T17:30:00.000Z');
    expect(meeting.lengthMinutes).toBe(20);
  });

  it("a new meeting's mode defaults to the mentor's usual (how the last meeting with them was held)", async () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-10-28 17:30', mode: 'video' }), daysBefore(30));
    logMeeting(j, logInput({ meeting: 'm1', advice: ['Keep a log'] }), daysBefore(27));
    const { meeting } = await prep(j, [
      ...opening(),
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(meeting.mode).toBe('video');
  });

  it('uses the first-meeting template before any meeting was held, and says so', async () => {
    const { prompt, agenda, plan } = await prep(withAda(), [
      ...opening(),
      [/Suggested by the first-meeting template/, pickMany(/How best to contact you/)],
      [/Another topic/, ''],
      [/1 reflection prompts/, false],
    ]);
    expect(plan.template.name).toBe('first-meeting');
    expect(prompt.said).toContain('Using the first-meeting template: Starting a mentoring relationship.');
    expect(agenda.topics).toEqual([{ title: 'How best to contact you', kind: 'question', minutes: 5 }]);
  });

  it('does not ask again for what the flags already gave', async () => {
    const { prompt, meeting } = await prep(withAda(), [[/reflection prompts/, false]], {
      when: '2026-12-03 17:30',
      length: '45',
      mode: 'video',
      intention: 'Decide on GP training',
      topic: ['Specialty choice:15'],
    });
    expect(prompt.asked.map((question) => question.message)).toEqual([expect.stringMatching(/reflection prompts/)]);
    expect(meeting).toMatchObject({ lengthMinutes: 45, mode: 'video', when: '2026-12-03T17:30:00.000Z' });
    expect(meeting.prep).toMatchObject({
      intention: 'Decide on GP training',
      topics: [{ title: 'Specialty choice', minutes: 15 }],
    });
  });
});
