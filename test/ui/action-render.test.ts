import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderActionList } from '../../src/ui/render/actions.js';
import { action, journal, NOW } from '../core/fixtures.js';

const colour = new Chalk({ level: 1 });
const red = (text: string) => colour.red(text);

describe('an action list on a terminal', () => {
  it('shows an overdue action in red, and one due today or later as it is', () => {
    const j = journal();
    action(j, { title: 'Late', due: '2026-11-24' });
    action(j, { title: 'Today', due: '2026-11-25' });
    action(j, { title: 'Later', due: '2026-12-01' });
    const listed = renderActionList(j, j.actions, { now: NOW, style: colour });
    expect(listed).toContain(red('due Tue 24 Nov, 1 day overdue'));
    expect(listed).toContain('due Wed 25 Nov, today');
    expect(listed).not.toContain(red('due Wed 25 Nov, today'));
    expect(listed).not.toContain(red('due Tue 1 Dec, in 6 days'));
  });

  it('does not call a done action overdue, however late it was done', () => {
    const j = journal();
    action(j, { title: 'Done late', due: '2026-11-01' });
    j.actions[0]!.status = 'done';
    j.actions[0]!.completedAt = '2026-11-20T09:00:00.000Z';
    const listed = renderActionList(j, j.actions, { now: NOW, style: colour });
    expect(listed).toContain(colour.green('done Fri 20 Nov, 5 days ago'));
    expect(listed).not.toContain('overdue');
  });
});
