import { daysUntil } from './dates.js';
import { newUid, takeId } from './ids.js';
import { DEFAULT_MEETING_MINUTES } from './model.js';
import { byWhen } from './order.js';
import { refuse } from './problems.js';
import { findMeeting, findMentor, soleActiveMentor } from './refs.js';
import type { Journal, Meeting, Mentor, Prep } from './schema.js';
import { changeStatus, MEETING_MACHINE } from './transitions.js';

/** Mentors whose mentoring has ended: no nudges, no default choices, their plans no longer "next". */
export function endedMentors(journal: Journal): Set<string> {
  return new Set(journal.mentors.filter((mentor) => mentor.status === 'ended').map((mentor) => mentor.handle));
}

/**
 * The mentor meant by a command or a wizard: the one named; else the only active one; else a choice
 * among those whose mentoring has not ended (active first, then paused), which a wizard asks and a
 * command refuses. No mentor to choose from at all is refused.
 */
export function whichMentor(journal: Journal, ref: string | undefined): { mentor: Mentor } | { choices: Mentor[] } {
  if (ref) return { mentor: findMentor(journal, ref) };
  const sole = soleActiveMentor(journal);
  if (sole) return { mentor: sole };
  const choices = [
    ...journal.mentors.filter((mentor) => mentor.status === 'active'),
    ...journal.mentors.filter((mentor) => mentor.status === 'paused'),
  ];
  if (!choices.length) refuse({ code: 'no-active-mentor' });
  return { choices };
}

/** The mentor meant, when there is no one to ask. */
export function chooseMentor(journal: Journal, ref: string | undefined): Mentor {
  const meant = whichMentor(journal, ref);
  if ('mentor' in meant) return meant.mentor;
  return refuse({ code: 'mentor-needed', active: meant.choices.map((mentor) => mentor.handle) });
}

/** A new meeting with a mentor, on their usual terms (see usualMeeting) until told otherwise. */
export function createMeeting(
  journal: Journal,
  mentor: Mentor,
  when: Date,
  status: Meeting['status'],
  now: Date,
  usualLength?: number,
): Meeting {
  const at = now.toISOString();
  const meeting: Meeting = {
    id: takeId(journal, 'm'),
    uid: newUid(),
    mentor: mentor.handle,
    when: when.toISOString(),
    ...usualMeeting(journal, mentor, usualLength),
    status,
    createdAt: at,
    updatedAt: at,
  };
  journal.meetings.push(meeting);
  return meeting;
}

/**
 * How you usually meet a mentor: every default for a new meeting comes from here (prep with flags or
 * guided, the next meeting planned when logging one, a meeting logged that was never planned). The
 * length is the mentor's own, else the user's usual (the meetingLength setting), else 30 minutes; the mode is the one most of your held meetings with them had, so one
 * video call does not make every next meeting a video call.
 */
export function usualMeeting(
  journal: Journal,
  mentor: Mentor,
  usualLength = DEFAULT_MEETING_MINUTES,
): Pick<Meeting, 'lengthMinutes' | 'mode'> {
  return { lengthMinutes: mentor.lengthMinutes ?? usualLength, mode: usualMode(journal, mentor.handle) };
}

/**
 * The way most meetings held with this mentor were, the latest of equally common ways winning; with
 * none held yet, the way the latest one planned will be; in person when there is none at all.
 */
export function usualMode(journal: Journal, mentorHandle: string): Meeting['mode'] {
  const theirs = journal.meetings
    .filter((meeting) => meeting.mentor === mentorHandle && meeting.status !== 'cancelled')
    .sort(byWhen);
  const held = theirs.filter((meeting) => meeting.status === 'held');
  if (!held.length) return theirs.at(-1)?.mode ?? 'in-person';
  const counts = new Map<Meeting['mode'], number>();
  let usual = held[0]!.mode;
  // Oldest first, so a later mode reaching the same count takes the lead.
  for (const { mode } of held) {
    const count = (counts.get(mode) ?? 0) + 1;
    counts.set(mode, count);
    if (count >= counts.get(usual)!) usual = mode;
  }
  return usual;
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
  return plannedMeetingsAhead(journal, now, mentorHandle)[0];
}

