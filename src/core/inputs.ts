/**
 * What each change to the journal takes, as structured values: dates already read (instants, or
 * days as "yyyy-MM-dd"), topics and reviews as objects, references (a mentor, a goal id) as the user
 * named them, resolved by the core. Commands build these from flags, wizards from answers; the core
 * never sees a flag.
 */
import type {
  ACTION_OWNERS,
  GOAL_CATEGORIES,
  GOAL_STATUSES,
  MEETING_MODES,
  SUPPORT_KINDS,
  TOPIC_KINDS,
  TOPIC_OUTCOMES,
} from './model.js';
import type { Review } from './schema.js';

type Of<T extends readonly string[]> = T[number];

export interface ProfileInput {
  name?: string | undefined;
  stage?: string | undefined;
}

export interface Contact {
  channel: string;
  address: string;
}

interface MentorFields {
  role?: string | undefined;
  contact?: Contact | undefined;
  cadenceDays?: number | undefined;
  lengthMinutes?: number | undefined;
  /** Ground rules to add. */
  rules: string[];
  /** Support hoped for, to add. */
  expectations: Of<typeof SUPPORT_KINDS>[];
  /** When the mentoring started, as a day; today when left out. */
  startDate?: string | undefined;
}

export interface MentorAddInput extends MentorFields {
  name: string;
  handle?: string | undefined;
}

export interface MentorEditInput extends MentorFields {
  name?: string | undefined;
  clearRules: boolean;
  clearExpectations: boolean;
}

interface GoalFields {
  category?: Of<typeof GOAL_CATEGORIES> | undefined;
  targetDate?: string | undefined;
  why?: string | undefined;
  success?: string | undefined;
  /** Mentors helping with it, by handle or part of the name. */
  mentors: string[];
}

export interface GoalAddInput extends GoalFields {
  title: string;
}

export interface GoalUpdateInput extends GoalFields {
  title?: string | undefined;
  note?: string | undefined;
  status?: Of<typeof GOAL_STATUSES> | undefined;
}

export interface ActionAddInput {
  title: string;
  owner: Of<typeof ACTION_OWNERS>;
  due?: string | undefined;
  goal?: string | undefined;
  mentor?: string | undefined;
  note?: string | undefined;
}

export interface ActionEditInput {
  title?: string | undefined;
  due?: string | undefined;
  clearDue: boolean;
  goal?: string | undefined;
  mentor?: string | undefined;
  owner?: Of<typeof ACTION_OWNERS> | undefined;
  note?: string | undefined;
}

export interface TopicInput {
  title: string;
  kind?: Of<typeof TOPIC_KINDS> | undefined;
  minutes?: number | undefined;
  goalId?: string | undefined;
  detail?: string | undefined;
  carriedFrom?: string | undefined;
}

export interface PrepInput {
  /** A planned meeting to prepare, by id; else the mentor's meeting on the day of `when`, or their next. */
  meeting?: string | undefined;
  mentor?: string | undefined;
  when?: Date | undefined;
  lengthMinutes?: number | undefined;
  /** How long a new meeting is when its mentor has no usual length of their own (the meetingLength setting). */
  usualLength?: number | undefined;
  mode?: Of<typeof MEETING_MODES> | undefined;
  intention?: string | undefined;
  topics: TopicInput[];
  /** The topics given are the agenda's whole list, in order, replacing what was there. */
  replaceTopics: boolean;
  /** Goals to discuss, by id. */
  goals: string[];
  reviews: Review[];
  /** Bring in the topics parked at the last meeting held with this mentor. */
  carryParked: boolean;
  reflections: { prompt: string; answer: string }[];
}

export interface TopicOutcome {
  /** 1-based, as the agenda numbers its topics. */
  number: number;
  outcome: Of<typeof TOPIC_OUTCOMES>;
  note?: string | undefined;
}

export interface PlannedAction {
  title: string;
  owner: Of<typeof ACTION_OWNERS>;
  due?: string | undefined;
}

export interface LogInput {
  meeting?: string | undefined;
  mentor?: string | undefined;
  when?: Date | undefined;
  lengthMinutes?: number | undefined;
  /** How long a new meeting is when its mentor has no usual length of their own (the meetingLength setting). */
  usualLength?: number | undefined;
  mode?: Of<typeof MEETING_MODES> | undefined;
  /** Topics discussed, added to the agenda (for a meeting that was not prepared). */
  topics: TopicInput[];
  outcomes: TopicOutcome[];
  advice: string[];
  feedback: string[];
  decisions: string[];
  challenged: string[];
  actions: PlannedAction[];
  privateReflection?: string | undefined;
  /** The next meeting; null when the mentee said there is none yet (`none`), so nobody asks. */
  next?: Date | null | undefined;
  /** Add to the notes of a meeting already logged. */
  amend: boolean;
}

/** Whether an edit changes anything: a value, a non-empty list, or a switch turned on. */
export function changesSomething(input: object): boolean {
  return Object.values(input).some((value) =>
    Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false,
  );
}
