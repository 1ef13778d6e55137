import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { readRegularFile } from './regular-file.js';
import { join } from 'node:path';
import * as z from 'zod';
import { PRIVATE_DIR_MODE, writeFileAtomic } from './atomic-write.js';
import { UserError } from '../errors.js';
import { isEncrypted, isEncryptedFile } from './crypto.js';
import type { JournalCodec } from './journal-codec.js';
import type { JournalPaths } from './paths.js';

export const DRAFT_VERSION = 1;
export const WIZARDS = ['prep', 'log', 'init', 'edit'] as const;
export type WizardName = (typeof WIZARDS)[number];

/**
 * A wizard's answers so far: each question answered, by a key the wizard names it with (answers are
 * JSON), and the partial input built from them, for reading. Versioned so a later mentee can refuse an
 * old shape in one line instead of misreading it.
 */
export const draftSchema = z.object({
  version: z.literal(DRAFT_VERSION),
  wizard: z.enum(WIZARDS),
  /** The meeting it is for, once known; else the mentor a new meeting is for. */
  meeting: z.string().optional(),
  mentor: z.string().optional(),
  savedAt: z.iso.datetime(),
  answers: z.record(z.string(), z.json()),
  input: z.json().optional(),
  /** Text typed at a question and not given (Ctrl-C, Escape): that question is asked again with it. */
  typing: z.object({ key: z.string(), message: z.string(), text: z.string() }).optional(),
});
export type Draft = z.infer<typeof draftSchema>;

export interface UnreadableDraft {
  reason: string;
  /** Where it was moved, so it can still be looked at. */
  setAsideAs: string;
}

/** The drafts of one journal: private files (0600) in a private folder beside it, through its codec. */
export interface DraftBox {
  /** The drafts of `wizard`, newest first; any that cannot be read are moved aside and reported. */
  list(wizard: WizardName): Promise<{ drafts: Draft[]; unreadable: UnreadableDraft[] }>;
  /** Replaces the draft for its wizard and subject, atomically. */
  save(draft: Draft): Promise<void>;
  remove(draft: Pick<Draft, 'wizard' | 'meeting' | 'mentor'>): Promise<void>;
}

export function draftFileName({ wizard, meeting, mentor }: Pick<Draft, 'wizard' | 'meeting' | 'mentor'>): string {
  const subject = meeting ?? (mentor ? `new-${mentor}` : '');
  return `${wizard}${subject ? `-${subject.replace(/[^A-Za-z0-9-]/g, '_')}` : ''}.json`;
}

export function openDraftBox(paths: JournalPaths, codec: JournalCodec): DraftBox {
  const folder = paths.drafts;
  return {
    async list(wizard) {
      const names = await readdir(folder).catch(() => [] as string[]);
      const drafts: Draft[] = [];
      const unreadable: UnreadableDraft[] = [];
      for (const name of names.filter((each) => each.startsWith(wizard) && each.endsWith('.json'))) {
        const file = join(folder, name);
        try {
          const text = await codec.decode(await readRegularFile(file), file);
          const draft = draftSchema.parse(JSON.parse(text));
          if (draft.wizard === wizard) drafts.push(draft);
        } catch (error) {
          const setAsideAs = `${file}.unreadable`;
          await rename(file, setAsideAs).catch(() => undefined);
          unreadable.push({ reason: reasonOf(error), setAsideAs });
        }
      }
      return { drafts: drafts.sort((a, b) => b.savedAt.localeCompare(a.savedAt)), unreadable };
    },
    async save(draft) {
      const bytes = await codec.encode(JSON.stringify(draft));
      // The codec follows the file it read last: never leave private answers in plain beside an encrypted journal.
      if (!isEncrypted(bytes) && (await isEncryptedFile(paths.journal)))
        throw new UserError(
          'your answers are not kept as a draft: they would be in plain text beside an encrypted journal.',
        );
      await mkdir(folder, { recursive: true, mode: PRIVATE_DIR_MODE });
      await writeFileAtomic(join(folder, draftFileName(draft)), bytes);
    },
    async remove(draft) {
      await rm(join(folder, draftFileName(draft)), { force: true });
    },
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof z.ZodError) return 'it is not a draft this version of mentee knows';
  if (error instanceof SyntaxError) return 'it is not valid JSON';
  return error instanceof Error ? error.message : String(error);
}
