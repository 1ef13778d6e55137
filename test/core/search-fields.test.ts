/**
 * Every text field of the journal's schema is either searched or deliberately left out: the fields are
 * read from the schema itself, so a text field added later fails here until it is placed on one side.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { NOT_TEXT } from '../../src/core/journal-texts.js';
import { recordTexts } from '../../src/core/record-texts.js';
import { JournalSchema, type Journal } from '../../src/core/schema.js';
import { search } from '../../src/core/search.js';
import { NOW_ISO } from '../helpers/clock.js';

/** Not a mentee's words: who people are, references to other records, and the prompts of templates. */
const LEFT_OUT: Record<string, string> = {
  'profile.name': 'who the mentee is',
  'profile.stage': 'who the mentee is',
  'mentors.handle': 'a reference',
  'mentors.name': 'who the mentor is',
  'mentors.role': 'who the mentor is',
  'mentors.contact.channel': 'how to reach them',
  'mentors.contact.address': 'how to reach them',
  'goals.mentors': 'references',
  'meetings.mentor': 'a reference',
  'meetings.prep.topics.goalId': 'a reference',
  'meetings.prep.topics.carriedFrom': 'a reference',
  'meetings.prep.goals': 'references',
  'meetings.prep.review.actionId': 'a reference',
  'meetings.prep.reflections.prompt': "a template's question, not the mentee's answer",
  'meetings.prep.template': "a template's name",
  'actions.mentor': 'a reference',
  'actions.goalId': 'a reference',
  'actions.meetingId': 'a reference',
};

/** The dotted paths of every string field below `schema`, less those that are never text (NOT_TEXT). */
function textFields(schema: z.ZodType, path: string[] = []): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  if (path.length && NOT_TEXT.has(path.at(-1)!)) return [];
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, inner]) =>
        textFields(inner, [...path, key]),
      );
    case 'array':
      return textFields(def.element, path);
    case 'optional':
    case 'nullable':
      return textFields(def.innerType, path);
    case 'string':
      return [path.join('.')];
    default:
      return [];
  }
}

/** The strings at a dotted path, through every list on the way. */
function valuesAt(node: unknown, path: string[]): string[] {
  if (Array.isArray(node)) return node.flatMap((item) => valuesAt(item, path));
  if (!path.length) return typeof node === 'string' && node ? [node] : [];
  if (node === null || typeof node !== 'object') return [];
  return valuesAt((node as Record<string, unknown>)[path[0]!], path.slice(1));
}

const RECORDS = ['profile', 'mentors', 'goals', 'meetings', 'actions'];

/** Each text field's value: one word of its own, so finding it proves which field was searched. */
const word = (field: string) => `zq${field.replace(/[^a-z]/gi, '').toLowerCase()}`;

const at = NOW_ISO;
const full = {
  version: 3,
  conflicts: [],
  counters: { g: 2, m: 2, a: 2 },
  profile: { name: word('profile.name'), stage: word('profile.stage') },
  mentors: [
    {
      handle: 'ada',
      uid: '00000000-0000-4000-8000-000000000001',
      name: word('mentors.name'),
      role: word('mentors.role'),
      contact: { channel: word('mentors.contact.channel'), address: word('mentors.contact.address') },
      cadenceDays: 28,
      lengthMinutes: 30,
      rules: [word('mentors.rules')],
      expectations: ['career'],
      startDate: '2026-01-01',
      status: 'ended',
      endNote: word('mentors.endNote'),
      createdAt: at,
      updatedAt: at,
    },
  ],
  goals: [
    {
      id: 'g1',
      uid: '00000000-0000-4000-8000-000000000002',
      title: word('goals.title'),
      category: 'career',
      why: word('goals.why'),
      success: word('goals.success'),
      targetDate: '2027-01-01',
      status: 'active',
      progress: [{ at, note: word('goals.progress.note') }],
      mentors: ['ada'],
      createdAt: at,
      updatedAt: at,
    },
  ],
  meetings: [
    {
      id: 'm1',
      uid: '00000000-0000-4000-8000-000000000003',
      mentor: 'ada',
      when: at,
      lengthMinutes: 30,
      mode: 'video',
      status: 'cancelled',
      prep: {
        intention: word('meetings.prep.intention'),
        topics: [
          {
            title: word('meetings.prep.topics.title'),
            detail: word('meetings.prep.topics.detail'),
            kind: 'question',
            minutes: 10,
            goalId: 'g1',
            priority: 1,
            carriedFrom: 'm1',
            outcome: 'covered',
            outcomeNote: word('meetings.prep.topics.outcomeNote'),
          },
        ],
        goals: ['g1'],
        review: [{ actionId: 'a1', state: 'done', note: word('meetings.prep.review.note') }],
        reflections: [
          { prompt: word('meetings.prep.reflections.prompt'), answer: word('meetings.prep.reflections.answer') },
        ],
        template: word('meetings.prep.template'),
        preparedAt: at,
      },
      log: {
        advice: [word('meetings.log.advice')],
        feedback: [word('meetings.log.feedback')],
        decisions: [word('meetings.log.decisions')],
        challenged: [word('meetings.log.challenged')],
        privateReflection: word('meetings.log.privateReflection'),
        nextMeeting: at,
        loggedAt: at,
      },
      cancelNote: word('meetings.cancelNote'),
      createdAt: at,
      updatedAt: at,
    },
  ],
  actions: [
    {
      id: 'a1',
      uid: '00000000-0000-4000-8000-000000000004',
      title: word('actions.title'),
      owner: 'me',
      mentor: 'ada',
      due: '2026-12-01',
      dueRemoved: '2026-11-30',
      status: 'done',
      goalId: 'g1',
      meetingId: 'm1',
      notes: [{ at, note: word('actions.notes.note') }],
      completedAt: at,
      createdAt: at,
      updatedAt: at,
    },
  ],
  createdAt: at,
  updatedAt: at,
  history: { undo: [], redo: [] },
};

describe('what search reads', () => {
  const journal: Journal = JournalSchema.parse(full);
  const shape = (JournalSchema as unknown as { _zod: { def: { shape: Record<string, z.ZodType> } } })._zod.def.shape;
  const fields = RECORDS.flatMap((key) => textFields(shape[key]!, [key]));
  const searched = new Set(recordTexts(journal, true).map((text) => text.text));

  it('finds every text field of the schema in the journal filled for this test', () => {
    expect(fields.length).toBeGreaterThan(30);
    for (const field of fields) expect(valuesAt(full, field.split('.')), field).not.toEqual([]);
  });

  it.each(fields.filter((field) => !(field in LEFT_OUT)))('searches %s', (field) => {
    expect(searched.has(word(field))).toBe(true);
    expect(search(journal, { terms: [word(field)] }, { includePrivate: true })).toHaveLength(1);
  });

  it.each(Object.keys(LEFT_OUT))('leaves out %s on purpose', (field) => {
    expect(fields).toContain(field);
    expect(searched.has(word(field))).toBe(false);
  });

  it('searches private texts only when asked', () => {
    for (const field of ['meetings.log.privateReflection', 'meetings.prep.reflections.answer']) {
      expect(search(journal, { terms: [word(field)] })).toEqual([]);
      expect(search(journal, { terms: [word(field)] }, { includePrivate: true })).toHaveLength(1);
    }
  });
});
