import { describe, expect, it } from 'vitest';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal, Meeting } from '../../src/core/schema.js';
import { runPrepWizard } from '../../src/wizards/prep-wizard.js';
import { WizardAnswers } from '../../src/wizards/draft-answers.js';
import { daysBefore, NOW, prepInput } from '../core/fixtures.js';
import { ENTER, pick, scripted, type ScriptLine } from '../helpers/scripted-prompter.js';
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

  const EDIT: ScriptLine = [/Edit its agenda\?/, ENTER];
  const DONE: ScriptLine = [/^Change anything else about m1/, pick(/Nothing more/)];
  const titles = (meeting: Meeting) => meeting.prep!.topics.map(({ title, minutes }) => `${title}:${minutes}`);

  it('asks what to change, showing the time, length and how you meet, and changing nothing keeps it all', async () => {
    const j = withPreparedMeeting();
    const { prompt, meeting, created } = await prep(j, [
      [/^You meet Dr Ada Lovelace on Thu 3 Dec 2026, 17:30 \(m1\)\. Edit its agenda\?$/, ENTER],
      [/^Change m1 \(Thu 3 Dec 2026, 17:30, 30 min, in person\)\?$/, ENTER],
      [/walk away with/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/^Change m1/)!.choices!.map((choice) => choice.label)).toEqual([
      'Its time (Thu 3 Dec 2026, 17:30)',
      'Its length (30 min)',
      'How you meet (in person)',
      'Its topics (2 topics)',
      'Nothing more',
    ]);
    expect(created).toBe(false);
    expect(j.meetings).toHaveLength(1);
    expect(meeting).toMatchObject({ id: 'm1', when: '2026-12-03T17:30:00.000Z', lengthMinutes: 30 });
    expect(meeting.prep!.intention).toBe('Old aim');
    expect(titles(meeting)).toEqual(['Rota swap:10', 'Exam timing:5']);
  });

  it('moves the meeting: the time question offers the current time, reads what --when reads and says what it understood', async () => {
    const j = withPreparedMeeting();
    const { prompt, meeting } = await prep(j, [
      EDIT,
      [/^Change m1/, pick(/Its time/)],
      [/When do you meet Dr Ada Lovelace/, '2026-12-10'],
      [/What time on/, '18.15'],
      [/^Change anything else about m1 \(Thu 10 Dec 2026, 18:15/, pick(/Nothing more/)],
      [/walk away with/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/When do you meet/)!.default).toBe('2026-12-03 17:30');
    expect(prompt.said).toContain('→ Thu 10 Dec 2026, 18:15');
    expect(j.meetings).toHaveLength(1);
    expect(meeting).toMatchObject({ id: 'm1', when: '2026-12-10T18:15:00.000Z' });
    expect(titles(meeting)).toEqual(['Rota swap:10', 'Exam timing:5']);
  });

  it('changes the length and how you meet, each offering what it is now', async () => {
    const j = withPreparedMeeting();
    const { prompt, meeting } = await prep(j, [
      EDIT,
      [/^Change m1/, pick(/Its length/)],
      [/How many minutes/, '45'],
      [/^Change anything else about m1 \(.*, 45 min, in person\)/, pick(/How you meet/)],
      [/How will you meet/, 'video'],
      DONE,
      [/walk away with/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/How many minutes/)!.default).toBe('30');
    expect(prompt.question(/How will you meet/)!.default).toBe('in-person');
    expect(meeting).toMatchObject({ lengthMinutes: 45, mode: 'video', when: '2026-12-03T17:30:00.000Z' });
  });

  it('a shorter meeting than its topics need gets the time check', async () => {
    const j = withPreparedMeeting();
    const { meeting } = await prep(j, [
      EDIT,
      [/^Change m1/, pick(/Its length/)],
      [/How many minutes/, '10'],
      DONE,
      [/need 15 min, 5 more than the 10-minute meeting/, pick(/Drop/)],
      [/Drop which topic/, pick(/Exam timing/)],
      [/walk away with/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(meeting.lengthMinutes).toBe(10);
    expect(titles(meeting)).toEqual(['Rota swap:10']);
  });

  it('edits each topic: rename, change its minutes, move it up, remove it, then adds new ones', async () => {
    const j = withAda();
    prepMeeting(
      j,
      prepInput({
        when: '2026-12-03 17:30',
        intention: 'Old aim',
        topic: ['Rota swap:10', 'Exam timing:5', 'Audit:5', 'Leave:5'],
      }),
      daysBefore(2),
    );
    const { prompt, meeting } = await prep(j, [
      EDIT,
      [/^Change m1/, pick(/Its topics \(4 topics\)/)],
      [/^Topic 1 of 4: "Rota swap" \(10 min\)$/, pick(/Rename/)],
      [/New name for "Rota swap"/, 'Rota swap with Sam'],
      [/^Topic 2 of 4: "Exam timing"/, pick(/minutes/)],
      [/Minutes for "Exam timing"/, '8'],
      [/^Topic 3 of 4: "Audit"/, pick(/Move it up/)],
      [/^Topic 4 of 4: "Leave"/, pick(/Remove/)],
      [/Suggested by/, []],
      [/^Another topic\?/, 'Portfolio sign-off'],
      [/is$/, ENTER],
      [/Minutes for it/, '5'],
      [/topic/, ''],
      DONE,
      [/walk away with/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/Minutes for "Exam timing"/)!.default).toBe('5');
    expect(prompt.question(/Topic 1 of 4/)!.choices!.map((choice) => choice.label)).not.toContain('Move it up');
    expect(j.meetings).toHaveLength(1);
    expect(meeting.prep!.intention).toBe('Old aim');
    expect(titles(meeting)).toEqual(['Rota swap with Sam:10', 'Audit:5', 'Exam timing:8', 'Portfolio sign-off:5']);
  });

  it("renaming a topic to another topic's name is asked again", async () => {
    const j = withPreparedMeeting();
    const { prompt, meeting } = await prep(j, [
      EDIT,
      [/^Change m1/, pick(/Its topics/)],
      [/^Topic 1 of 2/, pick(/Rename/)],
      [/New name for "Rota swap"/, 'exam timing'],
      [/New name for "Rota swap"/, 'Rota'],
      [/^Topic 2 of 2/, ENTER],
      [/Suggested by/, []],
      [/^Another topic\?/, ''],
      DONE,
      [/walk away with/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(prompt.refused.map((each) => each.error)).toEqual([
      'Topic 2 is already "Exam timing"; give this one another name.',
    ]);
    expect(titles(meeting)).toEqual(['Rota:10', 'Exam timing:5']);
  });

  it('editing the agenda can change the intention and trim an existing topic at the time check', async () => {
    const j = withPreparedMeeting();
    const { meeting } = await prep(j, [
      EDIT,
      [/^Change m1/, pick(/Its topics/)],
      [/^Topic 1 of 2/, ENTER],
      [/^Topic 2 of 2/, ENTER],
      [/Suggested by/, []],
      [/Another topic/, 'Research project'],
      [/is$/, ENTER],
      [/Minutes for it/, '20'],
      [/topic/, ''],
      DONE,
      [/need 35 min, 5 more/, 'trim'],
      [/Which topic/, pick(/Rota swap/)],
      [/Minutes for "Rota swap"/, ENTER],
      [/walk away with/, 'A rota I can live with'],
      [/reflection prompts/, false],
    ]);
    expect(j.meetings).toHaveLength(1);
    expect(meeting.prep!.intention).toBe('A rota I can live with');
    expect(titles(meeting)).toEqual(['Rota swap:5', 'Exam timing:5', 'Research project:20']);
  });

  it('what the flags give is not offered again', async () => {
    const j = withPreparedMeeting();
    const { prompt, meeting } = await prep(
      j,
      [
        [/^Change m1 \(Thu 10 Dec 2026, 18:00/, ENTER],
        [/walk away with/, ENTER],
        [/reflection prompts/, false],
      ],
      { meeting: 'm1', when: '2026-12-10 18:00', length: '45' },
    );
    expect(prompt.question(/^Change m1/)!.choices!.map((choice) => choice.value)).toEqual(['mode', 'topics', 'done']);
    expect(meeting).toMatchObject({ when: '2026-12-10T18:00:00.000Z', lengthMinutes: 45 });
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

describe('prep wizard: a resumed edit of a prepared meeting', () => {
  it('does not ask again what the draft kept, and goes on from there', async () => {
    const j = withAda();
    prepMeeting(
      j,
      prepInput({ when: '2026-12-03 17:30', intention: 'Old aim', topic: ['Rota swap:10'] }),
      daysBefore(2),
    );
    const kept = { meeting: 'm1', 'change:1': 'when', 'change:1:when': '2026-12-10T18:00:00.000Z' };
    const prompt = scripted([
      [/^Change anything else about m1 \(Thu 10 Dec 2026, 18:00/, pick(/Nothing more/)],
      [/walk away with/, ENTER],
      [/reflection prompts/, false],
    ]);
    const plan = await runPrepWizard({
      journal: structuredClone(j),
      now: NOW,
      dates: { now: NOW },
      prompt,
      flags: prepInput({}),
      templateGiven: false,
      templateFor: () => ({ name: 'check-in', description: '', defaultMinutes: 10, topics: [], prompts: ['?'] }),
      answers: new WizardAnswers({ wizard: 'prep', now: NOW, warn: () => {} }, kept),
    });
    prompt.done();
    expect(prepMeeting(j, plan.input, NOW).meeting.when).toBe('2026-12-10T18:00:00.000Z');
  });
});
