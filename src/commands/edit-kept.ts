/**
 * An edit that could not be saved because the record changed or went away while the editor was open:
 * kept with the wizards' drafts (a private file beside the journal, encrypted when the journal is), so
 * the next `mentee edit` of the record opens it again instead of the person typing it twice.
 */
import { join } from 'node:path';
import * as z from 'zod';
import type { Context } from './context.js';
import { DRAFT_VERSION, draftFileName } from '../store/drafts.js';
import { resolveJournalPaths } from '../store/paths.js';
import { formatDateTime } from '../ui/words.js';

const keptSchema = z.object({
  /** The form as it is to be reopened. */
  text: z.string(),
  /** Each field's value in the journal the text was made from: what a change is measured against. */
  base: z.record(z.string(), z.json()),
  /** The record's createdAt, so an edit is never offered for another record that took its id. */
  createdAt: z.string(),
});

export type KeptEdit = z.infer<typeof keptSchema> & { savedAt: string };

export interface KeptEdits {
  find(): Promise<KeptEdit | undefined>;
  /** Keeps the edit and returns where. */
  keep(edit: { text: string; base: Record<string, unknown>; createdAt: string }): Promise<string>;
  remove(): Promise<void>;
  path(): Promise<string>;
}

/** The kept edit of the record `label` (an id or a mentor's handle). */
export function keptEdits(ctx: Pick<Context, 'store' | 'now' | 'warn'>, label: string): KeptEdits {
  const box = ctx.store.drafts();
  const subject = { wizard: 'edit', meeting: label } as const;
  const path = async () => join((await resolveJournalPaths(ctx.store.path)).drafts, draftFileName(subject));
  return {
    path,
    async find() {
      const { drafts, unreadable } = await box.list('edit');
      for (const { reason, setAsideAs } of unreadable)
        ctx.warn(`A kept edit could not be read (${reason}); it is set aside as ${setAsideAs}.`);
      const draft = drafts.find((each) => each.meeting === label);
      const kept = keptSchema.safeParse(draft?.answers);
      return draft && kept.success ? { ...kept.data, savedAt: draft.savedAt } : undefined;
    },
    async keep({ text, base, createdAt }) {
      // JSON has no undefined: a field that was empty is simply absent from base.
      const answers = { text, base: JSON.parse(JSON.stringify(base)), createdAt };
      await box.save({ version: DRAFT_VERSION, ...subject, savedAt: ctx.now.toISOString(), answers });
      return path();
    },
    remove: () => box.remove(subject),
  };
}

/** A kept edit of this record, if there is one and the person (or, without a terminal, mentee) takes it up. */
export async function pickUp(ctx: Context, kept: KeptEdits, label: string, createdAt: string) {
  const found = await kept.find();
  if (!found) return undefined;
  const where = await kept.path();
  if (found.createdAt !== createdAt) {
    ctx.warn(`An edit kept for an earlier ${label}, since removed, is left as it is in ${where}.`);
    return undefined;
  }
  const from = formatDateTime(found.savedAt);
  if (!ctx.interactive) {
    ctx.warn(`Opening your edit of ${label} kept on ${from}; empty it to discard it.`);
    return found;
  }
  const use = await (
    await ctx.prompter()
  ).choose({
    message: `Your edit of ${label} kept on ${from} was not saved.`,
    choices: [
      { label: 'Open it again', value: true },
      { label: 'Start from the journal, discarding it', value: false },
    ],
    default: true,
  });
  if (use) return found;
  await kept.remove();
  return undefined;
}
