/**
 * What the prep wizard tests share: Ada as the one mentor, a meeting held with her, a runner that applies
 * the wizard's answer to the journal, and the questions that open a new meeting.
 */
import { buildAgenda } from '../../src/core/agenda.js';
import { logMeeting } from '../../src/core/log.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import type { PrepTemplate } from '../../src/core/template.js';
import { runPrepWizard } from '../../src/wizards/prep-wizard.js';
import { action, daysBefore, goal, journal, logInput, mentor, NOW, prepInput, worded } from '../core/fixtures.js';
import { ENTER, pick, scripted, type ScriptLine } from '../helpers/scripted-prompter.js';

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
export const MODE: ScriptLine = [/^How will you meet\?$/, ENTER];
export const ADA = 'Dr Ada Lovelace';

/** One mentor, Dr Ada Lovelace: 30 minutes every 4 weeks. */
export function withAda(length = 30): Journal {
  const j = journal();
  mentor(j, { name: ADA, cadence: '4w', length }, daysBefore(60));
  return j;
}

/** A meeting held four weeks ago (logged the next day) with Ada, where the last two of its three topics were parked. */
export function withHeldMeeting(j: Journal): void {
  prepMeeting(
    j,
    prepInput({ when: '2026-10-28 17:30', topic: ['Rota swap:10', 'Research project:15', 'Exam timing:5'] }),
    daysBefore(30),
  );
  logMeeting(j, logInput({ meeting: 'm1', covered: ['1'], parked: ['2', '3'] }), daysBefore(27));
}

/** Runs the wizard on a copy of the journal (as the command does), then applies its answer to the journal. */
export async function prep(j: Journal, script: ScriptLine[], flags: Record<string, unknown> = {}) {
  const prompt = scripted(script);
  const plan = await worded(() =>
    runPrepWizard({
      journal: structuredClone(j),
      now: NOW,
      dates: { now: NOW },
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
export const opening = (intention = 'A decision plan'): ScriptLine[] => [
  [/^When do you meet Dr Ada Lovelace\?/, '2026-12-03 17:30'],
  [/How many minutes will you have/, ENTER],
  MODE,
  [/What do you want to walk away with\?/, intention],
];

/** Ada, an open action she will hear about and a goal she helps with: the journal of the prep command tests. */
export function withAdaToPrepare(j: Journal): void {
  mentor(j, { name: ADA, cadence: '4w', length: 30 }, daysBefore(60));
  action(j, { title: 'Draft the audit proposal', mentor: 'lovelace' }, daysBefore(20));
  goal(j, { title: 'Get into GP training', mentor: ['lovelace'] }, daysBefore(50));
}

/** Every question of a first prep with Ada (so the first-meeting template), from the date to saving. */
export const FULL_FIRST_PREP: ScriptLine[] = [
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
