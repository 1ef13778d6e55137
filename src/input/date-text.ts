import * as chrono from 'chrono-node/en';
import { isValid } from 'date-fns';
import { parseIsoDate } from './iso-date.js';

/**
 * Reads a date the way a person writes it: ISO ("2026-12-03", "2026-12-03 17:30") or natural
 * ("tomorrow", "next friday 5pm", "in 2 weeks"). Returns undefined rather than guessing: the whole
 * text must be understood, and impossible dates ("2026-02-30") are refused.
 */
export function parseDateInput(input: string, now: Date): Date | undefined {
  const textIn = input.trim();
  if (!textIn) return undefined;
  // Anything that starts like an ISO date is read strictly: chrono would "fix" 2026-13-01 into January.
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(textIn)) return storable(parseIsoDate(textIn));
  // "03/12/2026" is 3 December to a UK reader and 12 March to a US one: refuse rather than guess.
  if (/\d\s*[/.]\s*\d/.test(textIn)) return undefined;
  // A bare weekday means the coming one, but "last monday" must stay in the past.
  const forwardDate = !/\b(last|ago|yesterday|previous|past)\b/i.test(textIn);
  const results = chrono.parse(textIn, now, { forwardDate });
  const [only] = results;
  if (results.length !== 1 || !only || only.index !== 0 || only.text.length !== textIn.length) return undefined;
  const parsed = only.start.date();
  return isValid(parsed) ? storable(parsed) : undefined;
}

/** The journal keeps dates with four-digit years: "in 10000 years" is a slip, not a plan. */
function storable(date: Date | undefined): Date | undefined {
  if (!date) return undefined;
  const years = [date.getFullYear(), date.getUTCFullYear()];
  return years.every((year) => year >= 1000 && year <= 9999) ? date : undefined;
}
