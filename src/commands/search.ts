import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { TEXT_KINDS } from '../core/record-texts.js';
import { search } from '../core/search.js';
import { UsageError } from '../errors.js';
import { flag, oneOf, optionalText, readAllWith, readWith } from '../input/flags.js';
import type { DateContext } from '../input/date-text.js';
import { readPeriodEnd, readPeriodStart } from '../input/period.js';
import { readSearchTerms } from '../input/search-terms.js';
import { optionalTag } from '../input/tag.js';
import { renderSearch, searchJson } from '../ui/render/search.js';

/** `mentee search <words...>`: the words read into terms, the filters into the core's SearchFilter. */
export const searchFlags = (dates: DateContext) =>
  z
    .object({
      words: readAllWith(readSearchTerms),
      mentor: optionalText,
      since: readWith((text) => readPeriodStart(text, dates)).optional(),
      to: readWith((text) => readPeriodEnd(text, dates)).optional(),
      kind: oneOf(TEXT_KINDS).optional(),
      tag: optionalTag,
      includePrivate: flag,
      json: flag,
    })
    .transform(({ words, json, ...filter }) => {
      if (filter.since && filter.to && filter.since > filter.to)
        throw new UsageError('--since is after --to; nothing could match.');
      return { query: { terms: words }, filter, json };
    });

export async function searchCommand(ctx: Context, words: string[], raw: Record<string, unknown>): Promise<void> {
  const { query, filter, json } = parseOptions(searchFlags(ctx.dates), { ...raw, words });
  const journal = await ctx.store.read();
  const hits = search(journal, query, filter);
  if (json) return ctx.print(JSON.stringify(searchJson(hits), null, 2));
  ctx.print(renderSearch(journal, hits, query, ctx));
}
