/**
 * The identifier check reads a long document in pieces (piecesReadAlone), so that it never holds several
 * copies of tens of MB: what it finds must be what it finds reading the document whole, whatever the
 * document, wherever a number, an escape, a character reference, a <br> or a run of white space falls.
 */
import { describe, expect, it } from 'vitest';
import { asRead, piecesReadAlone } from '../../src/commands/export-identifiers.js';
import { findIdentifiers } from '../../src/core/identifiers.js';
import { seededRandom } from '../helpers/seeded-random.js';

/** Bits of documents that asRead or the number check treat specially, and ordinary ones. */
const BITS = [
  '943',
  '476',
  '5919',
  '4010232137',
  '\n<br>',
  ' ',
  '  ',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '<br>',
  '<BR/>',
  '<br />',
  '<b>',
  '<p>',
  '</li>\n',
  '&#57;',
  '&#x34;',
  '&nbsp;',
  '&amp;',
  '&ndash;',
  '\\n',
  '\\t',
  '\\u0039',
  '\\-',
  '\\',
  '-',
  '.',
  '/',
  '+',
  'Note',
  'a',
  'Z',
  '\uff19',
  '\u2013',
  '\u00a0',
  '#',
  '|',
  '*',
  '0',
];

const read = (document: string) => findIdentifiers(asRead(document));
const readInPieces = (document: string | string[], size: number) =>
  [...piecesReadAlone(document, size)].flatMap((piece) => findIdentifiers(asRead(piece)));

/** The document as a layout may write it: in parts that end anywhere. */
function parts(document: string, next: () => number): string[] {
  const cuts = [...document].flatMap((_char, index) => (next() < 0.2 ? [index] : []));
  return [0, ...cuts, document.length]
    .slice(1)
    .map((end, index, ends) => document.slice(index ? ends[index - 1] : 0, end));
}

describe('a document read in pieces', () => {
  it('is cut only into pieces that make it up again', () => {
    const document = 'Intro\n<p>one</p>\nTwo 943\n<br>\n476\nThree\n'.repeat(20);
    for (const size of [1, 5, 17, 100, 10_000]) expect([...piecesReadAlone(document, size)].join('')).toBe(document);
    expect([...piecesReadAlone(document, 5)].length).toBeGreaterThan(10);
  });

  it('gives the NHS numbers the whole gives, in the same order, for thousands of awkward documents', () => {
    const next = seededRandom(16);
    let found = 0;
    for (let run = 0; run < 3000; run++) {
      const document = Array.from(
        { length: 10 + Math.floor(next() * 150) },
        () => BITS[Math.floor(next() * BITS.length)],
      ).join('');
      const whole = read(document);
      found += whole.length;
      for (const size of [1, 2, 7, 30]) expect(readInPieces(document, size), JSON.stringify(document)).toEqual(whole);
      const written = parts(document, next);
      expect([...piecesReadAlone(written, 7)].join('')).toBe(document);
      for (const size of [1, 7, 1000]) expect(readInPieces(written, size), JSON.stringify(written)).toEqual(whole);
    }
    // The documents hold numbers to find, split across lines and escapes too.
    expect(found).toBeGreaterThan(500);
  });

  it('finds a number split across two lines, or a break, however it is cut', () => {
    for (const document of [
      'Case 943 476\n5919 audited\n',
      'Case 943 476<br>\n5919\n',
      'Case 943 476\n<br>5919\n',
      'Case 943 476\n<BR/>5919\n',
      'x\n943\n476\n5919\nNext\n',
    ])
      for (const size of [1, 3, 8]) expect(readInPieces(document, size)).toEqual(read(document));
  });
});
