import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

describe('a review whose period runs past today', () => {
  let journal: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ journal, cleanup } = await tempFolder());
    await cli(['action', 'add', 'Book the interview travel', '--due', '2026-12-01'], {
      journal,
      now: '2026-11-20T09:00',
    });
  });
  afterAll(() => cleanup());

  it('ends today: nothing is overdue that is not overdue yet', async () => {
    const review = JSON.parse(
      await cli(['review', '--from', '2026-11-01', '--to', '2026-12-31', '--json'], {
        journal,
        now: '2026-11-25T09:00',
      }),
    );
    expect(review.to.slice(0, 10)).toBe('2026-11-25');
    expect([review.figures.actionsOpen, review.figures.actionsOverdue]).toEqual([1, 0]);
  });

  it('counts an action due on the last day of the period as in time, as the home screen does', async () => {
    const review = JSON.parse(
      await cli(['review', '--from', '2026-11-01', '--to', '2026-12-01', '--json'], {
        journal,
        now: '2026-12-10T09:00',
      }),
    );
    expect([review.figures.actionsOpen, review.figures.actionsOverdue]).toEqual([1, 0]);
  });
});
