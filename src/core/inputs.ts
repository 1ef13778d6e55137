/**
 * What each change to the journal takes, as zod schemas. Commands validate their flags with these
 * (`opts()` goes in, errors name the flag), and the core functions take the inferred types. Dates stay
 * text here: the core reads them against the injected clock.
 */
import * as z from 'zod';
import { optionalText, text } from './input-text.js';
import { GOAL_CATEGORIES, GOAL_STATUSES, MEETING_MODES, SUPPORT_KINDS, TOPIC_KINDS } from './model.js';

const title = text;
const list = z.array(text).default([]);
/** Whole minutes, from a flag's text or a number: "30" yes; "1e3", "0x10", "half an hour" no. */
const minutes = z
  .union([z.number(), z.string().trim().regex(/^\d+$/, 'must be a whole number of minutes').transform(Number)], {
    error: 'must be a whole number of minutes',
  })
  .pipe(
    z
      .number()
      .int('must be a whole number of minutes')
      .positive('must be more than 0 minutes')
      .max(24 * 60, 'must be at most a day (1440 minutes)'),
  );

const SUPPORT_ALIASES: Record<string, (typeof SUPPORT_KINDS)[number]> = {
  guidance: 'career',
  'career-guidance': 'career',
  opportunity: 'opportunities',
  doors: 'opportunities',
  pitfall: 'pitfalls',
  honesty: 'pitfalls',
  support: 'emotional',
  'emotional-support': 'emotional',
  'work-life': 'balance',
  'work-life-balance': 'balance',
  wellbeing: 'balance',
};
const supportKind = z.preprocess(
  (value) => (typeof value === 'string' ? (SUPPORT_ALIASES[value.toLowerCase()] ?? value.toLowerCase()) : value),
  z.enum(SUPPORT_KINDS, { error: `must be one of ${SUPPORT_KINDS.join(', ')}` }),
);
const lowerEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.toLowerCase() : value),
    z.enum(values, { error: `must be one of ${values.join(', ')}` }),
  );

export const ProfileInput = z.object({ name: optionalText, stage: optionalText });

/** The optional --note of commands that change a status (done, drop, end). */
export const NoteInput = z.object({ note: optionalText });

export const MentorFieldsInput = z.object({
  role: optionalText,
  contact: optionalText,
  cadence: optionalText,
  length: minutes.optional(),
  rule: list,
  expect: z.array(supportKind).default([]),
  since: optionalText,
});
export const MentorAddInput = MentorFieldsInput.extend({ name: title, handle: optionalText });
export const MentorEditInput = MentorFieldsInput.extend({
  name: optionalText,
  clearRules: z.boolean().default(false),
  clearExpect: z.boolean().default(false),
});

export const GoalFieldsInput = z.object({
  category: lowerEnum(GOAL_CATEGORIES).optional(),
  target: optionalText,
  why: optionalText,
  success: optionalText,
  mentor: list,
});
export const GoalAddInput = GoalFieldsInput.extend({ title });
export const GoalUpdateInput = GoalFieldsInput.extend({
  title: optionalText,
  note: optionalText,
  status: lowerEnum(GOAL_STATUSES).optional(),
});

export const ActionAddInput = z.object({
  title,
  due: optionalText,
  goal: optionalText,
  mentor: optionalText,
  owner: lowerEnum(['me', 'mentor'] as const).default('me'),
  note: optionalText,
});
export const ActionEditInput = z.object({
  title: optionalText,
  due: optionalText,
  clearDue: z.boolean().default(false),
  goal: optionalText,
  mentor: optionalText,
  owner: lowerEnum(['me', 'mentor'] as const).optional(),
  note: optionalText,
});

/** A topic as a wizard gathers it: more than "title:minutes" can say. */
export const TopicDraft = z.object({
  title,
  kind: z.enum(TOPIC_KINDS).optional(),
  minutes: minutes.optional(),
  goalId: optionalText,
  detail: optionalText,
  carriedFrom: optionalText,
});

export const PrepInput = z.object({
  meeting: optionalText,
  mentor: optionalText,
  when: optionalText,
  length: minutes.optional(),
  mode: lowerEnum(MEETING_MODES).optional(),
  intention: optionalText,
  topic: list,
  kind: lowerEnum(TOPIC_KINDS).optional(),
  goal: list,
  review: list,
  carryParked: z.boolean().default(false),
  template: optionalText,
  /** From the wizard: structured topics, added after those given with --topic. */
  topicDrafts: z.array(TopicDraft).default([]),
  /** From the wizard: the agenda's whole topic list, in order, replacing what was there. */
  replaceTopics: z.boolean().default(false),
  reflections: z.array(z.object({ prompt: title, answer: title })).default([]),
});

export const LogInput = z.object({
  meeting: optionalText,
  mentor: optionalText,
  when: optionalText,
  length: minutes.optional(),
  mode: lowerEnum(MEETING_MODES).optional(),
  topic: list,
  covered: list,
  parked: list,
  advice: list,
  feedback: list,
  decision: list,
  challenged: list,
  action: list,
  mentorAction: list,
  private: optionalText,
  next: optionalText,
  amend: z.boolean().default(false),
  /** From the wizard: an outcome and note per topic number. */
  outcomes: z
    .array(
      z.object({ number: z.number().int().positive(), outcome: z.enum(['covered', 'parked']), note: optionalText }),
    )
    .default([]),
  /** From the wizard: actions with their due date text kept apart from the title. */
  plannedActions: z.array(z.object({ title, due: optionalText, owner: z.enum(['me', 'mentor']) })).default([]),
});

export type ProfileInput = z.infer<typeof ProfileInput>;
export type NoteInput = z.infer<typeof NoteInput>;
export type MentorAddInput = z.infer<typeof MentorAddInput>;
export type MentorEditInput = z.infer<typeof MentorEditInput>;
export type GoalAddInput = z.infer<typeof GoalAddInput>;
export type GoalUpdateInput = z.infer<typeof GoalUpdateInput>;
export type ActionAddInput = z.infer<typeof ActionAddInput>;
export type ActionEditInput = z.infer<typeof ActionEditInput>;
export type PrepInput = z.infer<typeof PrepInput>;
export type TopicDraft = z.infer<typeof TopicDraft>;
export type LogInput = z.infer<typeof LogInput>;

export const EXPORT_FORMATS = ['md', 'html', 'ics', 'json'] as const;
export const ExportInput = z.object({
  format: lowerEnum(EXPORT_FORMATS).optional(),
  next: z.boolean().default(false),
  meeting: optionalText,
  since: optionalText,
  /** The same as --since, for a period written as --from … --to …. */
  from: optionalText,
  to: optionalText,
  all: z.boolean().default(false),
  mentor: optionalText,
  includePrivate: z.boolean().default(false),
  out: optionalText,
  force: z.boolean().default(false),
  schema: z.boolean().default(false),
});
export type ExportInput = z.infer<typeof ExportInput>;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Whether an edit's flags change anything: a value, a non-empty list, or a switch turned on. */
export function changesSomething(input: Record<string, unknown>): boolean {
  return Object.values(input).some((value) =>
    Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false,
  );
}
