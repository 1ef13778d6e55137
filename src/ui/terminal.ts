import { safeForTerminal } from '../core/text.js';

/** On a terminal, text from the journal cannot smuggle control sequences; through a pipe it is data, passed as is. */
export function writeLine(stream: { write(text: string): unknown; isTTY?: boolean }, text: string): void {
  stream.write(`${stream.isTTY ? safeForTerminal(text) : text}\n`);
}
