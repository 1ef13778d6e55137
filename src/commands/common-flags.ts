import * as z from 'zod';
import { MEETING_MODES } from '../core/model.js';
import { flag, minutes, oneOf, optionalText, readWith } from '../input/flags.js';
import { readMeetingTime } from '../input/read.js';
import type { DateContext } from '../input/date-text.js';

/** The optional --note of commands that change a status (done, drop, end). */
export const noteFlags = z.object({ note: optionalText });

/** Commands whose only flag is --json. */
export const jsonFlags = z.object({ json: flag });

/** Which meeting, when, how long and how: the flags prep and log share. */
export const meetingFlags = (dates: DateContext) => ({
  meeting: optionalText,
  mentor: optionalText,
  when: readWith((text) => readMeetingTime(text, dates)).optional(),
  length: minutes.optional(),
  mode: oneOf(MEETING_MODES).optional(),
});
