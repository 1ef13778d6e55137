import { mentorOf } from './refs.js';
import { byDue, isOverdue } from './action-list.js';
import { daysUntil } from './dates.js';
import { lastProgressAt } from './goal-progress.js';
import {
  endedMentors,
  isPrepared,
  lastMeetingHappened,
  meetingAwaitingLog,
  nextPlannedMeeting,
  plannedMeetingsAhead,
} from './meetings.js';
import type { Action, Goal, Journal, Meeting, Mentor } from './schema.js';

export const DUE_SOON_DAYS = 7;
export const STALE_GOAL_DAYS = 60;
/** How far ahead the home screen lists planned meetings, with every mentor. */
export const UPCOMING_WEEKS = 6;

export interface OverdueMentor {
  mentor: Mentor;
  lastMet?: string | undefined;
  daysSince: number;
}

export interface PlannedMeeting {
  meeting: Meeting;
  mentor: Mentor;
  prepared: boolean;
}

export interface GoalPastTarget {
  goal: Goal;
  /** Whole days since the target date; 1 the day after it. */
  daysPast: number;
}

export interface Status {
  nextMeeting?: PlannedMeeting | undefined;
  /** Every planned meeting in the next UPCOMING_WEEKS, soonest first, with any mentor not ended. */
  upcoming: PlannedMeeting[];
  awaitingLog?: Meeting | undefined;
  overdue: Action[];
  dueSoon: Action[];
  mentorCommitments: Action[];
  staleGoals: Goal[];
  /** Active goals whose target date has passed, the longest past first. */
  goalsPastTarget: GoalPastTarget[];
  /** Active mentors not met for longer than their cadence, with no meeting planned: nothing answers it yet. */
  mentorsOverdue: OverdueMentor[];
}

/** The home screen: what needs attention before the next meeting, computed from the journal alone. */
export function computeStatus(journal: Journal, now: Date): Status {
  const open = journal.actions.filter((action) => action.status === 'open');
  const ended = endedMentors(journal);
  const mine = open.filter((action) => action.owner === 'me');
  const planned = (meeting: Meeting): PlannedMeeting => ({
    meeting,
    mentor: mentorOf(journal, meeting.mentor),
    prepared: isPrepared(meeting),
  });
  const ahead = plannedMeetingsAhead(journal, now);
  const goalsPastTarget = journal.goals
    .flatMap((goal) =>
      goal.status === 'active' && goal.targetDate && daysUntil(goal.targetDate, now) < 0
        ? [{ goal, daysPast: -daysUntil(goal.targetDate, now) }]
        : [],
    )
    .sort((a, b) => b.daysPast - a.daysPast);
  const pastTarget = new Set(goalsPastTarget.map(({ goal }) => goal));
  return {
    nextMeeting: ahead[0] && planned(ahead[0]),
    upcoming: ahead.filter((meeting) => daysUntil(new Date(meeting.when), now) <= UPCOMING_WEEKS * 7).map(planned),
    awaitingLog: meetingAwaitingLog(journal, now),
    overdue: mine.filter((action) => isOverdue(action, now)).sort(byDue),
    dueSoon: mine
      .filter(
        (action) =>
          action.due !== undefined && daysUntil(action.due, now) >= 0 && daysUntil(action.due, now) <= DUE_SOON_DAYS,
      )
      .sort(byDue),
    mentorCommitments: open.filter((action) => action.owner === 'mentor' && !ended.has(action.mentor ?? '')),
    // A goal past its target has its own section: listed once, there.
    staleGoals: journal.goals.filter(
      (goal) =>
        goal.status === 'active' &&
        !pastTarget.has(goal) &&
        -daysUntil(new Date(lastProgressAt(goal)), now) > STALE_GOAL_DAYS,
    ),
    goalsPastTarget,
    mentorsOverdue: journal.mentors.flatMap((mentor) => {
      if (mentor.status !== 'active' || !mentor.cadenceDays) return [];
      // A meeting planned with them answers the nudge; it is listed with the meetings ahead.
      if (nextPlannedMeeting(journal, now, mentor.handle)) return [];
      // A meeting that has happened counts, notes or not: it is awaiting its log, not missing.
      const lastMet = lastMeetingHappened(journal, mentor.handle, now)?.when;
      const daysSince = -daysUntil(lastMet ? new Date(lastMet) : mentor.startDate, now);
      return daysSince > mentor.cadenceDays ? [{ mentor, lastMet, daysSince }] : [];
    }),
  };
}
