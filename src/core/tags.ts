/**
 * A tag is a `#word` written in any text: `#research`, `#wellbeing`, `#arcp`. It starts with a letter
 * (so "topic #2" is no tag) and runs over letters, digits, `-` and `_`; a `#` inside a word ("C#") is
 * not one. Tags are compared without case: `#Research` and `#research` are one tag, named in lower case.
 */
const TAG = /(?<![\p{L}\p{N}_#&])#(\p{L}[\p{L}\p{N}_-]*)/gu;

/** The tags written in `text`, in lower case, each once, in the order they first appear. */
export function tagsIn(text: string): string[] {
  const tags = new Set<string>();
  for (const match of text.matchAll(TAG)) tags.add(normalTag(match[1]!));
  return [...tags];
}

/** A tag as the user typed it for a filter (`--tag research`, `--tag '#Research'`), as tagsIn names it. */
export function normalTag(typed: string): string {
  return typed
    .trim()
    .replace(/^#/, '')
    .replace(/[-_]+$/, '')
    .toLowerCase();
}

/** Whether a name (as normalTag gives it) is one a `#word` could carry: "research", not "2" or "a b". */
export function isTagName(name: string): boolean {
  return TAG_NAME.test(name);
}

const TAG_NAME = /^\p{L}[\p{L}\p{N}_-]*$/u;

/**
 * Text for a place that shows tags apart (a portfolio's plain text): the tags at its end are left off,
 * and one inside a sentence loses its '#'. "Read up on #research methods #arcp" → "Read up on research
 * methods". Text that is nothing but tags keeps their words.
 */
export function withoutTagMarks(text: string): string {
  const body = text.replace(TRAILING_TAGS, '');
  return (body.trim() ? body : text).replace(TAG, '$1');
}

const TRAILING_TAGS = new RegExp(`(?:\\s*${TAG.source})+\\s*$`, 'u');
