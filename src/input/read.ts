/**
 * Reads what people type, in a flag or a wizard's answer, into domain values: dates, minutes, how often
 * to meet, and the compact forms flags take ("Research plan:10", "Email the lead:in 2 weeks",
 * "a4=blocked:rota"). Each reader returns the value or throws an InputError saying what is wrong with
 * the text; the caller says where it was typed.
 */
import { toDay } from '../core/dates.js';
import type { Contact, PlannedAction, TopicInput } from '../core/inputs.js';
import { isValidMinutes, MAX_MINUTES, REVIEW_STATES } from '../core/model.js';
import type { Review } from '../core/schema.js';
import { MAX_DATE_TEXT, parseDateInput, readDateText, type DateContext, type DateReading } from './date-text.js';
import { InputError } from './input-error.js';
import { formatDay } from '../ui/words.js';

export const DATE_EXAMPLES = 'Try 2026-12-03, "2026-12-03 17:30", tomorrow, "next friday 5pm" or "in 2 weeks".';
const MEETING_EXAMPLES = 'Try "thursday 17:30", "2026-12-03 17:30" or "next friday 5pm".';

/** A date a person wrote, with or without a time; never a guess. */
export function readDate(text: string, dates: DateContext, examples = DATE_EXAMPLES): Date {
  return dateOf(readDateText(text, dates), text, examples);
}

/** A calendar day ("2026-12-03"), as due and target dates are kept: a day alone is enough. */
export function readDay(text: string, dates: DateContext): string {
  return toDay(readDate(text, dates));
}

/** When a meeting is: a day and a time ("thursday 17:30"); "thursday" alone is refused, saying to add a time. */
export function readMeetingTime(text: string, dates: DateContext): Date {
  const reading = readDateText(text, dates);
  if (reading.kind === 'date' && !reading.hasTime) {
    throw new InputError(`"${text.trim()}" has no time; add one, e.g. "${text.trim()} 17:30"`);
  }
  return dateOf(reading, text, MEETING_EXAMPLES);
}

/** The next meeting, or null for "none" (also "no", "skip", "-"), as the log wizard takes it. */
export function readNextMeeting(text: string, dates: DateContext): Date | null {
  return NO_MEETING.test(text) ? null : readMeetingTime(text, dates);
}

export const NO_MEETING = /^\s*(none|no|skip|-)\s*$/i;

/** A time of day alone, as a wizard asks back for one: "17:30", "17.30", "5pm", "5.30pm", "noon". */
export function readTimeOfDay(text: string): { hours: number; minutes: number } {
  const value = text.trim().toLowerCase();
  if (value === 'noon' || value === 'midday') return { hours: 12, minutes: 0 };
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$/.exec(value);
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match?.[2] ? Number(match[2]) : 0;
  const meridiem = match?.[3];
  const valid = match && minutes < 60 && (meridiem ? hours >= 1 && hours <= 12 : hours <= 23 && match[2] !== undefined);
  if (!valid) throw new InputError(`cannot read "${text.trim()}" as a time; try 17:30, 17.30 or 5pm`);
  return { hours: meridiem ? (hours % 12) + (meridiem === 'pm' ? 12 : 0) : hours, minutes };
}

/** `day` at a time of day, local; refused when the clocks skip that time that day. */
export function atTime(day: Date, time: { hours: number; minutes: number }): Date {
  const date = new Date(day.getFullYear(), day.getMonth(), day.getDate(), time.hours, time.minutes);
  if (date.getHours() !== time.hours || date.getMinutes() !== time.minutes) throw skipped(day, time);
  return date;
}

function dateOf(reading: DateReading, text: string, examples = DATE_EXAMPLES): Date {
  const typed = text.trim();
  switch (reading.kind) {
    case 'date':
      return reading.date;
    case 'no-day':
      throw new InputError(
        reading.hasTime
          ? `"${typed}" has no day; say which, e.g. "tomorrow ${typed}"`
          : `"${typed}" is not a day; say which day, e.g. "3 march" or "next monday"`,
        examples,
      );
    case 'skipped-time':
      throw skipped(reading.day, reading);
    case 'unreadable':
      throw new InputError(`cannot read "${typed}" as a date`, examples);
    case 'order-unknown':
      throw orderUnknown(typed, reading.days);
  }
}

