import { closeAction } from './actions.js';
import type { PrepInput, TopicInput } from './inputs.js';
import {
  chooseMentor,
  createMeeting,
  emptyPrep,
  heldMeetings,
  lastHeldMeeting,
  meetingOnSameDay,
  nextPlannedMeeting,
} from './meetings.js';
import { byWhen } from './order.js';
import { refuse } from './problems.js';
import { findAction, findGoal, findMeeting } from './refs.js';
import type { Journal, Meeting, Prep, Review, Topic } from './schema.js';

export interface PrepOptions {
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
  if (input.lengthMinutes) meeting.lengthMinutes = input.lengthMinutes;
  if (input.mode) meeting.mode = input.mode;
  const prep: Prep = meeting.prep ?? emptyPrep();
  if (input.intention) prep.intention = input.intention;
  if (options.templateName) prep.template = options.templateName;

  // A topic carried in that the agenda has already is left as the agenda has it.
  const kept = input.replaceTopics ? [] : prep.topics;
  const newTopics: TopicInput[] = [
    ...(input.carryParked
      ? parkedTopicsFor(journal, meeting.mentor, meeting).filter(
          (topic) => !kept.some((other) => sameTopic(other.title, topic.title)),
        )
      : []),
    ...input.topics.map((topic) => ({
      ...topic,
      ...(topic.goalId ? { goalId: findGoal(journal, topic.goalId).id } : {}),
    })),
  ];
  if (input.replaceTopics) prep.topics = [];
  for (const topic of newTopics) addTopic(prep.topics, topic);
  for (const ref of input.goals) {
    const goal = findGoal(journal, ref);
    if (!prep.goals.includes(goal.id)) prep.goals.push(goal.id);
  }
  for (const review of input.reviews) applyReview(journal, prep, review, now);
  if (input.reflections.length) prep.reflections = input.reflections;

  prep.preparedAt = now.toISOString();
  meeting.prep = prep;
  meeting.updatedAt = now.toISOString();
  return { meeting, created };
}

function meetingToPrepare(journal: Journal, input: PrepInput, now: Date): { meeting: Meeting; created: boolean } {
  if (input.meeting) {
    const meeting = findMeeting(journal, input.meeting);
    if (meeting.status !== 'planned')
      refuse({ code: 'meeting-not-planned', id: meeting.id, status: meeting.status, change: 'prepare' });
    if (input.when) meeting.when = input.when.toISOString();
    return { meeting, created: false };
  }
  const mentor = chooseMentor(journal, input.mentor);
  if (mentor.status === 'ended') refuse({ code: 'mentorship-ended', mentor });
  if (input.when) {
    const sameDay = meetingOnSameDay(journal, mentor.handle, input.when, ['planned']);
    if (sameDay) {
      sameDay.when = input.when.toISOString();
      return { meeting: sameDay, created: false };
    }
    return { meeting: createMeeting(journal, mentor, input.when, 'planned', now, input.usualLength), created: true };
  }
  const upcoming = nextPlannedMeeting(journal, now, mentor.handle);
  if (upcoming) return { meeting: upcoming, created: false };
  return refuse({ code: 'meeting-when-needed', mentor });
}

/** Adds a topic, or updates the one with the same title, so re-running prep never duplicates. */
export function addTopic(topics: Topic[], topic: TopicInput): void {
  const clean = Object.fromEntries(Object.entries(topic).filter(([, value]) => value !== undefined)) as Topic;
  const existing = topics.find((candidate) => sameTopic(candidate.title, topic.title));
  if (existing) Object.assign(existing, { ...clean, title: existing.title });
  else topics.push(clean);
}

/** Two topics are one when their titles differ only in case: a topic is known by this key. */
export function topicKey(title: string): string {
  return title.toLowerCase();
}

export function sameTopic(a: string, b: string): boolean {
  return topicKey(a) === topicKey(b);
}

/**
 * The topics left to carry into the next agenda with this mentor (the meeting `before`, or whatever
 * comes next): those parked at the last meeting held, then those of the meetings cancelled since, which
 * were never discussed. Each title comes once, and a cancelled meeting's topic covered at a meeting held
 * after it was planned is left out.
 */
export function parkedTopicsFor(journal: Journal, mentorHandle: string, before?: Meeting): TopicInput[] {
  const last = lastHeldMeeting(journal, mentorHandle, before);
  const held = heldMeetings(journal, mentorHandle);
  const since = last ? Date.parse(last.when) : -Infinity;
  const until = before ? Date.parse(before.when) : Infinity;
  const parked = (last?.prep?.topics ?? [])
    .filter((topic) => topic.outcome === 'parked')
    .map((topic) => carried(topic, last!.id));
  const cancelled = journal.meetings
    .filter((meeting) => meeting.mentor === mentorHandle && meeting.status === 'cancelled')
    .filter((meeting) => Date.parse(meeting.when) > since && Date.parse(meeting.when) < until)
    .sort(byWhen)
    .flatMap((meeting) =>
      (meeting.prep?.topics ?? [])
        .filter((topic) => !coveredSince(held, topic.title, Date.parse(meeting.createdAt)))
        .map((topic) => carried(topic, topic.carriedFrom ?? meeting.id)),
    );
  return [...parked, ...cancelled].filter(
    (topic, at, all) => all.findIndex((other) => sameTopic(other.title, topic.title)) === at,
  );
}

/** A topic as the next agenda takes it: without the outcome it had, noting the meeting it comes from. */
function carried(
  { outcome: _outcome, outcomeNote: _note, priority: _priority, ...topic }: Topic,
  from: string,
): TopicInput {
  return { ...topic, carriedFrom: from };
}

function coveredSince(held: Meeting[], title: string, time: number): boolean {
  return held.some(
    (meeting) =>
      Date.parse(meeting.when) > time &&
      (meeting.prep?.topics ?? []).some((topic) => topic.outcome === 'covered' && sameTopic(topic.title, title)),
  );
}

/** A review closes or reopens an action, or notes its progress; the agenda keeps what was reported. */
function applyReview(journal: Journal, prep: Prep, review: Review, now: Date): void {
  const action = findAction(journal, review.actionId);
  const closing = review.state === 'done' || review.state === 'dropped' || review.state === 'open';
  if (closing && action.status !== review.state) {
    closeAction(journal, action.id, review.state as 'done' | 'dropped' | 'open', now, review.note);
  } else if (closing) {
    if (review.note) action.notes.push({ at: now.toISOString(), note: review.note });
  } else {
    // Progress on a done or dropped action would contradict it: it is reopened first (a review of "open").
    if (action.status !== 'open')
      refuse({ code: 'review-of-closed-action', id: action.id, status: action.status, state: review.state });
    const label = review.state === 'blocked' ? 'Blocked' : review.state === 'progress' ? 'In progress' : 'Open';
    action.notes.push({ at: now.toISOString(), note: review.note ? `${label}: ${review.note}` : label });
    action.updatedAt = now.toISOString();
  }
  prep.review = [...prep.review.filter((entry) => entry.actionId !== action.id), review];
}
