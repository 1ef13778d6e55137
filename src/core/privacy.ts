import type { Meeting } from './schema.js';

/** A meeting as it may be shown to anyone else: the private reflection removed. */
export function withoutPrivate(meeting: Meeting): Meeting {
  if (!meeting.log?.privateReflection) return meeting;
  const { privateReflection: _private, ...log } = meeting.log;
  return { ...meeting, log };
}

export function shareable(meeting: Meeting, includePrivate: boolean): Meeting {
  return includePrivate ? meeting : withoutPrivate(meeting);
}
