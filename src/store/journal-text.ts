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

/** A record's piece: as it sits in its list, four spaces in. Strings hold no raw line break, so indenting each line is exact. */
function recordText(record: object): string {
  return `    ${JSON.stringify(record, null, 2).replaceAll('\n', '\n    ')}`;
}

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
  private settled: { pieces: Map<object, string>; touched: Set<object>; before: JournalRecords } | undefined;

  constructor(journal: Journal) {
    for (const list of RECORD_LISTS) for (const record of journal[list]) this.read.set(record, recordText(record));
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
    const asRead = <R extends object>(record: R): R =>
      pieces.get(record) === this.read.get(record) ? record : (JSON.parse(this.read.get(record)!) as R);
    const before: JournalRecords = {
      profile: JSON.stringify(journal.profile) === this.profile ? journal.profile : JSON.parse(this.profile),
      mentors: this.order.mentors.map(asRead),
      goals: this.order.goals.map(asRead),
      meetings: this.order.meetings.map(asRead),
      actions: this.order.actions.map(asRead),
    };
    return (this.settled = { pieces, touched, before });
  }
}
