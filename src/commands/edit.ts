import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { applyEdit, editForm, type EditForm } from '../core/edit.js';
import { findIdentifiers } from '../core/identifiers.js';
import { DomainError } from '../core/problems.js';
import { mentorName } from '../core/refs.js';
import { UsageError, UserError } from '../errors.js';
import { flag } from '../input/flags.js';
import { InputError } from '../input/input-error.js';
import { FormSyntaxError, parseForm, renderForm, type FormText } from '../ui/edit-form.js';
import { fromText, isList, momentsOf, toEntry } from './edit-values.js';
import { EditStopped, withEditSession } from './edit-session.js';

export const editFlags = z.object({ includePrivate: flag, allowIdentifiers: flag });

/** `mentee edit <id>`: the record in the user's editor; what they change is applied when they save. */
export async function editCommand(ctx: Context, ref: string, raw: Record<string, unknown>): Promise<void> {
  const { includePrivate, allowIdentifiers } = parseOptions(editFlags, raw);
  const journal = await ctx.store.read();
  const form = editForm(journal, ref, includePrivate);
  const label = form.target.kind === 'mentor' ? form.target.id : form.target.record.id;
  const original = renderForm(
    header(
      form,
      mentorName(journal, form.target.kind === 'meeting' ? form.target.record.mentor : undefined),
      includePrivate,
    ),
    form.fields.map(({ key, type, value }) => toEntry(key, type, value)),
  );
  const listKeys = new Set(form.fields.filter((field) => isList(field.type)).map((field) => field.key));
  const before = parseForm(original, listKeys);
  const moments = momentsOf(form.fields.map((field) => field.value));

  const read = async (text: string): Promise<Record<string, unknown> | undefined> => {
    if (!text.replace(/^\s*#.*$/gm, '').trim()) return undefined;
    const after = parseForm(text, listKeys);
    const changes: Record<string, unknown> = {};
    for (const [key, value] of after) {
      if (same(value, before.get(key))) continue;
      const field = form.fields.find((each) => each.key === key);
      // A field the form does not offer goes to the core, which refuses it by name.
      changes[key] = field ? readField(key, () => fromText(field.type, value, ctx.now, moments)) : value;
      if (!allowIdentifiers) await guard(key, value);
    }
    return changes;
  };

  await withEditSession(label, original, { env: ctx.env, warn: ctx.warn }, async (session) => {
    for (;;) {
      const text = await session.edit();
      try {
        const changes = await read(text);
        if (!changes || !Object.keys(changes).length) return ctx.warn(`Nothing changed in ${label}.`);
        await ctx.store.update((fresh) => applyEdit(fresh, ref, changes, ctx.now, includePrivate));
        ctx.print(`Updated ${label}: ${Object.keys(changes).join(', ')}. Undo with: mentee undo`);
        return;
      } catch (error) {
        if (error instanceof EditStopped) throw error;
        const problem = await asUserError(error);
        if (!ctx.interactive || !problem)
          throw error instanceof FormSyntaxError || error instanceof DomainError ? (problem ?? error) : error;
        const prompt = await ctx.prompter();
        prompt.say(problem.message);
        const again = await prompt.choose({
          message: 'Your edit was not saved.',
          choices: [
            { label: 'Edit it again', value: true },
            { label: 'Abandon it (nothing is changed)', value: false },
          ],
          default: true,
        });
        if (!again) return ctx.warn(`Nothing changed in ${label}.`);
        await session.write(`# Not saved: ${problem.message}\n${text.replace(/^# Not saved: .*\n/, '')}`);
      }
    }
  });
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

/** What was typed goes through the same guard as flags (see cli/identifier-guard.ts). */
async function guard(key: string, value: FormText): Promise<void> {
  const texts = JSON.stringify(value ?? '');
  const { loadIdentifierPatterns } = await import('../config/identifier-patterns.js');
  const found = findIdentifiers(texts, (await loadIdentifierPatterns()).patterns);
  if (!found.length) return;
  throw new UsageError(
    `${key} looks like it contains ${found[0]!.kind} (${found[0]!.text}). Mentoring notes are not a place for patient data: take it out, or add --allow-identifiers if it is not one.`,
  );
}

/** The one-line form of a refusal, to show before offering to edit again. */
async function asUserError(error: unknown): Promise<UserError | undefined> {
  if (error instanceof UserError) return error;
  if (error instanceof FormSyntaxError) return new UsageError(`line ${error.line}: ${error.message}.`);
  if (error instanceof DomainError) return (await import('./problem-words.js')).wordProblem(error.problem, 'edit');
  return undefined;
}

function header({ target, fixed }: EditForm, mentor: string, includePrivate: boolean): string[] {
  const name = target.kind === 'meeting' ? `meeting ${target.id} with ${mentor}` : `${target.kind} ${target.id}`;
  return [
    `Editing ${name}. Change what you like, save and close the editor to apply it.`,
    'Leave it as it is, or empty it, to change nothing. To clear a field, leave it empty ("due:").',
    'Lines starting with # are ignored.',
    `Cannot be changed here: ${fixed.map(([field, value]) => `${field} ${value}`).join(', ')}.`,
    ...(target.kind === 'meeting' && !includePrivate
      ? ['Private reflections are not shown and stay as they are; add --include-private to edit them.']
      : []),
  ];
}
