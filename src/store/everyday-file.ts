import { rm } from 'node:fs/promises';
import { everydayPart, EVERYDAY_FORM } from '../core/everyday.js';
import { JOURNAL_VERSION } from '../core/model.js';
import type { Journal } from '../core/schema.js';
import { isEncryptedFile } from './crypto.js';
import type { JournalPaths } from './paths.js';
import { readOwnFile, rewriteOwnFile } from './safe-files.js';
import { fingerprint } from './validation-memo.js';

/**
 * The journal's everyday part (see core/everyday.ts), kept beside a plain journal so the reads run most
 * often load a small file instead of the whole journal. It is derived, never the truth: its first line
 * names the fingerprint of the journal text it was made from, the rule and journal version that made it,
 * and the fingerprint of its own body. It is believed only when all of them match exactly, so a journal
 * changed by hand, restored, synced or written by another version is read in full, and the part made
 * again from it. An encrypted journal keeps none: its part would be its words in plain.
 */

const HEADER = /^mentee everyday (\d+) (\d+) ([0-9a-f]{64}) ([0-9a-f]{64})\n/;

/** The everyday part of the journal whose bytes have fingerprint `journalHash`, if one made from them is kept. */
export async function readEverydayFile(paths: JournalPaths, journalHash: string): Promise<Journal | undefined> {
  const text = await readOwnFile(paths.everyday, paths.owner).then(String, () => '');
  const header = HEADER.exec(text);
  if (!header) return undefined;
  const [line, form, version, madeFrom, bodyHash] = header;
  if (Number(form) !== EVERYDAY_FORM || Number(version) !== JOURNAL_VERSION || madeFrom !== journalHash)
    return undefined;
  const body = text.slice(line.length);
  // Cut short by a writer killed half-way, or by two writers at once: made again.
  if (fingerprint(body) !== bodyHash) return undefined;
  return JSON.parse(body) as Journal;
}

/**
 * Keeps the everyday part of `journal`, whose text on disk has fingerprint `journalHash`. Best effort,
 * like the memo: without it mentee is only slower. Never for an encrypted journal, and a part written
 * while the journal was being encrypted (a read racing `mentee encrypt`) is removed again.
 */
export async function writeEverydayFile(paths: JournalPaths, journalHash: string, journal: Journal): Promise<Journal> {
  const part = everydayPart(journal);
  const body = JSON.stringify(part);
  const text = `mentee everyday ${EVERYDAY_FORM} ${JOURNAL_VERSION} ${journalHash} ${fingerprint(body)}\n${body}`;
  try {
    await rewriteOwnFile(paths.everyday, text, paths.owner);
    if (await isEncryptedFile(paths.journal)) await forgetEverydayFile(paths);
  } catch {
    // Not kept (no backup folder yet, a full disk, a link planted there): the next read makes it.
  }
  return part;
}

export async function forgetEverydayFile(paths: JournalPaths): Promise<void> {
  await rm(paths.everyday, { force: true });
}
