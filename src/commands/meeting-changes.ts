import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { buildAgenda, type TimeCheck } from '../core/agenda.js';
import { changeTopic, moveMeeting, type MeetingMove, type TopicChange } from '../core/meeting-changes.js';
import { MEETING_MODES, TOPIC_KINDS } from '../core/model.js';
import { flag, minutes, oneOf, optionalText, readWith } from '../input/flags.js';
import { InputError } from '../input/input-error.js';
import { readMeetingTime, readTopicNumbers } from '../input/read.js';
import { UsageError } from '../errors.js';
import { renderAgenda } from '../ui/render/meetings.js';
import { formatDateTime, modeText } from '../ui/words.js';
import type { DateContext } from '../input/date-text.js';

export const meetingMoveFlags = (dates: DateContext) =>
  z
    .object({
      when: readWith((text) => readMeetingTime(text, dates)).optional(),
      length: minutes.optional(),
      mode: oneOf(MEETING_MODES).optional(),
    })
    .transform(({ length, ...rest }) => ({ ...rest, lengthMinutes: length }) satisfies MeetingMove);

/** One topic number, as agendas show them: "2" (not a range). */
function topicNumberOf(text: string): number {
  const numbers = readTopicNumbers([text]);
  if (numbers.length !== 1) throw new InputError(`"${text}" is several topics; give one number`);
  return numbers[0]!;
}
const topicNumber = readWith(topicNumberOf);

/** The topic argument: its problem named as the argument it is. */
function readTopicNumber(text: string): number {
  try {
    return topicNumberOf(text);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new UsageError(`topic: ${error.message}.`, error.hint);
  }
}

export const meetingTopicFlags = z
  .object({
    title: optionalText,
    // --no-minutes gives false: take the topic's minutes away.
    minutes: z.union([z.literal(false).transform(() => null), minutes]).optional(),
    kind: oneOf(TOPIC_KINDS).optional(),
    moveTo: topicNumber.optional(),
    remove: flag,
  })
  .refine(
    ({ remove, title, minutes: given, kind, moveTo }) =>
      !remove || [title, given, kind, moveTo].every((value) => value === undefined),
    { path: ['remove'], message: 'removes the topic; give it without --title, --minutes, --kind or --move-to' },
  )
  .transform((change) => change satisfies TopicChange);

export async function meetingMoveCommand(ctx: Context, id: string, raw: Record<string, unknown>): Promise<void> {
  const move = parseOptions(meetingMoveFlags(ctx.dates), raw);
  const { meeting, timeCheck, sameDay } = await ctx.store.update((journal) => moveMeeting(journal, id, move, ctx.now));
  if (sameDay)
    ctx.warn(
      `note: ${sameDay.id} is also planned that day (${formatDateTime(sameDay.when)}); cancel it if it is the same meeting.`,
    );
  warnIfOver(ctx, timeCheck);
  ctx.print(
    `Moved ${meeting.id}: ${formatDateTime(meeting.when)}, ${meeting.lengthMinutes} min, ${modeText(meeting.mode)}.`,
  );
}

export async function meetingTopicCommand(
  ctx: Context,
  id: string,
  topic: string,
  raw: Record<string, unknown>,
): Promise<void> {
  const change = parseOptions(meetingTopicFlags, raw);
  const number = readTopicNumber(topic);
  const { journal, changed } = await ctx.store.update((fresh) => ({
    journal: fresh,
    changed: changeTopic(fresh, id, number, change, ctx.now),
  }));
  warnIfOver(ctx, changed.timeCheck);
  ctx.print(renderAgenda(journal, buildAgenda(journal, changed.meeting), ctx));
  const what = change.remove ? `Removed topic ${number} ("${changed.topic.title}")` : `Changed topic ${number}`;
  ctx.print(`\n${what} of ${changed.meeting.id}.`);
}

function warnIfOver(ctx: Context, { overBy, plannedMinutes, lengthMinutes }: TimeCheck): void {
  if (overBy > 0)
    ctx.warn(
      ctx.errorStyle.yellow(
        `warning: the topics add up to ${plannedMinutes} min, ${overBy} over the ${lengthMinutes}-minute meeting. Trim or drop a topic to respect your mentor's time.`,
      ),
    );
}
