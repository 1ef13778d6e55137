import * as z from 'zod';
import {
  ACTION_OWNERS,
  ACTION_STATUSES,
  GOAL_CATEGORIES,
  GOAL_STATUSES,
  HANDLE_PATTERN,
  JOURNAL_VERSION,
  MEETING_MODES,
  MEETING_STATUSES,
  MENTOR_STATUSES,
  REVIEW_STATES,
  SUPPORT_KINDS,
  TOPIC_KINDS,
  TOPIC_OUTCOMES,
} from './model.js';

const isoDateTime = z.iso.datetime({ offset: true, error: 'invalid date-time' });
const isoDate = z.iso.date({ error: 'invalid date' });
const text = z.string().trim().min(1, 'must not be empty');

const timestamps = { createdAt: isoDateTime, updatedAt: isoDateTime };

/** A record's own id for good, the same on every device (a UUID), beside the short id people type. */
const uid = z.uuid({ error: 'invalid uid' });
/** The calendar UID a record upgraded from journal version 2 already had, kept so no event is duplicated. */
const calendarUid = z
  .string()
  .regex(/^[ma]\d+\.[0-9a-z]+@mentee$/, 'invalid calendar uid')
  .optional();

export const ProfileSchema = z.strictObject({
  name: z.string().optional(),
  stage: z.string().optional(),
});

export const MentorSchema = z.strictObject({
  handle: z.string().regex(HANDLE_PATTERN, 'invalid handle'),
  uid,
  name: text,
  role: z.string().optional(),
  contact: z.strictObject({ channel: text, address: z.string() }).optional(),
  cadenceDays: z.number().int().positive().optional(),
  lengthMinutes: z.number().int().positive().optional(),
  rules: z.array(text),
  expectations: z.array(z.enum(SUPPORT_KINDS)),
  startDate: isoDate,
  status: z.enum(MENTOR_STATUSES),
  endNote: z.string().optional(),
  ...timestamps,
});

export const ProgressNoteSchema = z.strictObject({ at: isoDateTime, note: text });

export const GoalSchema = z.strictObject({
  id: z.string().regex(/^g\d+$/, 'invalid goal id'),
  uid,
  title: text,
  category: z.enum(GOAL_CATEGORIES),
  why: z.string().optional(),
  success: z.string().optional(),
  targetDate: isoDate.optional(),
  status: z.enum(GOAL_STATUSES),
  progress: z.array(ProgressNoteSchema),
  mentors: z.array(z.string()),
  ...timestamps,
});

export const TopicSchema = z.strictObject({
  title: text,
  detail: z.string().optional(),
  kind: z.enum(TOPIC_KINDS).optional(),
  minutes: z.number().int().positive().optional(),
  goalId: z.string().optional(),
  priority: z.number().int().optional(),
  /** The meeting this topic was parked at, when it was carried over. */
  carriedFrom: z.string().optional(),
  outcome: z.enum(TOPIC_OUTCOMES).optional(),
  outcomeNote: z.string().optional(),
});

export const ReviewSchema = z.strictObject({
  actionId: z.string(),
  state: z.enum(REVIEW_STATES),
  note: z.string().optional(),
});

export const PrepSchema = z.strictObject({
  intention: z.string().optional(),
  topics: z.array(TopicSchema),
  goals: z.array(z.string()),
  review: z.array(ReviewSchema),
  reflections: z.array(z.strictObject({ prompt: text, answer: z.string() })),
  template: z.string().optional(),
  preparedAt: isoDateTime.optional(),
});

export const LogSchema = z.strictObject({
  advice: z.array(text),
  feedback: z.array(text),
  decisions: z.array(text),
  challenged: z.array(text),
  /** Never shared unless the mentee asks for it (see privacy.ts). */
  privateReflection: z.string().optional(),
  nextMeeting: isoDateTime.optional(),
  loggedAt: isoDateTime,
});

export const MeetingSchema = z.strictObject({
  id: z.string().regex(/^m\d+$/, 'invalid meeting id'),
  uid,
  calendarUid,
  mentor: z.string(),
  when: isoDateTime,
  lengthMinutes: z.number().int().positive(),
  mode: z.enum(MEETING_MODES),
  status: z.enum(MEETING_STATUSES),
  prep: PrepSchema.optional(),
  log: LogSchema.optional(),
  /** Why it was cancelled, as the mentee said it. */
  cancelNote: z.string().optional(),
  ...timestamps,
});

