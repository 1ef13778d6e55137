/** Search in the languages a trainee's notes hold: letters typed two ways, and scripts written without spaces. */
import { describe, expect, it } from 'vitest';
import { search } from '../../src/core/search.js';
import { goal, withAda } from './fixtures.js';

function found(title: string, query: string[]): boolean {
  const journal = withAda();
  goal(journal, { title });
  return search(journal, { terms: query }).length > 0;
}

describe('search across languages', () => {
  it.each([
    ['German ß typed as ss', 'Die Straße zur Weiterbildung', ['strasse']],
    ['German ss typed as ß', 'Die Strasse zur Weiterbildung', ['Straße']],
    ['Turkish dotless ı typed as i', 'kırmızı alarm', ['kirmizi']],
    ['Turkish capitals typed with ı', 'KIRMIZI alarm', ['kırmızı']],
    ['Turkish İ typed as i', 'İstanbul rotation', ['istanbul']],
    ['a ligature typed as two letters', 'Learn ﬁnance basics', ['finance']],
    ['full-width letters typed plainly', 'Ｒｅｓｅａｒｃｈ day', ['research']],
    ['a Chinese word inside a sentence', '研究計画について話した', ['研究']],
    ['a Japanese word inside a sentence', '研究計画について話した', ['について']],
  ])('finds %s', (_case, title, query) => {
    expect(found(title, query)).toBe(true);
  });

  it('a Chinese word matches only where its characters stand together', () => {
    expect(found('研究計画について話した', ['究研'])).toBe(false);
  });

  it('an emoji or a regex special in a text does not stop it being found', () => {
    expect(found('Party 🎉 (audit) [a+b]* planning', ['audit', 'planning'])).toBe(true);
  });
});
