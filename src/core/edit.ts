/**
 * Editing one whole record as a form (`mentee edit m3`): which fields a record offers, their values,
 * and applying the fields a person changed to the journal as it is when saved. Fields they left alone
 * are not written, so a change made meanwhile by another command stays. Ids, the mentor a meeting is
 * with, statuses and creation times are not fields: statuses change through their own commands, which
 * keep related records consistent.
 */
import { setDue } from './actions.js';
import { emptyPrep } from './meetings.js';
import { ACTION_OWNERS, GOAL_CATEGORIES, MEETING_MODES, SUPPORT_KINDS } from './model.js';
import { refuse } from './problems.js';
import { sameTopic } from './prep.js';
import { findAction, findGoal, findMeeting, findMentor, recordKind } from './refs.js';
import { JournalSchema, type Journal, type Topic } from './schema.js';

/** How a field's value is written and read: the command line turns each into text and back. */
export type FieldType =
  | { is: 'text' }
  | { is: 'long-text' }
  | { is: 'minutes' }
  | { is: 'days' }
  | { is: 'choice'; of: readonly string[] }
  | { is: 'when' }
  | { is: 'day' }
  | { is: 'texts' }
  | { is: 'choices'; of: readonly string[] }
  | { is: 'contact' }
  | { is: 'notes' }
  | { is: 'topics' };

export type EditKind = 'meeting' | 'action' | 'goal' | 'mentor';

// Records are edited through these accessors only; `any` keeps the table short, zod checks the result.
type Rec = any;

interface FieldSpec {
  key: string;
  type: FieldType;
  /** Where it lives in the record, to name the field a schema problem is about. */
  path: string[];
  required?: boolean;
  private?: boolean;
  /** Shown only when the record has what it belongs to (a meeting's notes once logged). */
  when?: (record: Rec) => boolean;
}

const text = { is: 'text' } as const;
const texts = { is: 'texts' } as const;
const logged = (meeting: Rec) => Boolean(meeting.log);

export const EDIT_FIELDS: Record<EditKind, FieldSpec[]> = {
  meeting: [
    { key: 'when', type: { is: 'when' }, path: ['when'], required: true },
    { key: 'length', type: { is: 'minutes' }, path: ['lengthMinutes'], required: true },
    { key: 'mode', type: { is: 'choice', of: MEETING_MODES }, path: ['mode'], required: true },
    { key: 'intention', type: text, path: ['prep', 'intention'] },
    { key: 'topics', type: { is: 'topics' }, path: ['prep', 'topics'] },
    { key: 'goals', type: texts, path: ['prep', 'goals'] },
    { key: 'advice', type: texts, path: ['log', 'advice'], when: logged },
    { key: 'feedback', type: texts, path: ['log', 'feedback'], when: logged },
    { key: 'decisions', type: texts, path: ['log', 'decisions'], when: logged },
    { key: 'challenged', type: texts, path: ['log', 'challenged'], when: logged },
    { key: 'next-meeting', type: { is: 'when' }, path: ['log', 'nextMeeting'], when: logged },
    {
      key: 'private-reflection',
      type: { is: 'long-text' },
      path: ['log', 'privateReflection'],
      when: logged,
      private: true,
    },
  ],
  action: [
    { key: 'title', type: text, path: ['title'], required: true },
    { key: 'owner', type: { is: 'choice', of: ACTION_OWNERS }, path: ['owner'], required: true },
    { key: 'mentor', type: text, path: ['mentor'] },
    { key: 'due', type: { is: 'day' }, path: ['due'] },
    { key: 'goal', type: text, path: ['goalId'] },
    { key: 'notes', type: { is: 'notes' }, path: ['notes'] },
  ],
  goal: [
    { key: 'title', type: text, path: ['title'], required: true },
    { key: 'category', type: { is: 'choice', of: GOAL_CATEGORIES }, path: ['category'], required: true },
    { key: 'why', type: text, path: ['why'] },
    { key: 'success', type: text, path: ['success'] },
    { key: 'target', type: { is: 'day' }, path: ['targetDate'] },
    { key: 'mentors', type: texts, path: ['mentors'] },
    { key: 'progress', type: { is: 'notes' }, path: ['progress'] },
  ],
  mentor: [
    { key: 'name', type: text, path: ['name'], required: true },
    { key: 'role', type: text, path: ['role'] },
    { key: 'contact', type: { is: 'contact' }, path: ['contact'] },
    { key: 'cadence-days', type: { is: 'days' }, path: ['cadenceDays'] },
    { key: 'length', type: { is: 'minutes' }, path: ['lengthMinutes'] },
    { key: 'rules', type: texts, path: ['rules'] },
    { key: 'expectations', type: { is: 'choices', of: SUPPORT_KINDS }, path: ['expectations'] },
    { key: 'since', type: { is: 'day' }, path: ['startDate'], required: true },
    { key: 'end-note', type: { is: 'long-text' }, path: ['endNote'] },
  ],
};

