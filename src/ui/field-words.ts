/** How messages name a record's fields and what the identifier guard found in them. */
import type { FoundIdentifier } from '../core/identifiers.js';

/** "The topic title of m2", "The contact address of lovelace", "Your name". */
export function placeOf(record: string, field: string[]): string {
  const words = fieldWords(field);
  return record === 'profile' ? `Your ${words}` : `The ${words} of ${record}`;
}

/** A field of a record as people say it: ["prep", "topics", "title"] is "topic title", goalId is "goal". */
export function fieldWords(field: readonly string[]): string {
  return (
    FIELD_WORDS[field.join('.')] ?? field.map((key) => key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)).join(' ')
  );
}

const FIELD_WORDS: Record<string, string> = {
  'contact.channel': 'contact channel',
  'contact.address': 'contact address',
  rules: 'ground rule',
  endNote: 'closing note',
  'progress.note': 'progress note',
  mentors: 'mentor',
  'prep.intention': 'intention',
  'prep.topics.title': 'topic title',
  'prep.topics.detail': 'topic detail',
  'prep.topics.goalId': 'topic goal',
  'prep.topics.carriedFrom': 'topic origin',
  'prep.topics.outcomeNote': 'topic outcome note',
  'prep.goals': 'prep goal',
  'prep.review.actionId': 'reviewed action',
  'prep.review.note': 'review note',
  'prep.reflections.prompt': 'reflection prompt',
  'prep.reflections.answer': 'reflection',
  'prep.template': 'prep template name',
  'log.advice': 'advice',
  'log.feedback': 'feedback',
  'log.decisions': 'decision',
  'log.challenged': 'challenge',
  'log.privateReflection': 'private reflection',
  cancelNote: 'cancellation note',
  goalId: 'goal',
  meetingId: 'meeting',
  'notes.note': 'note',
  cadenceDays: 'cadence',
  lengthMinutes: 'length',
};

/** "an NHS number (943 476 5919)", for one sentence of a message. */
export function describeFound(found: FoundIdentifier[]): string {
  const [first] = found;
  const more = found.length > 1 ? ` and ${found.length - 1} more` : '';
  return `${first!.kind} (${first!.text})${more}`;
}
