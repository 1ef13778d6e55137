/**
 * The settings' schema, one zod schema per key: loaded only when there is a settings file or a
 * variable to check, so runs without any never load zod for it.
 */
import * as z from 'zod';
import { MAX_MINUTES } from '../core/model.js';
import { oneLine } from '../ui/one-line.js';
import { DATE_ORDERS, WEEK_STARTS } from '../input/date-text.js';

const command = z.string().trim().min(1);

export const SETTING_SCHEMAS = {
  dateOrder: z.enum(DATE_ORDERS),
  weekStart: z.enum(WEEK_STARTS),
  meetingLength: z.number().int().min(1).max(MAX_MINUTES),
  prepTemplate: z.string().trim().min(1),
  editor: command,
  passphraseCommand: command,
};

export const SettingsSchema = z.object(SETTING_SCHEMAS).partial();
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingKey = keyof typeof SETTING_SCHEMAS;

/** What each setting must be, as the end of "dateOrder must be …". */
export const SETTING_RULES: Record<SettingKey, string> = {
  dateOrder: 'dmy or mdy',
  weekStart: 'monday or sunday',
  meetingLength: `a whole number of minutes from 1 to ${MAX_MINUTES}`,
  prepTemplate: 'the name of a prep template (see: mentee templates)',
  editor: 'a command, such as "code --wait"',
  passphraseCommand: 'a command, such as "pass show mentee"',
};

export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTING_SCHEMAS, key);

type Read = { ok: true; value: Settings[SettingKey] } | { ok: false; problem: string };

/** A setting's value as typed (`config set`, an environment variable): "45" is 45 minutes, "DMY" is dmy. */
export function readSettingText(key: SettingKey, text: string): Read {
  const typed = text.trim();
  const value =
    key === 'meetingLength' && /^\d+$/.test(typed) ? Number(typed) : SIMPLE.has(key) ? typed.toLowerCase() : typed;
  return check(key, value);
}

const SIMPLE = new Set<SettingKey>(['dateOrder', 'weekStart']);

function check(key: SettingKey, value: unknown): Read {
  const parsed = SETTING_SCHEMAS[key].safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problem: `must be ${SETTING_RULES[key]}, not ${shown(value)}` };
}

function shown(value: unknown): string {
  const text = oneLine(typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value)));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The settings a file's text holds, each checked on its own: a bad one is left out and named, the rest kept. */
export function checkStored(
  text: string,
  file: string,
): { values: Settings; stored: Record<string, unknown> | undefined; problem?: string } {
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch (error) {
    const why = oneLine((error as Error).message);
    return {
      values: {},
      stored: undefined,
      problem: `warning: ${file} is not valid JSON (${why}); none of its settings are used.`,
    };
  }
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored))
    return {
      values: {},
      stored: undefined,
      problem: `warning: ${file} is not a JSON object of settings such as {"dateOrder": "dmy"}; none of its settings are used.`,
    };
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(stored)) {
    if (!isSettingKey(key)) {
      problems.push(`"${oneLine(key).slice(0, 40)}" is not a setting`);
      continue;
    }
    const read = check(key, value);
    if (read.ok) values[key] = read.value;
    else problems.push(`${key} ${read.problem}`);
  }
  const record = stored as Record<string, unknown>;
  if (!problems.length) return { values, stored: record };
  const those = problems.length > 1 ? 'these are' : 'it is';
  return {
    values,
    stored: record,
    problem: `warning: ${file}: ${problems.join('; ')}; ${those} not used (see: mentee config list).`,
  };
}
