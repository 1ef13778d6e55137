import { readFileSync } from 'node:fs';
import type { Adapter } from 'lowdb';
import { JournalSchema, type Journal } from '../core/schema.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { backUpCurrent, keepSavedVersion, upgradeLabel } from './backups.js';
import { fingerprint, readMemo, writeMemo } from './validation-memo.js';
import { migrate } from './migrations.js';
import { describeIssue } from '../core/describe-issue.js';

/** The journal on disk is not one we can trust; the message says where, and the file is left alone. */
export class JournalFileError extends UserError {}

/**
 * lowdb adapter for the journal: every read is parsed, migrated and validated; every write is
 * validated, atomic, and kept as the newest backup. lowdb's own JSONFile does none of that.
 */
export class JournalFile implements Adapter<Journal> {
  /** Set by read() when the file was an older version and has been upgraded in memory. */
  migratedFrom: number | undefined;
  /** Fingerprint of the file's text as read, and whether it is the version mentee last saved. */
  private onDisk: { hash: string; isLastSaved: boolean } | undefined;

  constructor(readonly path: string) {}

  async read(): Promise<Journal | null> {
    let bytes: Buffer;
    try {
      // One synchronous read: for a journal of megabytes it is quicker than a stream of async chunks.
      bytes = readFileSync(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new JournalFileError(`Cannot read ${this.path}: ${(error as Error).message}`);
    }
    const text = bytes.toString('utf8');
    const hash = fingerprint(bytes);
    const memo = await readMemo(this.path);
    this.onDisk = { hash, isLastSaved: hash === memo.saved };
    if (hash === memo.validated) {
      this.migratedFrom = undefined;
      return JSON.parse(text) as Journal;
    }
    const { journal, migratedFrom } = parseJournal(text, this.path);
    this.migratedFrom = migratedFrom;
    if (migratedFrom === undefined) await writeMemo(this.path, { ...memo, validated: hash });
    return journal;
  }

  async write(journal: Journal): Promise<void> {
    const checked = JournalSchema.safeParse(journal);
    // A change that would produce an invalid journal is a bug in mentee; refuse rather than save it.
    if (!checked.success)
      throw new Error(`refusing to save an invalid journal: ${describeIssue(checked.error.issues[0]!)}`);
    const text = serialiseJournal(checked.data);
    const previous = this.onDisk;
    const label = this.migratedFrom === undefined ? 'before-change' : upgradeLabel(this.migratedFrom);
    await writeFileAtomic(this.path, text, async () => {
      // Keep the file as found unless it is already the newest backup (changed by hand, restored, upgraded).
      if (previous && (this.migratedFrom !== undefined || !previous.isLastSaved)) await backUpCurrent(this.path, label);
    });
    await keepSavedVersion(this.path, text);
    const hash = fingerprint(text);
    await writeMemo(this.path, { validated: hash, saved: hash });
    this.onDisk = { hash, isLastSaved: true };
    this.migratedFrom = undefined;
  }
}

export function serialiseJournal(journal: Journal): string {
  return `${JSON.stringify(journal, null, 2)}\n`;
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
