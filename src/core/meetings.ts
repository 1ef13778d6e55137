import { UsageError, UserError } from '../errors.js';
import { createAction, closeAction } from './actions.js';
import { daysUntil } from './dates.js';
import { takeId } from './ids.js';
import type { LogInput, PrepInput } from './inputs.js';
import { findAction, findGoal, findMeeting, findMentor, soleActiveMentor } from './refs.js';
import type { Action, Journal, Meeting, Mentor, Prep, Review, Topic } from './schema.js';
import { readActionSpec, readDate, readDay, readReviewSpec, readTopicNumbers, readTopicSpec } from './specs.js';

export const DEFAULT_MEETING_MINUTES = 30;

export interface PrepOptions {
  /** Minutes given to a topic that names none (from the prep template). */
  defaultTopicMinutes?: number | undefined;
  templateName?: string | undefined;
}

export interface PrepResult {
  meeting: Meeting;
  created: boolean;
}

/**
 * Prepares a meeting: creates it, or adds to the agenda of the planned meeting it names (by id, by
 * mentor and day, or the mentor's next planned one). Topics and goals are added, not replaced, so
 * preparing in several sittings builds one agenda.
 */
export function prepMeeting(journal: Journal, input: PrepInput, now: Date, options: PrepOptions = {}): PrepResult {
  const { meeting, created } = meetingToPrepare(journal, input, now);
  if (input.length) meeting.lengthMinutes = input.length;
  if (input.mode) meeting.mode = input.mode;
  const prep: Prep = meeting.prep ?? { topics: [], goals: [], review: [], reflections: [] };
  if (input.intention) prep.intention = input.intention;
  if (options.templateName) prep.template = options.templateName;

  const newTopics: Topic[] = [
    ...(input.carryParked ? parkedTopicsFor(journal, meeting.mentor, meeting) : []),
    ...input.topic.map((spec) => ({ ...readTopicSpec(spec), ...(input.topicKind ? { kind: input.topicKind } : {}) })),
    ...input.topicDrafts.map((draft) => ({
      ...draft,
      ...(draft.goalId ? { goalId: findGoal(journal, draft.goalId).id } : {}),
    })),
  ];
  if (input.replaceTopics) prep.topics = [];
  for (const topic of newTopics)
    addTopic(prep.topics, { ...topic, minutes: topic.minutes ?? options.defaultTopicMinutes });
  for (const ref of input.goal) {
    const goal = findGoal(journal, ref);
    if (!prep.goals.includes(goal.id)) prep.goals.push(goal.id);
  }
  for (const review of input.review.map(readReviewSpec)) applyReview(journal, prep, review, now);
  if (input.reflections.length) prep.reflections = input.reflections;

  prep.preparedAt = now.toISOString();
  meeting.prep = prep;
  meeting.updatedAt = now.toISOString();
  return { meeting, created };
}

function meetingToPrepare(journal: Journal, input: PrepInput, now: Date): { meeting: Meeting; created: boolean } {
  if (input.meeting) {
    const meeting = findMeeting(journal, input.meeting);
    if (meeting.status !== 'planned') {
      throw new UserError(`${meeting.id} is ${meeting.status}; prepare a planned meeting instead.`, {
        hint: meeting.status === 'held' ? `Record what happened with: mentee log ${meeting.id}` : undefined,
      });
    }
    if (input.when) meeting.when = readDate(input.when, now, '--when').toISOString();
    return { meeting, created: false };
  }
  const mentor = chooseMentor(journal, input.mentor, 'prep');
  if (mentor.status === 'ended')
    throw new UserError(
      `Your mentoring with ${mentor.name} has ended; resume it with: mentee mentor resume ${mentor.handle}`,
    );
  if (input.when) {
    const when = readDate(input.when, now, '--when');
    const sameDay = journal.meetings.find(
      (meeting) =>
        meeting.mentor === mentor.handle &&
        meeting.status === 'planned' &&
        daysUntil(new Date(meeting.when), when) === 0,
    );
    if (sameDay) {
      sameDay.when = when.toISOString();
      return { meeting: sameDay, created: false };
    }
    return { meeting: createMeeting(journal, mentor, when, 'planned', now), created: true };
  }
  const upcoming = nextPlannedMeeting(journal, now, mentor.handle);
  if (upcoming) return { meeting: upcoming, created: false };
  throw new UsageError(`When is the meeting with ${mentor.name}? Give --when, e.g. --when "next thursday 17:30".`);
}

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
    mode: 'in-person',
    status,
    createdAt: at,
    updatedAt: at,
  };
  journal.meetings.push(meeting);
  return meeting;
}

