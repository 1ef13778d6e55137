import { readMinutes } from '../input/minutes.js';
import { toDay } from '../core/dates.js';
import { readDateText, type DateContext } from '../input/date-text.js';
import { accepts, atTime, readDate, readTimeOfDay } from '../input/read.js';
import { formatDateTime, formatDay } from '../ui/words.js';
import type { Prompter } from '../ui/prompter.js';
import type { WizardAnswers } from './draft-answers.js';

/** Free-text items until an empty answer (at most `limit`), each kept in the draft as it is given. */
export async function keptLines(
  prompt: Prompter,
  answers: WizardAnswers,
  key: string,
  message: string,
  limit = Infinity,
): Promise<string[]> {
  const lines: string[] = [];
  for (let n = 1; n <= limit; n++) {
    const line = await answers.ask(`${key}:${n}`, () => prompt.text({ message }));
    if (!line) break;
    lines.push(line);
  }
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
  /**
   * A meeting: a day and a time. A day alone ("thursday") is asked back for its time, and what was
   * understood is said ("→ Thu 7 Jan 2027, 17:30") before the wizard moves on.
   */
  needsTime?: boolean;
}

/** A date read as the flags read one; an optional question gives undefined for an empty answer. */
export async function askDate(prompt: Prompter, dates: DateContext, question: DateQuestion): Promise<Date>;
export async function askDate(
  prompt: Prompter,
  dates: DateContext,
  question: DateQuestion & { optional: true },
): Promise<Date | undefined>;
export async function askDate(
  prompt: Prompter,
  dates: DateContext,
  question: DateQuestion & { optional?: boolean },
): Promise<Date | undefined> {
  const noDate = (text: string) => !text.trim() || Boolean(question.none?.test(text));
  const answer = await prompt.text({
    message: question.message,
    ...(question.default !== undefined ? { default: question.default } : {}),
    validate: (text) => {
      if (noDate(text)) return question.optional ? true : 'A date is needed, e.g. "next thursday 17:30".';
      const reading = readDateText(text, dates);
      if (reading.kind === 'unreadable') return UNREADABLE_DATE;
      const ok = accepts((answer) => readDate(answer, dates))(text);
      if (ok !== true) return ok;
      // A day without its time is checked once the time is known.
      const timeToCome = question.needsTime && reading.kind === 'date' && !reading.hasTime;
      return !timeToCome && question.check ? question.check(readDate(text, dates)) : true;
    },
  });
  if (noDate(answer)) return undefined;
  const reading = readDateText(answer, dates);
  const date =
    question.needsTime && reading.kind === 'date' && !reading.hasTime
      ? await askTime(prompt, reading.date, question.check)
      : readDate(answer, dates);
  prompt.say(`→ ${question.needsTime ? formatDateTime(date.toISOString()) : formatDay(toDay(date))}`);
  return date;
}

/** Asks back for the time of a meeting on `day`; "17:30", "17.30" and "5pm" are read. */
async function askTime(prompt: Prompter, day: Date, check?: (date: Date) => string | true): Promise<Date> {
  const at = (text: string) => atTime(day, readTimeOfDay(text));
  const answer = await prompt.text({
    message: `What time on ${formatDay(toDay(day))}? (e.g. 17:30)`,
    validate: (text) => {
      const ok = accepts(at)(text);
      return ok === true && check ? check(at(text)) : ok;
    },
  });
  return at(answer);
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
