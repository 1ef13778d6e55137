/** One journal for the search and tags tests: two mentors, two logged meetings, a goal, actions, tags, a private reflection. */
import { cli } from '../helpers/run-cli.js';
import { tempFolder, type TempFolder } from '../helpers/temp.js';

export const SECRET = 'I felt anxious about research #wellbeing';

export async function searchJournal(): Promise<TempFolder> {
  const folder = await tempFolder();
  const { journal } = folder;
  const run = (args: string[]) => cli(args, { journal });
  await run(['mentor', 'add', 'Dr Ada Lovelace']);
  await run(['mentor', 'add', 'Prof Brian Cox', '--rule', 'Email first #comms']);
  await run([
    'log',
    '--mentor',
    'lovelace',
    '--when',
    '2026-09-10 17:00',
    '--topic',
    'Research plans #research',
    '--advice',
    'Talk to three GPs about researching',
    '--advice',
    'Your Résumé needs a clearer story',
    '--private',
    SECRET,
    '--action',
    'Email the training lead',
    '-y',
  ]);
  await run([
    'log',
    '--mentor',
    'cox',
    '--when',
    '2026-10-20 17:00',
    '--decision',
    'Apply for GP training #career',
    '--feedback',
    'A clear presentation',
    '--challenged',
    'That research needs a PhD',
    '-y',
  ]);
  await run(['goal', 'add', 'Publish an audit #research', '--mentor', 'lovelace', '--why', 'ARCP needs one']);
  await run(['action', 'add', 'Book the audit meeting #audit', '--goal', 'g1']);
  return folder;
}
