/** `mentee config list|get|set|unset`: the settings in config.json, and which are in force from where. */
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { jsonFlags } from './common-flags.js';
import {
  loadSettings,
  SETTING_ENV,
  SETTING_KEYS,
  changeSettings,
  type LoadedSettings,
  type SettingKey,
} from '../config/settings.js';
import { isSettingKey, readSettingText } from '../config/settings-schema.js';
import { nearest } from '../core/suggest.js';
import { UsageError, UserError } from '../errors.js';
import { didYouMean } from '../ui/did-you-mean.js';
import { columns } from '../ui/render/layout.js';
import type { ConfigJson } from '../ui/json-shapes.js';

export async function configListCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const { json } = parseOptions(jsonFlags, raw);
  const loaded = await loadSettings(ctx.env);
  const rows = SETTING_KEYS.map((key) => entry(loaded, key));
  if (json) return ctx.print(JSON.stringify({ file: loaded.file, settings: rows } satisfies ConfigJson, null, 2));
  ctx.print(
    ctx.style.dim(`Settings in ${loaded.file}; the environment wins over the file, a command's flag over both.`),
  );
  ctx.print(
    columns(
      rows.map((row) => [
        ctx.style.bold(row.key),
        row.value === null ? ctx.style.dim('not set') : String(row.value),
        ctx.style.dim(
          row.from === 'environment' ? `$${envName(loaded, row.key as SettingKey)}` : row.from ? 'config file' : '',
        ),
      ]),
    ).join('\n'),
  );
}

export async function configGetCommand(ctx: Context, key: string, raw: Record<string, unknown>): Promise<void> {
  const { json } = parseOptions(jsonFlags, raw);
  const loaded = await loadSettings(ctx.env);
  const row = entry(loaded, settingKey(key));
  if (json) return ctx.print(JSON.stringify({ key: row.key, value: row.value, from: row.from }, null, 2));
  if (row.value === null)
    throw new UserError(`${row.key} is not set.`, { hint: `Set it with: mentee config set ${row.key} <value>` });
  ctx.print(String(row.value));
}

export async function configSetCommand(
  ctx: Context,
  key: string,
  value: string,
  _raw: Record<string, unknown>,
): Promise<void> {
  const setting = settingKey(key);
  const read = readSettingText(setting, value);
  if (!read.ok) throw new UsageError(`${setting} ${read.problem}.`);
  let stored = read.value;
  if (setting === 'prepTemplate') {
    // Named as a template is found, so a mistyped one is refused now, not at the next prep.
    const { loadPrepTemplates, pickTemplate } = await import('../config/prep-templates.js');
    stored = pickTemplate((await loadPrepTemplates()).templates, String(stored)).template.name;
  }
  const loaded = await changeSettings(ctx.env, (now) => ({ ...now.stored, [setting]: stored }), ctx.warn);
  ctx.print(`Set ${setting} to ${String(stored)} in ${loaded.file}.`);
  const overriding = envName(loaded, setting);
  if (overriding) ctx.warn(`note: ${overriding} is set in your environment and wins over the file until it is unset.`);
}

export async function configUnsetCommand(ctx: Context, key: string, _raw: Record<string, unknown>): Promise<void> {
  let removed = false;
  const loaded = await changeSettings(
    ctx.env,
    (now) => {
      // A key that is not a setting can be removed too: that is how the warning about it goes away.
      if (!now.stored || !Object.hasOwn(now.stored, key)) return undefined;
      removed = true;
      const { [key]: _removed, ...rest } = now.stored;
      return rest;
    },
    ctx.warn,
  );
  if (removed) return ctx.print(`Unset ${key} in ${loaded.file}.`);
  settingKey(key);
  ctx.print(`${key} was not set in ${loaded.file}; nothing changed.`);
}

function settingKey(key: string): SettingKey {
  if (isSettingKey(key)) return key;
  const sameButCase = SETTING_KEYS.find((each) => each.toLowerCase() === key.toLowerCase());
  if (sameButCase) return sameButCase;
  throw new UsageError(
    `"${key}" is not a setting.${didYouMean(nearest(key, SETTING_KEYS))} The settings are ${SETTING_KEYS.join(', ')}.`,
  );
}

type Row = ConfigJson['settings'][number];

function entry(loaded: LoadedSettings, key: SettingKey): Row {
  const value = loaded.values[key];
  return {
    key,
    value: value ?? null,
    from: loaded.sources[key]?.from ?? null,
    env: SETTING_ENV[key].join(', '),
  };
}

function envName(loaded: LoadedSettings, key: SettingKey): string | undefined {
  const source = loaded.sources[key];
  return source?.from === 'environment' ? source.name : undefined;
}
