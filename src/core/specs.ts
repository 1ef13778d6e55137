/** Reads the compact forms flags take: "Research plan:10", "Email the lead:in 2 weeks", "a4=blocked:rota". */
import { UsageError } from '../errors.js';
import { parseCadence, toDay } from './dates.js';
import { parseDateInput } from './date-input.js';
import { REVIEW_STATES } from './model.js';
import type { Review } from './schema.js';

/** A date a user wrote, or a usage error naming the flag: never a guess. */
export function readDate(input: string, now: Date, flag: string): Date {
  const parsed = parseDateInput(input, now);
  if (!parsed) {
    throw new UsageError(
      `${flag}: cannot read "${input}" as a date.`,
      'Try 2026-12-03, "2026-12-03 17:30", tomorrow, "next friday 5pm" or "in 2 weeks".',
    );
  }
  return parsed;
}

export function readDay(input: string, now: Date, flag: string): string {
  return toDay(readDate(input, now, flag));
}

export function readCadence(input: string): number {
  const days = parseCadence(input);
  if (!days) throw new UsageError(`--cadence: cannot read "${input}"; try 4w, "2 weeks", 30d or monthly.`);
  return days;
}

/**
 * "Research plan:10" → title and minutes; a title without a number after the last colon is all
 * title. Write "\:" for a colon that belongs to the title ("Handover at 17\:30").
 */
export function readTopicSpec(spec: string): { title: string; minutes?: number } {
  const found = /^(.*)(?<!\\):\s*(\d+)\s*(?:m|min|mins|minutes)?\s*$/i.exec(spec);
  // "Handover at 17:30" is a time in the title, not 30 minutes.
  const match = found && !/\d$/.test(found[1]!) ? found : null;
  const title = (match ? match[1]! : spec).replace(/\\:/g, ':').trim();
  if (!title) throw new UsageError(`--topic: "${spec}" has no title.`);
  if (!match) return { title };
  const minutes = Number(match[2]);
  if (minutes < 1 || minutes > 1440) throw new UsageError(`--topic: "${spec}" must give 1 to 1440 minutes.`);
  return { title, minutes };
}

/**
 * "Email the training lead:in 2 weeks" → title and due day. The due date is what follows a colon and
 * reads as a date (the longest such tail, so "Call at 5:30pm" style times stay whole). A colon
 * followed by something that is not a date is an error, so a mistyped date is never taken as title.
 * Write "\:" for a colon that belongs to the title.
 */
export function readActionSpec(spec: string, now: Date, flag: string): { title: string; due?: string } {
  const colons = [...spec.matchAll(/(?<!\\):/g)].map((match) => match.index);
  const unescape = (value: string) => value.replace(/\\:/g, ':').trim();
  for (const at of colons) {
    const tail = spec.slice(at + 1).trim();
    const due = parseDateInput(tail, now);
    if (due) {
      const title = unescape(spec.slice(0, at));
      if (!title) throw new UsageError(`${flag}: "${spec}" has no title.`);
      return { title, due: toDay(due) };
    }
  }
  const lastColon = colons.at(-1);
  if (lastColon !== undefined) {
    throw new UsageError(
      `${flag}: cannot read "${spec.slice(lastColon + 1).trim()}" as a due date in "${spec}".`,
      'Write "title:due" with a date like "next friday", or "\\:" for a colon in the title.',
    );
  }
  const title = unescape(spec);
  if (!title) throw new UsageError(`${flag}: the title must not be empty.`);
  return { title };
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
  if (!match) throw new UsageError(`--review: "${spec}" should look like a3=done or "a4=blocked:reason".`);
  const word = match[2]!.toLowerCase();
  const state = REVIEW_ALIASES[word] ?? word;
  if (!(REVIEW_STATES as readonly string[]).includes(state)) {
    throw new UsageError(`--review: "${word}" is not one of ${REVIEW_STATES.join(', ')}.`);
  }
  const note = match[3]?.trim();
  return { actionId: match[1]!.toLowerCase(), state: state as Review['state'], ...(note ? { note } : {}) };
}

const MAX_TOPIC_NUMBER = 200;

/** "1", "1,3", "1-3" → topic numbers (1-based). */
export function readTopicNumbers(values: string[], flag: string): number[] {
  const numbers: number[] = [];
  for (const part of values.flatMap((value) => value.split(','))) {
    const range = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!range) throw new UsageError(`${flag}: "${part.trim()}" is not a topic number; use 1, 2 or 1-3.`);
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (from < 1 || to < from) throw new UsageError(`${flag}: "${part.trim()}" is not a valid topic number or range.`);
    if (to > MAX_TOPIC_NUMBER)
      throw new UsageError(
        `${flag}: "${part.trim()}" goes past any agenda; topics are numbered 1 to ${MAX_TOPIC_NUMBER} at most.`,
      );
    for (let n = from; n <= to; n++) numbers.push(n);
  }
  return numbers;
}

/** "email:ada@example.org" → channel and address; "phone" alone is a channel with no address. */
export function readContact(spec: string): { channel: string; address: string } {
  const at = spec.indexOf(':');
  const channel = (at === -1 ? spec : spec.slice(0, at)).trim().toLowerCase();
  const address = at === -1 ? '' : spec.slice(at + 1).trim();
  if (!channel) throw new UsageError(`--contact: "${spec}" should look like email:ada@example.org.`);
  return { channel, address };
}
