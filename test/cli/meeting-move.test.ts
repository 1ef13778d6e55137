/** `mentee meeting move` and `mentee meeting topic`, run in process. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { refused } from '../helpers/refusals.js';
import { cli, runCli, withLovelace } from '../helpers/run-cli.js';

describe('mentee meeting move and topic', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ journal, cleanup } = await withLovelace());
    await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Specialty choice:15', '--topic', 'Rota:10'], {
      journal,
    });
  });
  afterEach(() => cleanup());

  it('reschedules the meeting and says the new date in full', async () => {
    const out = await cli(['meeting', 'move', 'm1', '--when', '2026-12-10 18:00', '--mode', 'video'], { journal });
    expect(out.trim()).toBe('Moved m1: Thu 10 Dec 2026, 18:00, 30 min, video call.');
    expect((await readJournal(journal)).meetings[0]).toMatchObject({ when: '2026-12-10T18:00:00.000Z', mode: 'video' });
  });

  it('warns when a shorter meeting no longer fits its topics', async () => {
    const result = await runCli(['meeting', 'move', 'm1', '--length', '20'], { journal });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('25 min, 5 over the 20-minute meeting');
  });

  it('refuses a new time with no hour, as prep does: a meeting is never moved to a guessed time', async () => {
    await refused(['meeting', 'move', 'm1', '--when', 'friday'], journal, 2, '--when: "friday" has no time');
  });

  it('refuses to move a cancelled meeting, the journal unchanged', async () => {
    await cli(['meeting', 'cancel', 'm1'], { journal });
    await refused(
      ['meeting', 'move', 'm1', '--when', '2026-12-10 18:00'],
      journal,
      1,
      'only a planned meeting can be moved',
    );
  });

  it('renames, re-times and reorders a topic, printing the agenda', async () => {
    const out = await cli(['meeting', 'topic', 'm1', '2', '--title', 'Rota swap', '--minutes', '5', '--move-to', '1'], {
      journal,
    });
    expect(out).toMatch(/1\.\s+Rota swap\s+5 min/);
    const topics = (await readJournal(journal)).meetings[0].prep.topics;
    expect(topics.map((each: { title: string }) => each.title)).toEqual(['Rota swap', 'Specialty choice']);
  });

  it('removes a topic, and undo brings it back', async () => {
    await cli(['meeting', 'topic', 'm1', '1', '--remove'], { journal });
    expect((await readJournal(journal)).meetings[0].prep.topics).toHaveLength(1);
    await cli(['undo'], { journal });
    expect((await readJournal(journal)).meetings[0].prep.topics).toHaveLength(2);
  });

  it('refuses a topic number that is not on the agenda', async () => {
    await refused(['meeting', 'topic', 'm1', '3', '--remove'], journal, 2, 'm1 has no topic 3');
  });

  it('refuses a topic argument that is not one number', async () => {
    await refused(['meeting', 'topic', 'm1', 'two', '--remove'], journal, 2, 'topic: ');
  });

  it('goes through the identifier guard like every flag', async () => {
    await refused(['meeting', 'topic', 'm1', '1', '--title', 'Patient 943 476 5919'], journal, 2, 'NHS number');
  });
});
