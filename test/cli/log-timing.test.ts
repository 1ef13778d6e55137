/** When a meeting can be logged (once it has happened), and where the next meeting goes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { refused } from '../helpers/refusals.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

describe('logging a meeting that is still to come', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await cli(['prep', '--when', '2026-11-28 10:00', '--topic', 'Exams'], { journal });
  });
  afterAll(() => cleanup());

  it('is refused for a planned meeting days ahead, saying when it is planned', async () => {
    await refused(
      ['log', 'm1', '--advice', 'Too early'],
      journal,
      1,
      'm1 is planned for Sat 28 Nov 2026, 10:00; log it once it has happened',
    );
  });

  it('is refused for a planned meeting two hours ahead of now', async () => {
    await cli(['prep', '--when', '2026-11-25 11:00', '--topic', 'Later today'], { journal });
    await refused(
      ['log', 'm2', '--advice', 'Too early'],
      journal,
      1,
      /m2 is planned for .*log it once it has happened/,
    );
  });

  it('is refused for log --mentor X --when tomorrow, and no meeting is added', async () => {
    await refused(
      ['log', '--mentor', 'lovelace', '--when', 'tomorrow 17:30', '--advice', 'Too early'],
      journal,
      1,
      'log it once it has happened',
    );
    expect((await readJournal(journal)).meetings).toHaveLength(2);
  });

  it('is allowed within the hour before a meeting starts, so it can be logged as it ends', async () => {
    const { journal: other, cleanup: clean } = await withLovelace();
    try {
      await cli(['prep', '--when', '2026-11-25 09:30', '--topic', 'Quick catch-up'], { journal: other });
      await cli(['log', 'm1', '--advice', 'Keep it short'], { journal: other });
      expect((await readJournal(other)).meetings[0]).toMatchObject({ status: 'held' });
    } finally {
      await clean();
    }
  });
});

describe('log --next', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await cli(['prep', '--when', '2026-11-20 17:30', '--topic', 'Specialty choice'], { journal });
    await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Research plan'], { journal });
  });
  afterAll(() => cleanup());

  it.each([
    ['before the meeting', '2026-11-19 09:00'],
    ['at the same moment as the meeting', '2026-11-20 17:30'],
  ])('is refused with a date %s', async (_label, next) => {
    await refused(
      ['log', 'm1', '--advice', 'x', '--next', next],
      journal,
      2,
      '--next: the next meeting must come after this one (Fri 20 Nov 2026, 17:30).',
    );
  });

  it('on the day of another planned meeting moves that meeting to the time given instead of adding one', async () => {
    await cli(['log', 'm1', '--advice', 'Read the curriculum', '--next', '2026-12-03 18:15'], { journal });
    const saved = await readJournal(journal);
    expect(saved.meetings).toHaveLength(2);
    expect(saved.meetings[1]).toMatchObject({ id: 'm2', when: '2026-12-03T18:15:00.000Z', status: 'planned' });
    expect(saved.meetings[1].prep.topics).toEqual([{ title: 'Research plan' }]);
    expect(saved.meetings[0].log.nextMeeting).toBe('2026-12-03T18:15:00.000Z');
  });

  it('never moves the meeting being logged, even to a later time the same day', async () => {
    const { journal: other, cleanup: clean } = await withLovelace();
    try {
      await cli(['prep', '--when', '2026-11-24 10:00', '--topic', 'Morning review'], { journal: other });
      await cli(['log', 'm1', '--covered', '1', '--next', '2026-11-24 16:00'], { journal: other });
      const saved = await readJournal(other);
      expect(saved.meetings).toHaveLength(2);
      expect(saved.meetings[0]).toMatchObject({ id: 'm1', when: '2026-11-24T10:00:00.000Z', status: 'held' });
      expect(saved.meetings[1]).toMatchObject({ id: 'm2', when: '2026-11-24T16:00:00.000Z', status: 'planned' });
    } finally {
      await clean();
    }
  });
});
