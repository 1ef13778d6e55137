import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { applyEdit, editForm, type EditForm } from '../core/edit.js';
import { DomainError } from '../core/problems.js';
import { mentorName } from '../core/refs.js';
import { UsageError, UserError } from '../errors.js';
import { flag } from '../input/flags.js';
import { InputError } from '../input/input-error.js';
import { FormSyntaxError, parseForm, renderForm, type FormEntry, type FormText } from '../ui/edit-form.js';
import { keptEdits, pickUp } from './edit-kept.js';
import { fromText, isList, momentsOf, toEntry } from './edit-values.js';
import { EditStopped, withEditSession } from './edit-session.js';

export const editFlags = z.object({ includePrivate: flag });

/** `mentee edit <id>`: the record in the user's editor; what they change is applied when they save. */
export async function editCommand(ctx: Context, ref: string, raw: Record<string, unknown>): Promise<void> {
  const { includePrivate } = parseOptions(editFlags, raw);
  const journal = await ctx.store.read();
  const form = editForm(journal, ref, includePrivate);
  const label = form.target.kind === 'mentor' ? form.target.id : form.target.record.id;
  const createdAt = String(form.target.record.createdAt);
  const mentor = mentorName(journal, form.target.kind === 'meeting' ? form.target.record.mentor : undefined);
  const kept = keptEdits(ctx, label);
  const listKeys = new Set(form.fields.filter((field) => isList(field.type)).map((field) => field.key));

  // What a change is measured against: the journal when the form was made, also for a kept edit.
  const picked = await pickUp(ctx, kept, label, createdAt);
  let base = picked?.base ?? valuesOf(form);
  const original = picked?.text ?? renderForm(header(form, mentor, includePrivate), entriesOf(form, base));
  const moments = momentsOf([...form.fields.map((field) => field.value), ...Object.values(base)]);
  let keeping = Boolean(picked);

  const read = async (text: string) => {
    if (!text.replace(/^[^\S\r\n]*#.*$/gm, '').trim()) return undefined;
    const before = parseForm(renderForm([], entriesOf(form, base)), listKeys);
    const after = parseForm(text, listKeys);
    const changes: Record<string, unknown> = {};
    for (const [key, value] of after) {
      if (same(value, before.get(key))) continue;
      const field = form.fields.find((each) => each.key === key);
      // A field the form does not offer goes to the core, which refuses it by name.
      changes[key] = field ? readField(key, () => fromText(field.type, value, ctx.dates, moments)) : value;
    }
    return { changes, after };
  };

  await withEditSession(label, original, { env: ctx.env, warn: ctx.warn, settings: ctx.settings }, async (session) => {
    for (;;) {
      const text = await session.edit();
      let edit: Awaited<ReturnType<typeof read>>;
      try {
        edit = await read(text);
        if (!edit || !Object.keys(edit.changes).length) {
          if (keeping) await kept.remove();
          return ctx.warn(`Nothing changed in ${label}.`);
        }
        const { changes } = edit;
        await ctx.store.update((fresh) => applyEdit(fresh, ref, changes, ctx.now, includePrivate, base));
        if (keeping) await kept.remove();
        ctx.print(`Updated ${label}: ${Object.keys(changes).join(', ')}. Undo with: mentee undo`);
        return;
      } catch (error) {
        if (error instanceof EditStopped) throw error;
        const problem = error instanceof DomainError ? error.problem : undefined;
        if (problem?.code === 'record-not-found' || problem?.code === 'mentor-not-found') {
          const where = await kept.keep({ text: text.replace(`# ${LEAVE_AS_IT_IS}`, `# ${KEPT}`), base, createdAt });
          throw new UserError(
            `${label} no longer exists: it was removed while the editor was open (by mentee undo, perhaps), so nothing was changed.`,
            { hint: `Your edit is kept in ${where}` },
          );
        }
        if (problem?.code === 'edit-conflict' && edit) {
          const now = editForm(await ctx.store.read(), ref, includePrivate);
          const merged = mergedForm(now, mentor, includePrivate, edit.after, Object.keys(edit.changes), problem.fields);
          const where = await kept.keep({ text: merged, base: valuesOf(now), createdAt });
          keeping = true;
          const words = (await import('./problem-words.js')).wordProblem(problem, 'edit');
          if (!ctx.interactive) throw new UserError(words.message, { hint: `Your edit is kept in ${where}` });
          const again = await askToEditAgain(ctx, words.message, {
            again: 'Edit it again, with the other change shown',
            leave: `Leave it for later (kept in ${where})`,
          });
          if (!again) return ctx.warn(`Nothing changed in ${label}; mentee edit ${label} opens your edit again.`);
          base = valuesOf(now);
          await session.write(merged);
          continue;
        }
        const refusal = await asUserError(error);
        if (!ctx.interactive || !refusal)
          throw error instanceof FormSyntaxError || error instanceof DomainError ? (refusal ?? error) : error;
        const again = await askToEditAgain(ctx, refusal.message, {
          again: 'Edit it again',
          leave: 'Abandon it (nothing is changed)',
        });
        if (!again) return ctx.warn(`Nothing changed in ${label}.`);
        await session.write(`# Not saved: ${refusal.message}\n${text.replace(/^# Not saved: .*\n/, '')}`);
      }
    }
  });
}

function valuesOf(form: EditForm): Record<string, unknown> {
  return Object.fromEntries(form.fields.map(({ key, value }) => [key, value]));
}

/** The form's fields with the values in `values`. */
function entriesOf(form: EditForm, values: Record<string, unknown>): FormEntry[] {
  return form.fields.map(({ key, type }) => toEntry(key, type, values[key]));
}

/**
 * The record as it is now, with the fields this edit changed as the person wrote them; above each
 * field also changed meanwhile, what it was changed to.
 */
function mergedForm(
  now: EditForm,
  mentor: string,
  includePrivate: boolean,
  after: Map<string, FormText>,
  mine: string[],
  conflicts: string[],
): string {
  const lines = header(now, mentor, includePrivate, conflicts);
  const entries = now.fields.map(({ key, type, value }) => {
    const entry = toEntry(key, type, value);
    if (!mine.includes(key)) return entry;
    const comment = conflicts.includes(key)
      ? `${entry.comment}. Changed meanwhile to: ${summary(entry.value)}. Yours is below: keep it, or put that back.`
      : entry.comment;
    return { ...entry, comment, value: after.get(key) };
  });
  return renderForm(lines, entries);
}

function summary(value: FormText): string {
  if (value === undefined || (Array.isArray(value) && !value.length)) return '(empty)';
  if (!Array.isArray(value)) return value;
  return value.map((item) => (typeof item === 'string' ? item : (item.title ?? Object.values(item)[0]))).join('; ');
}

function same(a: FormText, b: FormText): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function readField<T>(key: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`${key}: ${error.message}.`, error.hint);
    throw error;
  }
}

