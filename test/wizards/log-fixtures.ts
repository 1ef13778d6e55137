/** What the log command tests share: Ada's meeting on Tue 24 Nov 2026 with two topics, and every question of logging it. */
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { daysBefore, goal, mentor, prepInput } from '../core/fixtures.js';
import { ENTER, pick, type ScriptLine } from '../helpers/scripted-prompter.js';

export const ADA = 'Dr Ada Lovelace';

/** Ada, a goal she helps with, and m1 planned with her for Tue 24 Nov 2026, 17:30 (two topics). */
export function withAdaToLog(j: Journal): void {
  mentor(j, { name: ADA, cadence: '4w', length: 30 }, daysBefore(60));
  goal(j, { title: 'Get into GP training', mentor: ['lovelace'] }, daysBefore(50));
  prepMeeting(
    j,
    prepInput({ when: '2026-11-24 17:30', topic: ['Specialty choice:15', 'Rota swap:10'] }),
    daysBefore(7),
  );
}

/** Every question of logging m1, from picking the meeting to the next date. */
export const FULL_LOG: ScriptLine[] = [
  [/Log your meeting with Dr Ada Lovelace on Tue 24 Nov 2026, 17:30 \(m1\)/, ENTER],
  [/"Specialty choice"/, 'covered'],
  [/What came of it/, 'Leaning towards GP'],
  [/"Rota swap"/, 'parked'],
  [/Why parked/, ''],
  [/Advice you received/, 'Talk to three GPs'],
  [/Advice you received/, 'Shadow a clinic'],
  [/Advice you received/, ''],
  [/Feedback on your work/, ''],
  [/Decisions you made/, 'Apply for GP training'],
  [/Decisions you made/, ''],
  [/assumption your mentor challenged/, ''],
  [/Your next action/, 'Email the training lead'],
  [/By when/, 'in 2 weeks'],
  [/Your next action/, ''],
  [/offer to do anything/, 'Introduce me to Dr Blair'],
  [/offer to do anything/, ''],
  [/private reflection/i, pick(/line/)],
  [/Private reflection:/, 'Nervous but clearer'],
  [/When do you meet next/, ENTER],
];
