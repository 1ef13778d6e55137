import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { TEXT_KINDS } from '../core/record-texts.js';
import { search } from '../core/search.js';
import { UsageError } from '../errors.js';
import { flag, limit, oneOf, optionalText, readAllWith } from '../input/flags.js';
import type { DateContext } from '../input/date-text.js';
import { periodEndFlag, periodStartFlag } from '../input/period.js';
import { readSearchTerms } from '../input/search-terms.js';
import { optionalTag } from '../input/tag.js';
import { renderSearch, searchJson } from '../ui/render/search.js';

/** How many results a search shows on its own: the newest, with a line saying how to see the rest. */
const SHOWN_BY_DEFAULT = 20;

/** `mentee search <words...>`: the words read into terms, the filters into the core's SearchFilter. */
export const searchFlags = (dates: DateContext) =>
  z
    .object({
      words: readAllWith(readSearchTerms),
      mentor: optionalText,
      since: periodStartFlag(dates),
      to: periodEndFlag(dates),
      kind: oneOf(TEXT_KINDS).optional(),
      tag: optionalTag,
      includePrivate: flag,
      json: flag,
      limit: limit.optional(),
    })
    .transform(({ words, json, limit, ...filter }) => {
      if (!words.length && !filter.tag)
        throw new UsageError('words: give at least one word to look for, or a --tag.', 'Try: mentee search research');
      if (filter.since && filter.to && filter.since > filter.to)
        throw new UsageError('--since is after --to; nothing could match.');
      return { query: { terms: words }, filter, json, limit };
    });

export async function searchCommand(ctx: Context, words: string[], raw: Record<string, unknown>): Promise<void> {
  const { query, filter, json, limit } = parseOptions(searchFlags(ctx.dates), { ...raw, words });
  const journal = await ctx.store.read();
  const hits = search(journal, query, filter);
  // A script gets every result unless it asks for fewer; a person the newest screenful, and how to see more.
  if (json) return ctx.print(JSON.stringify(searchJson(hits.slice(0, limit)), null, 2));
  ctx.print(renderSearch(journal, hits, query, ctx, limit ?? SHOWN_BY_DEFAULT));
}
