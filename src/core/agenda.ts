import { byWhen } from './order.js';
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
  return {
    heldByMentor,
    actionsByMeeting: group(journal.actions, (action) => action.meetingId),
    openByMentor: group(open, (action) => action.mentor),
    openByGoal: group(open, (action) => (action.mentor ? undefined : action.goalId)),
    goalsByMentor,
    goalsById: new Map(journal.goals.map((goal) => [goal.id, goal])),
    actionsById: new Map(journal.actions.map((action) => [action.id, action])),
    position: new Map(journal.actions.map((action, index) => [action, index])),
  };
}

export function buildAgenda(journal: Journal, meeting: Meeting, index = indexForAgendas(journal)): Agenda {
  const mentor = mentorOf(journal, meeting.mentor);
  const prep = meeting.prep;
  const topics = prep?.topics ?? [];
  const reviewed = new Map((prep?.review ?? []).map((review) => [review.actionId, review]));
  // What the mentee reports on: actions reviewed in this prep; everything agreed last time, done or
  // not ("I did what we said" is news too); and, ahead of the meeting, open ones that are this
  // mentor's business (linked to them, or to a goal they help with). Other to-dos stay out: an agenda
  // goes to the mentor.
  const previous = lastHeldBefore(index.heldByMentor.get(meeting.mentor) ?? [], Date.parse(meeting.when));
  // Open actions are today's news: they belong on an agenda still to come, not in the record of a past meeting.
  const openForMentor =
    meeting.status === 'planned'
      ? [
          ...(index.openByMentor.get(meeting.mentor) ?? []),
          ...(index.goalsByMentor.get(meeting.mentor) ?? []).flatMap((goal) => index.openByGoal.get(goal.id) ?? []),
        ].filter((action) => action.createdAt <= meeting.when)
      : [];
  const candidates = new Set([
    ...[...reviewed.keys()].flatMap((id) => index.actionsById.get(id) ?? []),
    ...(previous ? (index.actionsByMeeting.get(previous.id) ?? []) : []),
    ...openForMentor,
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

/** The last of `held` (sorted by time) before `time`, by binary search. */
function lastHeldBefore(held: Meeting[], time: number): Meeting | undefined {
  let low = 0;
  let high = held.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (Date.parse(held[middle]!.when) < time) low = middle + 1;
    else high = middle;
  }
  return held[low - 1];
}
