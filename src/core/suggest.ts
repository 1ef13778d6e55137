import { distance } from 'fastest-levenshtein';

/**
 * "Did you mean": the candidates nearest to what was typed, for every name a person types (commands,
 * ids, mentor handles, template names). Case is ignored (a word that differs only by case is the
 * nearest) and two swapped neighbours count as one slip ("stauts"). Only close ones: one slip for a short word, two up to eight letters, three beyond; and
 * nothing when more than `most` are equally near (a99 among a1 to a98 names no one in particular).
 */
export function nearest(typed: string, candidates: Iterable<string>, most = 1): string[] {
  const wanted = typed.trim().toLowerCase();
  if (!wanted) return [];
  const limit = wanted.length <= 4 ? 1 : wanted.length <= 8 ? 2 : 3;
  let best = limit + 1;
  let found: string[] = [];
  for (const candidate of new Set(candidates)) {
    const away = slips(wanted, candidate.toLowerCase());
    // The same but for case is the nearest of all ("Status", "A7"); only the very word typed is no suggestion.
    if (candidate === typed.trim() || away > limit || away > best) continue;
    if (away < best) [best, found] = [away, []];
    found.push(candidate);
  }
  return found.length <= most ? found : [];
}

function slips(a: string, b: string): number {
  const edits = distance(a, b);
  return edits === 2 && swapsOneNeighbour(a, b) ? 1 : edits;
}

function swapsOneNeighbour(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((char, at) => (char === b[at] ? [] : [at]));
  const [first, second] = differ;
  return differ.length === 2 && second === first! + 1 && a[first!] === b[second] && a[second] === b[first!];
}