/** What the form shows but does not let change, in the order shown. */
const FIXED: Record<EditKind, string[]> = {
  meeting: ['id', 'mentor', 'status', 'createdAt'],
  action: ['id', 'status', 'meetingId', 'completedAt', 'createdAt'],
  goal: ['id', 'status', 'createdAt'],
  mentor: ['handle', 'status', 'createdAt'],
};

/** Topic fields the form leaves out, kept from the topic of the same title. */
const HIDDEN_TOPIC_FIELDS = ['carriedFrom', 'priority'] as const;

export const TOPIC_FORM_KEYS = ['title', 'minutes', 'kind', 'detail', 'goal', 'outcome', 'note'] as const;

export interface EditTarget {
  kind: EditKind;
  /** The id or handle, as the record has it. */
  id: string;
  record: Rec;
}

export function findEditTarget(journal: Journal, ref: string): EditTarget {
  const kind = recordKind(ref);
  if (kind === 'mentor') {
    const mentor = findMentor(journal, ref);
    return { kind, id: mentor.handle, record: mentor };
  }
  const record =
    kind === 'meeting'
      ? findMeeting(journal, ref)
      : kind === 'goal'
        ? findGoal(journal, ref)
        : findAction(journal, ref);
  return { kind, id: record.id, record };
}

export interface FieldValue {
  key: string;
  type: FieldType;
  value: unknown;
}

export interface EditForm {
  target: EditTarget;
  fields: FieldValue[];
  fixed: [name: string, value: string][];
}

/** The fields of a record as a form shows them; private ones only when asked for. */
export function editForm(journal: Journal, ref: string, includePrivate: boolean): EditForm {
  const target = findEditTarget(journal, ref);
  const fields = offered(target, includePrivate).map((spec) => ({
    key: spec.key,
    type: spec.type,
    value: formValue(target.record, spec),
  }));
  const fixed = FIXED[target.kind]
    .filter((name) => target.record[name] !== undefined)
    .map((name) => [name, String(target.record[name])] as [string, string]);
  return { target, fields, fixed };
}

/** The keys a person may change in this record's form. */
export function editableKeys(journal: Journal, ref: string, includePrivate: boolean): string[] {
  return offered(findEditTarget(journal, ref), includePrivate).map((spec) => spec.key);
}

function offered(target: EditTarget, includePrivate: boolean): FieldSpec[] {
  return EDIT_FIELDS[target.kind].filter(
    (spec) => (includePrivate || !spec.private) && (!spec.when || spec.when(target.record)),
  );
}

/** A field's value as the form shows it (a topic's outcome note as "note", its goal as "goal"). */
function formValue(record: Rec, spec: FieldSpec): unknown {
  const value = read(record, spec.path);
  return spec.type.is === 'topics' ? topicsOut(value as Topic[] | undefined) : value;
}

/**
 * Applies the changed fields (key → new value; undefined clears an optional field) to the record in
 * `journal`, which is the journal as it is now. A field not offered is refused; the record and the
 * whole journal are checked before anything is kept, so a bad edit is refused with what is wrong.
 *
 * `base` is each field's value when the form was opened: a field changed since then, by another
 * command, to something other than this edit's value is a conflict, refused rather than overwritten.
 */
