/** A meeting's time is never guessed from flags: what is missing is said in one line, and the journal is untouched. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { refused } from '../helpers/refusals.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

describe('dates given to prep and log', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await cli(['prep', '--when', '2026-11-24 10:00', '--topic', 'Exams'], { journal });
  });
  afterAll(() => cleanup());

  it.each([
    [['prep', '--when', 'thursday'], '--when: "thursday" has no time; add one, e.g. "thursday 17:30".'],
    [['prep', '--when', 'next week'], '--when: "next week" is not a day; say which day'],
    [['prep', '--when', 'march'], '--when: "march" is not a day'],
    [['prep', '--when', 'monday morning'], '--when: "monday morning" has no time'],
    [['prep', '--when', '17:30'], '--when: "17:30" has no day'],
    [['log', '--mentor', 'lovelace', '--when', 'yesterday'], '--when: "yesterday" has no time'],
    [['log', 'm1', '--next', 'thursday'], '--next: "thursday" has no time; add one'],
    [['log', 'm1', '--next', 'next week'], '--next: "next week" is not a day'],
  ])('refuses %j with one line saying what is missing', async (args, message) => {
    await refused(args, journal, 2, message);
  });

  describe('in a zone with summer time (Europe/London)', () => {
    const zone = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = 'Europe/London';
    });
    afterAll(() => {
      process.env.TZ = zone;
    });

    it('says a time the clocks skip does not exist', async () => {
      await refused(
        ['prep', '--when', '2027-03-28 01:30'],
        journal,
        2,
        '--when: 01:30 on Sun 28 Mar 2027 does not exist here: the clocks go forward that night',
      );
    });
  });

  it('takes "thursday 17.30" and "fri week 9am" as meeting times', async () => {
    await cli(['prep', '--when', 'thursday 17.30', '--topic', 'Rota'], { journal });
    await cli(['prep', '--when', 'fri week 9am', '--topic', 'Research'], { journal });
    const whens = (await readJournal(journal)).meetings.map((meeting: { when: string }) => meeting.when);
    expect(whens).toContain('2026-11-26T17:30:00.000Z');
    expect(whens).toContain('2026-12-04T09:00:00.000Z');
  });

  it('logs with --next none and plans no next meeting', async () => {
    const before = (await readJournal(journal)).meetings.length;
    await cli(['log', 'm1', '--covered', '1', '--next', 'none'], { journal });
    const after = await readJournal(journal);
    expect(after.meetings).toHaveLength(before);
    expect(after.meetings[0]).toMatchObject({ id: 'm1', status: 'held' });
    expect(after.meetings[0].log.nextMeeting).toBeUndefined();
  });
});
