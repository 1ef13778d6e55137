import type { Journal, Meeting } from './schema.js';

/**
 * The everyday part of a journal: all that the reads run most often look at (the home screen, the
 * list of open actions, a TAB offering mentors, goals, open actions or planned meetings). Years of
 * finished work are most of a journal and none of these reads looks at it, so the store keeps this
 * part in a file derived from the journal (see store/everyday-file.ts) and these reads load only that.
 *
 * Every read given this part must answer exactly as it does given the whole journal:
 * test/core/everyday.test.ts holds each of them to that over many journals and days.
 */

/** Which rule made a kept part: change it whenever everydayPart keeps something else. */
export const EVERYDAY_FORM = 1;

/**
 * Kept whole: the profile, mentors, goals and conflicts. Kept of actions: the open ones. Kept of
 * meetings: the planned ones (ahead, or happened and awaiting their log) and each mentor's last held
 * one (when they last met). The last record of each list is kept too, so whether there are any is
 * unchanged. Records keep their order. The undo history is left out.
 */
export function everydayPart(journal: Journal): Journal {
  const lastHeld = new Map<string, Meeting>();
  for (const meeting of journal.meetings) {
    if (meeting.status !== 'held') continue;
    const kept = lastHeld.get(meeting.mentor);
    // The last of those held at one moment, as a stable sort by time leaves it.
    if (!kept || Date.parse(meeting.when) >= Date.parse(kept.when)) lastHeld.set(meeting.mentor, meeting);
  }
  const heldKept = new Set(lastHeld.values());
  const { actions, meetings } = journal;
  return {
    ...journal,
    actions: actions.filter((action, index) => action.status === 'open' || index === actions.length - 1),
    meetings: meetings.filter(
      (meeting, index) => meeting.status === 'planned' || heldKept.has(meeting) || index === meetings.length - 1,
    ),
    history: { undo: [], redo: [] },
  };
}
