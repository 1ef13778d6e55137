import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown } from '../../src/ui/export/escape.js';

describe('user text in Markdown', () => {
  it('cannot start emphasis, code, links, images, HTML or strike-through', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d](e) ![f](g) <h> <!-- i --> ~~j~~ k\\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d](e) !\\[f](g) \\<h> \\<!-- i --> ~\\~j\\~\\~ k\\\\',
    );
  });

  it('cannot end or add a table cell', () => {
    expect(escapeMarkdown('rota | swaps')).toBe('rota \\| swaps');
  });

  it('cannot become a heading, quote, list, numbered list or rule at the start of a line', () => {
    expect(escapeMarkdown('# Not a heading')).toBe('\\# Not a heading');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('+ not a list')).toBe('\\+ not a list');
    expect(escapeMarkdown('* not a list')).toBe('\\* not a list');
    expect(escapeMarkdown('1. not numbered')).toBe('1\\. not numbered');
    expect(escapeMarkdown('2) not numbered')).toBe('2\\) not numbered');
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('===')).toBe('\\===');
    expect(escapeMarkdown('[ ] not a checkbox')).toBe('\\[ ] not a checkbox');
    expect(escapeMarkdown('    not code')).toBe('not code');
  });

  it('leaves ordinary text as it was typed: no stray backslashes to paste into an email', () => {
    for (const text of [
      'Dr. Smith (GP) - 3 p.m. on 1.5 hours!',
      'Ask about ~5 minutes of feedback',
      '2 * 3 = 6, and a < b > c',
      'Rename snake_case_files and C:\\Users\\sam',
      '#1 priority: -5 degrees, +2 more, 2024. Well.',
      'See [1] and (brackets) — R&D, Q&A',
      "Email Ada's PA: she said 'yes' (maybe)?",
    ])
      expect(escapeMarkdown(text)).toBe(text);
  });

  it('stays on one line', () => {
    expect(escapeMarkdown('first line\nsecond line')).toBe('first line second line');
  });

  it('cannot spell an HTML entity', () => {
    expect(escapeMarkdown('R&D &amp; &#60; &#x3c;')).toBe('R&D \\&amp; \\&#60; \\&#x3c;');
  });
});

describe('user text in HTML', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
