import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { recordTexts } from '../core/record-texts.js';
import { tagUses } from '../core/record-texts.js';
import { flag } from '../input/flags.js';
import { renderTags, tagsJson } from '../ui/render/tags.js';

const tagsFlags = z.object({ includePrivate: flag, json: flag });

/** `mentee tags`: every #tag written, how often and when last, most used first. */
export async function tagsCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const { includePrivate, json } = parseOptions(tagsFlags, raw);
  const journal = await ctx.store.read();
  const uses = tagUses(recordTexts(journal, includePrivate));
  if (json) return ctx.print(JSON.stringify(tagsJson(uses), null, 2));
  ctx.print(renderTags(uses, ctx));
}
