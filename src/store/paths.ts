import envPaths from 'env-paths';
import { join, resolve } from 'node:path';

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

export function backupDirFor(journalPath: string): string {
  return `${journalPath}.backups`;
}

export function lockPathFor(journalPath: string): string {
  return `${journalPath}.lock`;
}
