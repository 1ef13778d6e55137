/** User text made safe for the formats mentee writes; a layout never sees text that can change its structure. */
import { oneLine, withoutControls } from '../../core/text.js';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** User text inside HTML: the five special characters escaped, and no control characters, as in Markdown. */
export function escapeHtml(text: string): string {
  return withoutControls(text).replace(/[&<>"']/g, (character) => HTML_ENTITIES[character]!);
}

/**
 * User text inside Markdown, on one line: characters that would start emphasis, code, links, HTML,
 * tables or strike-through are backslash-escaped anywhere (CommonMark allows that before any ASCII
 * punctuation), and those that only mean something at the start of a line (headings, quotes, lists)
 * are escaped there. Full stops, hyphens and brackets inside a sentence stay readable as plain text.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
