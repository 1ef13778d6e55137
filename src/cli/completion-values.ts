import type { JournalValues } from './command-spec.js';
import type { Candidate } from './complete-words.js';
import { mentorName } from '../core/refs.js';
import type { Journal, Meeting } from '../core/schema.js';
import { oneLine } from '../ui/one-line.js';
import { count, formatDateTime } from '../ui/words.js';
import { recordTexts } from '../core/record-texts.js';
import { tagUses } from '../core/record-texts.js';

/** The values found in a journal's everyday part alone (see core/everyday.ts): a TAB that offers them reads only that. */
export const EVERYDAY_VALUES: ReadonlySet<JournalValues> = new Set([
  'mentor',
  'goal',
  'open-action',
  'planned-meeting',
]);

/**
 * The journal's values a shell offers, with what it shows beside them: mentors by handle with their
 * name, goals and actions by id with their title, meetings by id with their time and mentor.
 */
export function journalValues(journal: Journal, kind: JournalValues): Candidate[] {
  const mentors = () => journal.mentors.map((mentor) => candidate(mentor.handle, mentor.name, mentor.status, 'active'));
  const goals = () => journal.goals.map((goal) => candidate(goal.id, goal.title, goal.status, 'active'));
  const actions = (status?: string) =>
    journal.actions
      .filter((action) => !status || action.status === status)
      .map((action) => candidate(action.id, action.title, action.status, 'open'));
  const meetings = (status?: Meeting['status']) =>
    journal.meetings
      .filter((meeting) => !status || meeting.status === status)
      .map((meeting) => candidate(meeting.id, meetingText(journal, meeting), meeting.status, 'planned'));
  switch (kind) {
    case 'mentor':
      return mentors();
    case 'goal':
      return goals();
    case 'action':
      return actions();
    case 'open-action':
      return actions('open');
    case 'meeting':
      return meetings();
    case 'planned-meeting':
      return meetings('planned');
    case 'record':
      return [...meetings(), ...goals(), ...actions(), ...mentors()];
    case 'tag':
      // From shared texts only: a tag written in a private reflection is never offered.
      return tagUses(recordTexts(journal)).map((use) => ({ value: use.tag, description: count(use.count, 'mention') }));
  }
}

function meetingText(journal: Journal, meeting: Meeting): string {
  return `${formatDateTime(meeting.when)}, ${mentorName(journal, meeting.mentor)}`;
}

/** With its status when that is not the usual one (a done action offered to reopen). */
function candidate(value: string, text: string, status: string, usual: string): Candidate {
  const line = shellLine(text);
  return { value, description: status === usual ? line : `${line} (${status})` };
}

/** What a shell can show beside a value: one line, no tabs or control characters, not too long. */
export function shellLine(text: string): string {
  const line = oneLine(text).replace(/[\t\p{Cc}]+/gu, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
