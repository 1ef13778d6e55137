import { toDay } from '../../core/dates.js';
import { mentorName } from '../../core/refs.js';
import type { SearchHit, SearchQuery } from '../../core/search.js';
import type { Journal } from '../../core/schema.js';
import { oneLine } from '../../core/text.js';
import type { SearchJson } from '../json-shapes.js';
import type { Style } from '../style.js';
import { count, formatDay } from '../words.js';
import { columns } from './layout.js';
import type { RenderOptions } from './options.js';

/** `search --json`: each hit's kind, record, day, mentor's handle ("" when none) and whole text. */
export function searchJson(hits: SearchHit[]): SearchJson {
  return {
    results: hits.map((hit) => ({
      kind: hit.kind,
      id: hit.record,
      date: dayOf(hit.at).day,
      mentor: hit.mentor ?? '',
      text: hit.text,
      private: hit.private,
    })),
  };
}

/**
 * Newest first, two lines a hit: its day, mentor, kind and the id to `show`, then its text on one line
 * with the words found highlighted.
 */
export function renderSearch(
  journal: Journal,
  hits: SearchHit[],
  query: SearchQuery,
  { style }: RenderOptions,
  limit = Infinity,
): string {
  if (!hits.length) return `Nothing found for ${query.terms.map((term) => `"${oneLine(term)}"`).join(' ')}.`;
  const shown = hits.slice(0, limit);
  const heads = columns(
    shown.map((hit) => [
      style.dim(dayOf(hit.at).words),
      mentorName(journal, hit.mentor),
      hit.private ? `${hit.kind} (private)` : hit.kind,
      style.bold(hit.record),
    ]),
  );
  const lines = shown.flatMap((hit, at) => [heads[at]!, `    ${highlighted(hit, style)}`]);
  if (hits.length > shown.length)
    lines.push(`… ${count(hits.length - shown.length, 'older result')} (add --limit ${hits.length} to see them all)`);
  return lines.join('\n');
}

/** The text on one line, each stretch that matched marked. */
export function highlighted({ text, matches }: Pick<SearchHit, 'text' | 'matches'>, style: Style): string {
  let out = '';
  let from = 0;
  for (const [start, end] of matches) {
    if (end <= from) continue;
    const begin = Math.max(start, from);
    out += oneLine(text.slice(from, begin)) + style.bold.underline(text.slice(begin, end));
    from = end;
  }
  return out + oneLine(text.slice(from));
}

const days = new Map<string, { day: string; words: string }>();

/** The local day of a moment, as stored ("2026-12-03") and as said: worked out once a day, as hits run to thousands. */
function dayOf(iso: string): { day: string; words: string } {
  const date = new Date(iso);
  const key = `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
  let known = days.get(key);
  if (!known) {
    const day = toDay(date);
    known = { day, words: formatDay(day) };
    days.set(key, known);
  }
  return known;
}
