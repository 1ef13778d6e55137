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

export function buildAgenda(journal: Journal, meeting: Meeting): Agenda {
  const mentor = mentorOf(journal, meeting.mentor);
  const prep = meeting.prep;
  const topics = prep?.topics ?? [];
  const reviewed = new Map((prep?.review ?? []).map((review) => [review.actionId, review]));
  // What the mentee reports on: actions reviewed in this prep, and open ones that are this mentor's
  // business (linked to them, or to a goal they help with), agreed before this meeting. Other
  // to-dos stay out: an agenda goes to the mentor.
  const mentorGoals = new Set(
    journal.goals.filter((goal) => goal.mentors.includes(meeting.mentor)).map((goal) => goal.id),
  );
  // Everything agreed last time is reported on, done or not: "I did what we said" is news too.
  const previous = journal.meetings
    .filter(
      (other) =>
        other.mentor === meeting.mentor && other.status === 'held' && Date.parse(other.when) < Date.parse(meeting.when),
    )
    .sort(byWhen)
    .at(-1);
  const earlierActions = journal.actions.filter(
    (action) =>
      action.meetingId !== meeting.id &&
      (reviewed.has(action.id) ||
        (previous !== undefined && action.meetingId === previous.id) ||
        (action.status === 'open' &&
          (action.mentor === meeting.mentor ||
            (!action.mentor && action.goalId !== undefined && mentorGoals.has(action.goalId))) &&
          action.createdAt <= meeting.when)),
  );
  return {
    meeting,
    mentor,
    topics,
    goals: (prep?.goals ?? []).flatMap((id) => journal.goals.filter((goal) => goal.id === id)),
    actionsReviewed: earlierActions.map((action) => {
      const review = reviewed.get(action.id);
      return { action, state: review?.state ?? action.status, note: review?.note };
    }),
    actionsAgreed: journal.actions.filter((action) => action.meetingId === meeting.id),
    timeCheck: timeCheck(topics, meeting.lengthMinutes),
  };
}
