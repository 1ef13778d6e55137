import type { Meeting } from './schema.js';

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
