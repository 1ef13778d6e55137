import fc from 'fast-check';
import type { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/cli/options.js';
import * as inputs from '../../src/core/inputs.js';
import { ActionListInput } from '../../src/core/list-inputs.js';
import { UsageError } from '../../src/errors.js';
import { journal } from '../core/fixtures.js';

const RUNS = { numRuns: 400 };

/** Every command's flag schema, by name. */
const SCHEMAS: [string, z.ZodObject][] = [
  ['ProfileInput', inputs.ProfileInput],
  ['NoteInput', inputs.NoteInput],
  ['MentorAddInput', inputs.MentorAddInput],
  ['MentorEditInput', inputs.MentorEditInput],
  ['GoalAddInput', inputs.GoalAddInput],
  ['GoalUpdateInput', inputs.GoalUpdateInput],
  ['ActionAddInput', inputs.ActionAddInput],
  ['ActionEditInput', inputs.ActionEditInput],
  ['TopicDraft', inputs.TopicDraft],
  ['PrepInput', inputs.PrepInput],
  ['LogInput', inputs.LogInput],
  ['ExportInput', inputs.ExportInput],
  ['ActionListInput', ActionListInput],
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

/** Raw flags for `schema`: its own keys, prototype keys and random keys, with any values. */
function rawFlags(schema: z.ZodObject) {
  const keys = [...Object.keys(schema.shape), ...PROTOTYPE_KEYS];
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
        for (const key of Object.keys(parsed as object)) expect(Object.keys(schema.shape)).toContain(key);
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
    for (const key of Object.keys(schema.shape)) hostile[key] = JSON.parse('{"__proto__": {"polluted": "yes"}}');
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
          const { title: parsed } = parseOptions(inputs.ActionAddInput, { title });
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
          const { length: minutes } = parseOptions(inputs.MentorEditInput, { length });
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
