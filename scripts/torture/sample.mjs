// A realistic journal made by mentee's own commands: a profile, two mentors, a goal, actions, a logged
// meeting with a parked topic and private notes, and a prepared next meeting.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runMentee } from './run.mjs';

const STEPS = [
  ['init', '--name', 'Sam Patel', '--stage', 'FY2 doctor', '--yes'],
  ['mentor', 'add', 'Dr Ada Lovelace', '--contact', 'email:ada@example.org', '--cadence', '4w', '--length', '30'],
  ['mentor', 'add', 'Prof Adam Smith', '--cadence', 'monthly', '--rule', 'Email first', '--expect', 'career'],
  ['goal', 'add', 'Choose a specialty', '--category', 'career', '--target', '2027-03-01', '--mentor', 'lovelace'],
  ['action', 'add', 'Draft a personal statement', '--due', 'next friday', '--goal', 'g1'],
  ['action', 'add', 'Book the exam', '--due', 'tomorrow'],
  ['prep', '--mentor', 'lovelace', '--when', '2026-11-20 17:30', '--topic', 'Specialty:15', '--topic', 'Rota:10'],
  ['log', 'm1', '--covered', '1', '--parked', '2', '--advice', 'Talk to GPs', '--action', 'Email the lead:in 2 weeks'],
  [
    'log',
    'm1',
    '--amend',
    '--mentor-action',
    'Introduce me to Dr Blair',
    '--private',
    'anxious',
    '--next',
    '2026-12-03 17:30',
  ],
  ['prep', '--meeting', 'm2', '--topic', 'Research:10', '--carry-parked', '--review', 'a1=progress:half'],
  ['goal', 'update', 'g1', '--note', 'Shadowed two GP clinics'],
];

/** Builds the sample journal in `dir` and returns its bytes. */
export async function makeSampleJournal(dir) {
  await mkdir(dir, { recursive: true });
  const journal = join(dir, 'journal.json');
  for (const step of STEPS) {
    const result = await runMentee(step, { journal, home: dir, cwd: dir });
    if (result.code !== 0) throw new Error(`making the sample journal: mentee ${step.join(' ')}: ${result.stderr}`);
  }
  return readFile(journal);
}
