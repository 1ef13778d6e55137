import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepCommand } from '../../src/commands/prep.js';
import { buildAgenda } from '../../src/core/agenda.js';
import { logMeeting } from '../../src/core/log.js';
import { prepMeeting } from '../../src/core/prep.js';
import { setMentorStatus } from '../../src/core/mentors.js';
import type { Journal } from '../../src/core/schema.js';
import type { PrepTemplate } from '../../src/core/template.js';
import { meetingMarkdown } from '../../src/ui/export/render-export.js';
import { runPrepWizard } from '../../src/wizards/prep-wizard.js';
import { action, daysBefore, goal, journal, logInput, mentor, NOW, prepInput, worded } from '../core/fixtures.js';
import {
  commandContext,
  CTRL_C,
  ENTER,
  pick,
  pickMany,
  scripted,
  tempStores,
  type ScriptLine,
} from '../helpers/scripted-prompter.js';

const CHECK_IN: PrepTemplate = {
  name: 'check-in',
  description: 'A regular meeting.',
  defaultMinutes: 10,
  topics: [{ title: 'Progress since last time', kind: 'update', minutes: 5 }],
  prompts: ['What has gone well since we last met?', 'Is there anything you have been putting off raising?'],
};
const FIRST_MEETING: PrepTemplate = {
  name: 'first-meeting',
  description: 'Starting a mentoring relationship.',
  defaultMinutes: 10,
  topics: [{ title: 'How best to contact you', kind: 'question', minutes: 5 }],
  prompts: ['What do you want to gain from this relationship?'],
};

/** How you will meet, asked for every new meeting: Enter takes the suggested mode. */
const MODE: ScriptLine = [/^How will you meet\?$/, ENTER];
const ADA = 'Dr Ada Lovelace';

/** One mentor, Dr Ada Lovelace: 30 minutes every 4 weeks. */
function withAda(length = 30): Journal {
  const j = journal();
  mentor(j, { name: ADA, cadence: '4w', length }, daysBefore(60));
  return j;
}

/** A meeting held four weeks ago (logged the next day) with Ada, where the last two of its three topics were parked. */
function withHeldMeeting(j: Journal): void {
  prepMeeting(
    j,
    prepInput({ when: '2026-10-28 17:30', topic: ['Rota swap:10', 'Research project:15', 'Exam timing:5'] }),
    daysBefore(30),
  );
  logMeeting(j, logInput({ meeting: 'm1', covered: ['1'], parked: ['2', '3'] }), daysBefore(27));
}

/** Runs the wizard on a copy of the journal (as the command does), then applies its answer to the journal. */
async function prep(j: Journal, script: ScriptLine[], flags: Record<string, unknown> = {}) {
  const prompt = scripted(script);
  const plan = await worded(() =>
    runPrepWizard({
      journal: structuredClone(j),
      now: NOW,
      prompt,
      flags: prepInput(flags),
      templateGiven: flags.template !== undefined,
      templateFor: (first) => (first ? FIRST_MEETING : CHECK_IN),
    }),
  );
  prompt.done();
  const { meeting, created } = prepMeeting(j, plan.input, NOW);
  return { prompt, plan, meeting, created, agenda: buildAgenda(j, meeting) };
}

/** The questions for a new meeting with Ada on Thursday 3 December, up to the topics. */
const opening = (intention = 'A decision plan'): ScriptLine[] => [
  [/^When do you meet Dr Ada Lovelace\?/, '2026-12-03 17:30'],
  [/How many minutes will you have/, ENTER],
  MODE,
  [/What do you want to walk away with\?/, intention],
];

