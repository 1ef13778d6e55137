import type { BigIntStats } from 'node:fs';
import { rm } from 'node:fs/promises';
import { everydayPart, EVERYDAY_FORM } from '../core/everyday.js';
import { JOURNAL_VERSION } from '../core/model.js';
import type { Journal } from '../core/schema.js';
import { isEncryptedFile } from './crypto.js';
import type { JournalPaths } from './paths.js';
import { openOwnFile, rewriteOwnFile } from './safe-files.js';
import { fingerprint } from './validation-memo.js';

/**
 * The journal's everyday part (see core/everyday.ts), kept beside a plain journal so the reads run most
 * often load a small file instead of the whole journal. It is derived, never the truth: its first line
 * names the rule and journal version that made it, the fingerprint of the journal text it was made
 * from, and of its own body. It is believed only when all of them match exactly, so a journal changed
 * by hand, restored, synced or written by another version is read in full, and the part made again
 * from it. An encrypted journal keeps none: its part would be its words in plain.
 *
 * To spare reading the whole journal for its fingerprint, the first line also names the journal file
 * as git's index does (device, inode, size, modified and changed times, to the nanosecond), and the
 * part is believed on those alone. A change in the same tick of the file system's clock can leave the
 * times as they were, so the journal is named only when it had not changed for a while before it was
 * read, and the part believed by name only while the journal last changed before the part was written.
 */

const HEADER = /^mentee everyday (\d+) (\d+) ([0-9a-f]{64}) ([0-9:]*) ([0-9a-f]{64})\n/;

/** The journal file as it is found: its bytes' fingerprint when they were read, and its stat. */
export interface JournalFound {
  hash?: string;
  stats: BigIntStats;
}

/** What names a file without reading it. */
function identityOf(stats: BigIntStats): string {
  return [stats.dev, stats.ino, stats.size, stats.mtimeNs, stats.ctimeNs].join(':');
}

/**
 * The everyday part of the journal as `found`, if one made from it is kept: by the fingerprint of its
 * bytes when they were read, else by the file's identity. `stale` when only the identity no longer
 * matches (the part is still true, and worth writing again with the journal's identity now).
 */
export async function readEverydayFile(
  paths: JournalPaths,
  found: JournalFound,
): Promise<{ journal: Journal; named: boolean } | undefined> {
  const kept = await readKept(paths);
  const header = kept && HEADER.exec(kept.text);
  if (!kept || !header) return undefined;
  const [line, form, version, madeFrom, identity, bodyHash] = header;
  if (Number(form) !== EVERYDAY_FORM || Number(version) !== JOURNAL_VERSION) return undefined;
  const named = identity === identityOf(found.stats) && found.stats.ctimeNs < kept.writtenNs;
  if (found.hash === undefined ? !named : madeFrom !== found.hash) return undefined;
  const body = kept.text.slice(line.length);
  // Cut short by a writer killed half-way, or by two writers at once: made again.
  if (fingerprint(body) !== bodyHash) return undefined;
  return { journal: JSON.parse(body) as Journal, named };
}

async function readKept(paths: JournalPaths): Promise<{ text: string; writtenNs: bigint } | undefined> {
  try {
    const handle = await openOwnFile(paths.everyday, paths.owner);
    try {
      const { mtimeNs } = await handle.stat({ bigint: true });
      return { text: String(await handle.readFile()), writtenNs: mtimeNs };
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

/**
 * Keeps the everyday part of `journal`, as `found` on disk (a save knows its bytes, not yet its file's
 * identity: the first read fills that in). Best effort,
 * like the memo: without it mentee is only slower. Never for an encrypted journal, and a part written
 * while the journal was being encrypted (a read racing `mentee encrypt`) is removed again.
 */
export async function writeEverydayFile(
  paths: JournalPaths,
  found: Required<JournalFound> | { hash: string; stats?: undefined },
  journal: Journal,
): Promise<Journal> {
  const part = everydayPart(journal);
  const body = JSON.stringify(part);
  const identity = found.stats ? identityOf(found.stats) : '';
  const text = `mentee everyday ${EVERYDAY_FORM} ${JOURNAL_VERSION} ${found.hash} ${identity} ${fingerprint(body)}\n${body}`;
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
