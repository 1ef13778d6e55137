/**
 * Deterministic journals for the benchmark, built with mentee's own core and written by its own store,
 * so they are exactly what real use produces. S: one mentor, one year. M: a heavy decade. L: stress.
 */
import { addAction, closeAction } from '../src/core/actions.js';
import { addGoal, updateGoal } from '../src/core/goals.js';
import { logMeeting } from '../src/core/log.js';
import { addMentor } from '../src/core/mentors.js';
import { prepMeeting } from '../src/core/prep.js';
import { emptyJournal } from '../src/core/model.js';
import type { Journal } from '../src/core/schema.js';
import { openJournalStore } from '../src/store/journal-store.js';

export interface Size {
  name: 'S' | 'M' | 'L';
  mentors: number;
  meetings: number;
  actions: number;
  goals: number;
}

export const SIZES: Size[] = [
  { name: 'S', mentors: 1, meetings: 12, actions: 60, goals: 5 },
  { name: 'M', mentors: 5, meetings: 600, actions: 3_000, goals: 100 },
  { name: 'L', mentors: 8, meetings: 6_000, actions: 30_000, goals: 300 },
];

/** The share of actions still open in every journal but S (whose recent actions alone are more). */
export const OPEN_SHARE = 0.1;

/** The benchmark's "now": every journal ends just before it. */
export const BENCH_NOW = new Date('2026-11-25T09:00:00Z');
const DAY = 86_400_000;

/** mulberry32: a tiny seeded generator, so every run builds the same journals. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const WORDS = [
  'rota',
  'audit',
  'portfolio',
  'exam',
  'research',
  'teaching',
  'clinic',
  'handover',
  'career',
  'feedback',
  'interview',
  'leadership',
  'wellbeing',
  'specialty',
  'presentation',
];

export function buildJournal(size: Size): Journal {
  const next = random(42 + size.meetings);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const phrase = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(' ');
  const sentence = () => `${phrase(1).replace(/^./, (letter) => letter.toUpperCase())} ${phrase(8)}.`;
  // A meeting a week across all mentors (M: a heavy decade), squeezed into twenty years for L.
  const gap = Math.min(7 * DAY, (20 * 365 * DAY) / size.meetings);
  const span = size.meetings * gap;
  const start = BENCH_NOW.getTime() - span - 30 * DAY;
  const at = (offset: number) => new Date(start + offset);
  const journal = emptyJournal(at(0));

  const handles = Array.from(
    { length: size.mentors },
    (_, index) =>
      addMentor(
        journal,
        {
          name: `Dr Mentor ${String.fromCharCode(65 + index)} ${phrase(1)}`,
          cadenceDays: 28,
          lengthMinutes: 30,
          rules: [sentence(), sentence()],
          expectations: ['career', 'emotional'],
        },
        at(0),
      ).handle,
  );
  for (let index = 0; index < size.goals; index++) {
    addGoal(
      journal,
      {
        title: sentence(),
        category: 'career',
        why: sentence(),
        success: sentence(),
        mentors: [pick(handles)],
      },
      at(DAY),
    );
  }

  const perMeeting = Math.floor(size.actions / size.meetings);
  const whenOf = (index: number) => at(30 * DAY + Math.floor((index * gap) / DAY) * DAY + 17.5 * 3_600_000);
  // Issue 16 compares journals with 10% of actions open: the last two months' stay open, and just enough
  // older ones are picked at random (selection sampling, so the count is exact) to make up the rest.
  const settled = (held: Date) => held.getTime() < BENCH_NOW.getTime() - 60 * DAY;
  let olderLeft = 0;
  for (let index = 0; index < size.meetings; index++)
    if (settled(new Date(whenOf(index).getTime() + 3_600_000))) olderLeft += perMeeting;
  let olderOpenLeft = Math.max(0, Math.round(OPEN_SHARE * size.actions) - (size.actions - olderLeft));
  for (let index = 0; index < size.meetings; index++) {
    const when = whenOf(index);
    const mentor = pick(handles);
    prepMeeting(
      journal,
      {
        mentor,
        when,
        intention: sentence(),
        topics: [
          { title: `${index}a ${phrase(3)}`, minutes: 10 },
          { title: `${index}b ${phrase(3)}`, minutes: 10 },
          { title: `${index}c ${phrase(2)}`, minutes: 5 },
        ],
        replaceTopics: false,
        goals: [`g${1 + Math.floor(next() * size.goals)}`],
        reviews: [],
        carryParked: false,
        reflections: [],
      },
      new Date(when.getTime() - 3 * DAY),
    );
    const held = new Date(when.getTime() + 3_600_000);
    logMeeting(
      journal,
      {
        meeting: `m${journal.counters.m - 1}`,
        topics: [],
        outcomes: [
          { number: 1, outcome: 'covered' },
          { number: 2, outcome: 'covered' },
          { number: 3, outcome: 'parked' },
        ],
        advice: [sentence(), sentence()],
        feedback: [sentence()],
        decisions: [sentence()],
        challenged: [sentence()],
        actions: [],
        privateReflection: `${sentence()} ${sentence()}`,
        amend: false,
      },
      held,
    );
    for (let k = 0; k < perMeeting; k++) {
      const action = addAction(
        journal,
        {
          title: sentence(),
          owner: 'me',
          due: new Date(held.getTime() + 14 * DAY).toISOString().slice(0, 10),
          mentor,
          note: sentence(),
        },
        held,
      );
      if (!settled(held)) continue;
      if (next() * olderLeft-- < olderOpenLeft) olderOpenLeft--;
      else closeAction(journal, action.id, 'done', new Date(held.getTime() + (5 + next() * 20) * DAY));
    }
    if (index % 5 === 0)
      updateGoal(journal, `g${1 + Math.floor(next() * size.goals)}`, { note: sentence(), mentors: [] }, held);
  }
  while (journal.actions.length < size.actions) addAction(journal, { title: sentence(), owner: 'me' }, BENCH_NOW);
  // Uids are random in use; here they come from the seed too.
  for (const record of [...journal.mentors, ...journal.goals, ...journal.meetings, ...journal.actions])
    record.uid = seededUid(next);
  return journal;
}

/** A version 4 UUID made of the seeded generator's numbers. */
function seededUid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(next() * 4)]!;
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/** Writes a journal to `path` through the store (lock, validation, atomic write), replacing what is there. */
export async function writeJournal(path: string, journal: Journal): Promise<void> {
  const store = openJournalStore(path, () => BENCH_NOW);
  await store.update((current) => void Object.assign(current, journal));
  // Put in as one change, the whole journal would be undo's newest change and double the file; a journal
  // kept for years has only its last few small changes there.
  await store.update((current) => void (current.history = { undo: [], redo: [] }));
}