/** "3/12/2026" with no date order set: the days it could be, and the one setting that makes it readable. */
function orderUnknown(typed: string, days: Date[]): InputError {
  const [first, second] = days.map((day) => toDay(day));
  const could = second
    ? `"${typed}" is ${formatDay(first!)} to some and ${formatDay(second)} to others`
    : `"${typed}" is read only once you say how you write dates`;
  return new InputError(
    `${could}; write ${first ?? 'the date'} instead, or set your order once: mentee config set dateOrder dmy (or mdy)`,
  );
}

function skipped(day: Date, time: { hours: number; minutes: number }): InputError {
  const clock = `${String(time.hours).padStart(2, '0')}:${String(time.minutes).padStart(2, '0')}`;
  return new InputError(
    `${clock} on ${formatDay(toDay(day))} does not exist here: the clocks go forward that night; give another time`,
  );
}

export function readCadence(text: string): number {
  const days = parseCadence(text);
  if (!days) throw new InputError(`cannot read "${text}"; try 4w, "every 2 weeks", 30d or monthly`);
  return days;
}

/**
 * "Research plan:10" → title and minutes; a title without a number after the last colon is all
 * title. Write "\:" for a colon that belongs to the title ("Handover at 17\:30").
 */
export function readTopicSpec(spec: string): TopicInput {
  // Only the last colon can start the minutes (they hold no colon); one look at what follows it keeps
  // this linear, where one regex over the whole text backtracked for minutes on long ones.
  const at = spec.lastIndexOf(':');
  const minutesText =
    at !== -1 && spec[at - 1] !== '\\' ? /^(\d+)\s*(?:m|min|mins|minutes)?$/i.exec(spec.slice(at + 1).trim()) : null;
  // "Handover at 17:30" is a time in the title, not 30 minutes.
  const match = minutesText && !/\d$/.test(spec.slice(0, at)) ? minutesText : null;
  const title = (match ? spec.slice(0, at) : spec).replace(/\\:/g, ':').trim();
  if (!title) throw new InputError(`"${spec}" has no title`);
  if (!match) return { title };
  const minutes = Number(match[1]);
  if (!isValidMinutes(minutes)) throw new InputError(`"${spec}" must give 1 to ${MAX_MINUTES} minutes`);
  return { title, minutes };
}

/**
 * "Email the training lead:in 2 weeks" → title and due day. The due date is what follows a colon and
 * reads as a date (the longest such tail, so "Call at 5:30pm" style times stay whole). A colon
 * followed by something that is not a date is an error, so a mistyped date is never taken as title.
 * Write "\:" for a colon that belongs to the title.
 */
export function readActionSpec(spec: string, dates: DateContext, owner: PlannedAction['owner']): PlannedAction {
  const colons = [...spec.matchAll(/(?<!\\):/g)].map((match) => match.index);
  const unescape = (value: string) => value.replace(/\\:/g, ':').trim();
  const end = spec.trimEnd().length;
  for (const at of colons) {
    // A due date is short: only the last few colons can start one, so a long title full of colons
    // is read in linear time (each tail is measured without copying it).
    let start = at + 1;
    while (start < end && /\s/.test(spec[start]!)) start++;
    if (end - start > MAX_DATE_TEXT) continue;
    const due = parseDateInput(spec.slice(start, end), dates);
    if (due) {
      const title = unescape(spec.slice(0, at));
      if (!title) throw new InputError(`"${spec}" has no title`);
      return { title, owner, due: toDay(due) };
    }
  }
  const lastColon = colons.at(-1);
  if (lastColon !== undefined) {
    throw new InputError(
      `cannot read "${spec.slice(lastColon + 1).trim()}" as a due date in "${spec}"`,
      'Write "title:due" with a date like "next friday", or "\\:" for a colon in the title.',
    );
  }
  const title = unescape(spec);
  if (!title) throw new InputError('the title must not be empty');
  return { title, owner };
}

const REVIEW_ALIASES: Record<string, Review['state']> = {
  'in-progress': 'progress',
  doing: 'progress',
  started: 'progress',
  drop: 'dropped',
  complete: 'done',
  completed: 'done',
};

