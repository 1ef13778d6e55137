import { describe, expect, it } from 'vitest';
import { oneLine, safeForTerminal, withoutControls } from '../../src/core/text.js';
import { escapeHtml, escapeMarkdown } from '../../src/ui/export/escape.js';
import { escapeXml } from '../../src/ui/export/timeline-svg.js';
import { renderActionList } from '../../src/ui/render/actions.js';
import { plainStyle } from '../../src/ui/style.js';
import { action, journal, NOW } from '../core/fixtures.js';

const BIDI = '\u202e'; // right-to-left override: would show "txt.exe" as "exe.txt"
const C1 = '\u009b'; // a one-character escape sequence introducer on some terminals

describe('control characters in user text', () => {
  it('are the same characters wherever text is cleaned: input, terminal, lists, Markdown, HTML and the timeline picture', () => {
    const nasty = `A${BIDI}B${C1}C\u0007D\u001b[2JE`;
    expect(withoutControls(nasty)).toBe('ABCD[2JE');
    expect(safeForTerminal(nasty)).toBe('ABCD[2JE');
    expect(oneLine(nasty)).toBe('ABCD[2JE');
    expect(escapeMarkdown(nasty)).toBe('ABCD[2JE');
    expect(escapeHtml(nasty)).toBe('ABCD[2JE');
    expect(escapeXml(nasty)).toBe('ABCD[2JE');
  });

  it('keep newlines and tabs as text, except on one line, where each run of them is one space', () => {
    expect(withoutControls('a\n\tb')).toBe('a\n\tb');
    expect(oneLine('first line\r\n\r\nsecond\tline')).toBe('first line second line');
    expect(escapeMarkdown('first\nsecond')).toBe('first second');
  });

  it('keep colour codes on a terminal, and only those', () => {
    expect(safeForTerminal('\u001b[31mred\u001b[39m\u001b]0;title\u0007')).toBe('\u001b[31mred\u001b[39m]0;title');
  });

  it('cannot reverse or hide part of an action list through a pipe', () => {
    const j = journal();
    action(j, { title: 'Email the lead' });
    j.actions[0]!.title = `Email ${BIDI}the lead${C1}`;
    const listed = renderActionList(j, j.actions, { now: NOW, style: plainStyle });
    expect(listed).toContain('Email the lead');
    expect(listed).not.toMatch(/[\u202e\u009b]/);
  });
});
