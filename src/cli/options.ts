import type { z } from 'zod';
import { UsageError } from '../errors.js';

/** Validates a command's parsed flags with its zod schema; the first problem becomes a usage error naming the flag. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const flag = key ? `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}` : 'options';
  const label = key === 'name' || key === 'title' ? key : flag;
  throw new UsageError(`${label}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.`);
}
