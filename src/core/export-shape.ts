/**
 * The shape of `mentee export --format json`, as zod schemas: the source of the JSON Schema that
 * `mentee export --schema` prints, and what the tests check every JSON export against.
 */
import * as z from 'zod';
import { ActionSchema, GoalSchema, MeetingSchema, MentorSchema, ProfileSchema } from './schema.js';

const TimeCheckSchema = z.strictObject({
  plannedMinutes: z.number().int(),
  lengthMinutes: z.number().int(),
  overBy: z.number().int(),
  untimed: z.number().int(),
});

const ExportMeetingSchema = z
  .strictObject({
    kind: z.literal('meeting'),
    meeting: MeetingSchema,
    mentor: z.strictObject({ handle: z.string(), name: z.string() }),
    timeCheck: TimeCheckSchema,
    goals: z.array(GoalSchema),
    actionsReviewed: z.array(z.strictObject({ action: ActionSchema, state: z.string(), note: z.string().nullable() })),
    actionsAgreed: z.array(ActionSchema),
  })
  .describe('One meeting: its agenda, or its record once logged.');

const ExportSummarySchema = z
  .strictObject({
    kind: z.literal('summary'),
    from: z.iso.datetime({ offset: true }).nullable(),
    to: z.iso.datetime({ offset: true }),
    mentor: z.string().nullable(),
    figures: z.strictObject({
      meetingsHeld: z.number().int(),
      actionsCompleted: z.number().int(),
      completedOnTime: z.number().int(),
      onTimeRate: z.number().min(0).max(1).nullable(),
    }),
    meetings: z.array(MeetingSchema),
    goals: z.array(GoalSchema.extend({ progressInPeriod: GoalSchema.shape.progress })),
    actionsDone: z.array(ActionSchema),
    actionsOpen: z.array(ActionSchema),
  })
  .describe('A progress summary over a period.');

const ExportJournalSchema = z
  .strictObject({
    kind: z.literal('journal'),
    exportedAt: z.iso.datetime({ offset: true }),
    mentor: z.string().nullable(),
    profile: ProfileSchema,
    mentors: z.array(MentorSchema),
    goals: z.array(GoalSchema),
    meetings: z.array(MeetingSchema),
    actions: z.array(ActionSchema),
  })
  .describe('The whole journal (--all), or all of it that concerns one mentor.');

export const ExportJsonSchema = z
  .discriminatedUnion('kind', [ExportMeetingSchema, ExportSummarySchema, ExportJournalSchema])
  .describe('mentee export --format json. Private reflections are present only with --include-private.');

export function exportJsonSchemaDocument(): Record<string, unknown> {
  return { title: 'mentee export', ...z.toJSONSchema(ExportJsonSchema) };
}
