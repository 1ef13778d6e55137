import type { JournalRecords } from '../core/journal-diff.js';
import type { Journal } from '../core/schema.js';

/**
 * The journal's text, made one record at a time: byte for byte JSON.stringify(journal, null, 2), one
 * readable file, but made of a piece per record. A change is tracked from the journal as read: after
 * it, a record whose piece is unchanged is known untouched, so a save checks and diffs only the
 * records the change touched, and no copy of the whole journal is taken before a change.
 */

export const RECORD_LISTS = ['mentors', 'goals', 'meetings', 'actions'] as const;
export type RecordList = (typeof RECORD_LISTS)[number];

const LISTED = new Set<string>(RECORD_LISTS);

/**
 * A record's piece: as it sits in its list, four spaces in. Cut from the record stringified inside a
 * list in an object, which indents it just so: quicker than indenting each line of it afterwards.
 */
function recordText(record: object): string {
  return JSON.stringify({ a: [record] }, null, 2).slice(LIST_START, -LIST_END);
}
const LIST_START = '{\n  "a": [\n'.length;
const LIST_END = '\n  ]\n}'.length;

/**
 * The pieces of `journal`'s records in `text`, the file it was read from, when that file is exactly
 * journalText(journal) (mentee wrote it: see validation-memo.ts). A record's piece ends at the first
 * line that is four spaces and a brace: no string holds a raw line break, and deeper lines are indented
 * further. Undefined when the text is not laid out so.
 */
function piecesIn(text: string, journal: Journal): Map<object, string> | undefined {
  const pieces = new Map<object, string>();
  for (const list of RECORD_LISTS) {
    const records = journal[list] as object[];
    if (!records.length) continue;
    const opening = `\n  ${JSON.stringify(list)}: [\n`;
    let at = text.indexOf(opening);
    if (at === -1) return undefined;
    at += opening.length;
    for (const [index, record] of records.entries()) {
      const end = text.indexOf(RECORD_END, at);
      if (!text.startsWith('    {', at) || end === -1) return undefined;
      pieces.set(record, text.slice(at, end + RECORD_END.length));
      at = end + RECORD_END.length;
      const next = index < records.length - 1 ? ',\n' : '\n  ]';
      if (!text.startsWith(next, at)) return undefined;
      at += next.length;
    }
  }
  return pieces;
}
const RECORD_END = '\n    }';

/** The journal's text from the pieces of its records (`pieceOf`) and its other fields. */
export function journalText(journal: Journal, pieceOf: (record: object) => string = recordText): string {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(journal)) {
    if (value === undefined) continue;
    const text = LISTED.has(key)
      ? listText((value as object[]).map(pieceOf))
      : JSON.stringify(value, null, 2).replaceAll('\n', '\n  ');
    fields.push(`  ${JSON.stringify(key)}: ${text}`);
  }
  return `{\n${fields.join(',\n')}\n}\n`;
}

function listText(pieces: string[]): string {
  return pieces.length ? `[\n${pieces.join(',\n')}\n  ]` : '[]';
}

/** A journal's records as read, before a change, by their pieces. */
export class TrackedJournal {
  private readonly read = new Map<object, string>();
  private readonly order: Pick<Journal, RecordList>;
  private readonly profile: string;
  private whole: Journal | undefined;
  private settled: { pieces: Map<object, string>; touched: Set<object>; before: JournalRecords } | undefined;

  /** The file's text, when pieces were cut from it. */
  private readonly file: string | undefined;

  /** `text`: the file `journal` was read from, when it is laid out as journalText(journal) lays it out. */
  constructor(journal: Journal, text?: string) {
    const pieces = text === undefined ? undefined : piecesIn(text, journal);
    this.file = pieces && text;
    for (const list of RECORD_LISTS)
      for (const record of journal[list]) this.read.set(record, pieces?.get(record) ?? recordText(record));
    this.order = {
      mentors: [...journal.mentors],
      goals: [...journal.goals],
      meetings: [...journal.meetings],
      actions: [...journal.actions],
    };
    this.profile = JSON.stringify(journal.profile);
  }

  /**
   * The journal's records as they were when read: those a change left as they were are the journal's
   * own objects (so a diff passes them at once), the others read back from their pieces. Measured once,
   * after the change: a later edit of a record the change touched (the identifier gate taking out a
   * number) is seen by the save, which writes every touched record afresh.
   */
  before(journal: Journal): JournalRecords {
    return this.settle(journal).before;
  }

  /** The records the change touched: new, or changed in any way. */
  touched(journal: Journal): ReadonlySet<object> {
    return this.settle(journal).touched;
  }

  /** The text of `journal` (the change's result, checked), reusing the pieces of untouched records. */
  text(journal: Journal): string {
    const { pieces, touched } = this.settle(journal);
    return journalText(journal, (record) =>
      touched.has(record) ? recordText(record) : (pieces.get(record) ?? recordText(record)),
    );
  }

  private settle(journal: Journal) {
    if (this.settled) return this.settled;
    const pieces = new Map<object, string>();
    const touched = new Set<object>();
    for (const list of RECORD_LISTS)
      for (const record of journal[list]) {
        const piece = recordText(record);
        pieces.set(record, piece);
        if (this.read.get(record) !== piece) touched.add(record);
      }
    const asRead = <R extends object>(record: R, index: number, list: RecordList): R =>
      pieces.get(record) === this.read.get(record) ? record : this.readBack(record, index, list);
    const before: JournalRecords = {
      profile: JSON.stringify(journal.profile) === this.profile ? journal.profile : JSON.parse(this.profile),
      mentors: this.order.mentors.map((record, index) => asRead(record, index, 'mentors')),
      goals: this.order.goals.map((record, index) => asRead(record, index, 'goals')),
      meetings: this.order.meetings.map((record, index) => asRead(record, index, 'meetings')),
      actions: this.order.actions.map((record, index) => asRead(record, index, 'actions')),
    };
    return (this.settled = { pieces, touched, before });
  }

  /**
   * A record as read, from its piece. A piece cut from a file is believed only when it is the record's
   * own layout; otherwise (a file laid out by hand that looked like mentee's) the whole file is read
   * again for it.
   */
  private readBack<R extends object>(record: R, index: number, list: RecordList): R {
    const piece = this.read.get(record)!;
    if (this.file === undefined) return JSON.parse(piece) as R;
    try {
      const parsed = JSON.parse(piece) as R;
      if (recordText(parsed) === piece) return parsed;
    } catch {
      // Not a record on its own: read from the whole file below.
    }
    this.whole ??= JSON.parse(this.file) as Journal;
    return this.whole[list][index] as R;
  }
}
