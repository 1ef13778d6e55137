import { parseDateInput } from '../core/date-input.js';
import type { Prompter } from '../ui/prompter.js';

/** Asks for items until an empty answer, calling `each` with every one. Returns how many were given. */
export async function askList(
  prompt: Prompter,
  message: string | (() => string),
  each: (answer: string) => Promise<void>,
  limit = Infinity,
): Promise<number> {
  let count = 0;
  while (count < limit) {
    const answer = await prompt.text({ message: typeof message === 'function' ? message() : message });
    if (!answer) break;
    await each(answer);
    count += 1;
  }
  return count;
}

/** Collects free-text items until an empty answer. */
export async function askLines(prompt: Prompter, message: string): Promise<string[]> {
  const lines: string[] = [];
  await askList(prompt, message, async (line) => void lines.push(line));
  return lines;
}

/** Accepts what the flags accept; an empty answer only when the date is optional. */
export function dateValidator(now: Date, required: boolean): (answer: string) => string | true {
  return (answer) => {
    if (!answer.trim()) return required ? 'A date is needed, e.g. "next thursday 17:30".' : true;
    return parseDateInput(answer, now)
      ? true
      : 'Cannot read that as a date; try 2026-12-03 17:30, tomorrow or "next friday 5pm".';
  };
}
