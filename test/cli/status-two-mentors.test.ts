/** mentee status with two mentors: every meeting coming up, goals past their target, what each mentor offered. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusJsonSchema } from '../../src/ui/json-shapes.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

describe('status with two mentors', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    const run = (args: string[]) => cli(args, { journal });
    await run(['mentor', 'add', 'Prof Bob Blair', '--length', '45']);
    await run(['goal', 'add', 'Pass the membership exam', '--category', 'education', '--target', '2026-11-01']);
    await run(['goal', 'add', 'Choose a specialty', '--category', 'career', '--target', '2027-03-01']);
    await run(['prep', '--mentor', 'lovelace', '--when', '2026-12-03 17:30', '--topic', 'Exams:10']);
    await run(['prep', '--mentor', 'blair', '--when', '2026-12-10 10:00']);
    await run(['prep', '--mentor', 'lovelace', '--when', '2026-12-31 17:30']);
    await run(['prep', '--mentor', 'blair', '--when', '2027-02-18 10:00']);
    await run(['action', 'add', 'Introduce me to Dr Xu', '--owner', 'mentor', '--mentor', 'blair']);
    await run(['action', 'add', 'Send the rota', '--owner', 'mentor', '--mentor', 'lovelace']);
    await run(['mentor', 'pause', 'blair']);
  });
  afterAll(() => cleanup());

  it('shows every meeting in the next 6 weeks with either mentor, each saying whether it is prepared', async () => {
    const text = await cli(['status'], { journal });
    expect(text.split('\n').slice(0, 7)).toEqual([
      'Coming up in the next 6 weeks',
      '  Dr Ada Lovelace, Thu 3 Dec 2026, 17:30 (in 8 days) m1',
      '    Agenda prepared.',
      '  Prof Bob Blair (mentoring paused), Thu 10 Dec 2026, 10:00 (in 2 weeks) m2',
      '    Not prepared yet: mentee prep --meeting m2',
      '  Dr Ada Lovelace, Thu 31 Dec 2026, 17:30 (in 5 weeks) m3',
      '    Not prepared yet: mentee prep --meeting m3',
    ]);
    expect(text).not.toContain('m4');
  });

  it('shows a goal past its target in a section of its own, and what each mentor offered', async () => {
    const text = await cli(['status'], { journal });
    expect(text).toContain(
      'Goals past their target date\n  g1  Pass the membership exam (target Sun 1 Nov 2026, 3 weeks ago)',
    );
    expect(text).not.toContain('Choose a specialty');
    expect(text).toContain('Introduce me to Dr Xu');
    expect(text).toContain('Send the rota');
  });

  it('status --json keeps its keys and adds the meetings coming up and the goals past target, as declared', async () => {
    const json = JSON.parse(await cli(['status', '--json'], { journal }));
    expect(StatusJsonSchema.parse(json)).toEqual(json);
    expect(json.nextMeeting).toEqual({
      id: 'm1',
      when: '2026-12-03T17:30:00.000Z',
      mentor: 'lovelace',
      prepared: true,
    });
    expect(json.upcoming).toEqual([
      json.nextMeeting,
      { id: 'm2', when: '2026-12-10T10:00:00.000Z', mentor: 'blair', prepared: false },
      { id: 'm3', when: '2026-12-31T17:30:00.000Z', mentor: 'lovelace', prepared: false },
    ]);
    expect(json.goalsPastTarget).toMatchObject([{ id: 'g1', targetDate: '2026-11-01', daysPastTarget: 24 }]);
    expect(json.mentorCommitments.map((action: { id: string }) => action.id)).toEqual(['a1', 'a2']);
  });
});