export const ActionSchema = z.strictObject({
  id: z.string().regex(/^a\d+$/, 'invalid action id'),
  uid,
  calendarUid,
  title: text,
  owner: z.enum(ACTION_OWNERS),
  mentor: z.string().optional(),
  due: isoDate.optional(),
  /** The day it was due before its due date was removed, so a calendar can cancel that day's event. */
  dueRemoved: isoDate.optional(),
  status: z.enum(ACTION_STATUSES),
  goalId: z.string().optional(),
  meetingId: z.string().optional(),
  notes: z.array(ProgressNoteSchema),
  completedAt: isoDateTime.optional(),
  ...timestamps,
});

/** One record as a change left it: `before` null when the change added it, `after` null when it removed it. */
function changedRecord<K extends string, R extends z.ZodType>(kind: K, record: R, id: z.ZodType<string>) {
  return z.strictObject({
    kind: z.literal(kind),
    id,
    /** Where it stood in its list, in the version that has it, so undo and redo put it back there. */
    index: z.number().int().min(0).optional(),
    before: record.nullable(),
    after: record.nullable(),
  });
}

export const ChangedRecordSchema = z.discriminatedUnion('kind', [
  changedRecord('profile', ProfileSchema, z.literal('')),
  changedRecord('mentor', MentorSchema, z.string()),
  changedRecord('goal', GoalSchema, z.string()),
  changedRecord('meeting', MeetingSchema, z.string()),
  changedRecord('action', ActionSchema, z.string()),
]);

/** One change a command made, record by record: what undo puts back and redo puts forward again. */
export const ChangeSchema = z.strictObject({
  at: isoDateTime,
  records: z.array(ChangedRecordSchema).min(1),
  /**
   * A sync's merge: the commit the device's sync repository was at before it ('' when none), so an
   * undo of it also takes the repository back, and the next sync brings those changes in again rather
   * than sending their removal to every device.
   */
  sync: z.strictObject({ before: z.string().regex(/^([0-9a-f]{40,64})?$/, 'invalid commit') }).optional(),
});

/** Changes that can be undone (oldest first) and changes undone that can be redone (the next one last). */
export const HistorySchema = z.strictObject({ undo: z.array(ChangeSchema), redo: z.array(ChangeSchema) });

export const RECORD_KINDS = ['profile', 'mentor', 'goal', 'meeting', 'action'] as const;

/**
 * What a sync's merge set aside: one field of one record changed differently on two devices. The
 * later change was kept; `other` is the one not kept, so nothing is dropped without a trace.
 */
export const ConflictSchema = z.strictObject({
  at: isoDateTime,
  kind: z.enum(RECORD_KINDS),
  /** The record's uid ('' for the profile). */
  uid: z.string().regex(/^([0-9a-fA-F-]{36})?$/, 'invalid uid'),
  /** Its short id or handle when the conflict was noted ('' for the profile). */
  id: z.string().regex(/^([gma]\d+|[a-z][a-z0-9-]{0,31})?$/, 'invalid id'),
  /** Where in the record, as a dotted path: "title", "log.advice", "prep.topics.2.minutes". */
  field: z.string().regex(/^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/, 'invalid field'),
  /** The values as JSON text (null for a value that was not there). */
  kept: z.string(),
  other: z.string(),
  /** Private text: shown only when asked for, as every private note is. */
  private: z.boolean(),
});

/** A journal's fields, each checked on its own; JournalSchema adds the rules across records. */
export const JournalShape = z.strictObject({
  version: z.literal(JOURNAL_VERSION),
  /** Next number for each id prefix; only ever grows, so ids are never reused. */
  counters: z.strictObject({ g: z.number().int().min(1), m: z.number().int().min(1), a: z.number().int().min(1) }),
  profile: ProfileSchema,
  mentors: z.array(MentorSchema),
  goals: z.array(GoalSchema),
  meetings: z.array(MeetingSchema),
  actions: z.array(ActionSchema),
  /** Kept until the mentee has seen them (synced: every device shows them). */
  conflicts: z.array(ConflictSchema),
  ...timestamps,
  /** This device's undo and redo: never synced. */
  history: HistorySchema,
  /**
   * The commit of the synced copy this journal was last merged with, on this device only: the base of
   * its next merge, kept in the journal so a backup restored or an undo of a sync carries its own.
   */
  sync: z.strictObject({ commit: z.string().regex(/^[0-9a-f]{40,64}$/, 'invalid commit') }).optional(),
});

