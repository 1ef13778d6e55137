import { findIdentifiers, type FoundIdentifier, type IdentifierPattern } from './identifiers.js';
import { listOfKind, type JournalRecords } from './journal-diff.js';
import type { ChangedRecord } from './schema.js';

/**
 * The words in a journal, wherever a command put them. The identifier gate reads every string of the
 * journal except those mentee writes itself (ids, dates, times, fixed words), so a text field added
 * to the schema later is checked without anyone remembering to: a field is text unless named here.
 */
export const NOT_TEXT = new Set([
  'id',
  'uid',
  'calendarUid',
  'field',
  // A sync's commits (the journal's mark, and an undoable change's), not words.
  'commit',
  'before',
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

/** Calls `each` with every text in the journal and where it is (the field's keys are reused: copy them to keep). */
function visitTexts(
  journal: JournalRecords,
  each: (text: string, record: string, field: string[], holder: Holder, key: string | number) => void,
): void {
  const field: string[] = [];
  const walk = (node: Holder, record: string): void => {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const value: unknown = node[index];
        if (typeof value === 'string') each(value, record, field, node, index);
        else if (value !== null && typeof value === 'object') walk(value as Holder, record);
      }
      return;
    }
    for (const key in node) {
      if (NOT_TEXT.has(key)) continue;
      const value = node[key];
      if (typeof value === 'string') {
        field.push(key);
        each(value, record, field, node, key);
        field.pop();
      } else if (value !== null && typeof value === 'object') {
        field.push(key);
        walk(value as Holder, record);
        field.pop();
      }
    }
  };
  walk(journal.profile as Holder, 'profile');
  for (const mentor of journal.mentors) walk(mentor as unknown as Holder, mentor.handle);
  for (const records of [journal.goals, journal.meetings, journal.actions])
    for (const record of records) walk(record as unknown as Holder, record.id);
}

type Holder = Record<string | number, unknown>;

/** The texts a journal holds, to tell a change's new words from those it had. */
export function textSet(journal: JournalRecords): Set<string> {
  const texts = new Set<string>();
  visitTexts(journal, (text) => texts.add(text));
  return texts;
}

/**
 * The texts a change brought (not in `before`) that hold a likely patient identifier, leaving out
 * what the user already said to keep (`allowed`).
 */
export function identifiersAdded(
  journal: JournalRecords,
  before: Set<string>,
  patterns: readonly IdentifierPattern[],
  allowed: ReadonlySet<string> = new Set(),
): IdentifiersAt[] {
  const added: IdentifiersAt[] = [];
  visitTexts(journal, (text, record, field, holder, key) => {
    if (before.has(text)) return;
    const found = findIdentifiers(text, patterns).filter((each) => !allowed.has(each.text));
    if (found.length)
      added.push({ record, field: [...field], text, found, replace: (next) => void (holder[key] = next) });
  });
  return added;
}

/**
 * identifiersAdded for a change known by the records it touched (each as it was and as it is) and the
 * journal's records before it: only the touched records are read, and the whole journal before the
 * change only when one of them holds something that looks like an identifier.
 */
export function identifiersAddedBy(
  records: readonly ChangedRecord[],
  before: JournalRecords,
  patterns: readonly IdentifierPattern[],
  allowed: ReadonlySet<string> = new Set(),
): IdentifiersAt[] {
  const touched: JournalRecords = {
    profile: {} as JournalRecords['profile'],
    mentors: [],
    goals: [],
    meetings: [],
    actions: [],
  };
  for (const record of records) {
    if (!record.after) continue;
    if (record.kind === 'profile') touched.profile = record.after;
    else listOfKind(touched, record.kind).push(record.after);
  }
  const found = identifiersAdded(touched, new Set(), patterns, allowed);
  if (!found.length) return found;
  const had = textSet(before);
  return found.filter((at) => !had.has(at.text));
}
