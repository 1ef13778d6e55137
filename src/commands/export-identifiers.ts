import { loadIdentifierPatterns } from '../config/identifier-patterns.js';
import { findIdentifiers, type FoundIdentifier } from '../core/identifiers.js';
import { identifiersAdded } from '../core/journal-texts.js';
import type { Journal } from '../core/schema.js';
import { UserError } from '../errors.js';
import type { Context } from './context.js';
import { recut } from '../ui/export/document-pieces.js';

/**
 * The identifier guard on what an export shares: its whole output, whatever the format or layout, is
 * read for likely patient identifiers (an NHS number, the user's own patterns) before it is printed or
 * written. One found refuses the export, saying what it is and which record holds it, unless
 * --allow-identifiers. Text gets into a journal that way only when it was kept on purpose, or by hand.
 */
export async function refuseIdentifiers(
  ctx: Context,
  journal: Journal,
  output: string | readonly string[],
): Promise<void> {
  const { patterns, problems } = await loadIdentifierPatterns();
  if (problems.length) ctx.warn(`warning: ${problems.join('; ')}`);
  // Patterns of the user's own may match across any place in the document: then it is read whole.
  const all: FoundIdentifier[] = [];
  if (patterns.length)
    all.push(...findIdentifiers(ownIdsAside(asRead(typeof output === 'string' ? output : output.join(''))), patterns));
  // One piece at a time: a piece is let go once read.
  else for (const piece of piecesReadAlone(output)) all.push(...findIdentifiers(ownIdsAside(asRead(piece))));
  // An export may show one text twice (a summary's meetings and its list of advice): each is said once.
  const found = [...new Map(all.map((each) => [each.text, each])).values()];
  if (!found.length) return;
  const { describeFound, placeOf } = await import('../ui/field-words.js');
  const first = found[0]!.text;
  // Where it is kept: the first text of the journal holding it, read the same way (the walk is made only
  // now, when one is found).
  const read: Journal = JSON.parse(JSON.stringify(journal), (_key, value: unknown) =>
    typeof value === 'string' ? asRead(value) : value,
  );
  const at = identifiersAdded(read, new Set(), patterns).find((text) => text.found.some((each) => each.text === first));
  const where = at ? placeOf(at.record, at.field) : 'The export';
  const takeOut = at && at.record !== 'profile' ? `take it out (mentee edit ${at.record})` : 'take it out';
  throw new UserError(
    `${where} looks like it contains ${describeFound(found)}, and this export would share it. ` +
      `Mentoring notes are not a place for patient data: ${takeOut}, or add --allow-identifiers if it is not one.`,
  );
}

/**
 * The uids mentee gives records (in JSON, and in a calendar's UIDs) are nobody's words: random hex,
 * whose digits can by chance read as a valid NHS number ("ab190477-6019-…"). Each is set aside as
 * letters of the same length, so it is never taken for one. A uid holds no line break, so no cut
 * between pieces runs through one.
 */
function ownIdsAside(text: string): string {
  return text.includes('-') ? text.replace(UID, (uid) => '_'.repeat(uid.length)) : text;
}
const UID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * A document as the person it is sent to reads it, for the check: a calendar's long lines unfolded;
 * JSON's and a calendar's escapes (`\n`, `\t`, `\u00a0`, `\,`) and Markdown's backslashes undone; HTML's
 * character references and line breaks (`&#47;`, `&nbsp;`, `<br>`) read as what they show; and a line
 * break (with the spaces around it) as one space, so that "943 476" at the end of one line and "5919" at
 * the start of the next are read as the number they are.
 */
export function asRead(document: string): string {
  // Each step is taken only when what it reads is there (a quick look, not a replace), which in most
  // documents only the last one is.
  let text = document;
  if (text.includes('\r')) text = text.replace(/\r\n[ \t]/g, '');
  if (text.includes('\\'))
    text = text.replace(
      /\\(?:u([0-9a-fA-F]{4})|([nrt])|([!-/:-@[-`{-~]))/g,
      (_escape, code?: string, control?: string, mark?: string) =>
        code ? String.fromCharCode(parseInt(code, 16)) : control ? CONTROL[control]! : mark!,
    );
  if (BREAK.test(text)) text = text.replace(/<br\s*\/?>/gi, '\n');
  if (text.includes('&'))
    text = text.replace(
      /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(nbsp|ensp|emsp|thinsp|hyphen|dash|ndash|minus|sol|period));/g,
      (_ref, decimal?: string, hex?: string, name?: string) =>
        name
          ? (NAMED[name] ?? ' ')
          : String.fromCodePoint(Math.min(decimal ? Number(decimal) : parseInt(hex!, 16), 0x10ffff)),
    );
  return text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*/g, ' ');
}

const BREAK = /<br/i;

/** About how long a piece of a document read alone is. */
const PIECE = 1 << 20;
/** Where a document can be cut: after a line break, before a letter or a "<" that does not begin "<br". */
const CUT = /\n(?=[A-Za-z]|<(?!br))/gi;

/**
 * A long document in pieces, each read (asRead, then the NHS-number check) as it is in the whole, so the
 * check never holds several copies of a document of tens of MB. A piece ends with a line break, which
 * asRead makes one space with the white space before it, and the next starts with a letter or a "<" that
 * does not begin "<br": nothing asRead undoes (an escape, a character reference, a <br>, a run of white
 * space) and no number can run across such a place.
 */
export function piecesReadAlone(document: string | readonly string[], size = PIECE): Iterable<string> {
  return recut(document, size, CUT, '<br'.length);
}

const CONTROL: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
const NAMED: Record<string, string> = { hyphen: '-', dash: '-', ndash: '-', minus: '-', sol: '/', period: '.' };
