/**
 * The user's settings: config.json in the config folder (beside templates/), each one overridden by
 * its environment variable, and both by a command's flag where there is one. Read on every run, so it
 * stays cheap: with no file and no variable set, nothing is validated and zod is not loaded. A broken
 * file, key or value is one warning line, and the rest of the settings (and every command) still work.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { describeFileProblem } from '../store/file-errors.js';
import { readRegularFileSync } from '../store/regular-file.js';
import { distrust } from './settings-trust.js';
import { userConfigDir } from '../store/paths.js';
import type { Settings, SettingKey } from './settings-schema.js';

export type { Settings, SettingKey };

export const SETTING_KEYS = [
  'dateOrder',
  'weekStart',
  'meetingLength',
  'prepTemplate',
  'editor',
  'passphraseCommand',
] as const satisfies readonly SettingKey[];

/** The environment variables that set each, the first set winning. */
export const SETTING_ENV: Record<SettingKey, string[]> = {
  dateOrder: ['MENTEE_DATE_ORDER'],
  weekStart: ['MENTEE_WEEK_START'],
  meetingLength: ['MENTEE_MEETING_LENGTH'],
  prepTemplate: ['MENTEE_PREP_TEMPLATE'],
  // As git and every Unix tool: the editor you set for everything wins over mentee's own setting.
  editor: ['VISUAL', 'EDITOR'],
  passphraseCommand: ['MENTEE_PASSPHRASE_COMMAND'],
};

const COMMAND_KEYS = new Set<SettingKey>(['editor', 'passphraseCommand']);

/** Where each setting in force came from. */
export type SettingSource = { from: 'environment'; name: string } | { from: 'config' };

export interface LoadedSettings {
  file: string;
  /** The settings in force: environment over the file, the bad parts of either left out. */
  values: Settings;
  sources: Partial<Record<SettingKey, SettingSource>>;
  /** The file's own settings as it holds them (what `config set` and `unset` keep and change). */
  stored: Record<string, unknown> | undefined;
  /** The file is there but cannot be read or is not a JSON object: `config set` will not replace it. */
  unusable: boolean;
  /** At most one line for the file and one for the environment, each naming what is not used. */
  warnings: string[];
}

/** config.json in the config folder, or the file MENTEE_CONFIG names. */
export function settingsFile(env: NodeJS.ProcessEnv): string {
  return env.MENTEE_CONFIG || join(userConfigDir(), 'config.json');
}

/** The settings of a run with this environment. */
export async function loadSettings(env: NodeJS.ProcessEnv): Promise<LoadedSettings> {
  const file = settingsFile(env);
  const read = readFile(file);
  const fromEnv = SETTING_KEYS.flatMap((key) => {
    const name = SETTING_ENV[key].find((each) => env[each]?.trim());
    return name ? [{ key, name, text: env[name]!.trim() }] : [];
  });
  const loaded: LoadedSettings = { file, values: {}, sources: {}, stored: undefined, unusable: false, warnings: [] };
  if ('problem' in read) {
    loaded.warnings.push(read.problem);
    loaded.unusable = true;
  }
  // A command (VISUAL, EDITOR, which many set) is any text: taken as it is, without loading the schema.
  for (const { key, name, text } of fromEnv.filter(({ key }) => COMMAND_KEYS.has(key))) {
    (loaded.values as Record<string, unknown>)[key] = text;
    loaded.sources[key] = { from: 'environment', name };
  }
  const toCheck = fromEnv.filter(({ key }) => !COMMAND_KEYS.has(key));
  if (!('text' in read) && !toCheck.length) return loaded;
  // Only now is there something to validate: the schema (and zod) are loaded for it.
  const { checkStored, readSettingText } = await import('./settings-schema.js');
  if ('text' in read) {
    const checked = checkStored(read.text, file);
    loaded.stored = checked.stored;
    loaded.unusable = !checked.stored;
    const untrusted = untrustedCommands(file, checked.values);
    if (untrusted) loaded.warnings.push(untrusted.warning);
    for (const [key, value] of Object.entries(checked.values) as [SettingKey, unknown][]) {
      if (loaded.sources[key] || untrusted?.keys.includes(key)) continue;
      (loaded.values as Record<string, unknown>)[key] = value;
      loaded.sources[key] = { from: 'config' };
    }
    if (checked.problem) loaded.warnings.push(checked.problem);
  }
  const refused: string[] = [];
  for (const { key, name, text } of toCheck) {
    const value = readSettingText(key, text);
    if (!value.ok) {
      refused.push(`${name} ${value.problem}`);
      continue;
    }
    (loaded.values as Record<string, unknown>)[key] = value.value;
    loaded.sources[key] = { from: 'environment', name };
  }
  if (refused.length)
    loaded.warnings.push(`warning: ${refused.join('; ')}; ${refused.length > 1 ? 'they are' : 'it is'} not used.`);
  return loaded;
}

