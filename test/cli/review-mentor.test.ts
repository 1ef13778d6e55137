/**
 * `mentee review --mentor`: every section holds only what concerns that mentor, so its figures agree
 * with the goals and actions it lists. Ada helps with "Choose a specialty"; Bob with "Publish an audit",
 * and one action Bob offered is linked to Ada's goal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewJsonSchema } from '../../src/ui/json-shapes.js';
import { cli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

let journal: string;
let cleanup: () => Promise<void>;
const PERIOD = ['--from', '2026-08-01', '--to', '2026-11-30'];

beforeAll(async () => {
  ({ journal, cleanup } = await tempFolder());
  const at = (now: string, ...args: string[]) => cli(args, { journal, now: `${now}T09:00:00.000Z` });
  await at('2026-06-01', 'init', '--name', 'Sam Patel');
  await at('2026-06-01', 'mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w', '--since', '2026-06-01');
  await at('2026-06-01', 'mentor', 'add', 'Prof Bob Blair', '--cadence', '6w', '--since', '2026-06-01');
  await at('2026-06-01', 'goal', 'add', 'Choose a specialty', '--mentor', 'lovelace');
  await at('2026-06-01', 'goal', 'add', 'Publish an audit', '--mentor', 'blair');
  await at('2026-08-01', 'goal', 'update', 'g1', '--note', 'Shadowed a GP clinic');
  await at('2026-08-01', 'action', 'add', 'Read the GP curriculum', '--goal', 'g1', '--due', '2026-09-01');
  await at('2026-08-01', 'action', 'add', 'Send Bob my CV', '--goal', 'g1', '--mentor', 'blair', '--due', '2026-09-01');
  await at(
    '2026-08-01',
    'action',
    'add',
    'Draft the audit',
    '--goal',
    'g2',
    '--mentor',
    'blair',
    '--due',
    '2026-09-15',
  );
  await at('2026-08-20', 'action', 'done', 'a2');
});
afterAll(() => cleanup());

describe('review --mentor', () => {
  it("leaves out the goals of another mentor, with their progress notes and the mentee's own actions", async () => {
    const text = await cli(['review', ...PERIOD, '--mentor', 'blair'], { journal });
    expect(text).toContain('### Publish an audit (g2)');
    expect(text).not.toContain('Choose a specialty');
    expect(text).not.toContain('Shadowed a GP clinic');
    expect(text).not.toContain('Read the GP curriculum');
    // Bob's own action on Ada's goal is still his: it is listed apart.
    expect(text).toMatch(/## Other actions[\s\S]*Send Bob my CV/);
  });

  it('has figures that agree with the goals and actions it lists', async () => {
    const review = ReviewJsonSchema.parse(
      JSON.parse(await cli(['review', ...PERIOD, '--mentor', 'blair', '--json'], { journal })),
    );
    expect(review.goals.map(({ goal }) => goal.id)).toEqual(['g2']);
    expect(review.figures).toMatchObject({ goalsReviewed: 1, progressNotes: 0, actionsCompleted: 1, actionsOpen: 1 });
    const listed = new Set(Object.values(review.actions).flatMap((actions) => actions.map(({ id }) => id)));
    expect([...listed].sort()).toEqual(['a2', 'a3']);
    for (const { actions } of review.goals)
      for (const { id } of Object.values(actions).flat()) expect(listed.has(id), id).toBe(true);
  });
});
