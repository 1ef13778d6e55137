import fc from 'fast-check';
import type { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/commands/parse-options.js';
import { actionListFlags } from '../../src/commands/action-list.js';
import { actionAddFlags, actionEditFlags } from '../../src/commands/action.js';
import { noteFlags } from '../../src/commands/common-flags.js';
import { exportFlags } from '../../src/commands/export.js';
import { goalAddFlags, goalUpdateFlags } from '../../src/commands/goal.js';
import { initFlags } from '../../src/commands/init.js';
import { logFlags } from '../../src/commands/log.js';
import { mentorAddFlags, mentorEditFlags } from '../../src/commands/mentor.js';
import { prepFlags } from '../../src/commands/prep.js';
import { UsageError } from '../../src/errors.js';

const RUNS = { numRuns: 400 };
import { NOW } from '../helpers/clock.js';

/** Every command's flag schema, by command. */
const SCHEMAS: [string, z.ZodType][] = [
  ['init', initFlags],
  ['--note', noteFlags],
  ['mentor add', mentorAddFlags({ now: NOW })],
  ['mentor edit', mentorEditFlags({ now: NOW })],
  ['goal add', goalAddFlags({ now: NOW })],
  ['goal update', goalUpdateFlags({ now: NOW })],
  ['action add', actionAddFlags({ now: NOW })],
  ['action edit', actionEditFlags({ now: NOW })],
  ['prep', prepFlags({ now: NOW })],
  ['log', logFlags({ now: NOW })],
  ['export', exportFlags({ now: NOW })],
  ['action list', actionListFlags],
];

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x9f }).map((code) => String.fromCharCode(code)) }),
  fc.constantFrom(
    ...PROTOTYPE_KEYS,
    '',
    '   ',
    '\u202e',
    '30',
    '1e3',
    '0x10',
    '-5',
    '1441',
    'CAREER',
    'Video',
    'x'.repeat(10_000),
  ),
);
/** What commander hands over for a flag: text, repeated text, a switch, or nothing. */
const flagValue = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: fc.array(hostileString, { maxLength: 4 }), weight: 2 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(undefined), weight: 1 },
  {
    arbitrary: fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }),
    weight: 1,
  },
);

/** The flags a schema reads: its object's keys, before any transform into domain input. */
function flagNames(schema: z.ZodType): string[] {
  const flags = 'shape' in schema ? schema : (schema as unknown as { in: z.ZodObject }).in;
  return Object.keys((flags as z.ZodObject).shape);
}

/** Names the schemas give their domain input: with the flag names, the only keys that may come out. */
const DOMAIN_KEYS = [
  'input',
  'filter',
  'profile',
  'scope',
  'kind',
  'ref',
  'from',
  'to',
  'lengthMinutes',
  'topics',
  'replaceTopics',
  'goals',
  'reviews',
  'reflections',
  'outcomes',
  'decisions',
  'actions',
  'privateReflection',
  'cadenceDays',
  'rules',
  'expectations',
  'startDate',
  'clearExpectations',
  'targetDate',
  'mentors',
];

/** The keys of parsed flags, and of the domain input inside them. */
function keysOut(parsed: object): string[] {
  const nested = ['input', 'filter', 'profile', 'scope'].flatMap((key) => {
    const value = (parsed as Record<string, unknown>)[key];
    return value && typeof value === 'object' ? Object.keys(value) : [];
  });
  return [...Object.keys(parsed), ...nested];
}

/** Raw flags for `schema`: its own keys, prototype keys and random keys, with any values. */
function rawFlags(schema: z.ZodType) {
  const keys = [...flagNames(schema), ...PROTOTYPE_KEYS];
  return fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string()), flagValue, { maxKeys: 8 });
}

/** Own enumerable keys of Object.prototype and friends: none should ever appear. */
const pristine = () => [Object.keys(Object.prototype), Object.keys(Array.prototype), Object.keys(String.prototype)];
const initial = pristine();
afterEach(() => expect(pristine()).toEqual(initial));

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

describe.each(SCHEMAS)('parseOptions with %s', (_name, schema) => {
  it('either returns the flags or throws a UsageError naming one flag, whatever it is given', () => {
    fc.assert(
      fc.property(rawFlags(schema), (raw) => {
        let parsed: unknown;
        try {
          parsed = parseOptions(schema, raw);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          expect((error as Error).message).not.toMatch(/[\r\n]/);
          return;
        }
        expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
        // Only the schema's own keys come through: no __proto__, constructor or unknown flag.
        for (const key of keysOut(parsed as object)) expect([...flagNames(schema), ...DOMAIN_KEYS]).toContain(key);
        // Text is cleaned of control characters and direction overrides before it can reach the journal.
        for (const text of stringsIn(parsed)) expect(text).not.toMatch(UNSAFE);
      }),
      RUNS,
    );
  });

  it('keeps __proto__ inside the input: it never reaches Object.prototype', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": "yes", "title": "x"}, "constructor": {"prototype": {"polluted": "yes"}}}',
    );
    for (const key of flagNames(schema)) hostile[key] = JSON.parse('{"__proto__": {"polluted": "yes"}}');
    try {
      parseOptions(schema, hostile);
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });
});

describe('text flags', () => {
  it('are trimmed and never empty once control characters are removed', () => {
    fc.assert(
      fc.property(hostileString, (title) => {
        try {
          const { title: parsed } = parseOptions(actionAddFlags({ now: NOW }), { title }).input;
          expect(parsed).toBe(parsed.trim());
          expect(parsed.length).toBeGreaterThan(0);
          expect(parsed).not.toMatch(UNSAFE);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          expect((error as Error).message).toBe('title: must not be empty.');
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('minutes are whole numbers from 1 to 1440, whatever text gives them', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.integer().map(String), fc.double().map(String)), (length) => {
        try {
          const { lengthMinutes: minutes } = parseOptions(mentorEditFlags({ now: NOW }), { length });
          if (minutes === undefined) return;
          expect(Number.isInteger(minutes)).toBe(true);
          expect(minutes).toBeGreaterThanOrEqual(1);
          expect(minutes).toBeLessThanOrEqual(1440);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          expect((error as Error).message).toMatch(/^--length: /);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
