import { describe, expect, it } from 'vitest';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { daysBefore, prepInput } from '../core/fixtures.js';
import { ENTER, pick } from '../helpers/scripted-prompter.js';
import { MODE, prep, withAda } from './prep-fixtures.js';

describe('prep wizard: re-running prep on a meeting that has an agenda', () => {
  function withPreparedMeeting(): Journal {
    const j = withAda();
    prepMeeting(
      j,
      prepInput({ when: '2026-12-03 17:30', intention: 'Old aim', topic: ['Rota swap:10', 'Exam timing:5'] }),
      daysBefore(2),
    );
    return j;
  }

  it('edits the agenda instead of starting over: keeps its date, intention and topics, adds new ones', async () => {
    const j = withPreparedMeeting();
    const { prompt, meeting, created } = await prep(j, [
      [/^You meet Dr Ada Lovelace on Thu 3 Dec 2026, 17:30 \(m1\)\. Edit its agenda\?$/, ENTER],
      [/walk away with/, ENTER],
      [/Suggested by/, []],
      [/^Another topic\?/, 'Portfolio sign-off'],
      [/is$/, ENTER],
      [/Minutes for it/, '5'],
      [/topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/walk away with/)!.default).toBe('Old aim');
    expect(prompt.said).toContain('The agenda has 2 topics: Rota swap; Exam timing.');
    expect(created).toBe(false);
    expect(j.meetings).toHaveLength(1);
    expect(meeting).toMatchObject({ id: 'm1', when: '2026-12-03T17:30:00.000Z', lengthMinutes: 30 });
    expect(meeting.prep!.intention).toBe('Old aim');
    expect(meeting.prep!.topics.map(({ title, minutes }) => `${title}:${minutes}`)).toEqual([
      'Rota swap:10',
      'Exam timing:5',
      'Portfolio sign-off:5',
    ]);
  });

  it('editing the agenda can change the intention and trim an existing topic at the time check', async () => {
    const j = withPreparedMeeting();
    const { meeting } = await prep(j, [
      [/Edit its agenda\?/, true],
      [/walk away with/, 'A rota I can live with'],
      [/Suggested by/, []],
      [/Another topic/, 'Research project'],
      [/is$/, ENTER],
      [/Minutes for it/, '20'],
      [/topic/, ''],
      [/need 35 min, 5 more/, 'trim'],
      [/Which topic/, pick(/Rota swap/)],
      [/Minutes for "Rota swap"/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(j.meetings).toHaveLength(1);
    expect(meeting.prep!.intention).toBe('A rota I can live with');
    expect(meeting.prep!.topics.map(({ title, minutes }) => `${title}:${minutes}`)).toEqual([
      'Rota swap:5',
      'Exam timing:5',
      'Research project:20',
    ]);
  });

  it('offers to prepare a planned meeting that has no agenda yet', async () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30' }), daysBefore(2));
    const { meeting, created } = await prep(j, [
      [/You meet Dr Ada Lovelace on Thu 3 Dec 2026, 17:30 \(m1\)\. Prepare it\?/, ENTER],
      [/walk away with/, 'A decision plan'],
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(created).toBe(false);
    expect(meeting.prep!.intention).toBe('A decision plan');
  });

  it('declining the planned meeting prepares a new one instead', async () => {
    const j = withPreparedMeeting();
    const { meeting, created } = await prep(j, [
      [/Edit its agenda\?/, false],
      [/When do you meet/, '2026-12-17 17:30'],
      [/How many minutes/, ENTER],
      MODE,
      [/walk away with/, 'Plan the rotation'],
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(created).toBe(true);
    expect(meeting.id).toBe('m2');
    expect(j.meetings.find((m) => m.id === 'm1')!.prep!.intention).toBe('Old aim');
  });
});
