import { UsageError, UserError } from '../errors.js';
import { closeAction } from './actions.js';
import type { PrepInput } from './inputs.js';
import { chooseMentor, createMeeting, emptyPrep, meetingOnSameDay, nextPlannedMeeting } from './meetings.js';
import { findAction, findGoal, findMeeting } from './refs.js';
import type { Journal, Meeting, Prep, Review, Topic } from './schema.js';
import { readDate, readReviewSpec, readTopicSpec } from './specs.js';
import { byWhen } from './order.js';

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
  if (input.length) meeting.lengthMinutes = input.length;
  if (input.mode) meeting.mode = input.mode;
  const prep: Prep = meeting.prep ?? emptyPrep();
  if (input.intention) prep.intention = input.intention;
  if (options.templateName) prep.template = options.templateName;

  const newTopics: Topic[] = [
    ...(input.carryParked ? parkedTopicsFor(journal, meeting.mentor, meeting) : []),
    ...input.topic.map((spec) => ({ ...readTopicSpec(spec), ...(input.kind ? { kind: input.kind } : {}) })),
    ...input.topicDrafts.map((draft) => ({
      ...draft,
      ...(draft.goalId ? { goalId: findGoal(journal, draft.goalId).id } : {}),
    })),
  ];
  if (input.replaceTopics) prep.topics = [];
  for (const topic of newTopics) addTopic(prep.topics, topic);
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
    const sameDay = meetingOnSameDay(journal, mentor.handle, when, ['planned']);
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

/** Adds a topic, or updates the one with the same title, so re-running prep never duplicates. */
export function addTopic(topics: Topic[], topic: Topic): void {
  const clean = Object.fromEntries(Object.entries(topic).filter(([, value]) => value !== undefined)) as Topic;
  const existing = topics.find((candidate) => candidate.title.toLowerCase() === topic.title.toLowerCase());
  if (existing) Object.assign(existing, { ...clean, title: existing.title });
  else topics.push(clean);
}

/** Topics parked at the last held meeting with this mentor, ready to carry into the next agenda. */
export function parkedTopicsFor(journal: Journal, mentorHandle: string, before?: Meeting): Topic[] {
  const last = journal.meetings
    .filter((meeting) => meeting.mentor === mentorHandle && meeting.status === 'held' && meeting !== before)
    .filter((meeting) => !before || meeting.when <= before.when)
    .sort(byWhen)
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