export function applyEdit(
  journal: Journal,
  ref: string,
  changes: Record<string, unknown>,
  now: Date,
  includePrivate: boolean,
  base?: Record<string, unknown>,
): EditTarget {
  const target = findEditTarget(journal, ref);
  const specs = offered(target, includePrivate);
  const label = target.kind === 'mentor' ? target.id : target.record.id;
  if (base) {
    const fields = specs
      .filter(({ key }) => key in changes)
      .filter((spec) => {
        const theirs = formValue(target.record, spec);
        return !sameValue(theirs, base[spec.key]) && !sameValue(theirs, changes[spec.key]);
      })
      .map(({ key }) => key);
    if (fields.length) refuse({ code: 'edit-conflict', fields, record: label });
  }
  for (const [key, value] of Object.entries(changes)) {
    const spec = specs.find((candidate) => candidate.key === key);
    if (!spec) refuse({ code: 'edit-field-fixed', field: key, record: label });
    if (spec.required && (value === undefined || value === ''))
      refuse({ code: 'edit-invalid', field: key, message: 'must not be empty', record: label });
    const old = read(target.record, spec.path);
    // The one rule for a due date changed: a removed one is remembered, so calendars can cancel its event.
    if (target.kind === 'action' && key === 'due') setDue(target.record, value as string | undefined);
    write(
      target.record,
      spec.path,
      spec.type.is === 'topics' ? topicsIn(value as Rec[], (old ?? []) as Topic[]) : value,
    );
  }
  if (target.kind === 'meeting') checkGoals(journal, target.record, label);
  if (target.kind === 'action' && target.record.owner === 'mentor' && !target.record.mentor)
    refuse({ code: 'edit-invalid', field: 'mentor', message: "a mentor's commitment needs a mentor", record: label });
  target.record.updatedAt = now.toISOString();
  const checked = JournalSchema.safeParse(journal);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const inRecord = issue.path.slice(2).map(String);
    const spec = specs.find((candidate) => candidate.path.every((part, at) => inRecord[at] === part));
    refuse({ code: 'edit-invalid', field: spec?.key ?? inRecord.join('.'), message: issue.message, record: label });
  }
  return target;
}

function checkGoals(journal: Journal, meeting: Rec, label: string): void {
  for (const id of meeting.prep?.goals ?? [])
    if (!journal.goals.some((goal) => goal.id === id))
      refuse({ code: 'edit-invalid', field: 'goals', message: `there is no goal "${id}"`, record: label });
}

function read(record: Rec, path: string[]): unknown {
  return path.reduce((at: Rec, part) => at?.[part], record);
}

function write(record: Rec, path: string[], value: unknown): void {
  let at = record;
  for (const part of path.slice(0, -1)) at = at[part] ??= part === 'prep' ? emptyPrep() : {};
  const last = path.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

/** A topic as the form has it: its outcome note called "note", its goal "goal". */
function topicsOut(topics: Topic[] | undefined): Rec[] {
  return (topics ?? []).map((topic) => ({
    title: topic.title,
    minutes: topic.minutes,
    kind: topic.kind,
    detail: topic.detail,
    goal: topic.goalId,
    outcome: topic.outcome,
    note: topic.outcomeNote,
  }));
}

function topicsIn(topics: Rec[], old: Topic[]): Topic[] {
  return topics.map((topic) => {
    const before = old.find((candidate) => sameTopic(candidate.title, topic.title ?? ''));
    const kept = Object.fromEntries(HIDDEN_TOPIC_FIELDS.map((name) => [name, before?.[name]]));
    const all = {
      title: topic.title,
      detail: topic.detail,
      kind: topic.kind,
      minutes: topic.minutes,
      goalId: topic.goal,
      ...kept,
      outcome: topic.outcome,
      outcomeNote: topic.note,
    };
    return Object.fromEntries(Object.entries(all).filter(([, value]) => value !== undefined)) as Topic;
  });
}

/** Two values of a field alike, whatever the order of their keys; empty is the same as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  const empty = (each: unknown) => each === undefined || each === '' || (Array.isArray(each) && !each.length);
  return JSON.stringify(empty(value) ? null : value, (_, each) =>
    each && typeof each === 'object' && !Array.isArray(each)
      ? Object.fromEntries(
          Object.entries(each)
            .filter(([, inner]) => !empty(inner))
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : each,
  );
}
