import { loadIdentifierPatterns } from '../config/identifier-patterns.js';
import { findIdentifiers } from '../core/identifiers.js';
import { identifiersAdded } from '../core/journal-texts.js';
import type { Journal } from '../core/schema.js';
import { UserError } from '../errors.js';
import type { Context } from './context.js';

/**
 * The identifier guard on what an export shares: its whole output, whatever the format or layout, is
 * read for likely patient identifiers (an NHS number, the user's own patterns) before it is printed or
 * written. One found refuses the export, saying what it is and which record holds it, unless
 * --allow-identifiers. Text gets into a journal that way only when it was kept on purpose, or by hand.
 */
export async function refuseIdentifiers(ctx: Context, journal: Journal, output: string): Promise<void> {
  const { patterns, problems } = await loadIdentifierPatterns();
  if (problems.length) ctx.warn(`warning: ${problems.join('; ')}`);
  // An export may show one text twice (a summary's meetings and its list of advice): each is said once.
  const found = [...new Map(findIdentifiers(asRead(output), patterns).map((each) => [each.text, each])).values()];
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
 * A document as the person it is sent to reads it, for the check: a calendar's long lines unfolded;
 * JSON's and a calendar's escapes (`\n`, `\t`, `\u00a0`, `\,`) and Markdown's backslashes undone; HTML's
 * character references and line breaks (`&#47;`, `&nbsp;`, `<br>`) read as what they show; and a line
 * break (with the spaces around it) as one space, so that "943 476" at the end of one line and "5919" at
 * the start of the next are read as the number they are.
 */
export function asRead(document: string): string {
  return document
    .replace(/\r\n[ \t]/g, '')
    .replace(
      /\\(?:u([0-9a-fA-F]{4})|([nrt])|([!-/:-@[-`{-~]))/g,
      (_escape, code?: string, control?: string, mark?: string) =>
        code ? String.fromCharCode(parseInt(code, 16)) : control ? CONTROL[control]! : mark!,
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(
      /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(nbsp|ensp|emsp|thinsp|hyphen|dash|ndash|minus|sol|period));/g,
      (_ref, decimal?: string, hex?: string, name?: string) =>
        name
          ? (NAMED[name] ?? ' ')
          : String.fromCodePoint(Math.min(decimal ? Number(decimal) : parseInt(hex!, 16), 0x10ffff)),
    )
    .replace(/[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*/g, ' ');
}

const CONTROL: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
const NAMED: Record<string, string> = { hyphen: '-', dash: '-', ndash: '-', minus: '-', sol: '/', period: '.' };
