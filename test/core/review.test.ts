/** Where an action stood over a period, and which goals a review covers. */
import { describe, expect, it } from 'vitest';
import { newUid } from '../../src/core/ids.js';
import { buildReview } from '../../src/core/review.js';
import { actionOutcome } from '../../src/core/summary.js';
import type { Action } from '../../src/core/schema.js';
import { action, goal, withAda } from './fixtures.js';

const FROM = Date.parse('2026-09-01T00:00:00Z');
const TO = Date.parse('2026-09-30T23:59:59Z');

function made(fields: Partial<Action>): Action {
  return {
    id: 'a1',
    uid: newUid(),
    title: 'Do it',
    owner: 'me',
    status: 'open',
    notes: [],
    createdAt: '2026-08-01T09:00:00.000Z',
    updatedAt: '2026-08-01T09:00:00.000Z',
    ...fields,
  };
}

describe('where an action stood over the period', () => {
  it.each([
    [
      'done in it by its due date',
      { status: 'done', due: '2026-09-10', completedAt: '2026-09-10T20:00:00Z' },
      'onTime',
    ],
    ['done in it with no due date', { status: 'done', completedAt: '2026-09-10T20:00:00Z' }, 'onTime'],
    [
      'done in it after its due date',
      { status: 'done', due: '2026-09-09', completedAt: '2026-09-10T08:00:00Z' },
      'late',
    ],
    ['still open', { status: 'open' }, 'open'],
    ['done after the period: open at its end', { status: 'done', completedAt: '2026-10-02T08:00:00Z' }, 'open'],
    ['dropped in it', { status: 'dropped', updatedAt: '2026-09-05T08:00:00Z' }, 'dropped'],
    ['done before it began', { status: 'done', completedAt: '2026-08-20T08:00:00Z' }, undefined],
    ['made after it ended', { createdAt: '2026-10-02T08:00:00Z' }, undefined],
  ] as const)('%s', (_name, fields, outcome) => {
    expect(actionOutcome(made(fields as Partial<Action>), FROM, TO)).toBe(outcome);
  });
});

describe('the goals a review covers', () => {
  it('takes goals active in the period, not one made after it ended', () => {
    const journal = withAda();
    goal(journal, { title: 'Choose a specialty', category: 'career' }, new Date('2026-08-01T09:00:00Z'));
    goal(journal, { title: 'Later goal', category: 'career' }, new Date('2026-10-15T09:00:00Z'));
    const review = buildReview(journal, { from: new Date(FROM).toISOString(), to: new Date(TO).toISOString() });
    expect(review.goals.map(({ goal: g }) => g.title)).toEqual(['Choose a specialty']);
  });

  it("lists a goal's actions by where they stood, and counts them in the figures", () => {
    const journal = withAda();
    goal(journal, { title: 'Choose a specialty', category: 'career' }, new Date('2026-08-01T09:00:00Z'));
    action(journal, { title: 'Shadow a clinic', goal: 'g1' }, new Date('2026-08-01T09:00:00Z'));
    const review = buildReview(journal, { from: new Date(FROM).toISOString(), to: new Date(TO).toISOString() });
    expect(review.goals[0]!.actions.open.map((a) => a.title)).toEqual(['Shadow a clinic']);
    expect(review.figures).toMatchObject({ actionsOpen: 1, actionsCompleted: 0, goalsReviewed: 1 });
  });
});
