import { createHash } from 'node:crypto';
import type { JournalPaths } from './paths.js';
import { readOwnFile, rewriteOwnFile } from './safe-files.js';

/**
 * Fingerprints of journal text that mentee has validated, and of the version it last saved. Text with
 * a validated fingerprint is byte for byte what passed the schema, so reading it again needs no second
 * pass (the slowest part of opening a large journal); any other text, such as a hand edit, is validated
 * in full. The saved fingerprint tells whether the file on disk is already the newest backup.
 */
export interface Memo {
  validated: string | undefined;
  saved: string | undefined;
}

export function fingerprint(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A memo that is a link or not the user's is not believed (see safe-files.ts). */
export async function readMemo(paths: JournalPaths): Promise<Memo> {
  const text = await readOwnFile(paths.memo, paths.owner).then(String, () => '');
  const field = (name: string) => new RegExp(`^${name} ([0-9a-f]{64})$`, 'm').exec(text)?.[1];
  return { validated: field('validated'), saved: field('saved') };
}

/**
 * Best effort: without the memo, mentee is only slower, never wrong. Needs the backup folder to exist.
 * Never written through a link or into another user's file: it is then simply not kept.
 */
export async function writeMemo(paths: JournalPaths, memo: Memo): Promise<void> {
  const lines = Object.entries(memo).flatMap(([name, hash]) => (hash ? [`${name} ${hash}`] : []));
  await rewriteOwnFile(paths.memo, `${lines.join('\n')}\n`, paths.owner).catch(() => undefined);
}
