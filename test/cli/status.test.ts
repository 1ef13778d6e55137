/** mentee status: what needs attention now, leaving out what no longer concerns the user. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, withLovelace } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

describe('status', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await cli(['mentor', 'add', 'Prof Bob Blair'], { journal });
    await cli(['prep', '--mentor', 'blair', '--when', '2026-12-01 10:00', '--topic', 'Old plans'], { journal });
    await cli(['action', 'add', 'Introduce me to Dr Xu', '--owner', 'mentor', '--mentor', 'blair'], { journal });
    await cli(['prep', '--mentor', 'lovelace', '--when', '2026-12-05 10:00', '--topic', 'Exams'], { journal });
    await cli(['action', 'add', 'Send the rota', '--owner', 'mentor', '--mentor', 'lovelace'], { journal });
    await cli(['mentor', 'end', 'blair', '--note', 'Moved away'], { journal });
  });
  afterAll(() => cleanup());

  it('leaves out the planned meeting of a mentor whose mentorship has ended', async () => {
    const status = JSON.parse(await cli(['status', '--json'], { journal }));
    expect(status.nextMeeting).toMatchObject({ id: 'm2', mentor: 'lovelace' });
    expect(status.upcoming.map((meeting: { id: string }) => meeting.id)).toEqual(['m2']);
    const text = await cli(['status'], { journal });
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Coming up in the next 6 weeks',
      '  Dr Ada Lovelace, Sat 5 Dec 2026, 10:00 (in 10 days) m2',
      '    Agenda prepared.',
    ]);
    expect(text).not.toContain('Prof Bob Blair');
  });

  it('leaves out the commitments of a mentor whose mentorship has ended', async () => {
    const status = JSON.parse(await cli(['status', '--json'], { journal }));
    expect(status.mentorCommitments.map((action: { id: string }) => action.id)).toEqual(['a2']);
    const text = await cli(['status'], { journal });
    expect(text).toContain('Send the rota');
    expect(text).not.toContain('Introduce me to Dr Xu');
  });

  it('counts a meeting that started earlier today and has run its length as awaiting notes, not as next', async () => {
    const { journal: other, cleanup: clean } = await withLovelace();
    try {
      await cli(['prep', '--when', '2026-11-25 08:00', '--length', '30', '--topic', 'Handover'], { journal: other });
      await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Exams'], { journal: other });
      const status = JSON.parse(await cli(['status', '--json'], { journal: other }));
      expect(status.awaitingLog).toBe('m1');
      expect(status.nextMeeting).toMatchObject({ id: 'm2' });
      const text = await cli(['status'], { journal: other });
      expect(text).toContain('m1 on Wed 25 Nov 2026, 08:00 has no notes yet: mentee log m1');
      expect(text).toContain('Coming up in the next 6 weeks\n  Dr Ada Lovelace, Thu 3 Dec 2026, 17:30');
      expect(text).not.toContain('Wed 25 Nov 2026, 08:00 (');
    } finally {
      await clean();
    }
  });
});

describe('the home screen before any mentor', () => {
  it('asks for a mentor, not for init again, once the profile is set', async () => {
    const folder = await tempFolder();
    try {
      await cli(['init', '--name', 'Sam Patel', '--stage', 'FY2', '--yes'], { journal: folder.journal });
      expect((await cli([], { journal: folder.journal })).trim()).toBe(
        'Welcome, Sam. Add your mentor with: mentee mentor add "Dr Ada Lovelace"',
      );
    } finally {
      await folder.cleanup();
    }
  });

  it('still shows what is due when actions were added before any mentor', async () => {
    const folder = await tempFolder();
    try {
      await cli(['action', 'add', 'Read the ARCP guide', '--due', 'in 3 days'], { journal: folder.journal });
      const home = await cli([], { journal: folder.journal });
      expect(home).toContain('No mentor yet  add yours with: mentee mentor add "Dr Ada Lovelace"');
      expect(home).toMatch(/a1 +Read the ARCP guide +due Sat 28 Nov, in 3 days/);
      expect(home).not.toContain('mentee init');
    } finally {
      await folder.cleanup();
    }
  });
});
