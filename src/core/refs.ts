import { refuse, type MentorName } from './problems.js';
import type { Action, Goal, Journal, Meeting, Mentor } from './schema.js';
import { nearest } from './suggest.js';

/** How goal, meeting and action ids look; mentor handles never do. */
export const RECORD_ID = /^[gma]\d+$/;

/** Which kind of record a reference names: an id's letter, else a mentor. */
export function recordKind(ref: string): 'goal' | 'meeting' | 'action' | 'mentor' {
  const id = ref.trim().toLowerCase();
  if (!RECORD_ID.test(id)) return 'mentor';
  return ({ g: 'goal', m: 'meeting', a: 'action' } as const)[id[0] as 'g' | 'm' | 'a'];
}

/** The mentor with this handle, if there is one. */
export function mentorWithHandle(journal: Journal, handle: string | undefined): Mentor | undefined {
  return journal.mentors.find((candidate) => candidate.handle === handle);
}

/** The mentor a record points at by handle (references are checked when the journal is read). */
export function mentorOf(journal: Journal, handle: string): Mentor {
  const mentor = mentorWithHandle(journal, handle);
  if (!mentor) throw new Error(`no mentor with handle ${handle}`);
  return mentor;
}

/**
 * How text for people names a mentor (lists, cards, the home screen, confirmations): by name; the handle
 * is for what to type and for machine-readable output. The handle itself if it is somehow unknown.
 */
export function mentorName(journal: Journal, handle: string | undefined): string {
  return mentorWithHandle(journal, handle)?.name ?? handle ?? '';
}

/** A mentor by handle, or by a unique case-insensitive part of the name ("ada", "lovelace"). */
export function findMentor(journal: Journal, ref: string): Mentor {
  const wanted = ref.trim().toLowerCase();
  if (!wanted) refuse({ code: 'mentor-ref-empty' });
  const byHandle = mentorWithHandle(journal, wanted);
  if (byHandle) return byHandle;
  const matches = journal.mentors.filter((mentor) => mentor.name.toLowerCase().includes(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) refuse({ code: 'mentor-ambiguous', ref, matches: matches.map(nameOf) });
  return refuse({ code: 'mentor-not-found', ref, known: journal.mentors.map(nameOf), ...nearMentors(journal, wanted) });
}

/**
 * The one mentor whose handle or name is close to what was typed, word by word ("lovelce", "Ada Lovelce",
 * "turnig"), if only one is.
 */
function nearMentors(journal: Journal, typed: string): { nearest?: MentorName[] } {
  const typedWords = wordsOf(typed);
  const close = journal.mentors.filter((mentor) => {
    const keys = [mentor.handle, ...wordsOf(mentor.name)];
    return (
      typedWords.length > 0 &&
      typedWords.every((word) => keys.includes(word) || nearest(word, keys, Infinity).length > 0)
    );
  });
  return close.length === 1 ? { nearest: close.map(nameOf) } : {};
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((word) => word.length > 1);
}

function nameOf({ handle, name }: Mentor): MentorName {
  return { handle, name };
}

export function findGoal(journal: Journal, id: string): Goal {
  return findById(journal.goals, id, 'goal');
}

export function findMeeting(journal: Journal, id: string): Meeting {
  return findById(journal.meetings, id, 'meeting');
}

export function findAction(journal: Journal, id: string): Action {
  return findById(journal.actions, id, 'action');
}

function findById<T extends { id: string }>(records: T[], id: string, kind: 'goal' | 'meeting' | 'action'): T {
  const wanted = id.trim().toLowerCase();
  const found = records.find((record) => record.id === wanted);
  if (found) return found;
  const near = nearIds(records, wanted, kind);
  return refuse({ code: 'record-not-found', kind, ref: id, ...(near.length ? { nearest: near } : {}) });
}

/** An id of this kind one slip from what was typed ("a99" for a9, "7" for a7); never one of another kind. */
function nearIds(records: { id: string }[], wanted: string, kind: 'goal' | 'meeting' | 'action'): string[] {
  const letter = kind[0]!;
  const typed = /^\d+$/.test(wanted) ? `${letter}${wanted}` : wanted;
  if (!typed.startsWith(letter)) return [];
  const ids = records.map((record) => record.id);
  return ids.includes(typed) ? [typed] : nearest(typed, ids);
}

/** The one active mentor, when there is exactly one: the mentor meant when none is named. */
export function soleActiveMentor(journal: Journal): Mentor | undefined {
  const active = journal.mentors.filter((mentor) => mentor.status === 'active');
  return active.length === 1 ? active[0] : undefined;
}
