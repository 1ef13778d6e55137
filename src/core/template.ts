import * as z from 'zod';
import { TOPIC_KINDS } from './model.js';

/** A prep template: what a kind of meeting usually covers. Built in under templates/prep, or the user's own. */
export const PrepTemplateSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case words joined by -'),
  description: z.string().min(1),
  defaultMinutes: z.number().int().positive().max(240),
  topics: z.array(
    z.strictObject({
      title: z.string().min(1),
      kind: z.enum(TOPIC_KINDS).optional(),
      minutes: z.number().int().positive().optional(),
    }),
  ),
  prompts: z.array(z.string().min(1)),
});

export type PrepTemplate = z.infer<typeof PrepTemplateSchema>;

export const DEFAULT_TEMPLATE = 'check-in';
export const FIRST_MEETING_TEMPLATE = 'first-meeting';
