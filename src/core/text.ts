/**
 * Control characters (other than newline and tab), C1 controls and bidirectional overrides are never
 * meant as text, and printed raw they can retitle or clear a terminal or disguise what a line says.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function withoutControls(text: string): string {
  return text.replace(UNSAFE, '');
}

/** For a terminal: the same characters removed, but colour codes (SGR sequences) kept. */
export function safeForTerminal(text: string): string {
  return text.replace(/(\u001b\[[0-9;]*m)|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '$1');
}
