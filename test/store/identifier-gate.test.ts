/**
 * The identifier gate sits on the store every command is given, so no way of bringing text in can
 * pass it. Proved here over the journal's own schema: every string field is either something mentee
 * writes itself (a date, an id, a fixed word) or is checked, and an NHS number put into each is caught.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { newUid } from '../../src/core/ids.js';
import { guardedStore } from '../../src/cli/identifier-guard.js';
import { NOT_TEXT } from '../../src/core/journal-texts.js';
import { JOURNAL_VERSION } from '../../src/core/model.js';
import { JournalSchema, type Journal } from '../../src/core/schema.js';
import { UsageError } from '../../src/errors.js';
import { serialiseJournal } from '../../src/store/journal-file.js';
import { openJournalStore, type JournalStore } from '../../src/store/journal-store.js';
import { clock, NOW, tempFolder, validMeeting, validMentor, writeJournalText } from './fixtures.js';

interface Leaf {
  path: string[];
  kind: 'text' | 'made by mentee';
}

/** Every string field of the journal schema, and whether it is something mentee writes itself. */
function stringFields(schema: z.ZodType, path: string[] = []): Leaf[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === 'optional') return stringFields(def.innerType as z.ZodType, path);
  if (def.type === 'array') return stringFields(def.element as z.ZodType, path);
  if (def.type === 'object')
    return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, value]) =>
      stringFields(value, [...path, key]),
    );
  if (def.type === 'enum' || def.type === 'literal') return [{ path, kind: 'made by mentee' }];
  if (def.type !== 'string') return [];
  const checks = (def.checks as { _zod: { def: { format?: string } } }[] | undefined) ?? [];
  const madeByMentee =
    Boolean(def.format) || (['id', 'uid', 'calendarUid', 'field', 'commit', 'before'].includes(path.at(-1)!) && checks.some((c) => c._zod.def.format === 'regex'));
  return [{ path, kind: madeByMentee ? 'made by mentee' : 'text' }];
}

/** A journal with every field there is filled in. */
function fullJournal(): Journal {
  const at = NOW;
  return JournalSchema.parse({
    version: JOURNAL_VERSION,
    counters: { g: 2, m: 2, a: 2 },
    history: { undo: [], redo: [] },
    conflicts: [
      {
        at,
        kind: 'action',
        uid: '00000000-0000-4000-8000-000000000001',
        id: 'a1',
        field: 'title',
        kept: '"Book the exam"',
        other: '"Book the exam soon"',
        private: false,
      },
    ],
    profile: { name: 'Sam', stage: 'FY2' },
    mentors: [
      validMentor({ role: 'GP partner', contact: { channel: 'email', address: 'ada@example.org' }, endNote: 'Thanks' }),
    ],
    goals: [
      {
        id: 'g1',
        uid: newUid(),
        title: 'Pass MRCP',
        category: 'career',
        why: 'To progress',
        success: 'A pass',
        targetDate: '2027-01-01',
        status: 'active',
        progress: [{ at, note: 'Booked' }],
        mentors: ['lovelace'],
        createdAt: at,
        updatedAt: at,
      },
    ],
    meetings: [
      validMeeting({
        status: 'cancelled',
        cancelNote: 'Ill',
        prep: {
          intention: 'Clarity',
          topics: [
            {
              title: 'Rota',
              detail: 'Nights',
              kind: 'question',
              minutes: 10,
              goalId: 'g1',
              priority: 1,
              carriedFrom: 'm1',
              outcome: 'covered',
              outcomeNote: 'Agreed',
            },
          ],
          goals: ['g1'],
          review: [{ actionId: 'a1', state: 'done', note: 'Sent' }],
          reflections: [{ prompt: 'What went well?', answer: 'Most' }],
          template: 'check-in',
          preparedAt: at,
        },
        log: {
          advice: ['Rest'],
          feedback: ['Good'],
          decisions: ['Apply'],
          challenged: ['Time'],
          privateReflection: 'Tired',
          nextMeeting: at,
          loggedAt: at,
        },
      }),
    ],
    actions: [
      {
        id: 'a1',
        uid: newUid(),
        title: 'Email',
        owner: 'me',
        mentor: 'lovelace',
        due: '2026-12-04',
        dueRemoved: '2026-12-01',
        status: 'done',
        goalId: 'g1',
        meetingId: 'm1',
        notes: [{ at, note: 'Done' }],
        completedAt: at,
        createdAt: at,
        updatedAt: at,
      },
    ],
    createdAt: at,
    updatedAt: at,
  });
}

/** Each place in `journal` that `path` names (every element of a list). */
function placesOf(node: unknown, path: string[]): { holder: Record<string, unknown>; key: string }[] {
  if (Array.isArray(node)) return node.flatMap((item) => placesOf(item, path));
  if (!node || typeof node !== 'object') return [];
  const [key, ...rest] = path;
  const holder = node as Record<string, unknown>;
  if (!rest.length) {
    const value = holder[key!];
    return Array.isArray(value)
      ? value.map((_, index) => ({ holder: value as never, key: String(index) }))
      : [{ holder, key: key! }];
  }
  return placesOf(holder[key!], rest);
}

// A sync conflict's values are copies of texts that were in a journal, and were checked there.
const fields = stringFields(JournalSchema as unknown as z.ZodType).filter(({ path }) => path[0] !== 'conflicts');
const NUMBERS = [
  '943.476.5919',
  '943/476/5919',
  '943 476-5919',
  '943 - 476 - 5919',
  '9434765919',
  '943\u2013476\u20135919',
];

describe('the identifier gate on the store', () => {
  let journal: string;
  let cleanup: () => Promise<void>;
  let store: JournalStore;
  let before: string;

  beforeEach(async () => {
    ({ journal, cleanup } = await tempFolder());
    before = serialiseJournal(fullJournal());
    await writeJournalText(journal, before);
    store = guardedStore(openJournalStore(journal, clock), {
      patterns: async () => [],
      kept: new Set(),
      ask: undefined,
    });
  });
  afterEach(() => cleanup());

  it('leaves unread only fields mentee writes itself: dates, ids and fixed words', () => {
    for (const { path, kind } of fields)
      expect([path.join('.'), NOT_TEXT.has(path.at(-1)!)]).toEqual([path.join('.'), kind === 'made by mentee']);
  });

  it('catches an NHS number put into any text field of the journal, and writes nothing', async () => {
    const texts = fields.filter(({ kind }) => kind === 'text');
    expect(texts.length).toBeGreaterThan(25);
    for (const [index, { path }] of texts.entries()) {
      const number = NUMBERS[index % NUMBERS.length]!;
      const refusal = await store
        .update((data) => {
          const places = placesOf(data, path);
          expect(places, `the full journal has no ${path.join('.')}`).not.toHaveLength(0);
          places[0]!.holder[places[0]!.key] = `Seen ${number} today`;
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(refusal, path.join('.')).toBeInstanceOf(UsageError);
      expect((refusal as Error).message).toContain(`(${number})`);
      expect(await readFile(journal, 'utf8')).toBe(before);
    }
  });

  it('lets through text already in the journal, and a change with none', async () => {
    await store.update((data) => {
      data.actions[0]!.title = 'Email the training lead';
    });
    expect((await store.read()).actions[0]!.title).toBe('Email the training lead');
  });
});
