import { isTagName, normalTag } from '../core/tags.js';
import { readWith } from './flags.js';
import { InputError } from './input-error.js';

/** A tag typed for a filter, with or without its `#`, in any case: "research", "#ARCP". */
export function readTag(typed: string): string {
  const tag = normalTag(typed);
  if (!isTagName(tag))
    throw new InputError(
      `"${typed.trim()}" is not a tag: a tag is one word of letters, digits, - and _, starting with a letter, like research or #wellbeing`,
    );
  return tag;
}

/** `--tag <tag>`: only records that have it (see recordsTagged in core/record-texts.ts). */
export const optionalTag = readWith(readTag).optional();
