import { createAction } from './actions.js';
import type { LogInput } from './inputs.js';
import {
  chooseMentor,
  createMeeting,
  emptyPrep,
  hasHappened,
  meetingAwaitingLog,
  meetingOnSameDay,
} from './meetings.js';
import { addTopic } from './prep.js';
import { refuse } from './problems.js';
import { findMeeting, findMentor } from './refs.js';
import type { Action, Journal, Meeting } from './schema.js';

export interface LogResult {
  meeting: Meeting;
  actions: Action[];
  nextMeeting?: Meeting | undefined;
}

/** Records what happened at a meeting: outcomes per topic, advice, decisions, the action plan, next date. */
export function logMeeting(journal: Journal, input: LogInput, now: Date): LogResult {
  const meeting = meetingToLog(journal, input, now);
  assertLoggable(meeting, input.amend, now);
  const mentor = findMentor(journal, meeting.mentor);
  if (input.lengthMinutes) meeting.lengthMinutes = input.lengthMinutes;
  if (input.mode) meeting.mode = input.mode;
  const prep = meeting.prep ?? emptyPrep();
  for (const topic of input.topics) addTopic(prep.topics, topic);
  for (const { number, outcome, note } of input.outcomes) {
    const topic =
      prep.topics[number - 1] ?? refuse({ code: 'no-such-topic', number, count: prep.topics.length, outcome });
    topic.outcome = outcome;
    if (note) topic.outcomeNote = note;
  }
  if (prep.topics.length || meeting.prep) meeting.prep = prep;

  const log = meeting.log ?? { advice: [], feedback: [], decisions: [], challenged: [], loggedAt: now.toISOString() };
  log.advice.push(...input.advice);
  log.feedback.push(...input.feedback);
  log.decisions.push(...input.decisions);
  log.challenged.push(...input.challenged);
  // Amending adds to a reflection rather than replacing words already written.
  if (input.privateReflection)
    log.privateReflection = log.privateReflection
      ? `${log.privateReflection}\n\n${input.privateReflection}`
      : input.privateReflection;
  log.loggedAt = now.toISOString();

  if (input.next && input.next <= new Date(meeting.when))
    refuse({ code: 'next-meeting-not-after', when: meeting.when });
  const actions = input.actions.map((planned) =>
    createAction(journal, { ...planned, mentor: mentor.handle, meetingId: meeting.id }, now),
  );

  let nextMeeting: Meeting | undefined;
  if (input.next) {
    log.nextMeeting = input.next.toISOString();
    nextMeeting =
      meetingOnSameDay(journal, mentor.handle, input.next, ['planned'], meeting) ??
      createMeeting(journal, mentor, input.next, 'planned', now);
    // Its length and mode are the mentor's usual (createMeeting), or what that meeting already says:
    // never copied from this one, which may have been unusual.
    nextMeeting.when = input.next.toISOString();
    // A calendar that imported it updates it only when this moves on.
    nextMeeting.updatedAt = now.toISOString();
  }
  meeting.log = log;
  meeting.status = 'held';
  meeting.updatedAt = now.toISOString();
  return { meeting, actions, nextMeeting };
}

function meetingToLog(journal: Journal, input: LogInput, now: Date): Meeting {
  if (input.meeting) {
    const meeting = findMeeting(journal, input.meeting);
    if (meeting.status === 'cancelled') refuse({ code: 'meeting-cancelled', id: meeting.id });
    if (input.when) meeting.when = input.when.toISOString();
    return meeting;
  }
  if (input.mentor || input.when) {
    const mentor = chooseMentor(journal, input.mentor);
    const when = input.when ?? now;
    const sameDay = meetingOnSameDay(journal, mentor.handle, when, ['planned', 'held']);
    if (sameDay) {
      if (sameDay.status === 'planned') sameDay.when = when.toISOString();
      return sameDay;
    }
    return createMeeting(journal, mentor, when, 'held', now);
  }
  return meetingAwaitingLog(journal, now) ?? refuse({ code: 'meeting-to-log-needed' });
}

/** A meeting still to come cannot have notes yet (a little slack for logging as it ends); notes are added to only when amending. */
export function assertLoggable(meeting: Meeting, amend: boolean, now: Date): void {
  if (!hasHappened(meeting.when, now))
    refuse({
      code: 'meeting-still-to-come',
      id: meeting.id,
      when: meeting.when,
      planned: meeting.status === 'planned',
    });
  if (meeting.log && !amend) refuse({ code: 'meeting-already-logged', id: meeting.id });
}
