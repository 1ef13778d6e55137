import { InputError } from './input-error.js';
import { wordsOf } from '../core/search.js';

// Typographic quotes, as a phone or a word processor types them, are quotes too.
const QUOTES = /[\u201c\u201d\u201e\u00ab\u00bb]/g;

/**
 * The terms of `mentee search <words...>`: each word, or each phrase whose words must follow one
 * another. A phrase is an argument that holds spaces (the shell passed `"talk to a GP"` as one) or
 * words between double quotes, within one argument (`'"talk to" GP'`) or across several (`'"talk' 'to"'`).
 * A quote left open runs to the end.
 */
export function readSearchTerms(args: readonly string[]): string[] {
  const terms: string[] = [];
  let phrase: string[] | undefined;
  for (const arg of args) {
    const parts = arg.replace(QUOTES, '"').split('"');
    parts.forEach((part, index) => {
      if (index > 0) {
        if (phrase) terms.push(phrase.join(' '));
        phrase = phrase ? undefined : [];
      }
      if (phrase) phrase.push(part);
      else if (parts.length === 1) terms.push(part);
      else terms.push(...part.split(/\s+/));
    });
  }
  if (phrase) terms.push(phrase.join(' '));
  // No words at all is for the command to judge: `search --tag arcp` lists every text tagged #arcp.
  const words = terms.filter((term) => wordsOf(term).length);
  if (!words.length && args.some((arg) => arg.trim()))
    throw new InputError('give at least one word to look for', 'Try: mentee search research');
  return words;
}
