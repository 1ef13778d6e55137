/**
 * Filters of the list commands, apart from inputs.ts so that listing builds one small schema instead
 * of every command's (the most frequent runs are lists, and they should start at once).
 */
import * as z from 'zod';
import { optionalText } from './input-text.js';

export const ActionListInput = z.object({
  all: z.boolean().default(false),
  overdue: z.boolean().default(false),
  mentor: optionalText,
  goal: optionalText,
  mine: z.boolean().default(false),
});
export type ActionListInput = z.infer<typeof ActionListInput>;
