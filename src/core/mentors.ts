import { UsageError, UserError } from '../errors.js';
import { deriveHandle, HANDLE_PATTERN } from './ids.js';
import { changesSomething, type MentorAddInput, type MentorEditInput } from './inputs.js';
import { findMentor, RECORD_ID } from './refs.js';
import type { Journal, Mentor } from './schema.js';
import { readCadence, readContact, readDay } from './specs.js';

export function addMentor(journal: Journal, input: MentorAddInput, now: Date): Mentor {
  const taken = new Set(journal.mentors.map((mentor) => mentor.handle));
  const handle = input.handle?.toLowerCase() ?? deriveHandle(input.name, taken);
  if (!HANDLE_PATTERN.test(handle)) {
    throw new UsageError(`--handle: "${input.handle}" must start with a letter and use only a-z, 0-9 and -.`);
  }
  if (RECORD_ID.test(handle))
    throw new UsageError(`--handle: "${handle}" looks like a record id (m1, g1, a1); choose another.`);
  if (taken.has(handle))
    throw new UserError(`A mentor with handle "${handle}" already exists; choose another with --handle.`);
  const at = now.toISOString();
  const mentor: Mentor = {
    handle,
    name: input.name,
    ...(input.role ? { role: input.role } : {}),
    ...(input.contact ? { contact: readContact(input.contact) } : {}),
    ...(input.cadence ? { cadenceDays: readCadence(input.cadence) } : {}),
    ...(input.length ? { lengthMinutes: input.length } : {}),
    rules: input.rule,
    expectations: [...new Set(input.expect)],
    startDate: input.since ? readDay(input.since, now, '--since') : readDay('today', now, '--since'),
    status: 'active',
    createdAt: at,
    updatedAt: at,
  };
  journal.mentors.push(mentor);
  return mentor;
}

export function editMentor(journal: Journal, ref: string, input: MentorEditInput, now: Date): Mentor {
  const mentor = findMentor(journal, ref);
  if (!changesSomething(input))
    throw new UsageError('Nothing to change: give --role, --contact, --cadence, --rule or another field.');
  if (input.name) mentor.name = input.name;
  if (input.role) mentor.role = input.role;
  if (input.contact) mentor.contact = readContact(input.contact);
  if (input.cadence) mentor.cadenceDays = readCadence(input.cadence);
  if (input.length) mentor.lengthMinutes = input.length;
  if (input.since) mentor.startDate = readDay(input.since, now, '--since');
  mentor.rules = [...(input.clearRules ? [] : mentor.rules), ...input.rule];
  mentor.expectations = [...new Set([...(input.clearExpect ? [] : mentor.expectations), ...input.expect])];
  mentor.updatedAt = now.toISOString();
  return mentor;
}

export function setMentorStatus(
  journal: Journal,
  ref: string,
  status: Mentor['status'],
  now: Date,
  endNote?: string,
): Mentor {
  const mentor = findMentor(journal, ref);
  mentor.status = status;
  if (status === 'ended' && endNote) mentor.endNote = endNote;
  if (status === 'active') delete mentor.endNote;
  mentor.updatedAt = now.toISOString();
  return mentor;
}

/** Mentors a new goal or action can be linked to: known references, resolved to handles. */
export function mentorHandles(journal: Journal, refs: string[]): string[] {
  return [...new Set(refs.map((ref) => findMentor(journal, ref).handle))];
}
