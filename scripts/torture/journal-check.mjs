// Is a journal file whole? Parsed here, then validated in full by mentee itself on a copy in a fresh
// folder: with no fingerprint memo beside it, the copy is checked against the whole schema.
import { copyFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { runMentee } from './run.mjs';

/**
 * `{ ok: true, journal }` for a journal that parses and that mentee accepts, or `{ ok: false, problem }`.
 * A missing file counts as whole only with `allowMissing` (no write has finished yet).
 */
export async function checkJournal(file, { allowMissing = false } = {}) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT' && allowMissing) return { ok: true, journal: undefined };
    return { ok: false, problem: `cannot read it: ${error.message}` };
  }
  let journal;
  try {
    journal = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not JSON (${error.message}), ${text.length} characters` };
  }
  if (!journal || typeof journal !== 'object' || !Array.isArray(journal.actions)) {
    return { ok: false, problem: 'JSON, but not a journal (no actions list)' };
  }
  const scratch = await mkdtemp(join(tmpdir(), 'mentee-check-'));
  try {
    const copy = join(scratch, 'journal.json');
    await copyFile(file, copy);
    const result = await runMentee(['actions', '--all', '--json'], { journal: copy, home: scratch, cwd: scratch });
    if (result.code !== 0) return { ok: false, problem: `mentee refuses it: ${result.stderr.trim()}` };
    return { ok: true, journal };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Temporary files of interrupted atomic writes (`.journal.json.<pid>.<hex>.tmp`) beside the journal. */
export async function leftoverTemporaries(journalFile) {
  const prefix = `.${basename(journalFile)}.`;
  const names = await readdir(dirname(journalFile));
  return names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
}

/** Backups that are not valid JSON (a copy cut short), as "name (N bytes)". */
export async function damagedBackups(journalFile) {
  const folder = `${journalFile}.backups`;
  let names;
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const damaged = [];
  for (const name of names.filter((entry) => entry.endsWith('.json'))) {
    const bytes = await readFile(join(folder, name)).catch(() => undefined);
    if (bytes === undefined) continue; // pruned meanwhile
    try {
      JSON.parse(bytes.toString('utf8'));
    } catch {
      damaged.push(`${name} (${bytes.length} bytes)`);
    }
  }
  return damaged;
}

/**
 * Whether the newest backup holds the journal's bytes, as mentee promises after every save. Names
 * start with the journal's name and a sortable time stamp, so the greatest name is the newest.
 */
export async function newestBackupIsJournal(journalFile) {
  const folder = `${journalFile}.backups`;
  const names = await readdir(folder).catch(() => []);
  const newest = names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .at(-1);
  if (!newest) return false;
  const [journal, backup] = await Promise.all([readFile(journalFile), readFile(join(folder, newest))]);
  return journal.equals(backup);
}

/**
 * Whether a lock left beside the journal names its holder: a pid record holding a pid, written after
 * the lock folder last changed (the rule src/store/lock.ts reads it by). One that names nobody makes
 * the next writers wait for it to go stale.
 */
export async function lockNamesHolder(journalFile) {
  const lock = `${journalFile}.lock`;
  const [record, folder] = await Promise.all([
    stat(`${lock}.pid`).catch(() => undefined),
    stat(lock).catch(() => undefined),
  ]);
  if (!folder) return true; // gone already: it holds nobody up
  if (!record || record.mtimeMs < folder.ctimeMs) return false;
  const pid = Number((await readFile(`${lock}.pid`, 'utf8').catch(() => '')).trim());
  return Number.isInteger(pid) && pid > 0;
}
