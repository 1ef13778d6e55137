import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { oneLine } from '../ui/one-line.js';

/**
 * Turns a command's parsed flags into its domain input with the command's zod schema; the first
 * problem becomes a usage error naming the flag (or the argument), with the reader's hint if it gave one.
 */
export function parseOptions<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const flag = key ? flagName(key) : 'options';
  const label = POSITIONAL.has(key) ? key : flag;
  // One line, whatever the typed text inside the message held.
  const message = oneLine(issue.message).replace(/\.$/, '');
  const hint = (issue as { params?: { hint?: string } }).params?.hint;
  const end = /[?!]$/.test(message) ? '' : '.';
  throw new UsageError(`${label}: ${message.charAt(0).toLowerCase()}${message.slice(1)}${end}`, hint);
}

/** Inputs given as a command's argument rather than a flag: named as such in errors. */
const POSITIONAL = new Set(['name', 'title', 'shell', 'words']);

/** The flag commander reads into `key`: carryParked is --carry-parked. */
export function flagName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
