import type { Action, Goal, Journal, Meeting, Mentor } from './schema.js';

/**
 * Which records concern one mentor: the mentor, their meetings, the actions linked to them (yours
 * and what they offered), and the goals they help with. With no mentor named, every record does.
 */
export interface MentorScope {
  mentor(mentor: Mentor): boolean;
  meeting(meeting: Meeting): boolean;
  action(action: Action): boolean;
  goal(goal: Goal): boolean;
}

export function mentorScope(handle: string | undefined): MentorScope {
  if (handle === undefined) return { mentor: all, meeting: all, action: all, goal: all };
  return {
    mentor: (mentor) => mentor.handle === handle,
    meeting: (meeting) => meeting.mentor === handle,
    action: (action) => action.mentor === handle,
    goal: (goal) => goal.mentors.includes(handle),
  };
}

const all = () => true;

/** The part of the journal that concerns one mentor (all of it when none is named), in journal order. */
export function recordsConcerning(
  journal: Journal,
  handle: string | undefined,
): Pick<Journal, 'mentors' | 'goals' | 'meetings' | 'actions'> {
  const scope = mentorScope(handle);
  return {
    mentors: journal.mentors.filter(scope.mentor),
    goals: journal.goals.filter(scope.goal),
    meetings: journal.meetings.filter(scope.meeting),
    actions: journal.actions.filter(scope.action),
  };
}
