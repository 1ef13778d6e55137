import { describe, expect, it } from 'vitest';
import { setMentorStatus } from '../../src/core/mentors.js';
import { action, daysBefore, goal, mentor, NOW } from '../core/fixtures.js';
import { ENTER, pick } from '../helpers/scripted-prompter.js';
import { opening, prep, withAda } from './prep-fixtures.js';

describe('prep wizard: intention and the review of open actions', () => {
  it('saves the intention as what you want to walk away with', async () => {
    const { meeting } = await prep(withAda(), [
      ...opening('Leave with a decision plan for GP training'),
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(meeting.prep!.intention).toBe('Leave with a decision plan for GP training');
  });

  it('reviews open actions oldest first: done, in progress, blocked with its reason, dropped, skip', async () => {
    const j = withAda();
    const blair = mentor(j, { name: 'Dr Jo Blair' });
    setMentorStatus(j, blair.handle, 'paused', NOW);
    const email = action(j, { title: 'Email the training lead', mentor: 'ada' }, daysBefore(5));
    const audit = action(j, { title: 'Draft the audit proposal', mentor: 'ada' }, daysBefore(20));
    const exam = action(j, { title: 'Book the exam', mentor: 'ada' }, daysBefore(10));
    const clinic = action(j, { title: 'Shadow a GP clinic', mentor: 'ada' }, daysBefore(8));
    const curriculum = action(j, { title: 'Read the curriculum', mentor: 'ada' }, daysBefore(3));
    const other = action(j, { title: 'Send Blair the poster', mentor: 'blair' }, daysBefore(30));
    const { prompt, agenda } = await prep(j, [
      ...opening(),
      [/Draft the audit proposal/, 'done'],
      [/Book the exam/, 'progress'],
      [/A note on it\? \(optional\)/, 'Half the fee saved'],
      [/Shadow a GP clinic/, pick(/Blocked/)],
      [/What is blocking it\?/, 'Waiting on the rota'],
      [/Email the training lead/, pick(/Dropped/)],
      [/A note on it\?/, ''],
      [/Read the curriculum/, ENTER],
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(prompt.said).toContain('You have 5 open actions to report on.');
    expect(prompt.question(/Draft the audit/)!.choices!.map((choice) => choice.label)).toEqual([
      'Done',
      'In progress',
      'Blocked',
      'Dropped',
      'Skip for now (it stays open, and on the agenda)',
    ]);
    expect(prompt.question(/Send Blair the poster/)).toBeUndefined();
    expect(audit.status).toBe('done');
    expect(audit.completedAt).toBe(NOW.toISOString());
    expect(exam).toMatchObject({ status: 'open', notes: [{ note: 'In progress: Half the fee saved' }] });
    expect(clinic).toMatchObject({ status: 'open', notes: [{ note: 'Blocked: Waiting on the rota' }] });
    expect(email.status).toBe('dropped');
    expect(curriculum).toMatchObject({ status: 'open', notes: [] });
    expect(other).toMatchObject({ status: 'open', notes: [] });
    const reported = Object.fromEntries(
      agenda.actionsReviewed.map(({ action, state, note }) => [action.title, { state, note }]),
    );
    expect(reported['Shadow a GP clinic']).toEqual({ state: 'blocked', note: 'Waiting on the rota' });
    expect(reported['Book the exam']).toEqual({ state: 'progress', note: 'Half the fee saved' });
    expect(reported['Read the curriculum']).toEqual({ state: 'open', note: undefined });
  });

  it('skipping an action that concerns the mentor keeps it on the agenda; a to-do of no mentor in particular is offered, and stays off unless reported on', async () => {
    const j = withAda();
    goal(j, { title: 'Choose a specialty', mentor: ['ada'] });
    const linked = action(j, { title: 'Draft a personal statement', goal: 'g1' }, daysBefore(5));
    const permit = action(j, { title: 'Renew my parking permit' }, daysBefore(4));
    const exam = action(j, { title: 'Book the exam' }, daysBefore(3));
    const { prompt, agenda } = await prep(j, [
      ...opening(),
      [/Draft a personal statement/, pick(/Skip for now/)],
      [/Renew my parking permit/, pick(/Skip: not for this meeting/)],
      [/Book the exam/, pick(/In progress/)],
      [/A note on it/, ''],
      [/Suggested by/, []],
      [/First topic/, ''],
      [/Goals to discuss/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(prompt.said).toContain('You have 3 open actions to report on.');
    expect(agenda.actionsReviewed.map(({ action: each }) => each.id)).toEqual([linked.id, exam.id]);
    expect(agenda.actionsReviewed.map(({ action: each }) => each.id)).not.toContain(permit.id);
  });

  it('asks whether what the mentor offered is still open', async () => {
    const j = withAda();
    const intro = action(
      j,
      { title: 'Introduce you to Dr Blair', owner: 'mentor', mentor: 'lovelace' },
      daysBefore(20),
    );
    const letter = action(j, { title: 'Write a reference', owner: 'mentor', mentor: 'lovelace' }, daysBefore(10));
    const { prompt } = await prep(j, [
      ...opening(),
      [/^Dr Ada Lovelace offered: "Introduce you to Dr Blair"\. Still open\?$/, 'done'],
      [/^Dr Ada Lovelace offered: "Write a reference"\. Still open\?$/, ENTER],
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/Write a reference/)!.default).toBe('skip');
    expect(intro.status).toBe('done');
    expect(letter.status).toBe('open');
  });
});
