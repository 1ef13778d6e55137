import { lstat, open, readdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { constants } from 'node:fs';
import { isEncrypted } from './crypto.js';
import { isRunning } from './processes.js';
import type { JournalPaths } from './paths.js';

/**
 * Every file under a journal's folder that could hold its words in plain text, found so that `mentee
 * encrypt` can encrypt, remove or refuse each one, and then check that none is left. Looked at: the
 * journal's folder itself (not its subfolders, which may be anything of the user's), and all of its
 * backups and drafts folders, which are mentee's own.
 */
export interface PlainFiles {
  /** Files mentee keeps (drafts, drafts set aside, files in the backups folder): encrypted in place. */
  keep: string[];
  /** Temporary files of writers that are no longer running, and cut-short backups (.part): removed. */
  remove: string[];
  /** Plain files mentee may not touch, each with why and what to do; any of these and nothing is changed. */
  refuse: { file: string; why: string; hint: string }[];
}

/** A temporary file of an atomic write (see atomic-write.ts), with the pid of its writer. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/;
/** A backup whose writer was killed (see backups.ts); only a save under the lock writes one. */
const PART = /\.json\.part$/;
/** What mentee keeps in the backups folder (backups) and the drafts folder (drafts, and drafts set aside). */
const BACKUP = /\.json$/;
const DRAFT = /\.json(\.unreadable)?$/;
/** A temporary file this old was left by a writer that was killed (its pid now someone else's). */
const ABANDONED_MS = 10 * 60 * 1000;
/** Files bigger than this beside the journal are not read through; a copy of a journal is far smaller. */
const LARGEST_CHECKED = 64 * 1024 * 1024;

/**
 * The plain files under `paths.folder`, except the journal and the backups that `listed` names (the
 * switch rewrites those). `journalText` is the journal's plain JSON: a file of the user's beside it
 * that holds its words is refused, never removed.
 */
export async function findPlainFiles(
  paths: JournalPaths,
  journalText: string,
  listed: ReadonlySet<string>,
): Promise<PlainFiles> {
  const found: PlainFiles = { keep: [], remove: [], refuse: [] };
  const markers = markersOf(journalText);
  const own = new Set([paths.journal, paths.lock, paths.lockHolder, paths.lockTakeover, paths.backups, paths.drafts]);
  for (const name of await names(paths.folder)) {
    const file = join(paths.folder, name);
    if (own.has(file)) continue;
    const content = await plainContent(file);
    if (content === undefined) continue;
    if (TEMPORARY.test(name)) await sortTemporary(found, file, name);
    else if (content.length <= LARGEST_CHECKED && holdsJournalText(content, markers))
      found.refuse.push({
        file,
        why: 'holds text from the journal in plain, and mentee did not make it',
        hint: moveIt(paths.folder),
      });
  }
  for (const [folder, kept] of [
    [paths.backups, BACKUP],
    [paths.drafts, DRAFT],
  ] as const) {
    for (const file of await filesUnder(folder)) {
      // The journal's everyday part (see everyday-file.ts) is mentee's own: the switch removes it itself.
      if (file === paths.memo || file === paths.everyday || listed.has(file)) continue;
      const content = await plainContent(file);
      if (content === undefined) continue;
      const name = basename(file);
      if (TEMPORARY.test(name)) await sortTemporary(found, file, name);
      else if (PART.test(name)) found.remove.push(file);
      else if (kept.test(name) && dirname(file) === folder) found.keep.push(file);
      else found.refuse.push({ file, why: 'is in plain text, and mentee did not make it', hint: moveIt(folder) });
    }
  }
  return found;
}

/** Files still in plain under the folder after encrypting: must be none before encrypt says so. */
export async function plainFilesLeft(paths: JournalPaths, journalText: string): Promise<string[]> {
  const { keep, remove, refuse } = await findPlainFiles(paths, journalText, new Set());
  const journal = await plainContent(paths.journal);
  return [
    ...(journal ? [paths.journal] : []),
    ...(await everydayLeft(paths)),
    ...keep,
    ...remove,
    ...refuse.map(({ file }) => file),
  ];
}

/** The journal's everyday part, if one is there: in plain, always. */
export async function everydayLeft(paths: JournalPaths): Promise<string[]> {
  return (await plainContent(paths.everyday)) === undefined ? [] : [paths.everyday];
}

/**
 * Overwrites a file with zeros before removing it, so its words do not simply stay in the freed blocks
 * (best effort: a journaling or copy-on-write file system, or an SSD, may still keep old copies).
 */
export async function removeSecurely(file: string): Promise<void> {
  const handle = await open(file, constants.O_WRONLY | constants.O_NOFOLLOW).catch(() => undefined);
  if (handle) {
    try {
      const { size } = await handle.stat();
      const zeros = Buffer.alloc(Math.min(size, 1024 * 1024));
      for (let at = 0; at < size; at += zeros.length)
        await handle.write(zeros, 0, Math.min(zeros.length, size - at), at);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  await rm(file, { force: true });
}

/** A temporary file is a leftover when its writer is gone, or when it is older than any write takes (a pid reused). */
async function sortTemporary(found: PlainFiles, file: string, name: string): Promise<void> {
  const pid = Number(TEMPORARY.exec(name)![1]);
  const age = Date.now() - ((await lstat(file).catch(() => undefined))?.mtimeMs ?? 0);
  if (pid !== process.pid && isRunning(pid) && age < ABANDONED_MS)
    found.refuse.push({
      file,
      why: `is being written by mentee process ${pid}`,
      hint: 'Try again when that command has finished.',
    });
  else found.remove.push(file);
}

function moveIt(folder: string): string {
  return `Move it out of ${folder} or delete it, then run mentee encrypt again.`;
}

/** The bytes of a regular file (never through a link) that is not encrypted and not empty. */
async function plainContent(file: string): Promise<Buffer | undefined> {
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile() || info.size === 0) return undefined;
  if (info.size > LARGEST_CHECKED) return Buffer.alloc(LARGEST_CHECKED + 1);
  const content = await readFile(file).catch(() => undefined);
  return content && content.length && !isEncrypted(content) ? content : undefined;
}

async function names(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => [] as string[]);
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Words of the journal unlikely to be anywhere else: its longer text values (titles, notes, names),
 * and its ids with their creation times. A plain copy, an export or a cut-short temporary file has some.
 */
function markersOf(journalText: string): string[] {
  const values = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length >= 10 && !/^\d{4}-\d{2}-\d{2}T/.test(value)) values.add(value);
    } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  try {
    walk(JSON.parse(journalText));
  } catch {
    // Not JSON (it was refused earlier): the structure test below still applies.
  }
  return [...values].sort((a, b) => b.length - a.length).slice(0, 200);
}

function holdsJournalText(content: Buffer, markers: string[]): boolean {
  const text = content.toString('utf8');
  if (/"mentors"\s*:/.test(text) && /"meetings"\s*:/.test(text)) return true;
  return markers.some((marker) => text.includes(marker) || text.includes(JSON.stringify(marker).slice(1, -1)));
}
