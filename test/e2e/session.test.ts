import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, readJournal, runMentee } from '../helpers/cli.js';
import { tempFolder } from '../helpers/temp.js';

/** One realistic mentee's first weeks, run step by step through the built binary. */
describe('a session from init to export', () => {
  let journal: string;
  let cleanup: () => Promise<void>;
  const run = (args: string[], now?: string) => ok(args, { journal, ...(now ? { now } : {}) });

  beforeAll(async () => {
    ({ journal, cleanup } = await tempFolder());
  });
  afterAll(() => cleanup());

  it('init creates the journal, owner-only, with the profile', async () => {
    const out = await run(['init', '--name', 'Sam Patel', '--stage', 'FY2 doctor']);
    expect(out).toContain('Sam Patel, FY2 doctor');
    expect((await stat(journal)).mode & 0o777).toBe(0o600);
    expect((await readJournal(journal)).profile).toEqual({ name: 'Sam Patel', stage: 'FY2 doctor' });
  });

  it('mentor add derives a handle from the surname and keeps ground rules and expectations', async () => {
    const out = await run([
      'mentor',
      'add',
      'Dr Ada Lovelace',
      '--role',
      'GP partner',
      '--contact',
      'email:ada@example.org',
      '--cadence',
      '4w',
      '--length',
      '30',
      '--rule',
      'Email first; reply within a week',
      '--rule',
      'Meet monthly',
      '--expect',
      'career',
      '--expect',
      'emotional',
    ]);
    expect(out).toContain('"lovelace"');
    const shown = await run(['mentor', 'show', 'ada']);
    expect(shown).toContain('Email first; reply within a week');
    expect(shown).toContain('emotional support');
    expect(shown).toContain('every 4 weeks, 30 min');
    const mentor = JSON.parse(await run(['mentor', 'show', 'lovelace', '--json']));
    expect(mentor).toMatchObject({
      handle: 'lovelace',
      contact: { channel: 'email', address: 'ada@example.org' },
      cadenceDays: 28,
    });
  });

  it('goal add and update record a dated progress note', async () => {
    await run([
      'goal',
      'add',
      'Choose between paediatrics and general practice',
      '--category',
      'career',
      '--target',
      '2027-03-01',
      '--why',
      'I keep changing my mind',
      '--success',
      'A decision I can explain',
      '--mentor',
      'lovelace',
    ]);
    await run(['goal', 'update', 'g1', '--note', 'Shadowed two GP clinics']);
    const goal = JSON.parse(await run(['goal', 'show', 'g1', '--json']));
    expect(goal).toMatchObject({
      id: 'g1',
      targetDate: '2027-03-01',
      mentors: ['lovelace'],
      progress: [{ note: 'Shadowed two GP clinics' }],
    });
  });

  it('action add reads natural dates and lists soonest first', async () => {
    await run(['action', 'add', 'Draft a personal statement', '--due', 'next friday', '--goal', 'g1']);
    await run(['action', 'add', 'Ask about the rota', '--due', 'tomorrow', '--mentor', 'lovelace']);
    const { actions } = JSON.parse(await run(['actions', '--json']));
    expect(actions.map((action: { id: string; due: string }) => [action.id, action.due])).toEqual([
      ['a2', '2026-11-26'],
      ['a1', '2026-12-04'],
    ]);
    expect(await run(['actions'])).toMatch(/a2\s+Ask about the rota.*due Thu 26 Nov, tomorrow/);
  });

  it('prep saves and prints the agenda, reviews actions and warns when topics overrun', async () => {
    const result = await runMentee(
      [
        'prep',
        '--mentor',
        'lovelace',
        '--when',
        '2026-12-03 17:30',
        '--intention',
        'Leave with a decision plan',
        '--topic',
        'Specialty choice:20',
        '--topic',
        'Research plan:15',
        '--goal',
        'g1',
        '--review',
        'a2=done',
        '--review',
        'a1=blocked:waiting on rota',
      ],
      { journal },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Leave with a decision plan');
    expect(result.stdout).toMatch(/1\.\s+Specialty choice\s+20 min/);
    expect(result.stdout).toContain('Total 35 of 30 min: 5 min over');
    expect(result.stderr).toContain('5 over the 30-minute meeting');
    const saved = await readJournal(journal);
    expect(saved.meetings[0]).toMatchObject({
      id: 'm1',
      when: '2026-12-03T17:30:00.000Z',
      lengthMinutes: 30,
      status: 'planned',
    });
    expect(saved.actions.find((action: { id: string }) => action.id === 'a2').status).toBe('done');
    expect(saved.actions.find((action: { id: string }) => action.id === 'a1').notes.at(-1).note).toBe(
      'Blocked: waiting on rota',
    );
  });

  it('prep again for the same mentor and day edits the agenda instead of adding a meeting', async () => {
    await run(['prep', '--mentor', 'lovelace', '--when', '2026-12-03 17:30', '--topic', 'Research plan:5']);
    const saved = await readJournal(journal);
    expect(saved.meetings).toHaveLength(1);
    expect(saved.meetings[0].prep.topics.map((topic: { minutes: number }) => topic.minutes)).toEqual([20, 5]);
  });

  it('status shows the next meeting as prepared and the open mentor-linked work', async () => {
    const out = await run(['status']);
    expect(out).toMatch(/Coming up in the next 6 weeks\s+Dr Ada Lovelace, Thu 3 Dec 2026, 17:30 \(in 8 days\)/);
    expect(out).toContain('Agenda prepared.');
  });

  it('export --next gives Markdown fit to email, with topics, minutes and action progress', async () => {
    const out = await run(['export', '--next']);
    expect(out).toContain('# Agenda: meeting with Dr Ada Lovelace');
    expect(out).toContain('| 1 | Specialty choice |  | 20 |');
    expect(out).toContain('- [x] Ask about the rota (due Thu 26 Nov 2026) — done');
    expect(out).toContain('- [ ] Draft a personal statement (due Fri 4 Dec 2026) — blocked: waiting on rota');
  });

  it('log records outcomes, advice, the action plan, mentor commitments and the next meeting', async () => {
    const out = await run(
      [
        'log',
        'm1',
        '--covered',
        '1',
        '--parked',
        '2',
        '--advice',
        'Talk to three GPs before deciding',
        '--decision',
        'Apply for GP training',
        '--action',
        'Email the training lead:in 2 weeks',
        '--mentor-action',
        'Introduce me to Dr Blair',
        '--private',
        'Felt anxious about telling my consultant',
        '--next',
        '2027-01-07 17:30',
      ],
      '2026-12-03T18:30:00Z',
    );
    expect(out).toContain('Logged m1');
    expect(out).toMatch(/a3\s+You will: Email the training lead \(due Thu 17 Dec, in 2 weeks\)/);
    expect(out).toMatch(/a4\s+Dr Ada Lovelace offered: Introduce me to Dr Blair/);
    expect(out).toContain('Next meeting: Thu 7 Jan 2027, 17:30 (m2)');
    const saved = await readJournal(journal);
    expect(saved.meetings[0].status).toBe('held');
    expect(saved.meetings[0].prep.topics.map((topic: { outcome: string }) => topic.outcome)).toEqual([
      'covered',
      'parked',
    ]);
    expect(saved.actions.find((action: { id: string }) => action.id === 'a4')).toMatchObject({
      owner: 'mentor',
      mentor: 'lovelace',
      meetingId: 'm1',
    });
    expect(saved.meetings[1]).toMatchObject({ id: 'm2', status: 'planned', when: '2027-01-07T17:30:00.000Z' });
  });

  it('the parked topic is carried into the next prep', async () => {
    const out = await run(
      ['prep', '--meeting', 'm2', '--carry-parked', '--topic', 'Portfolio:10'],
      '2026-12-20T09:00:00Z',
    );
    expect(out).toMatch(/1\.\s+Research plan\s+5 min\s+carried from m1/);
    expect(out).toMatch(/2\.\s+Portfolio\s+10 min/);
  });

  it('a meeting that was never prepared can be logged with --mentor and --when', async () => {
    await run(
      [
        'log',
        '--mentor',
        'lovelace',
        '--when',
        'yesterday 12:00',
        '--topic',
        'Corridor chat about rotas',
        '--covered',
        '1',
        '--advice',
        'Swap the night shift',
      ],
      '2026-12-10T12:00:00Z',
    );
    const { meetings } = JSON.parse(await run(['meetings', '--json']));
    const unplanned = meetings.find((meeting: { id: string }) => meeting.id === 'm3');
    expect(unplanned).toMatchObject({
      status: 'held',
      when: '2026-12-09T12:00:00.000Z',
      log: { advice: ['Swap the night shift'] },
    });
  });

  it('status weeks later shows overdue actions, mentor promises and the quiet mentor', async () => {
    const out = await run(['status'], '2027-02-25T09:00:00Z');
    expect(out).toMatch(/Overdue\n\s+a1\s+Draft a personal statement.*overdue/);
    expect(out).toMatch(/What mentors offered to do\n\s+a4\s+Introduce me to Dr Blair/);
    expect(out).toContain('m2 on Thu 7 Jan 2027, 17:30 has no notes yet');
    expect(out).toMatch(/Dr Ada Lovelace: last met .* ago; you usually meet every 4 weeks/);
    const status = JSON.parse(await run(['status', '--json'], '2027-02-25T09:00:00Z'));
    expect(status.overdue.map((action: { id: string }) => action.id)).toEqual(['a1', 'a3']);
    expect(status.mentorCommitments.map((action: { id: string }) => action.id)).toEqual(['a4']);
    expect(status.mentorsOverdue[0]).toMatchObject({
      mentor: 'lovelace',
      cadenceDays: 28,
      lastMet: '2027-01-07T17:30:00.000Z', // m2 happened, though it has no notes yet
    });
  });

  it('done completes an action and the summary counts it, on time or late', async () => {
    await run(['done', 'a3', '--note', 'Sent on time'], '2026-12-10T09:00:00Z');
    const summary = JSON.parse(
      await run(['export', '--since', '2026-12-01', '--format', 'json'], '2026-12-31T09:00:00Z'),
    );
    expect(summary.kind).toBe('summary');
    expect(summary.figures).toMatchObject({ meetingsHeld: 2, actionsCompleted: 1, completedOnTime: 1, onTimeRate: 1 });
    const markdown = await run(['export', '--since', '2026-12-01'], '2026-12-31T09:00:00Z');
    expect(markdown).toContain('# Sam Patel: Mentoring summary');
    expect(markdown).toContain('Advice: Talk to three GPs before deciding');
    expect(markdown).toContain('- [x] Email the training lead');
  });

  it('export --out writes an owner-only file and refuses to overwrite it', async () => {
    const out = `${journal}.agenda.md`;
    const first = await runMentee(['export', '--meeting', 'm1', '--out', out], { journal });
    expect(first.code).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const again = await runMentee(['export', '--meeting', 'm1', '--out', out], { journal });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
  });

  it('mentors can be paused, resumed and ended with a note', async () => {
    await run(['mentor', 'pause', 'lovelace']);
    expect(await run(['mentor', 'list'])).toMatch(/lovelace\s+Dr Ada Lovelace\s+paused/);
    await run(['mentor', 'resume', 'lovelace']);
    await run(['mentor', 'end', 'lovelace', '--note', 'Moved deanery; parted warmly']);
    expect(await run(['mentor', 'list'])).not.toContain('lovelace');
    expect(await run(['mentor', 'list', '--all'])).toMatch(/lovelace.*ended/);
    expect(await run(['show', 'lovelace'])).toContain('Moved deanery; parted warmly');
  });
});
