import { describe, expect, it } from 'vitest';
import { meetingMarkdown } from '../../src/ui/export/render-export.js';
import { goal, NOW } from '../core/fixtures.js';
import { ENTER, pick, pickMany, type ScriptLine } from '../helpers/scripted-prompter.js';
import { opening, prep, withAda, withHeldMeeting } from './prep-fixtures.js';

describe('prep wizard: topics', () => {
  it('offers the topics parked at the last meeting first, all ticked, and carries over those kept', async () => {
    const j = withAda();
    withHeldMeeting(j);
    const { prompt, agenda } = await prep(j, [
      ...opening(),
      [/Topics parked last time or left by a cancelled meeting\. Bring them back\?/, pickMany(/Research project/)],
      [/Suggested by the check-in template/, []],
      [/Another topic\?/, 'Portfolio sign-off'],
      [/"Portfolio sign-off" is/, ENTER],
      [/Minutes for it\?/, '5'],
      [/Another topic\?/, ''],
      [/reflection prompts/, false],
    ]);
    const parked = prompt.question(/Topics parked last time/)!;
    expect(parked.choices!.map(({ label, checked }) => ({ label, checked }))).toEqual([
      { label: 'Research project', checked: true },
      { label: 'Exam timing', checked: true },
    ]);
    expect(agenda.topics).toEqual([
      { title: 'Research project', minutes: 15, carriedFrom: 'm1' },
      { title: 'Portfolio sign-off', kind: 'question', minutes: 5 },
    ]);
    expect(await meetingMarkdown(j, agenda, NOW)).toContain('| 1 | Research project (carried over) |  | 15 |');
  });

  it('asks each new topic its kind, a linked goal and minutes, suggesting the template default', async () => {
    const j = withAda(60);
    goal(j, { title: 'Get into GP training', mentor: ['lovelace'] });
    goal(j, { title: 'Finish the audit', category: 'research' });
    const { prompt, agenda, meeting } = await prep(j, [
      ...opening(),
      [/Suggested by/, []],
      [/First topic to raise\? \(Enter when done\)/, 'Specialty choice'],
      [/^"Specialty choice" is$/, pick(/a decision to make/)],
      [/Linked to a goal\?/, pick(/g1 Get into GP training/)],
      [/Minutes for it\?/, ENTER],
      [/topic/, 'Feedback on my audit draft'],
      [/"Feedback on my audit draft" is/, 'feedback'],
      [/Linked to a goal\?/, 'g2'],
      [/Minutes for it\?/, '15'],
      [/topic/, 'Night shifts are wearing me down'],
      [/is$/, pick(/something personal/)],
      [/Linked to a goal\?/, ENTER],
      [/Minutes for it\?/, '5'],
      [/topic/, ''],
      [/Goals to discuss/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/"Specialty choice" is/)!.choices!.map((choice) => choice.label)).toEqual([
      'a question',
      'a decision to make',
      'an update',
      'a request for feedback',
      'something personal',
    ]);
    expect(prompt.question(/Minutes for it/)!.default).toBe('10');
    expect(agenda.topics).toEqual([
      { title: 'Specialty choice', kind: 'decision', minutes: 10, goalId: 'g1' },
      { title: 'Feedback on my audit draft', kind: 'feedback', minutes: 15, goalId: 'g2' },
      { title: 'Night shifts are wearing me down', kind: 'personal', minutes: 5 },
    ]);
    expect(meeting.prep!.goals).toEqual(['g1']);
  });

  it('does not ask about a linked goal when there are no active goals', async () => {
    const { agenda } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      [/First topic/, 'Specialty choice'],
      [/is$/, ENTER],
      [/Minutes for it/, '12'],
      [/topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(agenda.topics).toEqual([{ title: 'Specialty choice', kind: 'question', minutes: 12 }]);
  });

  it('refuses minutes that are not a whole number and asks again', async () => {
    const { prompt, agenda } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      [/First topic/, 'Specialty choice'],
      [/is$/, ENTER],
      [/Minutes for it/, 'half an hour'],
      [/Minutes for it/, '0'],
      [/Minutes for it/, '15'],
      [/topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(prompt.refused.map((refusal) => refusal.error)).toEqual([
      'Give a whole number of minutes, like 30.',
      'Give a whole number of minutes, like 30.',
    ]);
    expect(agenda.topics[0]!.minutes).toBe(15);
  });

  it('picks suggested topics from the template with their minutes', async () => {
    const j = withAda();
    withHeldMeeting(j);
    const { agenda } = await prep(j, [
      ...opening(),
      [/Topics parked last time/, []],
      [/Suggested by the check-in template \(pick any\)/, pickMany(/Progress since last time \(5 min\)/)],
      [/Another topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(agenda.topics).toEqual([{ title: 'Progress since last time', kind: 'update', minutes: 5 }]);
  });
});

/** Topics of the given minutes, asked as "Topic A", "Topic B", ... with kind question. */
function topicLines(...minutes: number[]): ScriptLine[] {
  return minutes.flatMap((m, at): ScriptLine[] => [
    [/topic/i, `Topic ${'ABCDE'[at]}`],
    [/is$/, ENTER],
    [/Minutes for it/, String(m)],
  ]);
}

describe('prep wizard: the time check', () => {
  it('does not interrupt when the topics fit the meeting', async () => {
    const { agenda } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      ...topicLines(20, 10),
      [/topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(agenda.timeCheck).toMatchObject({ plannedMinutes: 30, overBy: 0 });
  });

  it('says by how much the topics overrun, and trimming one (default: just enough) makes it fit', async () => {
    const { prompt, agenda } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      ...topicLines(20, 20),
      [/topic/, ''],
      [/^Your topics need 40 min, 10 more than the 30-minute meeting\. What now\?$/, ENTER],
      [/^Which topic\?$/, pick(/Topic A \(20 min\)/)],
      [/^Minutes for "Topic A"\?$/, ENTER],
      [/reflection prompts/, false],
    ]);
    const check = prompt.question(/Your topics need/)!;
    expect(check.default).toBe('trim');
    expect(check.choices!.map((choice) => choice.label)).toEqual([
      'Give a topic fewer minutes',
      'Drop a topic from this meeting',
      'Move a topic to the top, so the most important comes first',
      'Keep it as it is (10 min over)',
    ]);
    expect(prompt.question(/Minutes for "Topic A"/)!.default).toBe('10');
    expect(agenda.topics.map(({ title, minutes }) => `${title}:${minutes}`)).toEqual(['Topic A:10', 'Topic B:20']);
    expect(agenda.timeCheck.overBy).toBe(0);
  });

  it('keeps asking after each drop, reorder or trim until the topics fit', async () => {
    const { prompt, agenda } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      ...topicLines(20, 15, 10),
      [/topic/, ''],
      [/need 45 min, 15 more than the 30-minute/, 'drop'],
      [/^Drop which topic\?$/, pick(/Topic C/)],
      [/need 35 min, 5 more than the 30-minute/, 'reorder'],
      [/^Which topic goes first\?$/, pick(/Topic B/)],
      [/need 35 min, 5 more than the 30-minute/, pick(/fewer minutes/)],
      [/Which topic\?/, pick(/Topic A/)],
      [/Minutes for "Topic A"\?/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/Minutes for "Topic A"/)!.default).toBe('15');
    expect(agenda.topics.map(({ title, minutes }) => `${title}:${minutes}`)).toEqual(['Topic B:15', 'Topic A:15']);
    expect(agenda.timeCheck).toMatchObject({ plannedMinutes: 30, overBy: 0 });
  });

  it('keeps the overrun knowingly when asked, and the agenda shows it', async () => {
    const { agenda } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      ...topicLines(25, 15),
      [/topic/, ''],
      [/need 40 min, 10 more/, pick(/Keep it as it is \(10 min over\)/)],
      [/reflection prompts/, false],
    ]);
    expect(agenda.timeCheck).toMatchObject({ plannedMinutes: 40, lengthMinutes: 30, overBy: 10 });
    expect(agenda.topics).toHaveLength(2);
  });

  it('a topic dropped at the time check is kept for another time when the choice says it is', async () => {
    const j = withAda();
    const { prompt, meeting } = await prep(j, [
      ...opening(),
      [/Suggested by/, []],
      ...topicLines(20, 20),
      [/topic/, ''],
      [/need 40 min/, 'drop'],
      [/Drop which topic/, pick(/Topic B/)],
      [/reflection prompts/, false],
    ]);
    expect(meeting.prep!.topics.map((topic) => topic.title)).toEqual(['Topic A']);
    const promised = prompt
      .question(/need 40 min/)!
      .choices!.some((choice) => /stays in your notes/.test(choice.label));
    if (promised) expect(JSON.stringify(j), 'the dropped topic is nowhere in the journal').toContain('Topic B');
  });
});
