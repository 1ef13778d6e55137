import type { Action, Goal, Journal, Meeting, Mentor } from './schema.js';
import { tagsIn } from './tags.js';

/** What a text is, as search's `--kind` names it. */
export const TEXT_KINDS = ['advice', 'feedback', 'decision', 'challenged', 'topic', 'action', 'goal', 'note'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

/** One text a mentee wrote or received, with what search, tags and reviews need to place it. */
export interface RecordText {
  kind: TextKind;
  /** The record to `show`: a meeting, action or goal id, or a mentor's handle. */
  record: string;
  /** When it was said or written (ISO): the meeting's time, a note's own time, else when the record began. */
  at: string;
  /** The handles of the mentors it concerns (a goal may have several; an action or note none). */
  mentors: string[];
  text: string;
  /** A private reflection or the answer to a reflection prompt: only ever read when the mentee asks. */
  private: boolean;
}

/**
 * Every text a mentee writes or receives, record by record: the one list that search, tags, reviews and
 * `--tag` filters read. Which field is which kind is decided here alone. Names, roles, contact addresses
 * and the prompts of templates are not the mentee's words and are left out; private texts come only
 * when `includePrivate` is set.
 */
export function recordTexts(journal: Journal, includePrivate = false): RecordText[] {
  const texts: RecordText[] = [];
  for (const meeting of journal.meetings) texts.push(...meetingTexts(meeting, includePrivate));
  for (const action of journal.actions) texts.push(...actionTexts(action));
  for (const goal of journal.goals) texts.push(...goalTexts(goal));
  for (const mentor of journal.mentors) texts.push(...mentorTexts(mentor));
  return texts;
}

export function meetingTexts(meeting: Meeting, includePrivate = false): RecordText[] {
  const texts: RecordText[] = [];
  const add = (kind: TextKind, text: string | undefined, isPrivate = false) => {
    if (text?.trim() && (includePrivate || !isPrivate))
      texts.push({ kind, record: meeting.id, at: meeting.when, mentors: [meeting.mentor], text, private: isPrivate });
  };
  const { prep, log } = meeting;
  add('note', prep?.intention);
  for (const topic of prep?.topics ?? []) {
    add('topic', topic.title);
    add('topic', topic.detail);
    add('topic', topic.outcomeNote);
  }
  for (const review of prep?.review ?? []) add('note', review.note);
  for (const reflection of prep?.reflections ?? []) add('note', reflection.answer, true);
  for (const advice of log?.advice ?? []) add('advice', advice);
  for (const feedback of log?.feedback ?? []) add('feedback', feedback);
  for (const decision of log?.decisions ?? []) add('decision', decision);
  for (const challenged of log?.challenged ?? []) add('challenged', challenged);
  add('note', log?.privateReflection, true);
  add('note', meeting.cancelNote);
  return texts;
}

export function actionTexts(action: Action): RecordText[] {
  const mentors = action.mentor ? [action.mentor] : [];
  const text = (at: string, words: string): RecordText => ({
    kind: 'action',
    record: action.id,
    at,
    mentors,
    text: words,
    private: false,
  });
  return [text(action.createdAt, action.title), ...action.notes.map((note) => text(note.at, note.note))];
}

export function goalTexts(goal: Goal): RecordText[] {
  const text = (at: string, words: string | undefined): RecordText[] =>
    words?.trim() ? [{ kind: 'goal', record: goal.id, at, mentors: goal.mentors, text: words, private: false }] : [];
  return [
    ...text(goal.createdAt, goal.title),
    ...text(goal.createdAt, goal.why),
    ...text(goal.createdAt, goal.success),
    ...goal.progress.flatMap((note) => text(note.at, note.note)),
  ];
}

export function mentorTexts(mentor: Mentor): RecordText[] {
  const text = (at: string, words: string | undefined): RecordText[] =>
    words?.trim()
      ? [{ kind: 'note', record: mentor.handle, at, mentors: [mentor.handle], text: words, private: false }]
      : [];
  return [...mentor.rules.flatMap((rule) => text(mentor.startDate, rule)), ...text(mentor.updatedAt, mentor.endNote)];
}

/**
 * The records that have `tag` (as tagsIn names it): a record has a tag when any of its texts in `texts`
 * holds it, so a private reflection tags its meeting only when `texts` were taken with private ones.
 * Keyed by `record`: a meeting, action or goal id, or a mentor's handle (handles never look like ids).
 */
export function taggedRecords(texts: readonly RecordText[], tag: string): Set<string> {
  const records = new Set<string>();
  for (const text of texts)
    if (!records.has(text.record) && text.text.includes('#') && tagsIn(text.text).includes(tag))
      records.add(text.record);
  return records;
}

/** The records of `journal` that have `tag`, from their non-private texts (private ones too when asked). */
export function recordsTagged(journal: Journal, tag: string, includePrivate = false): Set<string> {
  return taggedRecords(recordTexts(journal, includePrivate), tag);
}

/** One tag and how much it is used: in how many texts, and the newest of them (ISO, as the text's `at`). */
export interface TagUse {
  tag: string;
  count: number;
  lastUsed: string;
}

/** Every tag written in `texts`, most used first, then most recently used, then by name. */
export function tagUses(texts: readonly RecordText[]): TagUse[] {
  const uses = new Map<string, TagUse & { time: number }>();
  for (const text of texts) {
    if (!text.text.includes('#')) continue;
    const time = Date.parse(text.at);
    for (const tag of tagsIn(text.text)) {
      const use = uses.get(tag);
      if (!use) uses.set(tag, { tag, count: 1, lastUsed: text.at, time });
      else {
        use.count++;
        if (time > use.time) Object.assign(use, { lastUsed: text.at, time });
      }
    }
  }
  return [...uses.values()]
    .sort((a, b) => b.count - a.count || b.time - a.time || (a.tag < b.tag ? -1 : 1))
    .map(({ tag, count, lastUsed }) => ({ tag, count, lastUsed }));
}