/** Adds a topic, or updates the one with the same title, so re-running prep never duplicates. */
function addTopic(topics: Topic[], topic: Topic): void {
  const clean = Object.fromEntries(Object.entries(topic).filter(([, value]) => value !== undefined)) as Topic;
  const existing = topics.find((candidate) => candidate.title.toLowerCase() === topic.title.toLowerCase());
  if (existing) Object.assign(existing, clean);
  else topics.push(clean);
}

/** Topics parked at the last held meeting with this mentor, ready to carry into the next agenda. */
export function parkedTopicsFor(journal: Journal, mentorHandle: string, before?: Meeting): Topic[] {
  const last = journal.meetings
    .filter((meeting) => meeting.mentor === mentorHandle && meeting.status === 'held' && meeting !== before)
    .filter((meeting) => !before || meeting.when <= before.when)
    .sort((a, b) => a.when.localeCompare(b.when))
    .at(-1);
  return (last?.prep?.topics ?? [])
    .filter((topic) => topic.outcome === 'parked')
    .map(({ outcome: _outcome, outcomeNote: _note, ...topic }) => ({ ...topic, carriedFrom: last!.id }));
}

function applyReview(journal: Journal, prep: Prep, review: Review, now: Date): void {
  const action = findAction(journal, review.actionId);
  const closing = review.state === 'done' || review.state === 'dropped' || review.state === 'open';
  if (closing && action.status !== review.state) {
    closeAction(journal, action.id, review.state as 'done' | 'dropped' | 'open', now, review.note);
  } else if (closing) {
    if (review.note) action.notes.push({ at: now.toISOString(), note: review.note });
  } else {
    const label = review.state === 'blocked' ? 'Blocked' : review.state === 'progress' ? 'In progress' : 'Open';
    action.notes.push({ at: now.toISOString(), note: review.note ? `${label}: ${review.note}` : label });
    action.updatedAt = now.toISOString();
  }
  prep.review = [...prep.review.filter((entry) => entry.actionId !== action.id), review];
}

/** The soonest planned meeting from today on, optionally with one mentor. */
export function nextPlannedMeeting(journal: Journal, now: Date, mentorHandle?: string): Meeting | undefined {
  return journal.meetings
    .filter((meeting) => meeting.status === 'planned' && (!mentorHandle || meeting.mentor === mentorHandle))
    .filter((meeting) => daysUntil(new Date(meeting.when), now) >= 0)
    .sort((a, b) => a.when.localeCompare(b.when))[0];
}

export function lastHeldMeeting(journal: Journal, mentorHandle: string): Meeting | undefined {
  return journal.meetings
    .filter((meeting) => meeting.mentor === mentorHandle && meeting.status === 'held')
    .sort((a, b) => a.when.localeCompare(b.when))
    .at(-1);
}

export interface LogResult {
  meeting: Meeting;
  actions: Action[];
  nextMeeting?: Meeting | undefined;
}

/** Records what happened at a meeting: outcomes per topic, advice, decisions, the action plan, next date. */
export function logMeeting(journal: Journal, input: LogInput, now: Date): LogResult {
  const meeting = meetingToLog(journal, input, now);
  const mentor = findMentor(journal, meeting.mentor);
  if (input.length) meeting.lengthMinutes = input.length;
  if (input.mode) meeting.mode = input.mode;
  const prep: Prep = meeting.prep ?? { topics: [], goals: [], review: [], reflections: [] };
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
  if (input.private) log.privateReflection = input.private;
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
    log.nextMeeting = nextWhen.toISOString();
    nextMeeting =
      journal.meetings.find(
        (candidate) =>
          candidate.mentor === mentor.handle &&
          candidate.status === 'planned' &&
          daysUntil(new Date(candidate.when), nextWhen) === 0,
      ) ?? createMeeting(journal, mentor, nextWhen, 'planned', now);
    nextMeeting.when = nextWhen.toISOString();
    nextMeeting.lengthMinutes = meeting.lengthMinutes;
    nextMeeting.mode = meeting.mode;
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
    const sameDay = journal.meetings.find(
      (meeting) =>
        meeting.mentor === mentor.handle &&
        meeting.status === 'planned' &&
        daysUntil(new Date(meeting.when), when) === 0,
    );
    return sameDay ?? createMeeting(journal, mentor, when, 'held', now);
  }
  const due = meetingAwaitingLog(journal, now);
  if (due) return due;
  throw new UsageError(
    'Which meeting? Give its id (mentee log m3), or --mentor and --when for one that was not planned.',
  );
}

/** The most recent planned meeting that has started and has no log yet. */
export function meetingAwaitingLog(journal: Journal, now: Date): Meeting | undefined {
  return journal.meetings
    .filter((meeting) => meeting.status === 'planned' && !meeting.log && new Date(meeting.when) <= now)
    .sort((a, b) => a.when.localeCompare(b.when))
    .at(-1);
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
