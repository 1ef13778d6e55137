import { toDay } from '../../core/dates.js';
import type { TagUse } from '../../core/record-texts.js';
import type { TagsJson } from '../json-shapes.js';
import { count, relativeDay } from '../words.js';
import { columns } from './layout.js';
import type { RenderOptions } from './options.js';

export function tagsJson(uses: TagUse[]): TagsJson {
  return { tags: uses.map(({ tag, count, lastUsed }) => ({ tag, count, lastUsed: toDay(new Date(lastUsed)) })) };
}

/** One tag a line: the tag, how many texts carry it, the day it was last written. */
export function renderTags(uses: TagUse[], { now, style }: RenderOptions): string {
  if (!uses.length)
    return 'No tags yet. Write a #word in any text to tag it, e.g. mentee log --advice "Start an audit #research"';
  return columns(
    uses.map((use) => [
      style.bold(`#${use.tag}`),
      count(use.count, 'mention'),
      style.dim(`last ${relativeDay(new Date(use.lastUsed), now)}`),
    ]),
  ).join('\n');
}
