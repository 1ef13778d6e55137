import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { folded, stemCore, stemOf, wordsOf } from '../../src/core/search.js';
import { readSearchTerms } from '../../src/input/search-terms.js';

/** Words Porter's stemmer rewrites the most: "-bility", "-y", "-ational", doubled consonants, "-ies". */
const TRICKY = [
  'probability possibly studies happy sky cry crying troubled troubling organization relational conditional',
  'valency hesitancy digitizer sensitivity generalization operator feudalism decisiveness hopefulness',
  'callousness formality vileness triplicate formative formalize electricity electrical hopeful goodness',
  'revival allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment',
  'dependent adoption communism activate angularity homologous effective bowdlerize probate rate cease',
  'controlling rolling analogy eagerly fully yesterday rebuilding agreed feed hoping filing GPs ARCP',
  'Résumé café naïve Zoë Ærø São über paediatrics',
].join(' ');

describe('search words', () => {
  it('compares words in lower case, without accents, by their stem', () => {
    expect(stemOf('GPs')).toBe(stemOf('gp'));
    expect(stemOf('researching')).toBe(stemOf('Research'));
    expect(stemOf('Résumé')).toBe(stemOf('resume'));
    // "é" written as "e" and a combining accent is one word, not two.
    expect(wordsOf('cafe\u0301 rota').map((word) => word.stem)).toEqual([stemOf('café'), stemOf('rota')]);
  });

  it("passes over no text that holds a word: a stem's core is in every word with that stem", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const words = `${TRICKY} ${readme}`.match(/[\p{L}\p{N}\p{M}]+/gu)!;
    expect(words.length).toBeGreaterThan(1000);
    const missed = words.filter((word) => !folded(word).includes(stemCore(stemOf(word))));
    expect(missed).toEqual([]);
  });

  it('reads words, a phrase given as one argument, and phrases in quotes', () => {
    expect(readSearchTerms(['gp', 'research'])).toEqual(['gp', 'research']);
    expect(readSearchTerms(['talk to a GP'])).toEqual(['talk to a GP']);
    expect(readSearchTerms(['"talk to" GP'])).toEqual(['talk to', 'GP']);
    expect(readSearchTerms(['"talk', 'to"', 'GP'])).toEqual(['talk to', 'GP']);
    expect(readSearchTerms(['\u201ctalk to\u201d'])).toEqual(['talk to']);
    expect(readSearchTerms(['"talk to'])).toEqual(['talk to']);
  });
});
