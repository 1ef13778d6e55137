import envPaths from 'env-paths';
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { checkFolder, currentUser, ownerOf, type Owner } from './safe-files.js';

const appPaths = () => envPaths('mentee', { suffix: '' });

/** --journal, else MENTEE_JOURNAL, else journal.json in the platform's user data folder (XDG on Linux). */
export function resolveJournalPath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  const chosen = flag ?? env.MENTEE_JOURNAL;
  return chosen ? resolve(chosen) : join(appPaths().data, 'journal.json');
}

/** Where the user's own templates live: the platform's config folder (XDG_CONFIG_HOME on Linux). */
export function userConfigDir(): string {
  return appPaths().config;
}

/** Every file the store keeps for one journal, named once from where the journal really lives. */
export interface JournalPaths {
  /** The journal itself, through any symlinks; it may not exist yet. */
  readonly journal: string;
  /** The folder it is in, where its temporary files are written. */
  readonly folder: string;
  /** The lock: a folder beside the journal while a command writes. */
  readonly lock: string;
  /** The pid of the lock's holder, beside the lock (proper-lockfile removes the lock folder with rmdir). */
  readonly lockHolder: string;
  /** Made by the one waiter that clears an abandoned lock. */
  readonly lockTakeover: string;
  /** The backup folder. */
  readonly backups: string;
  /** The validation memo (see validation-memo.ts), in the backup folder. */
  readonly memo: string;
  /** The journal's everyday part (see everyday-file.ts), derived from it, in the backup folder. */
  readonly everyday: string;
  /** Wizards' unfinished answers (see drafts.ts): a private folder beside the journal. */
  readonly drafts: string;
  /** The local sync repository (see sync-repo.ts): a private bare git repository beside the journal. */
  readonly sync: string;
  /** Whose all these files are (see safe-files.ts): the user's, or under sudo, the journal's owner's. */
  readonly owner: Owner;
}

/** The paths of the journal at `journal`, taken as where it really lives. */
export function journalPaths(journal: string, owner: Owner = currentUser()): JournalPaths {
  const lock = `${journal}.lock`;
  const backups = `${journal}.backups`;
  return {
    journal,
    folder: dirname(journal),
    lock,
    lockHolder: `${lock}.pid`,
    lockTakeover: `${lock}.takeover`,
    backups,
    memo: join(backups, '.fingerprints'),
    everyday: join(backups, '.everyday'),
    drafts: `${journal}.drafts`,
    sync: `${journal}.sync`,
    owner,
  };
}

/**
 * The paths of the journal `path` names, followed through symlinks, once its folder and backup folder
 * are known to be writable by the user alone (see safe-files.ts): a stat of each, for every command.
 */
export async function resolveJournalPaths(path: string): Promise<JournalPaths> {
  const journal = await throughLinks(path);
  const folder = await stat(dirname(journal)).catch(() => undefined);
  const file = folder?.uid === 0 && process.getuid?.() === 0 ? await stat(journal).catch(() => undefined) : undefined;
  const paths = journalPaths(journal, ownerOf(folder, file));
  // A path through a file (/dev/null/j.json), or a folder given as the journal, fails as it does when read.
  if (folder?.isDirectory())
    await checkFolder(paths.folder, paths.owner, folder).catch(async (error: unknown) => {
      if (!(await stat(journal).catch(() => undefined))?.isDirectory()) throw error;
    });
  const backups = await lstat(paths.backups).catch(() => undefined);
  if (backups) await checkFolder(paths.backups, paths.owner, backups);
  return paths;
}

/**
 * Whether `file` (a real path) is the journal, its lock, or in its backup, drafts or sync folder: never a
 * place to write to.
 */
export function isJournalFile(paths: JournalPaths, file: string): boolean {
  const own = [paths.journal, paths.lock, paths.lockHolder, paths.lockTakeover, paths.sync];
  const folders = [paths.backups, paths.drafts, paths.sync];
  return own.includes(file) || folders.some((folder) => file.startsWith(`${folder}${sep}`));
}

/**
 * Where `path` really is. A symlinked journal is updated where it really lives, so the link stays a
 * link, including a link made before its target exists (e.g. into a synced folder).
 */
export async function throughLinks(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    try {
      return await realpath(current);
    } catch {
      try {
        current = resolve(dirname(current), await readlink(current));
      } catch {
        return current;
      }
    }
  }
  return current;
}
