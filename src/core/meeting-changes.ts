/**
 * Changes to a planned meeting short of preparing it again: moving it (time, length, mode) and
 * changing one topic of its agenda (rename, re-time, re-kind, reorder, remove). Only a planned meeting
 * changes this way; what happened at a held one is amended through its notes.
 */
import { timeCheck, type TimeCheck } from './agenda.js';
import { meetingOnSameDay } from './meetings.js';
import type { MEETING_MODES, TOPIC_KINDS } from './model.js';
import { sameTopic } from './prep.js';
import { refuse } from './problems.js';
import { findMeeting } from './refs.js';
import type { Journal, Meeting, Topic } from './schema.js';

export interface MeetingMove {
  when?: Date | undefined;
  lengthMinutes?: number | undefined;
  mode?: (typeof MEETING_MODES)[number] | undefined;
}

export interface TopicChange {
  title?: string | undefined;
  /** Minutes for the topic; null takes its minutes away. */
  minutes?: number | null | undefined;
  kind?: (typeof TOPIC_KINDS)[number] | undefined;
  /** The topic's new place on the agenda, 1-based. */
  moveTo?: number | undefined;
  remove?: boolean | undefined;
}

export interface MeetingChanged {
  meeting: Meeting;
  /** Whether the topics still fit the meeting, after the change. */
  timeCheck: TimeCheck;
  /** Another planned meeting with the same mentor on the new day, which the person may not have meant. */
  sameDay?: Meeting | undefined;
}

/** Reschedules a planned meeting, or changes its length or mode. */
export function moveMeeting(journal: Journal, id: string, change: MeetingMove, now: Date): MeetingChanged {
  const meeting = plannedMeeting(journal, id, 'move');
  if (change.when === undefined && change.lengthMinutes === undefined && change.mode === undefined)
    refuse({ code: 'meeting-change-empty', id: meeting.id, of: 'meeting' });
  const sameDay = change.when
    ? meetingOnSameDay(journal, meeting.mentor, change.when, ['planned'], meeting)
    : undefined;
  if (change.when) meeting.when = change.when.toISOString();
  if (change.lengthMinutes !== undefined) meeting.lengthMinutes = change.lengthMinutes;
  if (change.mode) meeting.mode = change.mode;
  meeting.updatedAt = now.toISOString();
  return { meeting, timeCheck: timeCheck(meeting.prep?.topics ?? [], meeting.lengthMinutes), sameDay };
}

/** Changes topic `number` (1-based, as agendas show them) of a planned meeting. */
export function changeTopic(
  journal: Journal,
  id: string,
  number: number,
  change: TopicChange,
  now: Date,
): MeetingChanged & { topic: Topic } {
  const meeting = plannedMeeting(journal, id, 'topics');
  const topics = meeting.prep?.topics ?? [];
  const topic = topics[number - 1];
  if (!topic) return refuse({ code: 'topic-not-found', id: meeting.id, number, count: topics.length, as: 'topic' });
  const { remove, moveTo, title, minutes, kind } = change;
  if (!remove && moveTo === undefined && title === undefined && minutes === undefined && kind === undefined)
    refuse({ code: 'meeting-change-empty', id: meeting.id, of: 'topic' });
  if (moveTo !== undefined && (moveTo < 1 || moveTo > topics.length))
    refuse({ code: 'topic-not-found', id: meeting.id, number: moveTo, count: topics.length, as: 'position' });
  if (title !== undefined) {
    const other = topics.findIndex((each) => each !== topic && sameTopic(each.title, title));
    if (other !== -1)
      refuse({ code: 'topic-title-taken', id: meeting.id, title: topics[other]!.title, number: other + 1 });
    topic.title = title;
  }
  if (minutes === null) delete topic.minutes;
  else if (minutes !== undefined) topic.minutes = minutes;
  if (kind) topic.kind = kind;
  topics.splice(number - 1, 1);
  if (!remove) topics.splice((moveTo ?? number) - 1, 0, topic);
  meeting.updatedAt = now.toISOString();
  return { meeting, topic, timeCheck: timeCheck(topics, meeting.lengthMinutes) };
}

function plannedMeeting(journal: Journal, id: string, change: 'move' | 'topics'): Meeting {
  const meeting = findMeeting(journal, id);
  if (meeting.status === 'planned') return meeting;
  if (change === 'move')
    return refuse({ code: 'meeting-not-planned', id: meeting.id, status: meeting.status, change: 'move' });
  return refuse({ code: 'meeting-topics-fixed', id: meeting.id, status: meeting.status });
}
