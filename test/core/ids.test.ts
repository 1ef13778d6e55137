import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/errors.js';
import { deriveHandle, takeId } from '../../src/core/ids.js';
import { action, goal, journal, mentor, NOW, worded } from './fixtures.js';

describe('record ids', () => {
  it('numbers goals, meetings and actions separately from 1', () => {
    const j = journal();
    expect(takeId(j, 'g')).toBe('g1');
    expect(takeId(j, 'a')).toBe('a1');
    expect(takeId(j, 'g')).toBe('g2');
    expect(takeId(j, 'm')).toBe('m1');
  });

  it('never hands out an id again, even after the record that had it is gone', () => {
    const j = journal();
    action(j, { title: 'First' });
    const second = action(j, { title: 'Second' });
    expect(second.id).toBe('a2');
    j.actions = j.actions.filter((candidate) => candidate.id !== 'a2');
    const third = action(j, { title: 'Third' });
    expect(third.id).toBe('a3');
  });

  it('gives every goal added in a row a distinct id', () => {
    const j = journal();
    const ids = ['One', 'Two', 'Three', 'Four'].map((title) => goal(j, { title }).id);
    expect(new Set(ids).size).toBe(4);
    expect(ids).toEqual(['g1', 'g2', 'g3', 'g4']);
  });
});

describe('mentor handles', () => {
  it('derives "lovelace" from "Dr Ada Lovelace", dropping the title', () => {
    expect(deriveHandle('Dr Ada Lovelace', new Set())).toBe('lovelace');
    expect(deriveHandle('Prof. Mary Seacole', new Set())).toBe('seacole');
  });

  it('falls back to first-last, then a number, when the surname is taken', () => {
    expect(deriveHandle('Dr Ada Lovelace', new Set(['lovelace']))).toBe('ada-lovelace');
    expect(deriveHandle('Dr Ada Lovelace', new Set(['lovelace', 'ada-lovelace']))).toBe('lovelace-2');
    expect(deriveHandle('Plato', new Set(['plato']))).toBe('plato-2');
  });

  it('turns accented letters into plain ones so the handle is easy to type', () => {
    expect(deriveHandle('Dr José Núñez', new Set())).toBe('nunez');
  });

  it('still gives a usable handle for a name made only of titles or digits', () => {
    expect(deriveHandle('Dr', new Set())).toBe('mentor');
    expect(deriveHandle('007', new Set())).toBe('mentor');
  });

  it('derives a handle on add, or uses the one given with --handle (lower-cased)', () => {
    const j = journal();
    expect(mentor(j, { name: 'Dr Ada Lovelace' }).handle).toBe('lovelace');
    expect(mentor(j, { name: 'Dr Ada Lovelace' }).handle).toBe('ada-lovelace');
    expect(mentor(j, { name: 'Grace Hopper', handle: 'Grace' }).handle).toBe('grace');
  });

  it('refuses a --handle already in use, or one with characters that are hard to type', () => {
    const j = journal();
    mentor(j, { name: 'Dr Ada Lovelace' });
    expect(() => worded(() => mentor(j, { name: 'Someone Else', handle: 'lovelace' }))).toThrow(UserError);
    expect(() => worded(() => mentor(j, { name: 'Someone Else', handle: '9lives' }))).toThrow(UsageError);
    expect(() => worded(() => mentor(j, { name: 'Someone Else', handle: 'two words' }))).toThrow(UsageError);
    expect(j.mentors).toHaveLength(1);
  });

  it('gives two mentors with the same very long surname distinct, valid handles', () => {
    const j = journal();
    const name = 'Dr Wolfeschlegelsteinhausenbergerdorff';
    const first = mentor(j, { name });
    const second = mentor(j, { name });
    expect(second.handle).not.toBe(first.handle);
    for (const handle of [first.handle, second.handle]) expect(handle).toMatch(/^[a-z][a-z0-9-]{0,31}$/);
  });

  it('keeps the mentor fields given on add', () => {
    const j = journal();
    const ada = mentor(j, {
      name: 'Dr Ada Lovelace',
      role: 'GP partner',
      contact: 'email:ada@example.org',
      cadence: '4w',
      length: '45',
      rule: ['Email first', 'Meet monthly'],
      expect: ['career', 'emotional', 'career'],
    });
    expect(ada).toMatchObject({
      handle: 'lovelace',
      role: 'GP partner',
      contact: { channel: 'email', address: 'ada@example.org' },
      cadenceDays: 28,
      lengthMinutes: 45,
      rules: ['Email first', 'Meet monthly'],
      expectations: ['career', 'emotional'],
      status: 'active',
      startDate: '2026-11-25',
      createdAt: NOW.toISOString(),
    });
  });
});
