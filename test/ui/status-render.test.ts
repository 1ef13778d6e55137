import { describe, expect, it } from 'vitest';
import { computeStatus } from '../../src/core/status.js';
import { renderStatus, STATUS_LIST_LIMIT } from '../../src/ui/render/status.js';
import { makeStyle } from '../../src/ui/style.js';
import { action, daysBefore, goal, journal, mentor, NOW } from '../core/fixtures.js';

const plain = { now: NOW, style: makeStyle({ isTTY: false }, {}) };

describe('the home screen stays short on a long journal', () => {
  it('shows the first overdue actions and says how many more there are and where', () => {
    const j = journal();
    mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-05' }, daysBefore(300));
    for (let day = 30; day > 0; day--)
      action(j, { title: `Task ${day}`, due: `2026-10-${String(day).padStart(2, '0')}` });
    const text = renderStatus(j, computeStatus(j, NOW), plain);
    expect(text).toContain('Task 1 ');
    expect(text).toContain(`Task ${STATUS_LIST_LIMIT} `);
    expect(text).not.toContain(`Task ${STATUS_LIST_LIMIT + 1} `);
    expect(text).toContain(`…and ${30 - STATUS_LIST_LIMIT} more: mentee actions --overdue`);
  });

  it('lists every item when there are no more than fit, with no "more" line', () => {
    const j = journal();
    mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-05' }, daysBefore(300));
    action(j, { title: 'Only task', due: '2026-11-01' });
    const text = renderStatus(j, computeStatus(j, NOW), plain);
    expect(text).toContain('Only task');
    expect(text).not.toContain('more:');
  });

  it('caps goals without progress too, pointing at the goal list', () => {
    const j = journal();
    mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-05' }, daysBefore(300));
    for (let index = 1; index <= STATUS_LIST_LIMIT + 3; index++) goal(j, { title: `Goal ${index}` }, daysBefore(200));
    const text = renderStatus(j, computeStatus(j, NOW), plain);
    expect(text).toContain('…and 3 more: mentee goal list');
  });
});
