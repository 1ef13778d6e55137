import * as z from 'zod';
import { flag, optionalText } from '../input/flags.js';

/** The optional --note of commands that change a status (done, drop, end). */
export const noteFlags = z.object({ note: optionalText });

/** Commands whose only flag is --json. */
export const jsonFlags = z.object({ json: flag });
