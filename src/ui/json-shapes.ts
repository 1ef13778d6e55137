/**
 * The shapes of --json output, declared once, in zod (see README, "JSON output"). The builders in
 * json.ts are typed by them (so they cannot drift), tests parse real output with them, and
 * `mentee export --schema` prints the JSON Schema of ExportJsonSchema. Only the builders' *types*
 * come from here: commands that print JSON do not load zod for it.
 */
import * as z from 'zod';
import {
  ActionSchema,
  GoalSchema,
  MeetingSchema,
  MentorSchema,
  ProfileSchema,
  ProgressNoteSchema,
  RECORD_KINDS,
  TopicSchema,
} from '../core/schema.js';
import { TEXT_KINDS } from '../core/record-texts.js';
import { THEME_KINDS } from '../core/review.js';

const whole = () => z.number().int();

const TimeCheckSchema = z.strictObject({
  plannedMinutes: whole(),
  lengthMinutes: whole(),
  overBy: whole(),
  untimed: whole(),
});

/** `prep --json`, `show m1 --json`: a meeting's agenda, or its record once logged. */
export const AgendaJsonSchema = z.strictObject({
  meeting: MeetingSchema,
  mentor: z.strictObject({ handle: z.string(), name: z.string() }),
  timeCheck: TimeCheckSchema,
  goals: z.array(GoalSchema),
  actionsReviewed: z.array(z.strictObject({ action: ActionSchema, state: z.string(), note: z.string().nullable() })),
  actionsAgreed: z.array(ActionSchema),
});
export type AgendaJson = z.input<typeof AgendaJsonSchema>;

const PlannedMeetingJsonSchema = z.strictObject({
  id: z.string(),
  when: z.iso.datetime({ offset: true }),
  mentor: z.string(),
  prepared: z.boolean(),
});

/** `status --json`: the home screen as data. */
export const StatusJsonSchema = z.strictObject({
  nextMeeting: PlannedMeetingJsonSchema.nullable(),
  /** Every planned meeting in the next UPCOMING_WEEKS (core/status.ts), soonest first. */
  upcoming: z.array(PlannedMeetingJsonSchema),
  awaitingLog: z.string().nullable(),
  overdue: z.array(ActionSchema),
  dueSoon: z.array(ActionSchema),
  mentorCommitments: z.array(ActionSchema),
  staleGoals: z.array(GoalSchema),
  goalsPastTarget: z.array(GoalSchema.extend({ daysPastTarget: whole() })),
  mentorsOverdue: z.array(
    z.strictObject({
      mentor: z.string(),
      name: z.string(),
      cadenceDays: whole(),
      lastMet: z.iso.datetime({ offset: true }).nullable(),
      daysSince: whole(),
    }),
  ),
});
export type StatusJson = z.input<typeof StatusJsonSchema>;

/** `mentor pause|resume|end --json`: the mentor as it now is, and what the change carried along. */
export const MentorStatusJsonSchema = z.strictObject({
  mentor: MentorSchema,
  /** Meetings planned with them that this change cancelled (ending: every one still to come). */
  cancelled: z.array(z.string()),
  /** What they offered and had not done, dropped by this change (ending). */
  dropped: z.array(z.string()),
  /** Meetings with them still planned after the change. */
  stillPlanned: z.array(z.string()),
});
export type MentorStatusJson = z.input<typeof MentorStatusJsonSchema>;

const ExportMeetingSchema = z
  .strictObject({ kind: z.literal('meeting'), ...AgendaJsonSchema.shape })
  .describe('One meeting: its agenda, or its record once logged.');

