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
import { byWhen } from './order.js';
import { assertCanChange, assertOfferable, changeStatus, MEETING_MACHINE } from './transitions.js';

export interface LogResult {
  meeting: Meeting;
  actions: Action[];
  nextMeeting?: Meeting | undefined;
}

/** Records what happened at a meeting: outcomes per topic, advice, decisions, the action plan, next date. */
export function logMeeting(journal: Journal, input: LogInput, now: Date): LogResult {
  assertOneOutcomeEach(input);
  const meeting = meetingToLog(journal, input, now);
  assertLoggable(meeting, input.amend, now);
  const mentor = findMentor(journal, meeting.mentor);
  // Nothing new is planned with, or offered by, a mentor whose mentoring has ended.
  if (input.next && mentor.status === 'ended')
    refuse({ code: 'mentorship-ended', mentor: { handle: mentor.handle, name: mentor.name } });
  for (const planned of input.actions)
    assertOfferable(journal, { owner: planned.owner, mentor: mentor.handle, status: 'open' });
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
      createMeeting(journal, mentor, input.next, 'planned', now, input.usualLength);
    // Its length and mode are the mentor's usual (createMeeting), or what that meeting already says:
    // never copied from this one, which may have been unusual.
    nextMeeting.when = input.next.toISOString();
    // A calendar that imported it updates it only when this moves on.
    nextMeeting.updatedAt = now.toISOString();
  }
  meeting.log = log;
  if (meeting.status !== 'held') changeStatus(MEETING_MACHINE, journal, meeting, 'held', now);
  meeting.updatedAt = now.toISOString();
  return { meeting, actions, nextMeeting };
}

function meetingToLog(journal: Journal, input: LogInput, now: Date): Meeting {
  if (input.meeting) {
    const meeting = findMeeting(journal, input.meeting);
    if (meeting.status !== 'held') assertCanChange(MEETING_MACHINE, journal, meeting, 'held');
    if (input.amend && !meeting.log) refuse({ code: 'nothing-to-amend', id: meeting.id });
    if (input.when) meeting.when = input.when.toISOString();
    return meeting;
  }
  if (input.mentor || input.when) {
    const mentor = chooseMentor(journal, input.mentor);
    const when = input.when ?? now;
    const sameDay = meetingOnSameDay(journal, mentor.handle, when, ['planned', 'held']);
    if (input.amend && !sameDay?.log) refuse({ code: 'nothing-to-amend', id: sameDay?.id });
    if (sameDay) {
      if (sameDay.status === 'planned') sameDay.when = when.toISOString();
      return sameDay;
    }
    return createMeeting(journal, mentor, when, 'held', now, input.usualLength);
  }
  // Amending with no meeting named adds to the notes written last, not to a meeting that has none.
  if (input.amend) return lastLogged(journal) ?? refuse({ code: 'nothing-to-amend', id: undefined });
  return meetingAwaitingLog(journal, now) ?? refuse({ code: 'meeting-to-log-needed' });
}

function lastLogged(journal: Journal): Meeting | undefined {
  return journal.meetings
    .filter((meeting) => meeting.log)
    .sort(byWhen)
    .at(-1);
}

/** A topic is covered or parked, never both in one log. */
function assertOneOutcomeEach(input: LogInput): void {
  const outcomes = new Map<number, string>();
  for (const { number, outcome } of input.outcomes) {
    if ((outcomes.get(number) ?? outcome) !== outcome) refuse({ code: 'topic-covered-and-parked', number });
    outcomes.set(number, outcome);
  }
}

/** A meeting still to come cannot have notes yet (a little slack for logging as it ends); notes are added to only when amending, and only amended when there are some. */
export function assertLoggable(meeting: Meeting, amend: boolean, now: Date): void {
  if (!hasHappened(meeting.when, now))
    refuse({
      code: 'meeting-still-to-come',
      id: meeting.id,
      when: meeting.when,
      planned: meeting.status === 'planned',
    });
  if (meeting.log && !amend) refuse({ code: 'meeting-already-logged', id: meeting.id });
  if (amend && !meeting.log) refuse({ code: 'nothing-to-amend', id: meeting.id });
}
