import { describe, expect, it } from 'vitest';
import { buildJournal, SIZES } from '../../bench/generate.js';
import { JournalSchema } from '../../src/core/schema.js';

describe('the benchmark journals', () => {
  it('S is one mentor and a year: 12 meetings with prep and log, 60 actions, 5 goals, and a valid journal', () => {
    const journal = buildJournal(SIZES.find((size) => size.name === 'S')!);
    expect(journal.mentors).toHaveLength(1);
    expect(journal.meetings).toHaveLength(12);
    expect(journal.meetings.every((meeting) => meeting.status === 'held' && meeting.prep && meeting.log)).toBe(true);
    expect(journal.actions).toHaveLength(60);
    expect(journal.goals).toHaveLength(5);
    expect(JournalSchema.safeParse(journal).success).toBe(true);
  });

  it('are the same every time, so figures compare between commits', () => {
    const size = SIZES.find((candidate) => candidate.name === 'S')!;
    expect(JSON.stringify(buildJournal(size))).toBe(JSON.stringify(buildJournal(size)));
  });

  it('M is the heavy decade the targets speak of: 5 mentors, 600 meetings, 3,000 actions, 100 goals', () => {
    expect(SIZES.find((size) => size.name === 'M')).toEqual({
      name: 'M',
      mentors: 5,
      meetings: 600,
      actions: 3_000,
      goals: 100,
    });
    expect(SIZES.find((size) => size.name === 'L')).toMatchObject({ meetings: 6_000, actions: 30_000 });
  });

  it('M has exactly 10% of its actions open, the share the comparison with Taskwarrior is made on', () => {
    const journal = buildJournal(SIZES.find((size) => size.name === 'M')!);
    expect(journal.actions.filter((action) => action.status === 'open')).toHaveLength(300);
    expect(journal.actions.filter((action) => action.status === 'done')).toHaveLength(2_700);
  });
});
