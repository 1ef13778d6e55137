/** A long export reaches stdout a megabyte or so at a time (printDocument): whole, and ending with one line break. */
import { describe, expect, it } from 'vitest';
import { printDocument } from '../../src/commands/out-file.js';

/** What stdout receives: each print is a line. */
function printed(text: string | string[], size: number): { out: string; prints: number } {
  let out = '';
  let prints = 0;
  printDocument({ print: (line) => ((out += `${line}\n`), prints++) }, text, size);
  return { out, prints };
}

describe('a document printed in pieces', () => {
  const documents = [
    '',
    'a',
    'a\n',
    '\n',
    'a\n\n',
    'one\ntwo\r\nthree\n',
    `${'line of text\n'.repeat(500)}`,
    'x'.repeat(100),
  ];
  it('is the document on stdout, with one line break at its end', () => {
    for (const text of documents)
      for (const size of [1, 2, 10, 1000])
        expect(printed(text, size).out, JSON.stringify(text)).toBe(text.endsWith('\n') ? text : `${text}\n`);
  });

  it('is the document on stdout when it comes in parts, as a layout writes it', () => {
    for (const text of documents)
      for (const cut of [1, 3, 13])
        for (const size of [1, 5, 1000]) {
          const parts = Array.from({ length: Math.ceil(text.length / cut) }, (_, index) =>
            text.slice(index * cut, (index + 1) * cut),
          );
          expect(printed(parts, size).out, JSON.stringify(parts)).toBe(text.endsWith('\n') ? text : `${text}\n`);
        }
  });

  it('is printed in pieces of about the size asked, cut where lines end', () => {
    expect(printed('line of text\n'.repeat(500), 1000).prints).toBe(7);
    expect(printed('x'.repeat(5000), 1000).prints).toBe(1);
  });
});