/** "a3=done", "a4=blocked:waiting on rota", "a5=progress:half drafted". */
export function readReviewSpec(spec: string): Review {
  const match = /^\s*(a\d+)\s*=\s*([a-z-]+)\s*(?::(.*))?$/i.exec(spec);
  if (!match) throw new InputError(`"${spec}" should look like a3=done or "a4=blocked:reason"`);
  const word = match[2]!.toLowerCase();
  const state = Object.hasOwn(REVIEW_ALIASES, word) ? REVIEW_ALIASES[word]! : word;
  if (!(REVIEW_STATES as readonly string[]).includes(state))
    throw new InputError(`"${word}" is not one of ${REVIEW_STATES.join(', ')}`);
  const note = match[3]?.trim();
  return { actionId: match[1]!.toLowerCase(), state: state as Review['state'], ...(note ? { note } : {}) };
}

/** No agenda has more topics than this; a larger number is a slip, and would make a huge list. */
const MAX_TOPIC_NUMBER = 200;

/** "1", "1,3", "1-3" → topic numbers (1-based). */
export function readTopicNumbers(values: string[]): number[] {
  const numbers: number[] = [];
  for (const part of values.flatMap((value) => value.split(','))) {
    // Trimmed first: "\s*" on both sides of an optional part backtracks for minutes on long spaces.
    const range = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part.trim());
    if (!range) throw new InputError(`"${part.trim()}" is not a topic number; use 1, 2 or 1-3`);
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (from < 1 || to < from) throw new InputError(`"${part.trim()}" is not a valid topic number or range`);
    if (to > MAX_TOPIC_NUMBER)
      throw new InputError(
        `"${part.trim()}" goes past any agenda; topics are numbered 1 to ${MAX_TOPIC_NUMBER} at most`,
      );
    for (let n = from; n <= to; n++) numbers.push(n);
  }
  return numbers;
}

/** "email:ada@example.org" → channel and address; "phone" alone is a channel with no address. */
export function readContact(spec: string): Contact {
  const at = spec.indexOf(':');
  const channel = (at === -1 ? spec : spec.slice(0, at)).trim().toLowerCase();
  const address = at === -1 ? '' : spec.slice(at + 1).trim();
  if (!channel) throw new InputError(`"${spec}" should look like email:ada@example.org`);
  return { channel, address };
}

/** For a wizard's question: true when `read` accepts the answer, else what is wrong with it. */
export function accepts(read: (text: string) => unknown, say?: (error: InputError) => string) {
  return (answer: string): string | true => {
    try {
      read(answer);
      return true;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return say ? say(error) : `${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.`;
    }
  };
}

const CADENCE_WORDS: Record<string, number> = {
  weekly: 7,
  fortnightly: 14,
  biweekly: 14,
  monthly: 30,
  quarterly: 91,
};
/** Nobody plans to meet less often than every two years; larger numbers are typing slips. */
const MAX_CADENCE_DAYS = 730;
const CADENCE_UNITS: Record<string, number> = { d: 1, day: 1, w: 7, week: 7, m: 30, month: 30 };

const CADENCE_OF_UNIT: Record<string, string> = {
  week: 'weekly',
  fortnight: 'fortnightly',
  month: 'monthly',
  quarter: 'quarterly',
};

/** "4w", "4 weeks", "every 4 weeks", "30d", "2 months", "monthly", "once a month" → days; undefined when not understood. */
export function parseCadence(input: string): number | undefined {
  // "every 4 weeks", "every month", "once a month": the same as "4 weeks", "1 month", "monthly".
  const value = input
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^once an? (week|fortnight|month|quarter)$/, (_, unit: string) => `every ${unit}`)
    .replace(/^every (week|fortnight|month|quarter)$/, (_, unit: string) => CADENCE_OF_UNIT[unit]!)
    .replace(/^every (?=\d)/, '');
  // Own keys only: "constructor" or "__proto__" are not words for how often to meet.
  if (Object.hasOwn(CADENCE_WORDS, value)) return CADENCE_WORDS[value];
  const match = /^(\d+)\s*(d|days?|w|weeks?|m|months?)$/.exec(value);
  if (!match) return undefined;
  const unit = match[2]!.replace(/s$/, '');
  const days = Number(match[1]) * CADENCE_UNITS[unit]!;
  return days > 0 && days <= MAX_CADENCE_DAYS ? days : undefined;
}
