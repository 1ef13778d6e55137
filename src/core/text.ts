/**
 * Control characters (other than newline and tab), C1 controls and bidirectional overrides are never
 * meant as text, and printed raw they can retitle or clear a terminal or disguise what a line says.
 * The one list of them: input, the terminal, lists and exports all strip these.
 */
const CONTROLS = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069';

const UNSAFE = new RegExp(`[${CONTROLS}]`, 'g');
/** The same, but a colour code (an SGR sequence) is matched whole first, and so kept. */
const UNSAFE_BUT_COLOUR = new RegExp(`(\\u001b\\[[0-9;]*m)|[${CONTROLS}]`, 'g');

export function withoutControls(text: string): string {
  return text.replace(UNSAFE, '');
}

/** For a terminal: the same characters removed, but colour codes (SGR sequences) kept. */
export function safeForTerminal(text: string): string {
  return text.replace(UNSAFE_BUT_COLOUR, '$1');
}

/** Text kept on one line (in lists, table cells, a Markdown line): each run of line breaks and tabs is a space. */
export function oneLine(text: string): string {
  return withoutControls(text.replace(/[\r\n\t]+/g, ' '));
}
