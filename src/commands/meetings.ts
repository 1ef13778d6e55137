import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { flag, optionalText } from '../input/flags.js';
import { optionalTag } from '../input/tag.js';
import { recordsTagged } from '../core/record-texts.js';
import { cancelMeeting } from '../core/meetings.js';
import { withoutPrivate } from '../core/privacy.js';
import { mentorScope } from '../core/mentor-scope.js';
import { findMentor } from '../core/refs.js';
import { renderMeetingList } from '../ui/render/meetings.js';
import { byWhen } from '../core/order.js';
import { noteFlags } from './common-flags.js';

const meetingListFlags = z.object({ mentor: optionalText, tag: optionalTag, json: flag });

export async function meetingListCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const { mentor, tag, json } = parseOptions(meetingListFlags, raw);
  const journal = await ctx.store.read();
  const concerns = mentorScope(mentor ? findMentor(journal, mentor).handle : undefined);
  const tagged = tag ? recordsTagged(journal, tag) : undefined;
  const meetings = journal.meetings
    .filter((meeting) => concerns.meeting(meeting) && (!tagged || tagged.has(meeting.id)))
    .sort(byWhen);
  if (json) return ctx.print(JSON.stringify({ meetings: meetings.map(withoutPrivate) }, null, 2));
  ctx.print(renderMeetingList(journal, meetings, ctx));
}

export async function meetingCancelCommand(ctx: Context, id: string, raw: Record<string, unknown> = {}): Promise<void> {
  const { note } = parseOptions(noteFlags, raw);
  const meeting = await ctx.store.update((journal) => cancelMeeting(journal, id, ctx.now, note));
  ctx.print(`Cancelled ${meeting.id}${note ? ', with your reason' : ''}. Its agenda stays in your journal.`);
}
