import { closedAt } from './actions.js';
import { lastHeldOf } from './meetings.js';
import { byCreated, byWhen } from './order.js';
import { mentorOf } from './refs.js';
import type { Action, Goal, Journal, Meeting, Mentor, Topic } from './schema.js';

export interface TimeCheck {
  plannedMinutes: number;
  lengthMinutes: number;
  /** Minutes over the meeting length; 0 when it fits. */
  overBy: number;
  /** Topics with no minutes, which the total cannot count. */
  untimed: number;
}

/** Do the topics fit the meeting? Respecting the mentor's time is the point of preparing. */
export function timeCheck(topics: Topic[], lengthMinutes: number): TimeCheck {
  const plannedMinutes = topics.reduce((sum, topic) => sum + (topic.minutes ?? 0), 0);
  return {
    plannedMinutes,
    lengthMinutes,
    overBy: Math.max(0, plannedMinutes - lengthMinutes),
    untimed: topics.filter((topic) => topic.minutes === undefined).length,
  };
}

/** Everything a mentor needs to see ahead of a meeting, gathered from the journal. */
export interface Agenda {
  meeting: Meeting;
  mentor: Mentor;
  topics: Topic[];
  goals: Goal[];
  /** Actions agreed at earlier meetings with this mentor, with what the mentee reported on them. */
  actionsReviewed: { action: Action; state: string; note?: string | undefined }[];
  /** Actions agreed at this meeting (once logged): the mentee's plan and what the mentor offered. */
  actionsAgreed: Action[];
  timeCheck: TimeCheck;
}

/**
 * Lookups over the whole journal, made once, so that building the agendas of every meeting (an export
 * of the whole journal) reads each record a few times rather than once per meeting.
 */
export interface AgendaIndex {
  heldByMentor: Map<string, Meeting[]>;
  actionsByMeeting: Map<string, Action[]>;
  openByMentor: Map<string, Action[]>;
  /** Open actions linked to a goal and to no mentor, by goal. */
  openByGoal: Map<string, Action[]>;
  goalsByMentor: Map<string, Goal[]>;
  goalsById: Map<string, Goal>;
  actionsById: Map<string, Action>;
  /** Actions reported on at each mentor's meetings: which, and when. */
  reviewsByMentor: Map<string, { actionId: string; when: number }[]>;
  /** Done or dropped actions that concern each mentor (see closedActionsConcerning), by when they were closed. */
  closedByMentor: Map<string, { action: Action; at: number }[]>;
  position: Map<Action, number>;
}

export function indexForAgendas(journal: Journal): AgendaIndex {
  const group = <T>(items: T[], key: (item: T) => string | undefined) => {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const name = key(item);
      if (name === undefined) continue;
      const members = groups.get(name);
      if (members) members.push(item);
      else groups.set(name, [item]);
    }
    return groups;
  };
  const open = journal.actions.filter((action) => action.status === 'open');
  const heldByMentor = group(
    journal.meetings.filter((meeting) => meeting.status === 'held'),
    (meeting) => meeting.mentor,
  );
  for (const held of heldByMentor.values()) held.sort(byWhen);
  const goalsByMentor = new Map<string, Goal[]>();
  for (const goal of journal.goals)
    for (const handle of goal.mentors) goalsByMentor.set(handle, [...(goalsByMentor.get(handle) ?? []), goal]);
  const reviewsByMentor = new Map<string, { actionId: string; when: number }[]>();
  for (const meeting of journal.meetings) {
    if (!meeting.prep?.review.length) continue;
    const when = Date.parse(meeting.when);
    const reviews = reviewsByMentor.get(meeting.mentor) ?? [];
    reviews.push(...meeting.prep.review.map(({ actionId }) => ({ actionId, when })));
    reviewsByMentor.set(meeting.mentor, reviews);
  }
  const goalsById = new Map(journal.goals.map((goal) => [goal.id, goal]));
  const mentorOfMeeting = new Map(journal.meetings.map((meeting) => [meeting.id, meeting.mentor]));
  const reviewedBy = new Map<string, Set<string>>();
  for (const [handle, reviews] of reviewsByMentor)
    for (const { actionId } of reviews) reviewedBy.set(actionId, (reviewedBy.get(actionId) ?? new Set()).add(handle));
  const closedByMentor = new Map<string, { action: Action; at: number }[]>();
  for (const action of journal.actions) {
    const closed = closedAt(action);
    if (!closed) continue;
    // The same mentors an open action concerns: linked to them, to a goal they help with (when linked to
    // no mentor), agreed at a meeting with them, or reported on to them.
    const mentors = new Set<string>(reviewedBy.get(action.id));
    if (action.mentor) mentors.add(action.mentor);
    else if (action.goalId) for (const handle of goalsById.get(action.goalId)?.mentors ?? []) mentors.add(handle);
    const agreedWith = action.meetingId && mentorOfMeeting.get(action.meetingId);
    if (agreedWith) mentors.add(agreedWith);
    for (const handle of mentors) {
      const list = closedByMentor.get(handle) ?? [];
      list.push({ action, at: Date.parse(closed) });
      closedByMentor.set(handle, list);
    }
  }
  for (const closed of closedByMentor.values()) closed.sort((a, b) => a.at - b.at);
  return {
    heldByMentor,
    closedByMentor,
    actionsByMeeting: group(journal.actions, (action) => action.meetingId),
    openByMentor: group(open, (action) => action.mentor),
    openByGoal: group(open, (action) => (action.mentor ? undefined : action.goalId)),
    goalsByMentor,
    goalsById,
    actionsById: new Map(journal.actions.map((action) => [action.id, action])),
    reviewsByMentor,
    position: new Map(journal.actions.map((action, index) => [action, index])),
  };
}

