import { readMinutes } from '../input/minutes.js';
import { accepts, readDate } from '../input/read.js';
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

const UNREADABLE_DATE = 'Cannot read that as a date; try 2026-12-03 17:30, tomorrow or "next friday 5pm".';

interface DateQuestion {
  message: string;
  default?: string;
  /** A readable date can still be refused: a meeting still to come, say. */
  check?: (date: Date) => string | true;
  /** Answers that mean "no date" ("none", "skip"), for an optional question with a suggested default. */
  none?: RegExp;
}

/** A date read as the flags read one; an optional question gives undefined for an empty answer. */
export async function askDate(prompt: Prompter, now: Date, question: DateQuestion): Promise<Date>;
export async function askDate(
  prompt: Prompter,
  now: Date,
  question: DateQuestion & { optional: true },
): Promise<Date | undefined>;
export async function askDate(
  prompt: Prompter,
  now: Date,
  question: DateQuestion & { optional?: boolean },
): Promise<Date | undefined> {
  const readable = accepts(
    (answer) => readDate(answer, now),
    () => UNREADABLE_DATE,
  );
  const noDate = (text: string) => !text.trim() || Boolean(question.none?.test(text));
  const answer = await prompt.text({
    message: question.message,
    ...(question.default !== undefined ? { default: question.default } : {}),
    validate: (text) => {
      if (noDate(text)) return question.optional ? true : 'A date is needed, e.g. "next thursday 17:30".';
      const ok = readable(text);
      return ok === true && question.check ? question.check(readDate(text, now)) : ok;
    },
  });
  return noDate(answer) ? undefined : readDate(answer, now);
}

/** Whole minutes, as --length reads them. */
export async function askMinutes(prompt: Prompter, message: string, usual: number): Promise<number> {
  const answer = await prompt.text({
    message,
    default: String(usual),
    validate: accepts(readMinutes, () => 'Give a whole number of minutes, like 30.'),
  });
  return readMinutes(answer);
}
