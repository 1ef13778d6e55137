/** User text made safe for the formats mentee writes; a layout never sees text that can change its structure. */
import { oneLine, withoutControls } from '../../core/text.js';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** User text inside HTML: the five special characters escaped, and no control characters, as in Markdown. */
export function escapeHtml(text: string): string {
  return withoutControls(text).replace(/[&<>"']/g, (character) => HTML_ENTITIES[character]!);
}

/**
 * User text inside Markdown (CommonMark with GitHub's tables and strike-through), on one line: a
 * backslash goes only where a character would really change the rendering, so text pasted into an email
 * keeps no stray ones. The text may land at the start of a line or list item, in a table cell or
 * between template markup (`**…**`), so its edges are treated as next to anything.
 */
export function escapeMarkdown(text: string): string {
  const line = oneLine(text).trim();
  // Most text has none of the characters needsEscape looks at: then only the start of the line can need one.
  if (!MAY_NEED_ESCAPE.test(line)) return escapeLineStart(line);
  const chars = Array.from(line);
  const out = chars.map((char, index) => (needsEscape(chars, index, line) ? `\\${char}` : char)).join('');
  return escapeLineStart(out);
}

const SPACE = /\s/;
/** Every character needsEscape may escape. */
const MAY_NEED_ESCAPE = /[|`\\*_~<&[]/;
const WORD = /[\p{L}\p{N}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

function needsEscape(chars: string[], index: number, line: string): boolean {
  const [before, char, after] = [chars[index - 1], chars[index]!, chars[index + 1]];
  const spaced = (c: string | undefined) => c !== undefined && SPACE.test(c);
  const word = (c: string | undefined) => c !== undefined && WORD.test(c);
  switch (char) {
    // A table cell ends at any pipe; GitHub reads `\|` as a pipe there.
    case '|':
    case '`':
      return true;
    // Only before punctuation (an escape) or at the end (next to the layout's own characters).
    case '\\':
      return after === undefined || ASCII_PUNCTUATION.test(after);
    // Emphasis needs a delimiter that touches text: "2 * 3" and snake_case stay as they are.
    case '*':
      return !(spaced(before) && spaced(after));
    case '_':
      return !(spaced(before) && spaced(after)) && !(word(before) && word(after));
    // Strike-through needs a closing tilde, which follows text: "about ~5 minutes" stays.
    case '~':
      return !spaced(before) && index > 0;
    // Raw HTML and autolinks: "<" then a letter, "/", "!" or "?"; "a < b" stays.
    case '<':
      return after === undefined || /[A-Za-z/!?]/.test(after);
    case '&':
      return /^&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/.test(line.slice(lineOffset(chars, index)));
    // A link or image needs "](", "][" or a definition; "see [1]" stays.
    case '[':
      return index === 0 || /\](?:[([:]|$)/.test(line.slice(lineOffset(chars, index)));
    default:
      return false;
  }
}

/** Where chars[index] starts in the string (chars are code points, the string is UTF-16). */
function lineOffset(chars: string[], index: number): number {
  return chars.slice(0, index).join('').length;
}

/** What means something only at the start of a line: headings, quotes, list markers, rules, underlines. */
function escapeLineStart(text: string): string {
  return text
    .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
    .replace(/^>/, '\\>')
    .replace(/^([-+*])(?=\s|$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    .replace(/^([-=])(?=[-=\s]*$)/, '\\$1');
}