/**
 * Open actions a mentor will ask about at a meeting with them at `when`: yours linked to them or to a
 * goal they help with, what they offered to do, and anything reported on at an earlier meeting with
 * them, until it is done or dropped. Other to-dos stay out: an agenda goes to the mentor. In the order
 * they were added.
 */
export function openActionsConcerning(
  journal: Journal,
  mentorHandle: string,
  when: Date | string,
  index = indexForAgendas(journal),
): Action[] {
  const time = new Date(when).getTime();
  const reportedEarlier = (index.reviewsByMentor.get(mentorHandle) ?? [])
    .filter((review) => review.when < time)
    .flatMap(({ actionId }) => index.actionsById.get(actionId) ?? [])
    .filter((action) => action.status === 'open');
  const concerning = new Set([
    ...(index.openByMentor.get(mentorHandle) ?? []),
    ...(index.goalsByMentor.get(mentorHandle) ?? []).flatMap((goal) => index.openByGoal.get(goal.id) ?? []),
    ...reportedEarlier,
  ]);
  return [...concerning]
    .filter((action) => Date.parse(action.createdAt) <= time)
    .sort((a, b) => byCreated(a, b) || index.position.get(a)! - index.position.get(b)!);
}

/**
 * Your open actions that are no mentor's in particular (linked to no mentor, nor to a goal a mentor
 * helps with): not on any agenda by themselves, but yours to report on to whichever mentor you choose,
 * and from then on on that mentor's agendas (see openActionsConcerning).
 */
export function openActionsOfNoMentor(journal: Journal, when: Date | string): Action[] {
  const time = new Date(when).getTime();
  const goalsWithMentors = new Set(journal.goals.filter((goal) => goal.mentors.length).map((goal) => goal.id));
  return journal.actions
    .filter(
      (action) =>
        action.status === 'open' &&
        action.owner === 'me' &&
        !action.mentor &&
        !(action.goalId && goalsWithMentors.has(action.goalId)) &&
        Date.parse(action.createdAt) <= time,
    )
    .sort(byCreated);
}

export function buildAgenda(journal: Journal, meeting: Meeting, index = indexForAgendas(journal)): Agenda {
  const mentor = mentorOf(journal, meeting.mentor);
  const prep = meeting.prep;
  const topics = prep?.topics ?? [];
  const reviewed = new Map((prep?.review ?? []).map((review) => [review.actionId, review]));
  // What the mentee reports on: actions reviewed in this prep; everything agreed last time, done or
  // not ("I did what we said" is news too); whatever concerns this mentor and was closed since; and,
  // ahead of the meeting, every open one that concerns this mentor. Open actions are today's news: they belong on an agenda still to come, not in the
  // record of a past meeting.
  const previous = lastHeldOf(index.heldByMentor.get(meeting.mentor) ?? [], meeting);
  const since = previous ? Date.parse(previous.when) : -Infinity;
  const until = Date.parse(meeting.when);
  const candidates = new Set([
    ...[...reviewed.keys()].flatMap((id) => index.actionsById.get(id) ?? []),
    ...(previous ? (index.actionsByMeeting.get(previous.id) ?? []) : []),
    // Done or dropped since the last meeting with this mentor, whichever meeting it was agreed at: news too.
    ...(index.closedByMentor.get(meeting.mentor) ?? [])
      .filter(({ at }) => at > since && at <= until)
      .map(({ action }) => action),
    ...(meeting.status === 'planned' ? openActionsConcerning(journal, meeting.mentor, meeting.when, index) : []),
  ]);
  const earlierActions = [...candidates]
    .filter((action) => action.meetingId !== meeting.id)
    .sort((a, b) => index.position.get(a)! - index.position.get(b)!);
  return {
    meeting,
    mentor,
    topics,
    goals: (prep?.goals ?? []).flatMap((id) => index.goalsById.get(id) ?? []),
    actionsReviewed: earlierActions.map((action) => {
      const review = reviewed.get(action.id);
      return { action, state: review?.state ?? action.status, note: review?.note };
    }),
    actionsAgreed: index.actionsByMeeting.get(meeting.id) ?? [],
    timeCheck: timeCheck(topics, meeting.lengthMinutes),
  };
}
