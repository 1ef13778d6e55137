/**
 * The home screen and the confirmations say each thing once and truly: prep says "prepared" by the rule
 * the home screen uses, a mentor with a meeting booked is not nudged to get in touch, and every list
 * names a mentor the same way (by name; the handle is for typing).
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { tempFolders } from '../helpers/temp.js';

const folder = tempFolders();

async function withAda(): Promise<string> {
  const { journal } = await folder();
  await cli(['mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w', '--since', '2026-09-01'], { journal });
  return journal;
}

const lines = (text: string) => text.trimEnd().split('\n');

describe('prep says whether a meeting is prepared as the home screen does', () => {
  it('booking a meeting with no topics and no intention says so, and the home screen agrees', async () => {
    const journal = await withAda();
    const booked = await cli(['prep', '--mentor', 'lovelace', '--when', '2026-12-03 17:30', '-y'], { journal });
    expect(lines(booked).at(-1)).toBe(
      'Booked m1 with Dr Ada Lovelace for Thu 3 Dec 2026, 17:30; no topics yet: add some with: mentee prep --meeting m1',
    );
    expect(booked).not.toContain('Saved the agenda');
    expect(booked).not.toContain('Send it ahead');
    expect(await cli(['status'], { journal })).toContain('Not prepared yet: mentee prep --meeting m1');
    expect(await cli(['meetings'], { journal })).toContain('planned, not prepared');
  });

  it('changing a meeting that is still not prepared says it is updated, still with no topics', async () => {
    const journal = await withAda();
    await cli(['prep', '--mentor', 'lovelace', '--when', '2026-12-03 17:30', '-y'], { journal });
    const updated = await cli(['prep', '--meeting', 'm1', '--length', '45', '-y'], { journal });
    expect(lines(updated).at(-1)).toBe(
      'Updated m1 with Dr Ada Lovelace on Thu 3 Dec 2026, 17:30; no topics yet: add some with: mentee prep --meeting m1',
    );
  });

  it("a booked meeting's first topics save its agenda; more topics update it; the home screen says prepared", async () => {
    const journal = await withAda();
    await cli(['prep', '--mentor', 'lovelace', '--when', '2026-12-03 17:30', '-y'], { journal });
    const first = await cli(['prep', '--meeting', 'm1', '--topic', 'Exams:10', '-y'], { journal });
    expect(lines(first).slice(-2)).toEqual([
      'Saved the agenda for m1.',
      'Send it ahead with: mentee export --meeting m1 --out agenda.md',
    ]);
    const more = await cli(['prep', '--meeting', 'm1', '--topic', 'Rota:5', '-y'], { journal });
    expect(lines(more).at(-2)).toBe('Updated the agenda for m1.');
    expect(await cli(['status'], { journal })).toContain('Agenda prepared.');
    expect(await cli(['meetings'], { journal })).toContain('planned, prepared');
  });

  it('an intention alone prepares a meeting, in the confirmation and on the home screen', async () => {
    const journal = await withAda();
    const saved = await cli(
      ['prep', '--mentor', 'lovelace', '--when', '2026-12-03 17:30', '--intention', 'A plan for the exam', '-y'],
      { journal },
    );
    expect(lines(saved).at(-2)).toBe('Saved the agenda for m1.');
    expect(await cli(['status'], { journal })).toContain('Agenda prepared.');
  });
});

describe('the nudge to get in touch', () => {
  it('shows for a mentor not met for longer than usual with nothing booked', async () => {
    const journal = await withAda();
    expect(await cli(['status'], { journal })).toContain(
      'Time to get in touch\n  Dr Ada Lovelace: no meeting in the 2 months since you started; you usually meet every 4 weeks; a short "how are you?" message can help',
    );
  });

  it('leaves out a mentor with a meeting booked: the meeting is listed with those coming up instead', async () => {
    const journal = await withAda();
    await cli(['prep', '--mentor', 'lovelace', '--when', '2026-12-03 17:30', '--topic', 'Exams', '-y'], { journal });
    const home = await cli(['status'], { journal });
    expect(home).not.toContain('Time to get in touch');
    expect(home).not.toContain('booked');
    expect(home).toContain('Coming up in the next 6 weeks\n  Dr Ada Lovelace, Thu 3 Dec 2026, 17:30 (in 8 days) m1');
    expect(JSON.parse(await cli(['status', '--json'], { journal })).mentorsOverdue).toEqual([]);
  });
});

describe('a mentor is named the same way in every list', () => {
  it('your actions with a mentor name them by name on the home screen, in the actions list and on the card', async () => {
    const journal = await withAda();
    await cli(['action', 'add', 'Draft a personal statement', '--mentor', 'lovelace', '--due', '2026-11-20'], {
      journal,
    });
    await cli(['action', 'add', 'Send the rota', '--owner', 'mentor', '--mentor', 'lovelace', '--due', '2026-11-27'], {
      journal,
    });
    const home = await cli(['status'], { journal });
    expect(home).toContain(
      'Overdue\n  a1  Draft a personal statement  with Dr Ada Lovelace  due Fri 20 Nov, 5 days overdue',
    );
    expect(home).toContain('What mentors offered to do\n  a2  Send the rota  Dr Ada Lovelace will  due Fri 27 Nov');
    expect(home).not.toContain('lovelace');
    expect(lines(await cli(['actions'], { journal }))).toEqual([
      'a1  Draft a personal statement  with Dr Ada Lovelace  due Fri 20 Nov, 5 days overdue',
      'a2  Send the rota               Dr Ada Lovelace will  due Fri 27 Nov, in 2 days',
    ]);
    expect(await cli(['show', 'a1'], { journal })).toMatch(/^ {2}mentor +Dr Ada Lovelace$/m);
    expect(await cli(['show', 'a2'], { journal })).toMatch(/^ {2}owner +Dr Ada Lovelace \(mentor commitment\)$/m);
  });

  it('a goal card names the mentors who help with it by name', async () => {
    const journal = await withAda();
    await cli(['goal', 'add', 'Choose a specialty', '--mentor', 'lovelace'], { journal });
    for (const args of [
      ['show', 'g1'],
      ['goal', 'show', 'g1'],
    ])
      expect(await cli(args, { journal })).toMatch(/^ {2}mentors +Dr Ada Lovelace$/m);
  });
});
