import { findIdentifiers, type FoundIdentifier, type IdentifierPattern } from './identifiers.js';
import type { Journal } from './schema.js';

/**
 * The words in a journal, wherever a command put them. The identifier gate reads every string of the
 * journal except those mentee writes itself (ids, dates, times, fixed words), so a text field added
 * to the schema later is checked without anyone remembering to: a field is text unless named here.
 */
export const NOT_TEXT = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'at',
  'loggedAt',
  'preparedAt',
  'completedAt',
  'when',
  'due',
  'dueRemoved',
  'startDate',
  'targetDate',
  'nextMeeting',
  'status',
  'owner',
  'mode',
  'kind',
  'category',
  'state',
  'outcome',
  'expectations',
]);

export interface TextAt {
  /** The record it belongs to: a mentor's handle, a goal, meeting or action id, or "profile". */
  record: string;
  /** The field's keys below the record, without list positions: ["prep", "topics", "title"]. */
  field: string[];
  text: string;
  /** Puts `text` in its place instead. */
  replace(text: string): void;
}

export interface IdentifiersAt extends TextAt {
  found: FoundIdentifier[];
}

/** Every text in the journal, with where it is. */
export function* textsOf(journal: Journal): Generator<TextAt> {
  yield* walk(journal.profile, 'profile', []);
  for (const mentor of journal.mentors) yield* walk(mentor, mentor.handle, []);
  for (const records of [journal.goals, journal.meetings, journal.actions])
    for (const record of records) yield* walk(record, record.id, []);
}

function* walk(node: object, record: string, field: string[]): Generator<TextAt> {
  const entries: [string | number, unknown][] = Array.isArray(node) ? [...node.entries()] : Object.entries(node);
  for (const [key, value] of entries) {
    if (typeof key === 'string' && NOT_TEXT.has(key)) continue;
    const at = typeof key === 'string' ? [...field, key] : field;
    if (typeof value === 'string')
      yield {
        record,
        field: at,
        text: value,
        replace: (text) => ((node as Record<string | number, unknown>)[key] = text),
      };
    else if (value && typeof value === 'object') yield* walk(value, record, at);
  }
}

/** The texts a journal holds, to tell a change's new words from those it had. */
export function textSet(journal: Journal): Set<string> {
  const texts = new Set<string>();
  for (const { text } of textsOf(journal)) texts.add(text);
  return texts;
}

/**
 * The texts a change brought (not in `before`) that hold a likely patient identifier, leaving out
 * what the user already said to keep (`allowed`).
 */
export function identifiersAdded(
  journal: Journal,
  before: Set<string>,
  patterns: readonly IdentifierPattern[],
  allowed: ReadonlySet<string> = new Set(),
): IdentifiersAt[] {
  const added: IdentifiersAt[] = [];
  for (const at of textsOf(journal)) {
    if (before.has(at.text)) continue;
    const found = findIdentifiers(at.text, patterns).filter(({ text }) => !allowed.has(text));
    if (found.length) added.push({ ...at, found });
  }
  return added;
}