const ExportSummarySchema = z
  .strictObject({
    kind: z.literal('summary'),
    from: z.iso.datetime({ offset: true }).nullable(),
    to: z.iso.datetime({ offset: true }),
    mentor: z.string().nullable(),
    figures: z.strictObject({
      meetingsHeld: whole(),
      actionsCompleted: whole(),
      completedOnTime: whole(),
      completedLate: whole(),
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

/** `export --format json`. */
export const ExportJsonSchema = z
  .discriminatedUnion('kind', [ExportMeetingSchema, ExportSummarySchema, ExportJournalSchema])
  .describe('mentee export --format json. Private reflections are present only with --include-private.');
export type ExportJson = z.input<typeof ExportJsonSchema>;

/** What `mentee export --schema` prints. */
export function exportJsonSchemaDocument(): Record<string, unknown> {
  return { title: 'mentee export', ...z.toJSONSchema(ExportJsonSchema) };
}

/** A review's actions by where they stood: done by their due date, after it, open at the end of the period, dropped in it. */
const ActionsByOutcomeSchema = z.strictObject({
  onTime: z.array(ActionSchema),
  late: z.array(ActionSchema),
  open: z.array(ActionSchema),
  dropped: z.array(ActionSchema),
});

const instant = () => z.iso.datetime({ offset: true });

/** `mentee review --format json` (or --json): a review of a period. */
export const ReviewJsonSchema = z
  .strictObject({
    kind: z.literal('review'),
    from: instant(),
    to: instant(),
    /** The mentor's handle with --mentor, else null. */
    mentor: z.string().nullable(),
    figures: z.strictObject({
      meetingsHeld: whole(),
      meetingsCancelled: whole(),
      /** What the mentors' cadences ask for over the period; null when no mentor has a cadence. */
      meetingsExpected: whole().nullable(),
      actionsCompleted: whole(),
      completedOnTime: whole(),
      completedLate: whole(),
      actionsOpen: whole(),
      actionsOverdue: whole(),
      actionsDropped: whole(),
      goalsReviewed: whole(),
      progressNotes: whole(),
      advice: whole(),
      decisions: whole(),
    }),
    goals: z.array(
      z.strictObject({
        goal: GoalSchema,
        progressInPeriod: z.array(ProgressNoteSchema),
        /** Held meetings of the period that touched the goal: its topics there, and that meeting's advice and decisions. */
        meetings: z.array(
          z.strictObject({
            id: z.string(),
            when: instant(),
            mentor: z.string(),
            topics: z.array(TopicSchema),
            advice: z.array(z.string()),
            decisions: z.array(z.string()),
          }),
        ),
        actions: ActionsByOutcomeSchema,
      }),
    ),
    mentors: z.array(
      z.strictObject({
        handle: z.string(),
        name: z.string(),
        cadenceDays: whole().nullable(),
        /** Days of the period the mentorship covered. */
        days: whole(),
        expected: whole().nullable(),
        held: z.array(z.string()),
        cancelled: z.array(z.string()),
      }),
    ),
    /** Advice, feedback, decisions and challenged assumptions by tag (lower case, no #), most given first; tag null for the untagged, last. */
    themes: z.array(
      z.strictObject({
        tag: z.string().nullable(),
        items: z.array(
          z.strictObject({
            kind: z.enum(THEME_KINDS),
            text: z.string(),
            meeting: z.string(),
            mentor: z.string(),
            when: instant(),
          }),
        ),
      }),
    ),
    /** Every action of the period in scope, by where it stood. */
    actions: ActionsByOutcomeSchema,
    /** The prompts of the portfolio-reflection prep template (yours, if you have one by that name). */
    reflectionPrompts: z.array(z.string()),
    /** Private reflections of the period's meetings: only with --include-private, else null. */
    privateReflections: z
      .array(
        z.strictObject({
          meeting: z.string(),
          when: instant(),
          mentor: z.string(),
          reflection: z.string().nullable(),
          reflections: z.array(z.strictObject({ prompt: z.string(), answer: z.string() })),
        }),
      )
      .nullable(),
  })
  .describe('mentee review --format json. Private reflections are present only with --include-private.');
export type ReviewJson = z.input<typeof ReviewJsonSchema>;
/**
 * `search --json`: the texts found, newest first. `id` is the record to `show` (a meeting, action or goal
 * id, or a mentor's handle); `date` its ISO day; `mentor` the handle of the mentor searched for, else the
 * first one the text concerns, "" when none; `text` whole, as written.
 */
export const SearchJsonSchema = z.strictObject({
  results: z.array(
    z.strictObject({
      kind: z.enum(TEXT_KINDS),
      id: z.string(),
      date: z.iso.date(),
      mentor: z.string(),
      text: z.string(),
      /** A private reflection or a reflection answer: found only with --include-private. */
      private: z.boolean(),
    }),
  ),
});
export type SearchJson = z.input<typeof SearchJsonSchema>;

/** `tags --json`: every tag, most used first; `count` the texts that carry it, `lastUsed` the newest one's ISO day. */
export const TagsJsonSchema = z.strictObject({
  tags: z.array(z.strictObject({ tag: z.string(), count: whole(), lastUsed: z.iso.date() })),
});
export type TagsJson = z.input<typeof TagsJsonSchema>;
/** `mentee config list --json`: every setting, its value in force (null when unset) and where it came from. */
export const ConfigJsonSchema = z.strictObject({
  file: z.string(),
  settings: z.array(
    z.strictObject({
      key: z.string(),
      value: z.union([z.string(), z.number()]).nullable(),
      from: z.enum(['config', 'environment']).nullable(),
      /** The environment variables that set it, the first set winning ("VISUAL, EDITOR"). */
      env: z.string(),
    }),
  ),
});
export type ConfigJson = z.input<typeof ConfigJsonSchema>;

const recordCounts = z.strictObject({ added: whole(), changed: whole(), removed: whole() });
/** How many records of each kind were added, changed or removed. */
const syncCounts = z.strictObject({
  profile: recordCounts,
  mentor: recordCounts,
  goal: recordCounts,
  meeting: recordCounts,
  action: recordCounts,
});
/**
 * A sync conflict: one field of one record changed differently on two devices. `kept` and `other` are the
 * values as JSON text; a private field's are null unless --include-private was given.
 */
const syncConflict = z.strictObject({
  at: z.iso.datetime({ offset: true }),
  kind: z.enum(RECORD_KINDS),
  id: z.string(),
  field: z.string(),
  kept: z.string().nullable(),
  other: z.string().nullable(),
  private: z.boolean(),
});
/**
 * `sync --json` and `sync init --json`: `received` the records other devices added, changed or removed
 * that this device now has; `sent` this device's that the remote has (`pushed` false: not yet, it could
 * not be reached: `unsent` says why); `renumbered` short ids changed because two devices made the same
 * one (`side` "this" when it was this device's record); `conflicts` those this sync noted.
 */
export const SyncJsonSchema = z.strictObject({
  remote: z.string(),
  received: syncCounts,
  sent: syncCounts,
  pushed: z.boolean(),
  unsent: z.string().optional(),
  encrypted: z.boolean(),
  renumbered: z.array(
    z.strictObject({ kind: z.enum(RECORD_KINDS), from: z.string(), to: z.string(), side: z.enum(['this', 'other']) }),
  ),
  conflicts: z.array(syncConflict),
});
export type SyncJson = z.input<typeof SyncJsonSchema>;
/**
 * `sync status --json`: `toSend` this device's changes the remote lacks, `toFetch` the remote's this device
 * lacks (as of the fetch; all zero when `reachable` is false); `lastShared` when both last agreed (null
 * before the first sync); `conflicts` every conflict noted and not yet dismissed.
 */
export const SyncStatusJsonSchema = z.strictObject({
  remote: z.string(),
  reachable: z.boolean(),
  unreachable: z.string().optional(),
  toSend: syncCounts,
  toFetch: syncCounts,
  lastShared: z.iso.datetime({ offset: true }).nullable(),
  conflicts: z.array(syncConflict),
});
export type SyncStatusJson = z.input<typeof SyncStatusJsonSchema>;
