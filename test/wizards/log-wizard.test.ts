import { describe, expect, it } from 'vitest';
import { logMeeting } from '../../src/core/log.js';
import { parkedTopicsFor, prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { runLogWizard } from '../../src/wizards/log-wizard.js';
import { daysBefore, journal, logInput, mentor, NOW, prepInput, worded } from '../core/fixtures.js';
import { CLEARED, ENTER, pick, scripted, type ScriptLine } from '../helpers/scripted-prompter.js';

const ADA = 'Dr Ada Lovelace';

/** Ada (30 minutes every 4 weeks) and two planned meetings already past: m1 on 10 Nov, m2 on 24 Nov with three topics. */
function withMeetings(fields: Record<string, unknown> = { cadence: '4w' }): Journal {
  const j = journal();
  mentor(j, { name: ADA, length: 30, ...fields }, daysBefore(60));
  prepMeeting(j, prepInput({ when: '2026-11-10 17:30', topic: ['Old topic:10'] }), daysBefore(20));
  prepMeeting(
    j,
    prepInput({
      when: '2026-11-24 17:30',
      intention: 'A decision plan',
      topic: ['Specialty choice:15', 'Rota swap:10', 'Exam timing:5'],
    }),
    daysBefore(7),
  );
  return j;
}

/** Runs the wizard on a copy of the journal (as the command does), then records its answer in the journal. */
async function log(j: Journal, script: ScriptLine[], flags: Record<string, unknown> = {}) {
  const prompt = scripted(script);
  const input = await worded(() =>
    runLogWizard({ journal: structuredClone(j), now: NOW, dates: { now: NOW }, prompt, flags: logInput(flags) }),
  );
  prompt.done();
  return { prompt, input, ...logMeeting(j, input, NOW) };
}

const LATEST = /^Log your meeting with Dr Ada Lovelace on Tue 24 Nov 2026, 17:30 \(m2\)\?$/;
/** m2's three topics, all covered with no note. */
const allCovered: ScriptLine[] = [
  [/^"Specialty choice"$/, ENTER],
  [/What came of it/, ''],
  [/^"Rota swap"$/, ENTER],
  [/What came of it/, ''],
  [/^"Exam timing"$/, ENTER],
  [/What came of it/, ''],
];
const noNotes: ScriptLine[] = [
  [/Advice you received/, ''],
  [/Feedback on your work/, ''],
  [/Decisions you made/, ''],
  [/assumption your mentor challenged/, ''],
];
const noActions: ScriptLine[] = [
  [/Your next action/, ''],
  [/offer to do anything/, ''],
];
/** Skip the reflection, and clear the suggested next date (Backspace, Enter). */
const noEnding: ScriptLine[] = [
  [/private reflection/i, ENTER],
  [/When do you meet next/, CLEARED],
];

describe('log wizard: which meeting', () => {
  it('picks the most recent planned meeting that has no log yet', async () => {
    const j = withMeetings();
    const { prompt, meeting } = await log(j, [[LATEST, ENTER], ...allCovered, ...noNotes, ...noActions, ...noEnding]);
    expect(prompt.question(LATEST)!.default).toBe(true);
    expect(meeting).toMatchObject({ id: 'm2', status: 'held' });
    expect(j.meetings.find((m) => m.id === 'm1')!.status).toBe('planned');
  });

  it('declining it offers the other planned meetings, or one that was not planned', async () => {
    const j = withMeetings();
    const { prompt, meeting } = await log(j, [
      [LATEST, false],
      [/^Which meeting\?$/, 'm1'],
      [/^"Old topic"$/, ENTER],
      [/What came of it/, ''],
      ...noNotes,
      ...noActions,
      ...noEnding,
    ]);
    expect(prompt.question(/Which meeting/)!.choices!.map((choice) => choice.label)).toEqual([
      'm1  Tue 10 Nov 2026, 17:30 with Dr Ada Lovelace',
      'm2  Tue 24 Nov 2026, 17:30 with Dr Ada Lovelace',
      'One that was not planned',
    ]);
    expect(meeting).toMatchObject({ id: 'm1', status: 'held' });
  });

  it('only offers meetings that can be logged, not ones still to come', async () => {
    const j = withMeetings();
    prepMeeting(j, prepInput({ when: '2026-12-22 17:30' }), NOW);
    const { prompt } = await log(j, [
      [LATEST, false],
      [/Which meeting\?/, 'm1'],
      [/^"Old topic"$/, ENTER],
      [/What came of it/, ''],
      ...noNotes,
      ...noActions,
      ...noEnding,
    ]);
    const offered = prompt.question(/Which meeting/)!.choices!.map((choice) => choice.value);
    expect(offered, 'm3 is on 22 Dec; choosing it stops the wizard with "log it once it has happened"').not.toContain(
      'm3',
    );
  });

  it('logs a meeting that was not planned: asks when (default today) and what you talked about', async () => {
    const j = journal();
    mentor(j, { name: ADA, cadence: '4w' }, daysBefore(60));
    const { prompt, meeting } = await log(j, [
      [/^When did you meet\?$/, ENTER],
      [/^What time on Wed 25 Nov 2026\?/, '08.30'],
      [/What did you talk about\? One topic at a time/, 'Exam nerves'],
      [/What did you talk about/, 'Night shifts'],
      [/What did you talk about/, ''],
      [/Advice you received/, 'Sleep before nights'],
      [/Advice you received/, ''],
      [/Feedback/, ''],
      [/Decisions/, ''],
      [/challenged/, ''],
      ...noActions,
      ...noEnding,
    ]);
    expect(prompt.question(/When did you meet/)!.default).toBe('today');
    expect(j.meetings).toHaveLength(1);
    expect(meeting).toMatchObject({ id: 'm1', mentor: 'lovelace', status: 'held' });
    expect(meeting.when).toBe('2026-11-25T08:30:00.000Z');
    expect(prompt.said).toContain('→ Wed 25 Nov 2026, 08:30');
    expect(meeting.prep!.topics).toEqual([
      { title: 'Exam nerves', outcome: 'covered' },
      { title: 'Night shifts', outcome: 'covered' },
    ]);
    expect(meeting.log!.advice).toEqual(['Sleep before nights']);
  });

  it('refuses a date still to come for a meeting that was not planned, at the question', async () => {
    const j = journal();
    mentor(j, { name: ADA }, daysBefore(60));
    const { prompt, meeting } = await log(j, [
      [/When did you meet\?/, 'tomorrow 17:30'],
      [/When did you meet\?/, 'yesterday 17:30'],
      [/What did you talk about/, ''],
      ...noNotes,
      ...noActions,
      [/private reflection/i, ENTER],
      [/When do you meet next/, ''],
    ]);
    expect(prompt.refused.map((refusal) => refusal.answer)).toEqual(['tomorrow 17:30']);
    expect(meeting.when).toBe('2026-11-24T17:30:00.000Z');
  });

  it('asks who the unplanned meeting was with when several mentors are active', async () => {
    const j = journal();
    mentor(j, { name: ADA }, daysBefore(60));
    mentor(j, { name: 'Dr Jo Blair' }, daysBefore(60));
    const { meeting } = await log(j, [
      [/^Who did you meet\?$/, pick(/Jo Blair/)],
      [/When did you meet/, 'yesterday 17:30'],
      [/What did you talk about/, ''],
      ...noNotes,
      [/Your next action/, ''],
      [/Did Dr Jo Blair offer to do anything/, ''],
      [/private reflection/i, ENTER],
      [/When do you meet next/, ''],
    ]);
    expect(meeting).toMatchObject({ mentor: 'blair', status: 'held', when: '2026-11-24T17:30:00.000Z' });
  });

  it('does not ask again for what the flags already gave', async () => {
    const j = withMeetings();
    const { prompt, meeting } = await log(
      j,
      [[/Feedback/, ''], [/Decisions/, ''], [/challenged/, ''], ...noActions, [/When do you meet next/, CLEARED]],
      { meeting: 'm2', covered: ['1-3'], advice: ['Talk to three GPs'], private: 'Felt heard' },
    );
    expect(prompt.question(/Log your meeting|Which meeting|Advice|reflection/)).toBeUndefined();
    expect(meeting.log).toMatchObject({ advice: ['Talk to three GPs'], privateReflection: 'Felt heard' });
    expect(meeting.prep!.topics.every((topic) => topic.outcome === 'covered')).toBe(true);
  });
});

describe('log wizard: what happened', () => {
  it('asks for each topic: covered, parked or not discussed, with an optional note', async () => {
    const j = withMeetings();
    const { prompt, meeting } = await log(j, [
      [LATEST, ENTER],
      [/^"Specialty choice"$/, 'covered'],
      [/^What came of it\? \(optional\)$/, 'Leaning towards GP'],
      [/^"Rota swap"$/, pick(/Parked for next time/)],
      [/^Why parked\? \(optional\)$/, 'Out of time'],
      [/^"Exam timing"$/, pick(/Not discussed/)],
      ...noNotes,
      ...noActions,
      ...noEnding,
    ]);
    const asked = prompt.question(/"Specialty choice"/)!;
    expect(asked.choices!.map((choice) => choice.label)).toEqual(['Covered', 'Parked for next time', 'Not discussed']);
    expect(asked.default).toBe('covered');
    expect(meeting.prep!.topics).toEqual([
      { title: 'Specialty choice', minutes: 15, outcome: 'covered', outcomeNote: 'Leaning towards GP' },
      { title: 'Rota swap', minutes: 10, outcome: 'parked', outcomeNote: 'Out of time' },
      { title: 'Exam timing', minutes: 5 },
    ]);
    // The parked topic is what the next prep offers to bring back.
    expect(parkedTopicsFor(j, 'lovelace').map((topic) => topic.title)).toEqual(['Rota swap']);
  });

  it('collects advice, feedback, decisions and challenged assumptions, each until an empty answer', async () => {
    const j = withMeetings();
    const { meeting } = await log(j, [
      [LATEST, ENTER],
      ...allCovered,
      [/^Advice you received\? \(Enter when done\)$/, 'Talk to three GPs'],
      [/Advice you received/, 'Shadow a clinic'],
      [/Advice you received/, ''],
      [/^Feedback on your work\? \(Enter when done\)$/, 'The audit draft reads well'],
      [/Feedback on your work/, ''],
      [/^Decisions you made\? \(Enter when done\)$/, 'Apply for GP training'],
      [/Decisions you made/, ''],
      [/^An assumption your mentor challenged\? \(Enter when done\)$/, 'That I must decide by December'],
      [/assumption your mentor challenged/, ''],
      ...noActions,
      ...noEnding,
    ]);
    expect(meeting.log).toMatchObject({
      advice: ['Talk to three GPs', 'Shadow a clinic'],
      feedback: ['The audit draft reads well'],
      decisions: ['Apply for GP training'],
      challenged: ['That I must decide by December'],
    });
  });

  it('asks for your own next actions with due dates until an empty answer, then what the mentor offered', async () => {
    const j = withMeetings();
    const { prompt, actions } = await log(j, [
      [LATEST, ENTER],
      ...allCovered,
      ...noNotes,
      [/^Your next action\? \(Enter when done\)$/, 'Email the training lead'],
      [/^By when\? \(optional\)$/, 'someday soon'],
      [/By when/, 'in 2 weeks'],
      [/Your next action/, 'Book a clinic day'],
      [/By when/, ''],
      [/Your next action/, ''],
      [/^Did Dr Ada Lovelace offer to do anything\? \(Enter when done\)$/, 'Introduce me to Dr Blair'],
      [/offer to do anything/, ''],
      ...noEnding,
    ]);
    expect(prompt.said).toContain('Your action plan: the best ones are the ones you write yourself.');
    expect(prompt.refused).toEqual([expect.objectContaining({ answer: 'someday soon' })]);
    expect(
      actions.map(({ title, owner, due, mentor, meetingId, status }) => ({
        title,
        owner,
        due,
        mentor,
        meetingId,
        status,
      })),
    ).toEqual([
      {
        title: 'Email the training lead',
        owner: 'me',
        due: '2026-12-09',
        mentor: 'lovelace',
        meetingId: 'm2',
        status: 'open',
      },
      { title: 'Book a clinic day', owner: 'me', due: undefined, mentor: 'lovelace', meetingId: 'm2', status: 'open' },
      {
        title: 'Introduce me to Dr Blair',
        owner: 'mentor',
        due: undefined,
        mentor: 'lovelace',
        meetingId: 'm2',
        status: 'open',
      },
    ]);
  });

  it('keeps a one-line private reflection, the question saying it is never shared', async () => {
    const j = withMeetings();
    const { prompt, meeting } = await log(j, [
      [LATEST, ENTER],
      ...allCovered,
      ...noNotes,
      ...noActions,
      [/^A private reflection\? It is never shared or exported unless you ask\.$/, pick(/Write a line here/)],
      [/^Private reflection:$/, 'I felt unsure about asking for the reference'],
      [/When do you meet next/, CLEARED],
    ]);
    expect(prompt.question(/A private reflection/)!.default).toBe('skip');
    expect(meeting.log!.privateReflection).toBe('I felt unsure about asking for the reference');
  });

  it('writes a longer private reflection in the editor', async () => {
    const j = withMeetings();
    const { prompt, meeting } = await log(j, [
      [LATEST, ENTER],
      ...allCovered,
      ...noNotes,
      ...noActions,
      [/A private reflection/, pick(/editor/)],
      [/Private reflection \(opens your editor\)/, 'What happened?\nI froze.\n\nNow what?\nAsk earlier.'],
      [/When do you meet next/, CLEARED],
    ]);
    expect(prompt.question(/opens your editor/)!.kind).toBe('longText');
    expect(meeting.log!.privateReflection).toBe('What happened?\nI froze.\n\nNow what?\nAsk earlier.');
  });

  it('skips the private reflection with Enter', async () => {
    const j = withMeetings();
    const { meeting } = await log(j, [[LATEST, ENTER], ...allCovered, ...noNotes, ...noActions, ...noEnding]);
    expect(meeting.log!.privateReflection).toBeUndefined();
  });
});

describe('log wizard: the next meeting', () => {
  it("suggests the last meeting plus the mentor's cadence, at the same time, and plans it", async () => {
    const j = withMeetings();
    const { prompt, meeting, nextMeeting } = await log(j, [
      [LATEST, ENTER],
      ...allCovered,
      ...noNotes,
      ...noActions,
      [/private reflection/i, ENTER],
      [/^When do you meet next\?/, ENTER],
    ]);
    expect(prompt.question(/When do you meet next/)!.default).toBe('2026-12-22 17:30');
    expect(meeting.log!.nextMeeting).toBe('2026-12-22T17:30:00.000Z');
    expect(nextMeeting).toMatchObject({
      id: 'm3',
      status: 'planned',
      when: '2026-12-22T17:30:00.000Z',
      lengthMinutes: 30,
    });
  });

  it('takes another date typed instead of the suggestion', async () => {
    const j = withMeetings();
    const { nextMeeting } = await log(j, [
      [LATEST, ENTER],
      ...allCovered,
      ...noNotes,
      ...noActions,
      [/private reflection/i, ENTER],
      [/When do you meet next/, '2027-01-07 17:30'],
    ]);
    expect(nextMeeting!.when).toBe('2027-01-07T17:30:00.000Z');
  });

  it('typing "none" where a next date is suggested plans no next meeting', async () => {
    const j = withMeetings();
    const meetingsBefore = j.meetings.length;
    const { prompt, nextMeeting } = await log(j, [
      [LATEST, ENTER],
      ...allCovered,
      ...noNotes,
      ...noActions,
      [/private reflection/i, ENTER],
      [/When do you meet next/, 'none'],
    ]);
    expect(prompt.question(/When do you meet next/)!.message).toMatch(/Enter for the suggestion, or type none/);
    expect(nextMeeting).toBeUndefined();
    expect(j.meetings).toHaveLength(meetingsBefore);
  });

  it('suggests no date when the mentor has no usual cadence, and an empty answer plans none', async () => {
    const j = withMeetings({});
    const { prompt, nextMeeting, meeting } = await log(j, [
      [LATEST, ENTER],
      ...allCovered,
      ...noNotes,
      ...noActions,
      [/private reflection/i, ENTER],
      [/When do you meet next/, ''],
    ]);
    expect(prompt.question(/When do you meet next/)!.default).toBeUndefined();
    expect(nextMeeting).toBeUndefined();
    expect(meeting.log!.nextMeeting).toBeUndefined();
  });

  it('refuses a next meeting before this one at the question, not after all the answers', async () => {
    const j = withMeetings();
    const { prompt, nextMeeting } = await log(j, [
      [LATEST, ENTER],
      ...allCovered,
      ...noNotes,
      ...noActions,
      [/private reflection/i, ENTER],
      [/When do you meet next/, '2026-11-20 17:30'],
      [/When do you meet next/, '2027-01-07 17:30'],
    ]);
    expect(prompt.refused.map((refusal) => refusal.answer)).toEqual(['2026-11-20 17:30']);
    expect(nextMeeting!.when).toBe('2027-01-07T17:30:00.000Z');
  });
});
