import type { Conflict, Meeting } from './schema.js';

/**
 * A meeting as it may be shown to anyone else. Private by default: the private reflection written
 * after the meeting, and the answers to reflection prompts written while preparing.
 */
export function withoutPrivate(meeting: Meeting): Meeting {
  const hasReflections = Boolean(meeting.prep?.reflections.length);
  if (!meeting.log?.privateReflection && !hasReflections) return meeting;
  const shared: Meeting = { ...meeting };
  if (meeting.log?.privateReflection) {
    const { privateReflection: _private, ...log } = meeting.log;
    shared.log = log;
  }
  if (meeting.prep && hasReflections) shared.prep = { ...meeting.prep, reflections: [] };
  return shared;
}

export function shareable(meeting: Meeting, includePrivate: boolean): Meeting {
  return includePrivate ? meeting : withoutPrivate(meeting);
}

/** Whether a meeting holds anything private (so `show` can say it is hidden). */
export function hasPrivate(meeting: Meeting): boolean {
  return Boolean(meeting.log?.privateReflection || meeting.prep?.reflections.length);
}

type WithMeetings = { meetings: Meeting[]; conflicts: Conflict[] };

/**
 * The journal less every private text (a sync conflict over one included): what a synced copy
 * carries when it is not encrypted.
 */
export function withoutPrivateTexts<J extends WithMeetings>(journal: J): J {
  return {
    ...journal,
    meetings: journal.meetings.map(withoutPrivate),
    conflicts: journal.conflicts.filter((conflict) => !conflict.private),
  };
}

/**
 * `journal` with, in each meeting, the private texts the same meeting (by uid) has in `own` and no
 * others: what a device keeps to itself when its journal syncs in plain text.
 */
export function withOwnPrivateTexts<J extends WithMeetings>(journal: J, own: WithMeetings): J {
  const mine = new Map(own.meetings.map((meeting) => [meeting.uid, meeting]));
  const meetings = journal.meetings.map((meeting) => {
    const shared = withoutPrivate(meeting);
    const kept = mine.get(meeting.uid);
    if (!kept || !hasPrivate(kept)) return shared;
    const privateReflection = kept.log?.privateReflection;
    const reflections = kept.prep?.reflections ?? [];
    return {
      ...shared,
      ...(shared.log && privateReflection ? { log: { ...shared.log, privateReflection } } : {}),
      ...(shared.prep && reflections.length ? { prep: { ...shared.prep, reflections } } : {}),
    };
  });
  const conflicts = [...journal.conflicts, ...own.conflicts.filter((conflict) => conflict.private)].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at),
  );
  return { ...journal, meetings, conflicts };
}
