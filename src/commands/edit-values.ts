/**
 * Each field of `mentee edit` as text and back: dates as "2026-12-03 17:30" read by the same readers
 * as flags, minutes and choices checked as flags check them. A reader refuses with an InputError.
 */
import { format, parseISO } from 'date-fns';
import type { FieldType } from '../core/edit.js';
import type { FormEntry, FormText } from '../ui/edit-form.js';
import { InputError } from '../input/input-error.js';
import { readMinutes } from '../input/minutes.js';
import { readCadence, readContact, readDay, readMeetingTime } from '../input/read.js';
import { withoutControls } from '../core/text.js';
import type { DateContext } from '../input/date-text.js';

const COMMENTS: Record<FieldType['is'], string> = {
  text: 'text',
  'long-text': 'text; several lines after "|", each indented',
  minutes: 'minutes',
  days: 'days, or 4w, "2 weeks", monthly',
  choice: '',
  when: 'date and time, e.g. 2026-12-03 17:30',
  day: 'a day, e.g. 2026-12-03',
  texts: 'one per line, each after "  - "',
  choices: '',
  contact: 'channel:address, e.g. email:ada@example.org',
  notes: 'dated notes: "  - at: 2026-12-03 17:30" then "    note: ..."',
  topics: 'topics in agenda order: title, then minutes, kind, detail, goal, outcome (covered/parked), note',
};

export function commentFor(key: string, type: FieldType): string {
  const what = type.is === 'choice' || type.is === 'choices' ? `one of ${type.of.join(', ')}` : COMMENTS[type.is];
  return `${key}: ${type.is === 'choices' ? `a list, each ${what}` : what}`;
}

export function isList(type: FieldType): boolean {
  return ['texts', 'choices', 'notes', 'topics'].includes(type.is);
}

const moment = (iso: string) => format(parseISO(iso), 'yyyy-MM-dd HH:mm');

/** The field as the form writes it. */
export function toEntry(key: string, type: FieldType, value: unknown): FormEntry {
  const list = type.is === 'notes' || type.is === 'topics' ? 'records' : isList(type) ? 'texts' : undefined;
  return { key, comment: commentFor(key, type), value: toText(type, value), list, block: type.is === 'long-text' };
}

function toText(type: FieldType, value: unknown): FormText {
  if (value === undefined) return isList(type) ? [] : undefined;
  switch (type.is) {
    case 'when':
      return moment(value as string);
    case 'minutes':
    case 'days':
      return String(value);
    case 'contact': {
      const { channel, address } = value as { channel: string; address: string };
      return address ? `${channel}:${address}` : channel;
    }
    case 'notes':
      return (value as { at: string; note: string }[]).map(({ at, note }) => ({ at: moment(at), note }));
    case 'topics':
      return (value as Record<string, unknown>[]).map((topic) =>
        Object.fromEntries(
          Object.entries(topic)
            .filter(([, each]) => each !== undefined)
            .map(([name, each]) => [name, String(each)]),
        ),
      );
    default:
      return value as FormText;
  }
}

/**
 * The field's value from its text. `moments` maps the text of every moment the form showed back to
 * the exact instant, so a note left as it was keeps its seconds.
 */
export function fromText(type: FieldType, text: FormText, dates: DateContext, moments: Map<string, string>): unknown {
  // A moment needs a day and a time, as a meeting's --when does: never a guessed hour.
  const when = (value: string) => moments.get(value) ?? readMeetingTime(value, dates).toISOString();
  if (isList(type)) {
    if (!Array.isArray(text)) throw new InputError('must be a list, each item on its own line after "  - "');
    const items = text as (string | Record<string, string>)[];
    const records = () => {
      if (items.some((item) => typeof item === 'string'))
        throw new InputError('each item must be "name: value" lines, as shown');
      return items as Record<string, string>[];
    };
    switch (type.is) {
      case 'notes':
        return records().map((item) => {
          known(item, ['at', 'note']);
          return { at: item.at ? when(item.at) : dates.now.toISOString(), note: clean(item.note ?? '') };
        });
      case 'topics':
        return records().map((item) => {
          known(item, ['title', 'minutes', 'kind', 'detail', 'goal', 'outcome', 'note']);
          const { minutes, ...rest } = item;
          return {
            ...Object.fromEntries(Object.entries(rest).map(([name, each]) => [name, clean(each)])),
            ...(minutes ? { minutes: readMinutes(minutes) } : {}),
          };
        });
      default: {
        if (items.some((item) => typeof item !== 'string')) throw new InputError('each item must be plain text');
        const values = (items as string[]).map(clean).filter(Boolean);
        if (type.is === 'choices') values.forEach((value) => choice(type.of, value));
        return values;
      }
    }
  }
  if (Array.isArray(text)) throw new InputError('must be a single value, not a list');
  if (text === undefined) return undefined;
  switch (type.is) {
    case 'when':
      return when(text);
    case 'day':
      return readDay(text, dates);
    case 'minutes':
      return readMinutes(text);
    case 'days':
      return /^\d+$/.test(text.trim()) ? Number(text) : readCadence(text);
    case 'choice':
      return choice(type.of, text);
    case 'contact':
      return readContact(text);
    default:
      return clean(text);
  }
}

function clean(text: string): string {
  return withoutControls(text).trim();
}

function choice(of: readonly string[], text: string): string {
  const word = text.trim().toLowerCase();
  if (!of.includes(word)) throw new InputError(`"${text}" is not one of ${of.join(', ')}`);
  return word;
}

function known(item: Record<string, string>, names: string[]): void {
  const other = Object.keys(item).find((name) => !names.includes(name));
  if (other) throw new InputError(`"${other}" is not one of ${names.join(', ')}`);
}

/** Every moment the form shows, by its text. */
export function momentsOf(values: unknown[]): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) found.set(moment(value), value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  values.forEach(visit);
  return found;
}
