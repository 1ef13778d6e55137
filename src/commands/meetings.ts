import type { Context } from '../cli/context.js';
import { cancelMeeting } from '../core/meetings.js';
import { withoutPrivate } from '../core/privacy.js';
import { findMentor } from '../core/refs.js';
import { renderMeetingList } from '../ui/render/meetings.js';
import { byWhen } from '../core/order.js';

export async function meetingListCommand(ctx: Context, raw: { mentor?: string; json?: boolean }): Promise<void> {
  const journal = await ctx.store.read();
  const handle = raw.mentor ? findMentor(journal, raw.mentor).handle : undefined;
  const meetings = journal.meetings.filter((meeting) => !handle || meeting.mentor === handle).sort(byWhen);
  if (raw.json) return ctx.print(JSON.stringify({ meetings: meetings.map(withoutPrivate) }, null, 2));
  ctx.print(renderMeetingList(journal, meetings, ctx));
}

export async function meetingCancelCommand(ctx: Context, id: string): Promise<void> {
  const meeting = await ctx.store.update((journal) => cancelMeeting(journal, id, ctx.now));
  ctx.print(`Cancelled ${meeting.id}. Its agenda stays in your journal.`);
}