/** The commands the file sets, when it may not run them (see settings-trust.ts), with the one warning about it. */
function untrustedCommands(file: string, values: Settings): { keys: SettingKey[]; warning: string } | undefined {
  const keys = SETTING_KEYS.filter((key) => COMMAND_KEYS.has(key) && values[key] !== undefined);
  const problem = keys.length ? distrust(file) : undefined;
  if (!problem) return undefined;
  return {
    keys,
    warning: `warning: the ${keys.join(' and ')} set in ${file} ${keys.length > 1 ? 'are' : 'is'} not run: ${problem.why}, so someone else could choose what mentee runs as you (${problem.fix}).`,
  };
}

/** The file's text; nothing when there is none; a problem line when it is there but cannot be read. */
function readFile(file: string): { text: string } | { problem: string } | { none: true } {
  // A file that cannot even be looked at (no file, or a folder on the way closed to this user, as
  // under sudo with another's HOME) is no file; one that is there and cannot be read is said.
  try {
    statSync(file);
  } catch {
    return { none: true };
  }
  try {
    return { text: readRegularFileSync(file).toString('utf8') };
  } catch (error) {
    const problem = describeFileProblem(error, file);
    const reason = problem?.reason ?? (error as Error).message;
    return { problem: `warning: cannot read ${file}: ${reason}; your settings in it are not used.` };
  }
}

/**
 * Changes the settings file: under a lock beside it (two `config set` at once both count), it is read
 * afresh, `change` gives what it should hold (undefined: nothing to change), and that is written whole,
 * owner-only (0600), replacing it atomically; the folder is made if missing. Never replaces a file it
 * cannot read as settings. Any failure is one line, and then the file is as it was.
 */
export async function changeSettings(
  env: NodeJS.ProcessEnv,
  change: (loaded: LoadedSettings) => Record<string, unknown> | undefined,
  notice: (text: string) => void,
): Promise<LoadedSettings> {
  const [{ mkdir }, { dirname }, { writeFileAtomic }, { withJournalLock }, { journalPaths }, { asFileProblem }] =
    await Promise.all([
      import('node:fs/promises'),
      import('node:path'),
      import('../store/atomic-write.js'),
      import('../store/lock.js'),
      import('../store/paths.js'),
      import('../store/file-errors.js'),
    ]);
  const file = settingsFile(env);
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    return await withJournalLock(
      journalPaths(file),
      async () => {
        const loaded = await loadSettings(env);
        if (loaded.unusable)
          throw new UserError(`${file} cannot be read as settings, so it was not changed.`, {
            hint: 'Fix it (see the warning above) or remove it, then try again.',
          });
        const stored = change(loaded);
        if (stored) await writeFileAtomic(file, `${JSON.stringify(stored, null, 2)}\n`);
        return loaded;
      },
      { notice },
    );
  } catch (error) {
    throw asFileProblem(error, 'write', file);
  }
}