/** Planned meetings that have not ended yet, soonest first, optionally with one mentor; ended mentorships are left out. */
export function plannedMeetingsAhead(journal: Journal, now: Date, mentorHandle?: string): Meeting[] {
  const ended = endedMentors(journal);
  return journal.meetings
    .filter(
      (meeting) =>
        meeting.status === 'planned' && (mentorHandle ? meeting.mentor === mentorHandle : !ended.has(meeting.mentor)),
    )
    .filter((meeting) => Date.parse(meeting.when) + meeting.lengthMinutes * 60_000 >= now.getTime())
    .sort(byWhen);
}

/** Meetings held with a mentor, oldest first. */
export function heldMeetings(journal: Journal, mentorHandle: string): Meeting[] {
  return journal.meetings
    .filter((meeting) => meeting.mentor === mentorHandle && meeting.status === 'held')
    .sort(byWhen);
}

/** The last meeting held with a mentor, or the last held before `before` (a meeting, never itself). */
export function lastHeldMeeting(journal: Journal, mentorHandle: string, before?: Meeting): Meeting | undefined {
  return lastHeldOf(heldMeetings(journal, mentorHandle), before);
}

/** The last meeting with a mentor that has taken place by `now`: held, or planned, started and not yet logged. */
export function lastMeetingHappened(journal: Journal, mentorHandle: string, now: Date): Meeting | undefined {
  const held = lastHeldMeeting(journal, mentorHandle);
  const unlogged = meetingsToLog(journal, now)
    .filter((meeting) => meeting.mentor === mentorHandle && Date.parse(meeting.when) <= now.getTime())
    .at(-1);
  if (!held || !unlogged) return held ?? unlogged;
  return Date.parse(unlogged.when) > Date.parse(held.when) ? unlogged : held;
}

/** The same, from a mentor's held meetings already sorted (an index of them, for long exports). */
export function lastHeldOf(held: Meeting[], before?: Meeting): Meeting | undefined {
  if (!before) return held.at(-1);
  const time = Date.parse(before.when);
  let low = 0;
  let high = held.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (Date.parse(held[middle]!.when) < time) low = middle + 1;
    else high = middle;
  }
  return held[low - 1];
}

/** Planned meetings that can have notes now (see hasHappened) and have none, oldest first; ended mentorships left out. */
export function meetingsToLog(journal: Journal, now: Date): Meeting[] {
  const ended = endedMentors(journal);
  return journal.meetings
    .filter(
      (meeting) =>
        meeting.status === 'planned' && !meeting.log && hasHappened(meeting.when, now) && !ended.has(meeting.mentor),
    )
    .sort(byWhen);
}

/** The most recent planned meeting that has started and has no notes yet: what `log` means by default. */
export function meetingAwaitingLog(journal: Journal, now: Date): Meeting | undefined {
  return meetingsToLog(journal, now)
    .filter((meeting) => Date.parse(meeting.when) <= now.getTime())
    .at(-1);
}

const LOG_EARLY_SLACK_MS = 60 * 60_000;

/** Whether a meeting at `when` can have notes yet: it has started (give or take an hour's slack). */
export function hasHappened(when: string | Date, now: Date): boolean {
  return new Date(when).getTime() <= now.getTime() + LOG_EARLY_SLACK_MS;
}

/** Cancels a planned meeting (see MEETING_MACHINE), keeping its agenda and the reason given. */
export function cancelMeeting(journal: Journal, id: string, now: Date, note?: string): Meeting {
  const meeting = findMeeting(journal, id);
  changeStatus(MEETING_MACHINE, journal, meeting, 'cancelled', now);
  if (note) meeting.cancelNote = note;
  return meeting;
}

/** An agenda is prepared once it says what the mentee wants or what they will bring. */
export function isPrepared(meeting: Meeting): boolean {
  return Boolean(meeting.prep && (meeting.prep.intention || meeting.prep.topics.length));
}