describe('prep wizard: which meeting', () => {
  it('does not ask which mentor when only one is active, and the length defaults to their usual', async () => {
    const j = withAda(45);
    const blair = mentor(j, { name: 'Dr Jo Blair' });
    setMentorStatus(j, blair.handle, 'paused', NOW);
    const { prompt, meeting, created } = await prep(j, [
      ...opening(),
      [/Suggested by the first-meeting template/, []],
      [/First topic to raise/, ''],
      [/reflection prompts/, false],
    ]);
    expect(prompt.asked[0]!.message).toMatch(/^When do you meet Dr Ada Lovelace\?/);
    expect(prompt.question(/How many minutes/)!.default).toBe('45');
    expect(created).toBe(true);
    expect(meeting).toMatchObject({
      mentor: 'lovelace',
      when: '2026-12-03T17:30:00.000Z',
      lengthMinutes: 45,
      status: 'planned',
    });
  });

  it('asks which mentor when several are active', async () => {
    const j = withAda();
    mentor(j, { name: 'Dr Jo Blair', length: 60 });
    const { prompt, meeting } = await prep(j, [
      [/Which mentor are you meeting\?/, pick(/Jo Blair/)],
      [/^When do you meet Dr Jo Blair\?/, '2026-12-03 17:30'],
      [/How many minutes/, ENTER],
      MODE,
      [/walk away with/, ''],
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/Which mentor/)!.choices!.map((choice) => choice.label)).toEqual([
      'Dr Ada Lovelace (lovelace)',
      'Dr Jo Blair (blair)',
    ]);
    expect(meeting).toMatchObject({ mentor: 'blair', lengthMinutes: 60 });
  });

  it('does not ask which mentor when --mentor names one', async () => {
    const j = withAda();
    mentor(j, { name: 'Dr Jo Blair', length: 60 });
    const { prompt, meeting } = await prep(
      j,
      [
        [/^When do you meet Dr Jo Blair\?/, '2026-12-03 17:30'],
        [/How many minutes/, ENTER],
        MODE,
        [/walk away with/, ''],
        [/Suggested by/, []],
        [/First topic/, ''],
        [/reflection prompts/, false],
      ],
      { mentor: 'blair' },
    );
    expect(prompt.question(/Which mentor/)).toBeUndefined();
    expect(meeting.mentor).toBe('blair');
  });

  it('stops with a clear message when there is no active mentor', async () => {
    const j = withAda();
    setMentorStatus(j, 'lovelace', 'ended', NOW);
    await expect(prep(j, [])).rejects.toThrow('You have no active mentor yet.');
  });

  it('takes a natural date, and refuses one it cannot read with a hint, asking again', async () => {
    const { prompt, meeting } = await prep(withAda(), [
      [/When do you meet/, 'sometime soonish'],
      [/When do you meet/, 'next thursday 17:30'],
      [/How many minutes/, '20'],
      MODE,
      [/walk away with/, ''],
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(prompt.refused).toEqual([
      expect.objectContaining({
        answer: 'sometime soonish',
        error: expect.stringMatching(/Cannot read that as a date/),
      }),
    ]);
    expect(meeting.when).toBe('2026-12-03T17:30:00.000Z');
    expect(meeting.lengthMinutes).toBe(20);
  });

  it("a new meeting's mode defaults to the mentor's usual (how the last meeting with them was held)", async () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-10-28 17:30', mode: 'video' }), daysBefore(30));
    logMeeting(j, logInput({ meeting: 'm1', advice: ['Keep a log'] }), daysBefore(27));
    const { meeting } = await prep(j, [
      ...opening(),
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(meeting.mode).toBe('video');
  });

  it('uses the first-meeting template before any meeting was held, and says so', async () => {
    const { prompt, agenda, plan } = await prep(withAda(), [
      ...opening(),
      [/Suggested by the first-meeting template/, pickMany(/How best to contact you/)],
      [/Another topic/, ''],
      [/1 reflection prompts/, false],
    ]);
    expect(plan.template.name).toBe('first-meeting');
    expect(prompt.said).toContain('Using the first-meeting template: Starting a mentoring relationship.');
    expect(agenda.topics).toEqual([{ title: 'How best to contact you', kind: 'question', minutes: 5 }]);
  });

  it('does not ask again for what the flags already gave', async () => {
    const { prompt, meeting } = await prep(withAda(), [[/reflection prompts/, false]], {
      when: '2026-12-03 17:30',
      length: '45',
      mode: 'video',
      intention: 'Decide on GP training',
      topic: ['Specialty choice:15'],
    });
    expect(prompt.asked.map((question) => question.message)).toEqual([expect.stringMatching(/reflection prompts/)]);
    expect(meeting).toMatchObject({ lengthMinutes: 45, mode: 'video', when: '2026-12-03T17:30:00.000Z' });
    expect(meeting.prep).toMatchObject({
      intention: 'Decide on GP training',
      topics: [{ title: 'Specialty choice', minutes: 15 }],
    });
  });
});

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

describe('prep wizard: topics', () => {
  it('offers the topics parked at the last meeting first, all ticked, and carries over those kept', async () => {
    const j = withAda();
    withHeldMeeting(j);
    const { prompt, agenda } = await prep(j, [
      ...opening(),
      [/Topics you parked last time\. Bring them back\?/, pickMany(/Research project/)],
      [/Suggested by the check-in template/, []],
      [/Another topic\?/, 'Portfolio sign-off'],
      [/"Portfolio sign-off" is/, ENTER],
      [/Minutes for it\?/, '5'],
      [/Another topic\?/, ''],
      [/reflection prompts/, false],
    ]);
    const parked = prompt.question(/Topics you parked/)!;
    expect(parked.choices!.map(({ label, checked }) => ({ label, checked }))).toEqual([
      { label: 'Research project', checked: true },
      { label: 'Exam timing', checked: true },
    ]);
    expect(agenda.topics).toEqual([
      { title: 'Research project', minutes: 15, carriedFrom: 'm1' },
      { title: 'Portfolio sign-off', kind: 'question', minutes: 5 },
    ]);
    expect(await meetingMarkdown(j, agenda, NOW)).toContain('| 1 | Research project (carried over) |  | 15 |');
  });

  it('asks each new topic its kind, a linked goal and minutes, suggesting the template default', async () => {
    const j = withAda(60);
    goal(j, { title: 'Get into GP training', mentor: ['lovelace'] });
    goal(j, { title: 'Finish the audit', category: 'research' });
    const { prompt, agenda, meeting } = await prep(j, [
      ...opening(),
      [/Suggested by/, []],
      [/First topic to raise\? \(Enter when done\)/, 'Specialty choice'],
      [/^"Specialty choice" is$/, pick(/a decision to make/)],
      [/Linked to a goal\?/, pick(/g1 Get into GP training/)],
      [/Minutes for it\?/, ENTER],
      [/topic/, 'Feedback on my audit draft'],
      [/"Feedback on my audit draft" is/, 'feedback'],
      [/Linked to a goal\?/, 'g2'],
      [/Minutes for it\?/, '15'],
      [/topic/, 'Night shifts are wearing me down'],
      [/is$/, pick(/something personal/)],
      [/Linked to a goal\?/, ENTER],
      [/Minutes for it\?/, '5'],
      [/topic/, ''],
      [/Goals to discuss/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/"Specialty choice" is/)!.choices!.map((choice) => choice.label)).toEqual([
      'a question',
      'a decision to make',
      'an update',
      'a request for feedback',
      'something personal',
    ]);
    expect(prompt.question(/Minutes for it/)!.default).toBe('10');
    expect(agenda.topics).toEqual([
      { title: 'Specialty choice', kind: 'decision', minutes: 10, goalId: 'g1' },
      { title: 'Feedback on my audit draft', kind: 'feedback', minutes: 15, goalId: 'g2' },
      { title: 'Night shifts are wearing me down', kind: 'personal', minutes: 5 },
    ]);
    expect(meeting.prep!.goals).toEqual(['g1']);
  });

  it('does not ask about a linked goal when there are no active goals', async () => {
    const { agenda } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      [/First topic/, 'Specialty choice'],
      [/is$/, ENTER],
      [/Minutes for it/, '12'],
      [/topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(agenda.topics).toEqual([{ title: 'Specialty choice', kind: 'question', minutes: 12 }]);
  });

  it('refuses minutes that are not a whole number and asks again', async () => {
    const { prompt, agenda } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      [/First topic/, 'Specialty choice'],
      [/is$/, ENTER],
      [/Minutes for it/, 'half an hour'],
      [/Minutes for it/, '0'],
      [/Minutes for it/, '15'],
      [/topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(prompt.refused.map((refusal) => refusal.error)).toEqual([
      'Give a whole number of minutes, like 30.',
      'Give a whole number of minutes, like 30.',
    ]);
    expect(agenda.topics[0]!.minutes).toBe(15);
  });

  it('picks suggested topics from the template with their minutes', async () => {
    const j = withAda();
    withHeldMeeting(j);
    const { agenda } = await prep(j, [
      ...opening(),
      [/Topics you parked/, []],
      [/Suggested by the check-in template \(pick any\)/, pickMany(/Progress since last time \(5 min\)/)],
      [/Another topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(agenda.topics).toEqual([{ title: 'Progress since last time', kind: 'update', minutes: 5 }]);
  });
});

/** Topics of the given minutes, asked as "Topic A", "Topic B", ... with kind question. */
function topicLines(...minutes: number[]): ScriptLine[] {
  return minutes.flatMap((m, at): ScriptLine[] => [
    [/topic/i, `Topic ${'ABCDE'[at]}`],
    [/is$/, ENTER],
    [/Minutes for it/, String(m)],
  ]);
}

describe('prep wizard: the time check', () => {
  it('does not interrupt when the topics fit the meeting', async () => {
    const { agenda } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      ...topicLines(20, 10),
      [/topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(agenda.timeCheck).toMatchObject({ plannedMinutes: 30, overBy: 0 });
  });

  it('says by how much the topics overrun, and trimming one (default: just enough) makes it fit', async () => {
    const { prompt, agenda } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      ...topicLines(20, 20),
      [/topic/, ''],
      [/^Your topics need 40 min, 10 more than the 30-minute meeting\. What now\?$/, ENTER],
      [/^Which topic\?$/, pick(/Topic A \(20 min\)/)],
      [/^Minutes for "Topic A"\?$/, ENTER],
      [/reflection prompts/, false],
    ]);
    const check = prompt.question(/Your topics need/)!;
    expect(check.default).toBe('trim');
    expect(check.choices!.map((choice) => choice.label)).toEqual([
      'Give a topic fewer minutes',
      'Drop a topic from this meeting',
      'Move a topic to the top, so the most important comes first',
      'Keep it as it is (10 min over)',
    ]);
    expect(prompt.question(/Minutes for "Topic A"/)!.default).toBe('10');
    expect(agenda.topics.map(({ title, minutes }) => `${title}:${minutes}`)).toEqual(['Topic A:10', 'Topic B:20']);
    expect(agenda.timeCheck.overBy).toBe(0);
  });

  it('keeps asking after each drop, reorder or trim until the topics fit', async () => {
    const { prompt, agenda } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      ...topicLines(20, 15, 10),
      [/topic/, ''],
      [/need 45 min, 15 more than the 30-minute/, 'drop'],
      [/^Drop which topic\?$/, pick(/Topic C/)],
      [/need 35 min, 5 more than the 30-minute/, 'reorder'],
      [/^Which topic goes first\?$/, pick(/Topic B/)],
      [/need 35 min, 5 more than the 30-minute/, pick(/fewer minutes/)],
      [/Which topic\?/, pick(/Topic A/)],
      [/Minutes for "Topic A"\?/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/Minutes for "Topic A"/)!.default).toBe('15');
    expect(agenda.topics.map(({ title, minutes }) => `${title}:${minutes}`)).toEqual(['Topic B:15', 'Topic A:15']);
    expect(agenda.timeCheck).toMatchObject({ plannedMinutes: 30, overBy: 0 });
  });

  it('keeps the overrun knowingly when asked, and the agenda shows it', async () => {
    const { agenda } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      ...topicLines(25, 15),
      [/topic/, ''],
      [/need 40 min, 10 more/, pick(/Keep it as it is \(10 min over\)/)],
      [/reflection prompts/, false],
    ]);
    expect(agenda.timeCheck).toMatchObject({ plannedMinutes: 40, lengthMinutes: 30, overBy: 10 });
    expect(agenda.topics).toHaveLength(2);
  });

  it('a topic dropped at the time check is kept for another time when the choice says it is', async () => {
    const j = withAda();
    const { prompt, meeting } = await prep(j, [
      ...opening(),
      [/Suggested by/, []],
      ...topicLines(20, 20),
      [/topic/, ''],
      [/need 40 min/, 'drop'],
      [/Drop which topic/, pick(/Topic B/)],
      [/reflection prompts/, false],
    ]);
    expect(meeting.prep!.topics.map((topic) => topic.title)).toEqual(['Topic A']);
    const promised = prompt
      .question(/need 40 min/)!
      .choices!.some((choice) => /stays in your notes/.test(choice.label));
    if (promised) expect(JSON.stringify(j), 'the dropped topic is nowhere in the journal').toContain('Topic B');
  });
});

describe('prep wizard: goals and reflection', () => {
  it('offers active goals to discuss, with those linked to this mentor ticked', async () => {
    const j = withAda();
    goal(j, { title: 'Get into GP training', mentor: ['lovelace'] });
    goal(j, { title: 'Finish the audit' });
    const dropped = goal(j, { title: 'Learn to juggle' });
    dropped.status = 'dropped';
    const { prompt, meeting } = await prep(j, [
      ...opening(),
      [/Suggested by/, []],
      [/First topic/, ''],
      [/Goals to discuss/, ['g1', 'g2']],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/Goals to discuss/)!.choices!.map(({ label, checked }) => ({ label, checked }))).toEqual([
      { label: 'g1 Get into GP training', checked: true },
      { label: 'g2 Finish the audit', checked: false },
    ]);
    expect(meeting.prep!.goals).toEqual(['g1', 'g2']);
  });

  it('reflection prompts are optional: declining asks none of them', async () => {
    const { prompt, meeting } = await prep(withAda(), [
      ...opening(),
      [/Suggested by/, []],
      [/First topic/, ''],
      [/^Take a minute for \d+ reflection prompts\? \(each can be skipped\)$/, ENTER],
    ]);
    expect(prompt.question(/reflection prompts/)!.default).toBe(false);
    expect(meeting.prep!.reflections).toEqual([]);
  });

  it('each reflection prompt can be skipped with an empty answer', async () => {
    const j = withAda();
    withHeldMeeting(j);
    const { meeting } = await prep(j, [
      ...opening(),
      [/Topics you parked/, []],
      [/Suggested by/, []],
      [/Another topic|First topic/, ''],
      [/reflection prompts/, true],
      [/^What has gone well since we last met\?$/, 'Passed the written exam'],
      [/^Is there anything you have been putting off raising\?$/, ''],
    ]);
    expect(meeting.prep!.reflections).toEqual([
      { prompt: 'What has gone well since we last met?', answer: 'Passed the written exam' },
    ]);
  });
});

describe('prep wizard: re-running prep on a meeting that has an agenda', () => {
  function withPreparedMeeting(): Journal {
    const j = withAda();
    prepMeeting(
      j,
      prepInput({ when: '2026-12-03 17:30', intention: 'Old aim', topic: ['Rota swap:10', 'Exam timing:5'] }),
      daysBefore(2),
    );
    return j;
  }

  it('edits the agenda instead of starting over: keeps its date, intention and topics, adds new ones', async () => {
    const j = withPreparedMeeting();
    const { prompt, meeting, created } = await prep(j, [
      [/^You meet Dr Ada Lovelace on Thu 3 Dec 2026, 17:30 \(m1\)\. Edit its agenda\?$/, ENTER],
      [/walk away with/, ENTER],
      [/Suggested by/, []],
      [/^Another topic\?/, 'Portfolio sign-off'],
      [/is$/, ENTER],
      [/Minutes for it/, '5'],
      [/topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(prompt.question(/walk away with/)!.default).toBe('Old aim');
    expect(prompt.said).toContain('The agenda has 2 topics: Rota swap; Exam timing.');
    expect(created).toBe(false);
    expect(j.meetings).toHaveLength(1);
    expect(meeting).toMatchObject({ id: 'm1', when: '2026-12-03T17:30:00.000Z', lengthMinutes: 30 });
    expect(meeting.prep!.intention).toBe('Old aim');
    expect(meeting.prep!.topics.map(({ title, minutes }) => `${title}:${minutes}`)).toEqual([
      'Rota swap:10',
      'Exam timing:5',
      'Portfolio sign-off:5',
    ]);
  });

  it('editing the agenda can change the intention and trim an existing topic at the time check', async () => {
    const j = withPreparedMeeting();
    const { meeting } = await prep(j, [
      [/Edit its agenda\?/, true],
      [/walk away with/, 'A rota I can live with'],
      [/Suggested by/, []],
      [/Another topic/, 'Research project'],
      [/is$/, ENTER],
      [/Minutes for it/, '20'],
      [/topic/, ''],
      [/need 35 min, 5 more/, 'trim'],
      [/Which topic/, pick(/Rota swap/)],
      [/Minutes for "Rota swap"/, ENTER],
      [/reflection prompts/, false],
    ]);
    expect(j.meetings).toHaveLength(1);
    expect(meeting.prep!.intention).toBe('A rota I can live with');
    expect(meeting.prep!.topics.map(({ title, minutes }) => `${title}:${minutes}`)).toEqual([
      'Rota swap:5',
      'Exam timing:5',
      'Research project:20',
    ]);
  });

  it('offers to prepare a planned meeting that has no agenda yet', async () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30' }), daysBefore(2));
    const { meeting, created } = await prep(j, [
      [/You meet Dr Ada Lovelace on Thu 3 Dec 2026, 17:30 \(m1\)\. Prepare it\?/, ENTER],
      [/walk away with/, 'A decision plan'],
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(created).toBe(false);
    expect(meeting.prep!.intention).toBe('A decision plan');
  });

  it('declining the planned meeting prepares a new one instead', async () => {
    const j = withPreparedMeeting();
    const { meeting, created } = await prep(j, [
      [/Edit its agenda\?/, false],
      [/When do you meet/, '2026-12-17 17:30'],
      [/How many minutes/, ENTER],
      MODE,
      [/walk away with/, 'Plan the rotation'],
      [/Suggested by/, []],
      [/First topic/, ''],
      [/reflection prompts/, false],
    ]);
    expect(created).toBe(true);
    expect(meeting.id).toBe('m2');
    expect(j.meetings.find((m) => m.id === 'm1')!.prep!.intention).toBe('Old aim');
  });
});

describe('mentee prep on a terminal (command)', () => {
  const newStore = tempStores(NOW);

  async function setUp() {
    const temp = await newStore();
    await temp.store.update((j) => {
      mentor(j, { name: ADA, cadence: '4w', length: 30 }, daysBefore(60));
      action(j, { title: 'Draft the audit proposal', mentor: 'lovelace' }, daysBefore(20));
      goal(j, { title: 'Get into GP training', mentor: ['lovelace'] }, daysBefore(50));
    });
    return temp;
  }

  /** Every question of a prep from start to saving (first meeting with Ada, so the first-meeting template). */
  const fullPrep: ScriptLine[] = [
    [/When do you meet/, '2026-12-03 17:30'],
    [/How many minutes/, ENTER],
    [/How will you meet/, ENTER],
    [/walk away with/, 'A decision plan'],
    [/Draft the audit proposal/, pick(/Blocked/)],
    [/What is blocking it/, 'Waiting on the rota'],
    [/Suggested by the first-meeting template/, []],
    [/First topic/, 'Specialty choice'],
    [/is$/, pick(/decision/)],
    [/Linked to a goal/, ENTER],
    [/Minutes for it/, '40'],
    [/topic/, ''],
    [/need 40 min, 10 more/, ENTER],
    [/Which topic/, ENTER],
    [/Minutes for "Specialty choice"/, ENTER],
    [/Goals to discuss/, ENTER],
    [/reflection prompts/, true],
    [/What do you want to gain from this relationship/, 'Honest advice'],
    [/ideal future/, ''],
    [/What kind of support/, ''],
    [/Save this agenda\?/, ENTER],
  ];

  it('shows the agenda as it will be shared, saves it, and writes Markdown to send ahead when asked', async () => {
    const { store, dir } = await setUp();
    const file = join(dir, 'agenda.md');
    const prompt = scripted([...fullPrep, [/Write it as Markdown to send ahead\?/, true], [/^File:$/, file]]);
    const ctx = commandContext(store, NOW, prompt);
    await prepCommand(ctx, {});
    prompt.done();
    const preview = prompt.said.find((line) => line.includes('# Agenda: meeting with Dr Ada Lovelace'));
    expect(preview).toContain('| 1 | Specialty choice | decision | 30 |');
    expect(preview).toContain('**What I want from this meeting:** A decision plan');
    expect(preview).toContain('Draft the audit proposal — blocked: Waiting on the rota');
    expect(ctx.out).toEqual(['Saved the agenda for m1.', `Wrote ${file}.`]);
    const saved = await store.read();
    expect(saved.meetings[0]!.prep).toMatchObject({
      intention: 'A decision plan',
      topics: [{ title: 'Specialty choice', kind: 'decision', minutes: 30 }],
      goals: ['g1'],
      reflections: [{ prompt: 'What do you want to gain from this relationship?', answer: 'Honest advice' }],
      template: 'first-meeting',
    });
    const markdown = await readFile(file, 'utf8');
    expect(markdown).toContain('# Agenda: meeting with Dr Ada Lovelace');
    expect(markdown).toContain('| 1 | Specialty choice | decision | 30 |');
  });

  it('answering no to "Save this agenda?" writes nothing and says so', async () => {
    const { store, bytes } = await setUp();
    const before = await bytes();
    const prompt = scripted([...fullPrep.slice(0, -1), [/Save this agenda\?/, false]]);
    const ctx = commandContext(store, NOW, prompt);
    await prepCommand(ctx, {});
    prompt.done();
    expect(ctx.err).toContain('Nothing was saved.');
    expect(await bytes()).toEqual(before);
  });

  it.each(fullPrep.map((line, at) => [at + 1, (line as [RegExp, unknown])[0]] as const))(
    'Ctrl-C at question %i (%s) stops the wizard and leaves the journal byte for byte unchanged',
    async (number) => {
      const { store, bytes } = await setUp();
      const before = await bytes();
      const script = fullPrep.slice(0, number);
      script[number - 1] = [(script[number - 1] as [RegExp, unknown])[0], CTRL_C];
      const prompt = scripted(script);
      await expect(prepCommand(commandContext(store, NOW, prompt), {})).rejects.toMatchObject({
        name: 'ExitPromptError',
      });
      prompt.done();
      expect(await bytes()).toEqual(before);
    },
  );

  it('Ctrl-C at the Markdown offer, after the agenda was saved, is not reported as "nothing was saved"', async () => {
    const { store, bytes } = await setUp();
    const before = await bytes();
    const prompt = scripted([...fullPrep, [/Write it as Markdown/, CTRL_C]]);
    const outcome = await prepCommand(commandContext(store, NOW, prompt), {}).then(
      () => 'finished',
      (error: Error) => error.name,
    );
    const changed = !(await bytes())!.equals(before!);
    // main answers an ExitPromptError with "Stopped; nothing was saved." (exit 130): only true if nothing changed.
    if (outcome === 'ExitPromptError')
      expect(changed, 'the agenda was saved, yet the user is told nothing was saved').toBe(false);
    else expect(changed).toBe(true);
  });

  it('a wizard left open never overwrites changes made to the journal meanwhile', async () => {
    const { store } = await setUp();
    const script = [...fullPrep];
    script[script.findIndex((line) => Array.isArray(line) && line[0].source.includes('walk away'))] = [
      /walk away with/,
      async () => {
        // Meanwhile, in another terminal: a new goal and a finished action.
        await store.update((j) => {
          goal(j, { title: 'Publish the audit', category: 'research' });
          action(j, { title: 'Renew my indemnity' });
        });
        return 'A decision plan';
      },
    ];
    const prompt = scripted([...script, [/Write it as Markdown/, false]]);
    await prepCommand(commandContext(store, NOW, prompt), {});
    prompt.done();
    const saved = await store.read();
    expect(saved.goals.map((g) => g.title)).toContain('Publish the audit');
    expect(saved.actions.map((a) => a.title)).toContain('Renew my indemnity');
    expect(saved.meetings[0]!.prep!.intention).toBe('A decision plan');
  });

  it('--yes asks nothing and saves what the flags give', async () => {
    const { store } = await setUp();
    const prompt = scripted([]);
    const ctx = commandContext(store, NOW, prompt);
    await prepCommand(ctx, { yes: true, when: '2026-12-03 17:30', topic: ['Specialty choice:15'] });
    prompt.done();
    expect(prompt.asked).toEqual([]);
    expect((await store.read()).meetings[0]!.prep!.topics).toEqual([{ title: 'Specialty choice', minutes: 15 }]);
  });

  it('without a terminal and without --when it stops naming the missing flag, asking nothing', async () => {
    const { store, bytes } = await setUp();
    const before = await bytes();
    const prompt = scripted([]);
    await expect(
      worded(() => prepCommand(commandContext(store, NOW, prompt, { interactive: false }), {})),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--when'),
    });
    expect(prompt.asked).toEqual([]);
    expect(await bytes()).toEqual(before);
  });
});
