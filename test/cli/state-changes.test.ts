/** A change that would make the journal contradict itself is refused in one line naming what to do instead. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { refused } from '../helpers/refusals.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

describe('refused state changes leave the journal as it was', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    const run = (args: string[]) => cli(args, { journal });
    await run(['prep', '--when', '2026-11-20 17:30', '--topic', 'Specialty choice', '--topic', 'Rota']); // m1
    await run(['log', 'm1', '--covered', '1', '--action', 'Draft a personal statement']); // a1
    await run(['prep', '--when', '2026-11-24 17:30', '--topic', 'Exams']); // m2, awaiting notes
    await run(['prep', '--when', '2026-12-03 17:30']); // m3
    await run(['meeting', 'cancel', 'm3']);
    await run(['action', 'add', 'Book the exam']); // a2
    await run(['action', 'drop', 'a2']);
    await run(['goal', 'add', 'Choose a specialty']); // g1
    await run(['goal', 'done', 'g1']);
  });
  afterAll(() => cleanup());

  it('completing a dropped action says to reopen it first', async () => {
    await refused(
      ['action', 'done', 'a2'],
      journal,
      1,
      'a2 is dropped; to mark it done, reopen it first with: mentee action reopen a2',
    );
  });

  it('a topic both covered and parked in one log is refused', async () => {
    await refused(
      ['log', 'm2', '--covered', '1', '--parked', '1'],
      journal,
      2,
      '--covered and --parked both name topic 1',
    );
  });

  it('amending a meeting that has no notes says to log it', async () => {
    await refused(
      ['log', 'm2', '--amend', '--advice', 'x'],
      journal,
      1,
      'm2 has no notes yet, so there is nothing to amend; log it with: mentee log m2',
    );
  });

  it('cancelling a meeting that was held and has notes is refused', async () => {
    await refused(
      ['meeting', 'cancel', 'm1'],
      journal,
      1,
      'm1 was held and has notes, so it cannot be cancelled; correct its notes with: mentee log m1 --amend',
    );
  });

  it('cancelling a meeting twice says it is already cancelled', async () => {
    await refused(['meeting', 'cancel', 'm3'], journal, 1, 'm3 is already cancelled.');
  });

  it('logging a cancelled meeting says how to log one that happened after all', async () => {
    await refused(
      ['log', 'm3', '--advice', 'x'],
      journal,
      1,
      'm3 was cancelled; if you met after all, log it as its own meeting: mentee log --mentor lovelace',
    );
  });

  it("prep's review of a dropped action as done is refused like the command", async () => {
    await refused(
      ['prep', '--meeting', 'm2', '--review', 'a2=done'],
      journal,
      1,
      'reopen it first with: mentee action reopen a2',
    );
  });

  it('progress on a dropped action is refused', async () => {
    await refused(
      ['prep', '--meeting', 'm2', '--review', 'a2=progress'],
      journal,
      2,
      '--review a2=progress: a2 is dropped; reopen it first',
    );
  });

  it('dropping an achieved goal says to make it active first', async () => {
    await refused(
      ['goal', 'drop', 'g1'],
      journal,
      1,
      'g1 is achieved; to mark it dropped, make it active first with: mentee goal update g1 --status active',
    );
  });

  it('pausing a mentorship twice says it is already paused', async () => {
    await cli(['mentor', 'pause', 'lovelace'], { journal });
    await refused(
      ['mentor', 'pause', 'lovelace'],
      journal,
      1,
      'Your mentoring with Dr Ada Lovelace is already paused.',
    );
    await cli(['mentor', 'resume', 'lovelace'], { journal });
  });
});

describe('ending a mentorship', () => {
  let journal: string;
  let cleanup: () => Promise<void>;
  let output: string;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    const run = (args: string[]) => cli(args, { journal });
    await run([
      'log',
      '--when',
      'yesterday 17:30',
      '--mentor-action',
      'Introduce me to the lead',
      '--action',
      'Write up notes',
    ]);
    await run(['prep', '--when', '2026-12-03 17:30']); // m2
    // a1 is mine, a2 what Ada offered.
    output = await run(['mentor', 'end', 'lovelace', '--note', 'Moved deanery']);
  });
  afterAll(() => cleanup());

  it('cancels the meetings still planned and drops what they offered, and says so', async () => {
    expect(output).toContain('Cancelled the meetings planned with them: m2.');
    expect(output).toContain('Dropped what they offered and had not done: a2');
    const saved = await readJournal(journal);
    expect(saved.meetings.map((meeting: { status: string }) => meeting.status)).toEqual(['held', 'cancelled']);
    expect(saved.actions.map((action: { status: string }) => action.status)).toEqual(['open', 'dropped']);
  });

  it('their offer cannot be reopened until the mentorship is resumed', async () => {
    await refused(
      ['action', 'reopen', 'a2'],
      journal,
      1,
      'Your mentoring with Dr Ada Lovelace has ended; resume it with: mentee mentor resume lovelace',
    );
    await cli(['mentor', 'resume', 'lovelace'], { journal });
    await cli(['action', 'reopen', 'a2'], { journal });
    expect((await readJournal(journal)).actions[1].status).toBe('open');
  });
});

describe('mentee meeting cancel --note', () => {
  it('keeps the reason on the meeting', async () => {
    const { journal, cleanup } = await withLovelace();
    await cli(['prep', '--when', '2026-12-03 17:30'], { journal });
    const output = await cli(['meeting', 'cancel', 'm1', '--note', 'Ada is on leave'], { journal });
    expect(output).toContain('Cancelled m1, with your reason.');
    const saved = await readJournal(journal);
    expect(saved.meetings[0]).toMatchObject({ status: 'cancelled', cancelNote: 'Ada is on leave' });
    await cleanup();
  });
});