/** The one-line form of a refusal, to show before offering to edit again. */
async function asUserError(error: unknown): Promise<UserError | undefined> {
  if (error instanceof UserError) return error;
  if (error instanceof FormSyntaxError) return new UsageError(`line ${error.line}: ${error.message}.`);
  if (error instanceof DomainError) return (await import('./problem-words.js')).wordProblem(error.problem, 'edit');
  return undefined;
}

const LEAVE_AS_IT_IS = 'Leave it as it is, or empty it, to change nothing. To clear a field, leave it empty ("due:").';
const KEPT = 'This is your edit, kept as it was not saved: save and close to apply it, or empty it to discard it.';

function header({ target, fixed }: EditForm, mentor: string, includePrivate: boolean, conflicts?: string[]): string[] {
  const name = target.kind === 'meeting' ? `meeting ${target.id} with ${mentor}` : `${target.kind} ${target.id}`;
  return [
    `Editing ${name}. Change what you like, save and close the editor to apply it.`,
    conflicts
      ? `Your edit, not saved because ${conflicts.join(', ')} also changed meanwhile (see below): save and close to apply it, or empty it to discard it.`
      : LEAVE_AS_IT_IS,
    'Lines starting with # are ignored.',
    `Cannot be changed here: ${fixed.map(([field, value]) => `${field} ${value}`).join(', ')}.`,
    ...(target.kind === 'meeting' && !includePrivate
      ? ['Private reflections are not shown and stay as they are; add --include-private to edit them.']
      : []),
  ];
}

/** Says why the edit was not saved, and asks whether to edit it again (true) or leave it as `leave` says. */
async function askToEditAgain(ctx: Context, why: string, labels: { again: string; leave: string }): Promise<boolean> {
  const prompt = await ctx.prompter();
  prompt.say(why);
  return prompt.choose({
    message: 'Your edit was not saved.',
    choices: [
      { label: labels.again, value: true },
      { label: labels.leave, value: false },
    ],
    default: true,
  });
}