export const JournalSchema = JournalShape.superRefine((journal, ctx) =>
  checkReferences(journal, (issue) => ctx.addIssue({ code: 'custom', ...issue })),
);

/** Where a journal breaks a rule across its records. */
export interface ReferenceIssue {
  path: (string | number)[];
  message: string;
}

/** What breaks the rules across records (see checkReferences) in a journal whose fields are each valid. */
export function referenceIssues(journal: z.infer<typeof JournalShape>): ReferenceIssue[] {
  const issues: ReferenceIssue[] = [];
  checkReferences(journal, (issue) => issues.push(issue));
  return issues;
}

/**
 * What a shape cannot say: ids are unique and below their counter (so a new one never collides),
 * and every reference points at a record that exists. Catches hand edits before they cause harm.
 */
function checkReferences(journal: z.infer<typeof JournalShape>, report: (issue: ReferenceIssue) => void): void {
  const handles = new Set<string>();
  journal.mentors.forEach((mentor, index) => {
    if (handles.has(mentor.handle))
      report({ path: ['mentors', index, 'handle'], message: `duplicate handle "${mentor.handle}"` });
    handles.add(mentor.handle);
  });
  const collections = [
    ['goals', 'g', journal.goals],
    ['meetings', 'm', journal.meetings],
    ['actions', 'a', journal.actions],
  ] as const;
  const ids = new Set<string>();
  const uids = new Set<string>();
  const uniqueUid = (record: { uid: string }, path: (string | number)[]) => {
    if (uids.has(record.uid)) report({ path, message: `duplicate uid "${record.uid}"` });
    uids.add(record.uid);
  };
  journal.mentors.forEach((mentor, index) => uniqueUid(mentor, ['mentors', index, 'uid']));
  for (const [name, prefix, records] of collections) {
    records.forEach((record, index) => {
      uniqueUid(record, [name, index, 'uid']);
      if (ids.has(record.id)) report({ path: [name, index, 'id'], message: `duplicate id "${record.id}"` });
      ids.add(record.id);
      if (Number(record.id.slice(1)) >= journal.counters[prefix]) {
        report({ path: ['counters', prefix], message: `must be above every ${prefix} id in use (${record.id})` });
      }
    });
  }
  const mustExist = (value: string | undefined, known: Set<string>, path: (string | number)[]) => {
    if (value !== undefined && !known.has(value))
      report({ path, message: `refers to "${value}", which does not exist` });
  };
  journal.goals.forEach((goal, index) =>
    goal.mentors.forEach((handle, at) => mustExist(handle, handles, ['goals', index, 'mentors', at])),
  );
  journal.meetings.forEach((meeting, index) => mustExist(meeting.mentor, handles, ['meetings', index, 'mentor']));
  journal.actions.forEach((action, index) => {
    mustExist(action.mentor, handles, ['actions', index, 'mentor']);
    mustExist(action.goalId, ids, ['actions', index, 'goalId']);
    mustExist(action.meetingId, ids, ['actions', index, 'meetingId']);
  });
}

export type Journal = z.infer<typeof JournalSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type Mentor = z.infer<typeof MentorSchema>;
export type Goal = z.infer<typeof GoalSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type Prep = z.infer<typeof PrepSchema>;
export type Log = z.infer<typeof LogSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type ChangedRecord = z.infer<typeof ChangedRecordSchema>;
export type Change = z.infer<typeof ChangeSchema>;
export type History = z.infer<typeof HistorySchema>;
export type Conflict = z.infer<typeof ConflictSchema>;
export type RecordKind = (typeof RECORD_KINDS)[number];
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export type GoalCategory = (typeof GOAL_CATEGORIES)[number];
export type MeetingMode = (typeof MEETING_MODES)[number];
export type TopicKind = (typeof TOPIC_KINDS)[number];
