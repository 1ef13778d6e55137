import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown } from '../../src/ui/export/escape.js';

describe('user text in Markdown', () => {
  it('cannot start emphasis, code, links, HTML, a table cell or strike-through', () => {
    expect(escapeMarkdown('*a* _b_ `c` [d](e) <f> g|h ~~i~~ \\')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> g\\|h \\~\\~i\\~\\~ \\\\',
    );
  });

  it('cannot become a heading, quote, list or numbered list at the start of a line', () => {
    expect(escapeMarkdown('# Not a heading')).toBe('\\# Not a heading');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('1. not numbered')).toBe('1\\. not numbered');
  });

  it('stays on one line and keeps ordinary punctuation readable', () => {
    expect(escapeMarkdown('Dr. Smith (GP) - 3 p.m.\nnext line')).toBe('Dr. Smith (GP) - 3 p.m. next line');
  });

  it('cannot spell an HTML entity', () => {
    expect(escapeMarkdown('R&D &amp; &#60;')).toBe('R&D \\&amp; \\&#60;');
  });
});

describe('user text in HTML', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
