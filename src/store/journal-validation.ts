import { describeIssue } from '../core/describe-issue.js';
import { JournalSchema, JournalShape, referenceIssues, type Journal } from '../core/schema.js';
import { JournalFileError } from './journal-file-error.js';
import { RECORD_LISTS } from './journal-text.js';
import { migrate } from './migrations.js';

/**
 * Checking a journal against its schema: the only part of the store that needs the schema library,
 * so it is loaded when a journal must be validated (a file mentee has not seen, or a save), not on
 * every start.
 */

/** A journal about to be saved must be valid; if not, that is a bug in mentee: refuse rather than save it. */
export function checkForSave(journal: Journal): Journal {
  const checked = JournalSchema.safeParse(journal);
  if (!checked.success) throw invalidToSave(checked.error.issues[0]!);
  return checked.data;
}

/**
 * checkForSave for a journal read and checked in full, of which a change touched only `touched`
 * records: those, every field outside the lists of records, and the rules across records are checked
 * again; a record untouched is the very one that passed. The same journal comes out as checkForSave's.
 */
export function checkTouchedForSave(journal: Journal, touched: ReadonlySet<object>): Journal {
  const shell = JournalShape.safeParse({ ...journal, mentors: [], goals: [], meetings: [], actions: [] });
  // The first problem is named as the whole check names it: fields in the schema's order.
  const fields = Object.keys(JournalShape.shape);
  const [shellIssue] = shell.success ? [] : shell.error.issues;
  const beforeRecords = shellIssue && fields.indexOf(String(shellIssue.path[0])) < fields.indexOf(RECORD_LISTS[0]);
  if (shellIssue && beforeRecords) throw invalidToSave(shellIssue);
  const lists = RECORD_LISTS.map((list) => {
    const schema = JournalShape.shape[list].element;
    return (journal[list] as object[]).map((record, index) => {
      if (!touched.has(record)) return record;
      const parsed = schema.safeParse(record);
      if (!parsed.success) {
        const [issue] = parsed.error.issues;
        throw invalidToSave({ ...issue!, path: [list, index, ...issue!.path] });
      }
      return parsed.data;
    });
  });
  if (!shell.success) throw invalidToSave(shellIssue!);
  const checked = shell.data as Journal;
  RECORD_LISTS.forEach((list, at) => (checked[list] = lists[at] as never));
  const [issue] = referenceIssues(checked);
  if (issue) throw invalidToSave(issue);
  return checked;
}

function invalidToSave(issue: { path: PropertyKey[]; message: string }): Error {
  return new Error(`refusing to save an invalid journal: ${describeIssue(issue)}`);
}

/** Text → a valid, current journal, or a JournalFileError naming the file, the problem and where. */
export function parseJournal(text: string, file: string): { journal: Journal; migratedFrom: number | undefined } {
  if (!text.trim()) throw new JournalFileError(`${file} is empty, so it is not a journal.`);
  if (text.includes('\u0000')) throw new JournalFileError(`${file} contains NUL bytes: it is damaged, not a journal.`);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new JournalFileError(`${file} is not valid JSON: ${describeJsonError(error as Error, text)}.`);
  }
  return checkDocument(document, file);
}

/**
 * A synced copy's text (see synced-copy.ts) → a valid, current journal with no history of its own.
 * It was written by mentee on some device: anything else in it is said as a damaged journal is.
 */
export function parseSyncedCopy(text: string, file: string): Journal {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new JournalFileError(`${file} is not valid JSON: ${describeJsonError(error as Error, text)}.`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new JournalFileError(`${file} is not a mentee journal.`);
  // Saved last by some device, at a time that is that device's own: taken as when it began.
  const local = { history: { undo: [], redo: [] }, updatedAt: (document as { createdAt?: unknown }).createdAt };
  return checkDocument({ ...document, ...local }, file).journal;
}

function checkDocument(document: unknown, file: string): { journal: Journal; migratedFrom: number | undefined } {
  const { document: current, fromVersion } = migrate(document, file);
  const checked = JournalSchema.safeParse(current);
  if (!checked.success) {
    throw new JournalFileError(`${file} is not a valid mentee journal: ${describeIssue(checked.error.issues[0]!)}.`);
  }
  return { journal: checked.data, migratedFrom: fromVersion };
}

function describeJsonError(error: Error, text: string): string {
  const reason = error.message
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '');
  const at = errorOffset(error.message, text);
  if (at === undefined) {
    return /end of JSON input/i.test(reason)
      ? `it ends too early at line ${text.split('\n').length}, so it is probably truncated`
      : reason;
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${reason} at line ${line}, column ${column}`;
}

/**
 * Where JSON.parse stopped. V8 says "at position N" for some errors; for an unexpected token it
 * quotes the text around it instead ("...context..." with the token 10 characters in), so find that.
 */
function errorOffset(message: string, text: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const quoted = /^Unexpected token '(.+?)', (\.\.\.)?"(.*)"(\.\.\.)? is not valid JSON$/s.exec(message);
  if (!quoted) return undefined;
  const [, token, clipped, context] = quoted;
  const start = text.indexOf(context!);
  if (start === -1) return undefined;
  const within = context!.indexOf(token!, clipped ? 10 : 0);
  return within === -1 ? undefined : start + within;
}
