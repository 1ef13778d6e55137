import { ENTER, pickMany, type ScriptLine } from '../helpers/scripted-prompter.js';

/** Sam Patel, FY2 doctor. */
export const SAM: ScriptLine[] = [
  [/^Your name \(optional\):$/, 'Sam Patel'],
  [/^Your career stage/, 'FY2 doctor'],
];

/** Dr Ada Lovelace, by email, every 4 weeks for 45 minutes, career guidance and emotional support, one ground rule. */
export const ADA: ScriptLine[] = [
  [/^Add your first mentor now\?$/, ENTER],
  [/^Your mentor's name:$/, 'Dr Ada Lovelace'],
  [/role or organisation/, 'GP partner, Riverside Practice'],
  [/^How is it best to contact them\?$/, 'email'],
  [/^Their email \(optional\):$/, 'ada@example.org'],
  [/^How quickly do they usually reply\?/, 'within a week'],
  [/^How often will you meet\?/, ENTER],
  [/^For how many minutes, usually\?$/, '45'],
  [/^What support do you hope for\?$/, pickMany(/career guidance/, /emotional support/)],
  [/^Anything off limits\? \(optional\)$/, 'Family matters'],
  [/^Any other ground rule you agreed\? \(Enter when done\)$/, 'Meet on Thursdays after clinic'],
  [/other ground rule/, ''],
];
