import { describe, expect, it } from 'vitest';
import { oneLine } from '../../src/ui/one-line.js';

describe('an error message on one line', () => {
  it('each line break, with the spaces around it, becomes one space', () => {
    expect(oneLine('Cannot read it:\n  line 2 \r\n\n  line 3')).toBe('Cannot read it: line 2 line 3');
    expect(oneLine('no breaks  here ')).toBe('no breaks  here ');
    expect(oneLine('\nstarts\n')).toBe(' starts ');
  });

  it('is what the regex it replaces gives, for every short mix of spaces, breaks and letters', () => {
    const alphabet = ['a', ' ', '\n', '\r', '\t'];
    const all = (length: number): string[] =>
      length === 0 ? [''] : all(length - 1).flatMap((text) => alphabet.map((letter) => text + letter));
    for (const text of all(6)) expect(oneLine(text)).toBe(text.replace(/\s*[\r\n]+\s*/g, ' '));
  });

  it('takes no time over a long run of spaces typed into a message', () => {
    const started = performance.now();
    oneLine(`cannot read "a${' '.repeat(200_000)}b" as a date\n`);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
