/**
 * The pieces every command's flag schema is built from: each turns what commander parsed into a domain
 * value with one reader from read.ts, so a flag and a wizard's answer are read by the same rule. A
 * value that cannot be read becomes an issue at that flag's path (its hint in `params.hint`), which
 * parseOptions words as one line naming the flag.
 */
import * as z from 'zod';
import { nearest } from '../core/suggest.js';
import { withoutControls } from '../core/text.js';
import { didYouMean } from '../ui/did-you-mean.js';
import { InputError } from './input-error.js';
import { readMinutes } from './minutes.js';

/** Text as typed, less control characters, trimmed, and not empty. */
export const text = z
  .string({ error: 'is required' })
  .transform(withoutControls)
  .pipe(z.string().trim().min(1, 'must not be empty'));
export const optionalText = text.optional();
export const texts = z.array(text).default([]);
export const flag = z.boolean().default(false);

/** A flag's text read by `read`; what the reader refuses is an issue, with its hint. */
export function readWith<T>(read: (value: string) => T) {
  return text.transform((value, ctx) => attempt(() => read(value), value, ctx));
}

/** A repeatable flag read as a whole (topic numbers: "1,3" and "5-6" together). */
export function readAllWith<T>(read: (values: string[]) => T) {
  return z
    .array(z.string())
    .default([])
    .transform((values, ctx) => attempt(() => read(values), values, ctx));
}

function attempt<T>(read: () => T, input: unknown, ctx: z.core.$RefinementCtx<unknown>): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    ctx.issues.push({ code: 'custom', message: error.message, input, params: { hint: error.hint } });
    return z.NEVER;
  }
}

/** Whole minutes: --length, from its text (or a number, as scripts may pass). */
export const minutes = z
  .union([z.number(), text])
  .transform((value, ctx) => attempt(() => readMinutes(value), value, ctx));

/** A repeatable flag read item by item. */
export function listOf<T>(read: (value: string) => T) {
  return z.array(readWith(read)).default([]);
}

/** One of a fixed set of words, in any case, with aliases that mean the same. */
export function oneOf<T extends readonly [string, ...string[]]>(values: T, aliases: Record<string, T[number]> = {}) {
  return z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const word = value.trim().toLowerCase();
      return Object.hasOwn(aliases, word) ? aliases[word] : word;
    },
    z.enum(values, {
      error: (issue) =>
        `must be one of ${values.join(', ')}.${typeof issue.input === 'string' ? didYouMean(nearest(issue.input, values)) : ''}`,
    }),
  );
}

/** `--limit N`: how many to list, a whole number from 1. */
export const limit = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1');
