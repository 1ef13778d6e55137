/**
 * The journal's fixed vocabulary and an empty journal: plain values, so code that needs them does not
 * load the schema library (the shapes themselves, and their types, are in schema.ts).
 */
import type { Journal } from './schema.js';

/** Bump when the journal's shape changes, and add a step to `store/migrations.ts`. */
export const JOURNAL_VERSION = 3;

export const SUPPORT_KINDS = ['career', 'opportunities', 'pitfalls', 'emotional', 'balance', 'other'] as const;
export const GOAL_CATEGORIES = [
  'career',
  'clinical',
  'research',
  'education',
  'leadership',
  'wellbeing',
  'personal',
] as const;
export const GOAL_STATUSES = ['active', 'achieved', 'paused', 'dropped'] as const;
export const MENTOR_STATUSES = ['active', 'paused', 'ended'] as const;
export const MEETING_MODES = ['in-person', 'video', 'phone', 'other'] as const;
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const TOPIC_KINDS = ['question', 'decision', 'update', 'feedback', 'personal'] as const;
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export const ACTION_OWNERS = ['me', 'mentor'] as const;
export const REVIEW_STATES = ['done', 'progress', 'blocked', 'dropped', 'open'] as const;
export const TOPIC_OUTCOMES = ['covered', 'parked'] as const;

/** A meeting, or a topic in one, lasts whole minutes, at most a day. */
export const MAX_MINUTES = 24 * 60;
export function isValidMinutes(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes > 0 && minutes <= MAX_MINUTES;
}

/** A meeting whose mentor has no usual length. */
export const DEFAULT_MEETING_MINUTES = 30;

/** A mentor's handle: what people type to name them; never shaped like a record id (see refs.ts). */
export const HANDLE_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

export function emptyJournal(now: Date): Journal {
  const at = now.toISOString();
  return {
    version: JOURNAL_VERSION,
    counters: { g: 1, m: 1, a: 1 },
    profile: {},
    mentors: [],
    goals: [],
    meetings: [],
    actions: [],
    conflicts: [],
    createdAt: at,
    updatedAt: at,
    history: { undo: [], redo: [] },
  };
}
