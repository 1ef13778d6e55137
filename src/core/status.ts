import { mentorOf } from './refs.js';
import { byDue, isOverdue } from './action-list.js';
import { daysUntil } from './dates.js';
import { lastProgressAt } from './goal-progress.js';
import { endedMentors, isPrepared, lastHeldMeeting, meetingAwaitingLog, nextPlannedMeeting } from './meetings.js';
import type { Action, Goal, Journal, Meeting, Mentor } from './schema.js';

export const DUE_SOON_DAYS = 7;
export const STALE_GOAL_DAYS = 60;

export interface OverdueMentor {
  mentor: Mentor;
  lastMet?: string | undefined;
  daysSince: number;
  /** A meeting already planned, so the nudge is answered. */
  booked?: Meeting | undefined;
}

export interface Status {
  nextMeeting?: { meeting: Meeting; mentor: Mentor; prepared: boolean } | undefined;
  awaitingLog?: Meeting | undefined;
  overdue: Action[];
  dueSoon: Action[];
  mentorCommitments: Action[];
  staleGoals: Goal[];
  mentorsOverdue: OverdueMentor[];
}

/** The home screen: what needs attention before the next meeting, computed from the journal alone. */
export function computeStatus(journal: Journal, now: Date): Status {
  const open = journal.actions.filter((action) => action.status === 'open');
  const ended = endedMentors(journal);
  const mine = open.filter((action) => action.owner === 'me');
  const next = nextPlannedMeeting(journal, now);
  return {
    nextMeeting: next && { meeting: next, mentor: mentorOf(journal, next.mentor), prepared: isPrepared(next) },
    awaitingLog: meetingAwaitingLog(journal, now),
    overdue: mine.filter((action) => isOverdue(action, now)).sort(byDue),
    dueSoon: mine
      .filter(
        (action) =>
          action.due !== undefined && daysUntil(action.due, now) >= 0 && daysUntil(action.due, now) <= DUE_SOON_DAYS,
      )
      .sort(byDue),
    mentorCommitments: open.filter((action) => action.owner === 'mentor' && !ended.has(action.mentor ?? '')),
    staleGoals: journal.goals.filter(
      (goal) => goal.status === 'active' && -daysUntil(new Date(lastProgressAt(goal)), now) > STALE_GOAL_DAYS,
    ),
    mentorsOverdue: journal.mentors.flatMap((mentor) => {
      if (mentor.status !== 'active' || !mentor.cadenceDays) return [];
      const lastMet = lastHeldMeeting(journal, mentor.handle)?.when;
      const daysSince = -daysUntil(lastMet ? new Date(lastMet) : mentor.startDate, now);
      const booked = nextPlannedMeeting(journal, now, mentor.handle);
      return daysSince > mentor.cadenceDays ? [{ mentor, lastMet, daysSince, booked }] : [];
    }),
  };
}
