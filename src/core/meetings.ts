import { UsageError, UserError } from '../errors.js';
import { daysUntil } from './dates.js';
import { takeId } from './ids.js';
import { findMeeting, findMentor, soleActiveMentor } from './refs.js';
import type { Journal, Meeting, Mentor, Prep } from './schema.js';
import { byWhen } from './order.js';

export const DEFAULT_MEETING_MINUTES = 30;

export function chooseMentor(journal: Journal, ref: string | undefined, command: string): Mentor {
  if (ref) return findMentor(journal, ref);
  const sole = soleActiveMentor(journal);
  if (sole) return sole;
  const active = journal.mentors.filter((mentor) => mentor.status === 'active');
  if (!active.length) {
    throw new UserError('You have no active mentor yet.', {
      hint: 'Add one with: mentee mentor add "Dr Ada Lovelace"',
    });
  }
  throw new UsageError(
    `Which mentor? Give --mentor: ${active.map((mentor) => mentor.handle).join(', ')}.`,
    `e.g. mentee ${command} --mentor ${active[0]!.handle}`,
  );
}

export function createMeeting(
  journal: Journal,
  mentor: Mentor,
  when: Date,
  status: Meeting['status'],
  now: Date,
): Meeting {
  const at = now.toISOString();
  const meeting: Meeting = {
    id: takeId(journal, 'm'),
    mentor: mentor.handle,
    when: when.toISOString(),
    lengthMinutes: mentor.lengthMinutes ?? DEFAULT_MEETING_MINUTES,
    mode: usualMode(journal, mentor.handle),
    status,
    createdAt: at,
    updatedAt: at,
  };
  journal.meetings.push(meeting);
  return meeting;
}

/** How you usually meet this mentor: the way the latest meeting with them was (or will be) held. */
export function usualMode(journal: Journal, mentorHandle: string): Meeting['mode'] {
  const latest = journal.meetings
    .filter((meeting) => meeting.mentor === mentorHandle && meeting.status !== 'cancelled')
    .sort(byWhen)
    .at(-1);
  return latest?.mode ?? 'in-person';
}

export function emptyPrep(): Prep {
  return { topics: [], goals: [], review: [], reflections: [] };
}

/** The mentor's meeting on the same calendar day as `when` (planned, or also held ones), other than `except`. */
export function meetingOnSameDay(
  journal: Journal,
  mentorHandle: string,
  when: Date,
  statuses: Meeting['status'][],
  except?: Meeting,
): Meeting | undefined {
  return journal.meetings.find(
    (meeting) =>
      meeting !== except &&
      meeting.mentor === mentorHandle &&
      statuses.includes(meeting.status) &&
      daysUntil(new Date(meeting.when), when) === 0,
  );
}

/** The soonest planned meeting that has not ended yet, optionally with one mentor; ended mentorships are left out. */
export function nextPlannedMeeting(journal: Journal, now: Date, mentorHandle?: string): Meeting | undefined {
  const ended = new Set(journal.mentors.filter((mentor) => mentor.status === 'ended').map((mentor) => mentor.handle));
  return journal.meetings
    .filter(
      (meeting) =>
        meeting.status === 'planned' && (mentorHandle ? meeting.mentor === mentorHandle : !ended.has(meeting.mentor)),
    )
    .filter((meeting) => Date.parse(meeting.when) + meeting.lengthMinutes * 60_000 >= now.getTime())
    .sort(byWhen)[0];
}

export function lastHeldMeeting(journal: Journal, mentorHandle: string): Meeting | undefined {
  return journal.meetings
    .filter((meeting) => meeting.mentor === mentorHandle && meeting.status === 'held')
    .sort(byWhen)
    .at(-1);
}

/** The most recent planned meeting that has started and has no log yet. */
export function meetingAwaitingLog(journal: Journal, now: Date): Meeting | undefined {
  const ended = new Set(journal.mentors.filter((mentor) => mentor.status === 'ended').map((mentor) => mentor.handle));
  return journal.meetings
    .filter(
      (meeting) =>
        meeting.status === 'planned' && !meeting.log && new Date(meeting.when) <= now && !ended.has(meeting.mentor),
    )
    .sort(byWhen)
    .at(-1);
}

export function cancelMeeting(journal: Journal, id: string, now: Date): Meeting {
  const meeting = findMeeting(journal, id);
  if (meeting.status !== 'planned')
    throw new UserError(`${meeting.id} is ${meeting.status}; only a planned meeting can be cancelled.`);
  meeting.status = 'cancelled';
  meeting.updatedAt = now.toISOString();
  return meeting;
}

/** An agenda is prepared once it says what the mentee wants or what they will bring. */
export function isPrepared(meeting: Meeting): boolean {
  return Boolean(meeting.prep && (meeting.prep.intention || meeting.prep.topics.length));
}
