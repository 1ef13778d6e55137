import { toDay } from './dates.js';
import { deriveHandle, newUid } from './ids.js';
import { changesSomething, type MentorAddInput, type MentorEditInput } from './inputs.js';
import { HANDLE_PATTERN } from './model.js';
import { refuse } from './problems.js';
import { findMentor, RECORD_ID } from './refs.js';
import type { Journal, Mentor } from './schema.js';
import { changeStatus, MENTOR_MACHINE, type Cascade } from './transitions.js';

/** A mentor whose status changed, and what changed with it (see MENTOR_MACHINE). */
export interface MentorChange {
  mentor: Mentor;
  cascades: Cascade[];
}

export function addMentor(journal: Journal, input: MentorAddInput, now: Date): Mentor {
  const taken = new Set(journal.mentors.map((mentor) => mentor.handle));
  const handle = input.handle?.toLowerCase() ?? deriveHandle(input.name, taken);
  if (!HANDLE_PATTERN.test(handle)) refuse({ code: 'handle-invalid', handle: input.handle ?? handle });
  if (RECORD_ID.test(handle)) refuse({ code: 'handle-like-id', handle });
  if (taken.has(handle)) refuse({ code: 'handle-taken', handle });
  const at = now.toISOString();
  const mentor: Mentor = {
    handle,
    uid: newUid(),
    name: input.name,
    ...(input.role ? { role: input.role } : {}),
    ...(input.contact ? { contact: input.contact } : {}),
    ...(input.cadenceDays ? { cadenceDays: input.cadenceDays } : {}),
    ...(input.lengthMinutes ? { lengthMinutes: input.lengthMinutes } : {}),
    rules: input.rules,
    expectations: [...new Set(input.expectations)],
    startDate: input.startDate ?? toDay(now),
    status: 'active',
    createdAt: at,
    updatedAt: at,
  };
  journal.mentors.push(mentor);
  return mentor;
}

export function editMentor(journal: Journal, ref: string, input: MentorEditInput, now: Date): Mentor {
  const mentor = findMentor(journal, ref);
  if (!changesSomething(input)) refuse({ code: 'nothing-to-change', record: 'mentor' });
  if (input.name) mentor.name = input.name;
  if (input.role) mentor.role = input.role;
  if (input.contact) mentor.contact = input.contact;
  if (input.cadenceDays) mentor.cadenceDays = input.cadenceDays;
  if (input.lengthMinutes) mentor.lengthMinutes = input.lengthMinutes;
  if (input.startDate) mentor.startDate = input.startDate;
  mentor.rules = [...(input.clearRules ? [] : mentor.rules), ...input.rules];
  mentor.expectations = [...new Set([...(input.clearExpectations ? [] : mentor.expectations), ...input.expectations])];
  mentor.updatedAt = now.toISOString();
  return mentor;
}

export function setMentorStatus(
  journal: Journal,
  ref: string,
  status: Mentor['status'],
  now: Date,
  endNote?: string,
): MentorChange {
  const mentor = findMentor(journal, ref);
  const cascades = changeStatus(MENTOR_MACHINE, journal, mentor, status, now);
  if (status === 'ended' && endNote) mentor.endNote = endNote;
  return { mentor, cascades };
}

/** Mentors a new goal or action can be linked to: known references, resolved to handles. */
export function mentorHandles(journal: Journal, refs: string[]): string[] {
  return [...new Set(refs.map((ref) => findMentor(journal, ref).handle))];
}
