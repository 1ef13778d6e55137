import * as z from 'zod';
import { MEETING_MODES } from '../core/model.js';
import { flag, minutes, oneOf, optionalText, readWith } from '../input/flags.js';
import { readMeetingTime } from '../input/read.js';

/** The optional --note of commands that change a status (done, drop, end). */
export const noteFlags = z.object({ note: optionalText });

/** Commands whose only flag is --json. */
export const jsonFlags = z.object({ json: flag });

/** Which meeting, when, how long and how: the flags prep and log share. */
export const meetingFlags = (now: Date) => ({
  meeting: optionalText,
  mentor: optionalText,
  when: readWith((text) => readMeetingTime(text, now)).optional(),
  length: minutes.optional(),
  mode: oneOf(MEETING_MODES).optional(),
});
