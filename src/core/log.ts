import { UsageError, UserError } from '../errors.js';
import { createAction } from './actions.js';
import { formatDateTime } from './dates.js';
import type { LogInput } from './inputs.js';
import { chooseMentor, createMeeting, emptyPrep, meetingAwaitingLog, meetingOnSameDay } from './meetings.js';
import { addTopic } from './prep.js';
import { findMeeting, findMentor } from './refs.js';
import type { Action, Journal, Meeting, Topic } from './schema.js';
import { readActionSpec, readDate, readDay, readTopicNumbers, readTopicSpec } from './specs.js';

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
  if (input.length) meeting.lengthMinutes = input.length;
  if (input.mode) meeting.mode = input.mode;
  const prep = meeting.prep ?? emptyPrep();
  for (const spec of input.topic) addTopic(prep.topics, readTopicSpec(spec));
  markTopics(prep.topics, readTopicNumbers(input.covered, '--covered'), 'covered', '--covered');
  markTopics(prep.topics, readTopicNumbers(input.parked, '--parked'), 'parked', '--parked');
  for (const { number, outcome, note } of input.outcomes) {
    markTopics(prep.topics, [number], outcome, 'topic');
    if (note) prep.topics[number - 1]!.outcomeNote = note;
  }
  if (prep.topics.length || meeting.prep) meeting.prep = prep;

  const log = meeting.log ?? { advice: [], feedback: [], decisions: [], challenged: [], loggedAt: now.toISOString() };
  log.advice.push(...input.advice);
  log.feedback.push(...input.feedback);
  log.decisions.push(...input.decision);
  log.challenged.push(...input.challenged);
  // Amending adds to a reflection rather than replacing words already written.
  if (input.private)
    log.privateReflection = log.privateReflection ? `${log.privateReflection}\n\n${input.private}` : input.private;
  log.loggedAt = now.toISOString();

  const planned = [
    ...input.action.map((spec) => ({ ...readActionSpec(spec, now, '--action'), owner: 'me' as const })),
    ...input.mentorAction.map((spec) => ({
      ...readActionSpec(spec, now, '--mentor-action'),
      owner: 'mentor' as const,
    })),
    ...input.plannedActions.map(({ title, due, owner }) => ({
      title,
      owner,
      due: due ? readDay(due, now, 'due date') : undefined,
    })),
  ];
  const nextWhen = input.next ? readDate(input.next, now, '--next') : undefined;
  const actions = planned.map((fields) =>
    createAction(journal, { ...fields, mentor: mentor.handle, meetingId: meeting.id }, now),
  );

  let nextMeeting: Meeting | undefined;
  if (nextWhen) {
    if (nextWhen <= new Date(meeting.when)) {
      throw new UsageError(`--next: the next meeting must come after this one (${formatDateTime(meeting.when)}).`);
    }
    log.nextMeeting = nextWhen.toISOString();
    nextMeeting =
      meetingOnSameDay(journal, mentor.handle, nextWhen, ['planned'], meeting) ??
      createMeeting(journal, mentor, nextWhen, 'planned', now);
    nextMeeting.when = nextWhen.toISOString();
    nextMeeting.lengthMinutes = meeting.lengthMinutes;
    nextMeeting.mode = meeting.mode;
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
    if (meeting.status === 'cancelled') throw new UserError(`${meeting.id} was cancelled; there is nothing to log.`);
    if (input.when) meeting.when = readDate(input.when, now, '--when').toISOString();
    return meeting;
  }
  if (input.mentor || input.when) {
    const mentor = chooseMentor(journal, input.mentor, 'log');
    const when = input.when ? readDate(input.when, now, '--when') : now;
    const sameDay = meetingOnSameDay(journal, mentor.handle, when, ['planned', 'held']);
    if (sameDay) {
      if (sameDay.status === 'planned') sameDay.when = when.toISOString();
      return sameDay;
    }
    return createMeeting(journal, mentor, when, 'held', now);
  }
  const due = meetingAwaitingLog(journal, now);
  if (due) return due;
  throw new UsageError(
    'Which meeting? Give its id (mentee log m3), or --mentor and --when for one that was not planned.',
  );
}

/** A meeting still to come cannot have notes yet (a little slack for logging as it ends); notes are added to only with --amend. */
export function assertLoggable(meeting: Meeting, amend: boolean, now: Date): void {
  if (!hasHappened(meeting.when, now)) {
    throw new UserError(
      meeting.status === 'planned'
        ? `${meeting.id} is planned for ${formatDateTime(meeting.when)}; log it once it has happened, or give --when if it moved.`
        : `${formatDateTime(meeting.when)} is still to come; log it once it has happened.`,
    );
  }
  if (meeting.log && !amend) {
    throw new UserError(`${meeting.id} already has notes; add --amend to add to them.`, {
      hint: `See them with: mentee show ${meeting.id}`,
    });
  }
}

const LOG_EARLY_SLACK_MS = 60 * 60_000;

/** Whether a meeting at `when` can have notes yet: it has started (give or take an hour's slack). */
export function hasHappened(when: string | Date, now: Date): boolean {
  return new Date(when).getTime() <= now.getTime() + LOG_EARLY_SLACK_MS;
}

function markTopics(topics: Topic[], numbers: number[], outcome: 'covered' | 'parked', flag: string): void {
  for (const number of numbers) {
    const topic = topics[number - 1];
    if (!topic) {
      throw new UsageError(
        topics.length
          ? `${flag}: there is no topic ${number}; the agenda has ${topics.length} (1-${topics.length}).`
          : `${flag}: this meeting has no topics; add them with --topic.`,
      );
    }
    topic.outcome = outcome;
  }
}
