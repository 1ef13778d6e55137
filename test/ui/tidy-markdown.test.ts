/**
 * A Markdown export's blank lines are evened out a piece at a time (tidyMarkdownPieces): the whole
 * journal is tens of MB. Pieced or not, the document comes out the same.
 */
import { describe, expect, it } from 'vitest';
import { tidyMarkdown, tidyMarkdownPieces } from '../../src/ui/export/render-export.js';
import { seededRandom } from '../helpers/seeded-random.js';

/** The rule as it reads on the whole document at once. */
const tidiedWhole = (text: string) =>
  `${text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;

const BITS = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\n',
  '\n\n\n',
  '\r',
  '\r\n',
  '\u00a0',
  '\u2028',
  'a',
  'Meeting',
  '#',
  '- item',
  '|',
  ' \n',
];

describe('tidying Markdown in pieces', () => {
  it('gives what tidying the whole gives, however the layout wrote it and however it is cut', () => {
    const next = seededRandom(7);
    for (let run = 0; run < 3000; run++) {
      const bits = Array.from({ length: Math.floor(next() * 60) }, () => BITS[Math.floor(next() * BITS.length)]!);
      const document = bits.join('');
      const expected = tidiedWhole(document);
      expect(tidyMarkdown(document)).toBe(expected);
      for (const size of [1, 4, 50])
        expect(tidyMarkdownPieces(bits, size).join(''), JSON.stringify(bits)).toBe(expected);
    }
  });

  it('keeps spaces inside a line, and blank lines made of spaces, as the whole does', () => {
    const parts = ['Title  \n', '   \n', '\n', '\nText  with  spaces', '  \n\n\n\n- one\n'];
    expect(tidyMarkdownPieces(parts, 1).join('')).toBe(tidiedWhole(parts.join('')));
    expect(tidyMarkdownPieces(parts, 1).join('')).toBe('Title\n\nText  with  spaces\n\n- one\n');
  });
});
