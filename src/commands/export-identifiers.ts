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
  const found = [...new Map(findIdentifiers(output, patterns).map((each) => [each.text, each])).values()];
  if (!found.length) return;
  const { describeFound, placeOf } = await import('../cli/identifier-guard.js');
  const first = found[0]!.text;
  // Where it is kept: the first text of the journal holding it (the walk is made only now, when one is found).
  const at = identifiersAdded(journal, new Set(), patterns).find((text) =>
    text.found.some((each) => each.text === first),
  );
  const where = at ? placeOf(at.record, at.field) : 'The export';
  const takeOut = at && at.record !== 'profile' ? `take it out (mentee edit ${at.record})` : 'take it out';
  throw new UserError(
    `${where} looks like it contains ${describeFound(found)}, and this export would share it. ` +
      `Mentoring notes are not a place for patient data: ${takeOut}, or add --allow-identifiers if it is not one.`,
  );
}
