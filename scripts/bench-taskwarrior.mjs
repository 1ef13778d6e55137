// Taskwarrior is the reference issue 16 measures mentee against ("the CLI people pick for to-dos"), not a
// dependency: the bench runs it when `task` is on PATH and never installs it. It runs isolated, with its own
// TASKRC and TASKDATA in the bench's temp folder, filled from the same journals mentee is timed on.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const INSTALL_HINT =
  'Taskwarrior is not installed (no `task` on PATH), so its column shows –: install it (`apt-get install taskwarrior` on Debian/Ubuntu, `brew install task` on macOS) and run `npm run bench` again to compare.';

// No prompts, no hooks, no nag; everything else (gc included) as Taskwarrior ships it. TASKRC pointing here
// means ~/.taskrc is never read.
const RC = ['confirmation=off', 'verbose=nothing', 'hooks=off', 'color=off', ''].join('\n');

/** Writes the rc file into `folder` and returns Taskwarrior's version, or null when `task` is not installed. */
export async function findTaskwarrior(folder) {
  const rc = join(folder, 'taskrc');
  await writeFile(rc, RC);
  const result = spawnSync('task', ['--version'], {
    env: { ...process.env, TASKRC: rc, TASKDATA: folder },
    encoding: 'utf8',
  });
  if (result.error?.code === 'ENOENT') return null;
  if (result.status !== 0) throw new Error(`task --version failed: ${result.stderr || result.error}`);
  return { version: result.stdout.trim(), rc };
}

/**
 * Fills a new TASKDATA folder with one task per action of the journal at `journalPath`, by one `task import`
 * of a JSON file, and returns the environment that runs `task` on it.
 */
export async function taskwarriorFor(taskwarrior, journalPath, folder) {
  await mkdir(folder, { recursive: true });
  const journal = JSON.parse(await readFile(journalPath, 'utf8'));
  const file = join(folder, 'import.json');
  await writeFile(file, JSON.stringify(journal.actions.map(taskOf)));
  const env = { TASKRC: taskwarrior.rc, TASKDATA: folder };
  const result = spawnSync('task', ['import', file], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`task import failed: ${result.stderr}`);
  return env;
}

const STATUS = { open: 'pending', done: 'completed', dropped: 'deleted' };

/** One mentee action as the Taskwarrior task a person would have kept for it: same uuid, dates, mentor as project. */
function taskOf(action) {
  return {
    uuid: action.uid,
    status: STATUS[action.status],
    entry: taskDate(action.createdAt),
    modified: taskDate(action.updatedAt),
    ...(action.status === 'open' ? {} : { end: taskDate(action.completedAt ?? action.updatedAt) }),
    ...(action.due ? { due: taskDate(`${action.due}T00:00:00Z`) } : {}),
    description: action.title,
    ...(action.mentor ? { project: action.mentor } : {}),
    // An action's #tags live in its text, and the generated ones have none: one tag each (its first word)
    // keeps the tasks no thinner than the actions.
    tags: [action.title.split(' ')[0].toLowerCase()],
    annotations: action.notes.map((note) => ({ entry: taskDate(note.at), description: note.note })),
  };
}

/** 2026-11-25T09:00:00.000Z as Taskwarrior writes it: 20261125T090000Z. */
function taskDate(iso) {
  return iso.replace(/\.\d+/, '').replace(/[-:]/g, '');
}

/** Peak memory of one run in KB, by GNU time where there is one (Linux); null elsewhere. */
export function peakRssKb(command, args, env) {
  if (!existsSync('/usr/bin/time')) return null;
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const kb = Number(result.stderr.trim().split('\n').at(-1));
  return result.status === 0 && Number.isFinite(kb) ? kb : null;
}
