import { describe, expect, it } from 'vitest';
import { closeAction } from '../../src/core/actions.js';
import { logMeeting } from '../../src/core/log.js';
import type { Journal } from '../../src/core/schema.js';
import { buildSummary } from '../../src/core/summary.js';
import { summaryView } from '../../src/ui/views/summary-view.js';
import { action, journal, logInput, mentor, NOW } from '../core/fixtures.js';

const at = (iso: string) => new Date(iso);

function autumn(): Journal {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-01' }, at('2026-01-01T09:00:00Z'));
  logMeeting(
    j,
    logInput({ mentor: 'lovelace', when: '2026-11-12 17:30', advice: ['Talk to three GPs'], private: 'Felt anxious' }),
    at('2026-11-12T19:00:00Z'),
  );
  action(j, { title: 'On time', due: '2026-11-20' }, at('2026-11-01T09:00:00Z'));
  action(j, { title: 'Late', due: '2026-11-10' }, at('2026-11-01T09:00:00Z'));
  action(j, { title: 'Still open', due: '2026-12-01' }, at('2026-11-01T09:00:00Z'));
  closeAction(j, 'a1', 'done', at('2026-11-19T09:00:00Z'));
  closeAction(j, 'a2', 'done', at('2026-11-13T09:00:00Z'));
  return j;
}

const view = (j: Journal, options: { includePrivate?: boolean; all?: boolean; from?: string } = {}) =>
  summaryView(j, buildSummary(j, { from: options.from, to: NOW.toISOString() }), {
    includePrivate: options.includePrivate ?? false,
    all: options.all ?? false,
    now: NOW,
  });

describe('the view of a summary', () => {
  it('reads its period and figures as a mentor would: days written out, on time as a whole percent', () => {
    const summary = view(autumn(), { from: '2026-11-01T00:00:00.000Z' });
    expect(summary.period).toEqual({ from: 'Sun 1 Nov 2026', to: 'Wed 25 Nov 2026' });
    expect(summary.figures).toMatchObject({
      actionsCompleted: 2,
      completedOnTime: 1,
      completedLate: 1,
      onTimePercent: 50,
    });
    expect(summary.actionsDone.find((item) => item.title === 'Late')).toMatchObject({
      onTime: false,
      lateBy: '3 days',
    });
    expect(summary.advice).toEqual([{ text: 'Talk to three GPs', mentor: 'Dr Ada Lovelace', date: 'Thu 12 Nov 2026' }]);
  });

  it('has no on-time share when nothing was completed, rather than 0%', () => {
    const j = autumn();
    j.actions = j.actions.filter((item) => item.status === 'open');
    expect(view(j).figures.onTimePercent).toBeNull();
  });

  it('starts "from the start" at the first meeting when no period start is given', () => {
    expect(view(autumn()).period.from).toBe('Thu 12 Nov 2026');
  });

  it('of the whole journal gives each meeting its full record, with private parts only when asked for', () => {
    const hidden = view(autumn(), { all: true });
    expect(hidden.meetings[0]?.detail).toMatchObject({ kind: 'record', private: null, privateLeftOut: true });
    expect(JSON.stringify(hidden)).not.toContain('Felt anxious');
    const shown = view(autumn(), { all: true, includePrivate: true });
    expect(shown.meetings[0]?.private?.reflection).toBe('Felt anxious');
    expect(shown.meetings[0]?.detail?.private?.reflection).toBe('Felt anxious');
    expect(view(autumn()).meetings[0]?.detail).toBeNull();
  });
});
