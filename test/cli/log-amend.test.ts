/** A meeting's notes are written once; adding to them takes --amend. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { refused } from '../helpers/refusals.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

describe('logging a meeting that already has notes', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await cli(['prep', '--when', '2026-11-20 17:30', '--topic', 'Specialty choice', '--topic', 'Rota'], { journal });
    await cli(['log', 'm1', '--covered', '1', '--advice', 'Talk to three GPs', '--private', 'First thought'], {
      journal,
    });
  });
  afterAll(() => cleanup());

  it('is refused without --amend, pointing at --amend', async () => {
    await refused(['log', 'm1', '--advice', 'Shadow a GP clinic'], journal, 1, 'm1 already has notes; add --amend');
  });

  it('with --amend adds the advice and appends a second private reflection after the first, keeping both', async () => {
    await cli(['log', 'm1', '--amend', '--advice', 'Shadow a GP clinic', '--private', 'Second thought'], { journal });
    const saved = await readJournal(journal);
    expect(saved.meetings).toHaveLength(1);
    const log = saved.meetings[0].log;
    expect(log.advice).toEqual(['Talk to three GPs', 'Shadow a GP clinic']);
    expect(log.privateReflection).toContain('First thought');
    expect(log.privateReflection).toContain('Second thought');
    expect(log.privateReflection.indexOf('First thought')).toBeLessThan(
      log.privateReflection.indexOf('Second thought'),
    );
    expect(saved.meetings[0].prep.topics[0].outcome).toBe('covered');
  });
});

describe('log --mentor X --when yesterday, twice', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await cli(['log', '--mentor', 'lovelace', '--when', 'yesterday 15:00', '--advice', 'First advice'], { journal });
  });
  afterAll(() => cleanup());

  it('the second time finds the same meeting and refuses without --amend', async () => {
    await refused(
      ['log', '--mentor', 'lovelace', '--when', 'yesterday 15:00', '--advice', 'Second advice'],
      journal,
      1,
      'm1 already has notes; add --amend',
    );
  });

  it('with --amend adds to that meeting rather than creating a duplicate', async () => {
    await cli(['log', '--mentor', 'lovelace', '--when', 'yesterday 15:00', '--advice', 'Second advice', '--amend'], {
      journal,
    });
    const saved = await readJournal(journal);
    expect(saved.meetings).toHaveLength(1);
    expect(saved.meetings[0].log.advice).toEqual(['First advice', 'Second advice']);
  });
});
