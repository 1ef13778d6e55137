/** Moving a planned meeting and changing its topics, on the core functions with input read by the commands' flag schemas. */
import { describe, expect, it } from 'vitest';
import { meetingMoveFlags, meetingTopicFlags } from '../../src/commands/meeting-changes.js';
import { parseOptions } from '../../src/commands/parse-options.js';
import { changeTopic, moveMeeting } from '../../src/core/meeting-changes.js';
import { cancelMeeting } from '../../src/core/meetings.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { NOW, prepInput, withAda, worded } from './fixtures.js';

const move = (j: Journal, id: string, fields: Record<string, unknown>) =>
  worded(() => moveMeeting(j, id, parseOptions(meetingMoveFlags({ now: NOW }), fields), NOW));
const topic = (j: Journal, id: string, number: number, fields: Record<string, unknown>) =>
  worded(() => changeTopic(j, id, number, parseOptions(meetingTopicFlags, fields), NOW));
const titles = (j: Journal) => j.meetings[0]!.prep!.topics.map((each) => each.title);

function prepared(): Journal {
  const j = withAda({ length: '30' });
  prepMeeting(j, prepInput({ when: '2026-12-03 17:30', topic: ['Specialty choice:15', 'Rota:10', 'Exams:5'] }), NOW);
  return j;
}

describe('moving a meeting', () => {
  it('changes its time, length and mode and keeps its agenda', () => {
    const j = prepared();
    move(j, 'm1', { when: '2026-12-10 18:00', length: '45', mode: 'video' });
    expect(j.meetings[0]).toMatchObject({ when: '2026-12-10T18:00:00.000Z', lengthMinutes: 45, mode: 'video' });
    expect(titles(j)).toEqual(['Specialty choice', 'Rota', 'Exams']);
  });

  it('says when the topics no longer fit a shorter meeting', () => {
    expect(move(prepared(), 'm1', { length: '20' }).timeCheck.overBy).toBe(10);
  });

  it('names another planned meeting with the same mentor on the new day', () => {
    const j = prepared();
    prepMeeting(j, prepInput({ when: '2026-12-10 09:00' }), NOW);
    expect(move(j, 'm1', { when: '2026-12-10 18:00' }).sameDay?.id).toBe('m2');
  });

  it('is refused for a cancelled meeting, in one line', () => {
    const j = prepared();
    cancelMeeting(j, 'm1', NOW);
    expect(() => move(j, 'm1', { when: '2026-12-10 18:00' })).toThrow(
      'm1 is cancelled; only a planned meeting can be moved',
    );
  });

  it('without a change is refused, naming the flags', () => {
    expect(() => move(prepared(), 'm1', {})).toThrow('give --when, --length or --mode');
  });

  it('to a day with no time is refused by the meeting-time reader', () => {
    expect(() => move(prepared(), 'm1', { when: 'nonsense' })).toThrow('--when');
  });
});

describe('changing a topic', () => {
  it('renames and re-times it in place', () => {
    const j = prepared();
    topic(j, 'm1', 2, { title: 'Rota swap', minutes: '5' });
    expect(j.meetings[0]!.prep!.topics[1]).toMatchObject({ title: 'Rota swap', minutes: 5 });
  });

  it('moves it to another place, the others keeping their order', () => {
    const j = prepared();
    topic(j, 'm1', 3, { moveTo: '1' });
    expect(titles(j)).toEqual(['Exams', 'Specialty choice', 'Rota']);
  });

  it('removes it', () => {
    const j = prepared();
    expect(topic(j, 'm1', 1, { remove: true }).topic.title).toBe('Specialty choice');
    expect(titles(j)).toEqual(['Rota', 'Exams']);
  });

  it('takes its minutes away with --no-minutes', () => {
    const j = prepared();
    topic(j, 'm1', 1, { minutes: false });
    expect(j.meetings[0]!.prep!.topics[0]!.minutes).toBeUndefined();
  });

  it('says when more minutes overrun the meeting', () => {
    expect(topic(prepared(), 'm1', 1, { minutes: '25' }).timeCheck.overBy).toBe(10);
  });

  it('refuses a topic number the agenda does not have, saying how many it has', () => {
    expect(() => topic(prepared(), 'm1', 4, { remove: true })).toThrow('m1 has no topic 4; its agenda has 3 (1-3)');
  });

  it('refuses a place past the end of the agenda', () => {
    expect(() => topic(prepared(), 'm1', 1, { moveTo: '9' })).toThrow('--move-to: there is no place 9');
  });

  it('refuses a title another topic already has, so the agenda never holds the same topic twice', () => {
    expect(() => topic(prepared(), 'm1', 1, { title: 'rota' })).toThrow('topic 2 of m1 is already "Rota"');
  });

  it('refuses --remove with other changes', () => {
    expect(() => topic(prepared(), 'm1', 1, { remove: true, title: 'x' })).toThrow('--remove');
  });

  it('is refused on a held meeting', () => {
    const j = prepared();
    j.meetings[0]!.status = 'held';
    expect(() => topic(j, 'm1', 1, { title: 'x' })).toThrow("only a planned meeting's topics can be changed");
  });
});
