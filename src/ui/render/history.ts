import { describeRecords, type RecordChange } from '../../core/journal-diff.js';
import type { Step } from '../../core/history.js';
import type { Change, History } from '../../core/schema.js';
import { fieldWords } from '../field-words.js';
import { oneLine } from '../../core/text.js';
import { changeTime, count } from '../words.js';
import { columns } from './layout.js';

const SHOWN = 8;

/** `added action a12 "Email the training lead"; changed meeting m3 (log)`: field names, never their text. */
export function describeChanges(changes: RecordChange[]): string {
  if (!changes.length) return 'a change that touched no record (only timestamps or formatting)';
  const parts = changes.slice(0, SHOWN).map(describeChange);
  if (changes.length > SHOWN) parts.push(`and ${count(changes.length - SHOWN, 'more change')}`);
  return parts.join('; ');
}

/** A change as history and undo say it; a sync's merge is named as one. */
function changeSummary(change: Change): string {
  return `${change.sync ? 'a sync: ' : ''}${describeChanges(describeRecords(change.records))}`;
}

function describeChange(change: RecordChange): string {
  const record = change.kind === 'profile' ? 'the profile' : `${change.kind} ${change.id}`;
  const title = change.title ? ` "${oneLine(change.title)}"` : '';
  if (change.change !== 'changed') return `${change.change} ${record}${title}`;
  const fields = change.fields.map(({ field, before, after }) =>
    field === 'status' && typeof before === 'string' && typeof after === 'string'
      ? `status ${before} → ${after}`
      : fieldWords([field]),
  );
  return `changed ${record}${title} (${fields.join(', ')})`;
}

/** What undo or redo did, and how far each can still go. */
export function renderStep(step: Step, now: Date): string {
  if (step.direction === 'undo') {
    const more = step.undoable
      ? `${count(step.undoable, 'more change')} can be undone`
      : 'No earlier change is kept to undo';
    const synced = step.change.sync
      ? '\nThat was a sync: on your other devices these changes stay, and the next mentee sync brings them in again.'
      : '';
    return `${stepSummary(step, now)} ${more}; mentee redo puts it back.${synced}`;
  }
  const more = step.redoable ? `${count(step.redoable, 'more change')} can be redone` : 'Nothing more to redo';
  return `${stepSummary(step, now)} ${more}; mentee undo takes it back.`;
}

/** `Undid: added action a12 "Email the lead" (3 Dec 17:42).` */
function stepSummary(step: Step, now: Date): string {
  const what = `${changeSummary(step.change)} (${changeTime(step.change.at, now)})`;
  return `${step.direction === 'undo' ? 'Undid' : 'Redid'}: ${what}.`;
}

/** `mentee undo --json` and `mentee redo --json`. */
export function stepJson(step: Step, now: Date) {
  const records = describeRecords(step.change.records);
  return {
    [step.direction === 'undo' ? 'undid' : 'redid']: records.map(recordJson),
    at: step.change.at,
    summary: stepSummary(step, now),
    undoable: step.undoable,
    redoable: step.redoable,
  };
}

function recordJson({ kind, id, title, change, fields }: RecordChange) {
  return { kind, id, title: title ?? null, change, fields: fields.map((field) => field.field) };
}

/** The changes kept, newest first: those undone (redo puts them back) above those undo can take back. */
function listed(history: History): { change: Change; undone: boolean }[] {
  return [
    ...history.redo.map((change) => ({ change, undone: true })),
    ...[...history.undo].reverse().map((change) => ({ change, undone: false })),
  ];
}

export function renderHistory(history: History, limit: number, kept: number, now: Date): string {
  const all = listed(history);
  if (!all.length) return `No changes kept yet: mentee keeps your last ${kept}, and undo steps back through them.`;
  const marked = history.redo.length > 0;
  const rows = all
    .slice(0, limit)
    .map(({ change, undone }) => [
      changeTime(change.at, now),
      ...(marked ? [undone ? 'undone' : ''] : []),
      changeSummary(change),
    ]);
  const lines = ['Changes, newest first:', ...columns(rows).map((line) => `  ${line.trimEnd()}`)];
  if (all.length > limit)
    lines.push(`  … ${count(all.length - limit, 'older change')} (mentee history --limit ${all.length})`);
  const undo = count(history.undo.length, 'change');
  const redo = history.redo.length ? `, and mentee redo puts back the ${history.redo.length} undone` : '';
  lines.push('', `mentee undo steps back through ${undo}${redo}.`);
  return lines.join('\n');
}

/** `mentee history --json`: what each change did, record by record (field names only, never their text). */
export function historyJson(history: History, limit: number) {
  return {
    changes: listed(history)
      .slice(0, limit)
      .map(({ change, undone }) => {
        const records = describeRecords(change.records);
        return { at: change.at, undone, summary: changeSummary(change), records: records.map(recordJson) };
      }),
    undoable: history.undo.length,
    redoable: history.redo.length,
  };
}
