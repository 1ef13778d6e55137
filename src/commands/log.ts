import type { Context } from '../cli/context.js';
import { parseOptions } from '../cli/options.js';
import { dueText, formatDateTime } from '../core/dates.js';
import { LogInput } from '../core/inputs.js';
import { logMeeting } from '../core/meetings.js';
import { withoutPrivate } from '../core/privacy.js';
import { count } from '../ui/render/layout.js';

export async function logCommand(
  ctx: Context,
  meetingId: string | undefined,
  raw: Record<string, unknown>,
): Promise<void> {
  const input = parseOptions(LogInput, { ...raw, meeting: meetingId });
  const { meeting, actions, nextMeeting, mentorName } = await ctx.store.update((journal) => {
    const result = logMeeting(journal, input, ctx.now);
    const mentorName = journal.mentors.find((mentor) => mentor.handle === result.meeting.mentor)!.name;
    return { ...result, mentorName };
  });
  if (raw.json) {
    return ctx.print(
      JSON.stringify({ meeting: withoutPrivate(meeting), actions, nextMeeting: nextMeeting ?? null }, null, 2),
    );
  }
  const topics = meeting.prep?.topics ?? [];
  const outcomes = (outcome: string) => topics.filter((topic) => topic.outcome === outcome).length;
  const log = meeting.log!;
  const saved = [
    topics.length ? `${count(outcomes('covered'), 'topic')} covered, ${outcomes('parked')} parked` : '',
    log.advice.length ? count(log.advice.length, 'piece of advice', 'pieces of advice') : '',
    log.decisions.length ? count(log.decisions.length, 'decision') : '',
    log.privateReflection ? 'a private reflection (never shared)' : '',
  ].filter(Boolean);
  ctx.print(
    `Logged ${meeting.id} with ${mentorName} on ${formatDateTime(meeting.when)}${saved.length ? `: ${saved.join(', ')}` : ''}.`,
  );
  for (const action of actions) {
    const who = action.owner === 'mentor' ? `${mentorName} offered` : 'You will';
    ctx.print(`  ${action.id}  ${who}: ${action.title}${action.due ? ` (${dueText(action.due, ctx.now)})` : ''}`);
  }
  if (nextMeeting)
    ctx.print(
      `Next meeting: ${formatDateTime(nextMeeting.when)} (${nextMeeting.id}). Prepare it with: mentee prep --meeting ${nextMeeting.id}`,
    );
}
