import { describe, expect, it } from 'vitest';
import { closeAction } from '../../src/core/actions.js';
import { logMeeting } from '../../src/core/log.js';
import type { Journal } from '../../src/core/schema.js';
import { buildSummary, type SummaryScope } from '../../src/core/summary.js';
import { buildTimeline } from '../../src/ui/views/timeline.js';
import { action, goal, journal, logInput, mentor, NOW } from '../core/fixtures.js';

const at = (iso: string) => new Date(iso);
const TO = NOW.toISOString();

function withMentor(): Journal {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace', since: '2020-01-01' }, at('2020-01-01T09:00:00Z'));
  return j;
}

function held(j: Journal, when: string): void {
  logMeeting(j, logInput({ mentor: 'lovelace', when }), at(when.replace(' ', 'T') + ':00Z'));
}

function done(j: Journal, completedAt: string): void {
  const item = action(j, { title: `Done ${completedAt}` }, at('2020-01-01T09:00:00Z'));
  closeAction(j, item.id, 'done', at(completedAt));
}

const timeline = (j: Journal, scope: Partial<SummaryScope> = {}) =>
  buildTimeline(buildSummary(j, { to: TO, ...scope }));
const counts = (t: ReturnType<typeof buildTimeline>) =>
  t.buckets.map((bucket) => [bucket.label, bucket.meetingsHeld, bucket.actionsCompleted]);

describe('timeline buckets', () => {
  it('counts meetings held and actions completed per month, with empty months present as zeros', () => {
    const j = withMentor();
    held(j, '2026-09-03 17:00');
    held(j, '2026-09-28 17:00');
    held(j, '2026-11-12 17:00');
    done(j, '2026-09-20T09:00:00Z');
    done(j, '2026-11-01T00:00:00Z');
    done(j, '2026-11-13T09:00:00Z');
    const t = timeline(j, { from: '2026-08-01T00:00:00.000Z' });
    expect(t.unit).toBe('month');
    expect(counts(t)).toEqual([
      ['Aug 2026', 0, 0],
      ['Sep 2026', 2, 1],
      ['Oct 2026', 0, 0],
      ['Nov 2026', 1, 2],
    ]);
    expect(t.buckets.map((bucket) => bucket.key)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    expect(t.maxCount).toBe(2);
  });

  it('without a start date, begins at the month of the earliest meeting or completed action', () => {
    const j = withMentor();
    held(j, '2026-10-05 17:00');
    done(j, '2026-07-31T23:59:00Z');
    const t = timeline(j);
    expect(t.buckets.map((bucket) => bucket.label)).toEqual([
      'Jul 2026',
      'Aug 2026',
      'Sep 2026',
      'Oct 2026',
      'Nov 2026',
    ]);
  });

  it('with nothing in the journal, is a single empty month ending the period', () => {
    const t = timeline(withMentor());
    expect(counts(t)).toEqual([['Nov 2026', 0, 0]]);
    expect(t.maxCount).toBe(0);
    expect(t.targets).toEqual([]);
  });

  it("counts by local calendar month, in the clock's time zone", () => {
    const j = withMentor();
    held(j, '2026-10-31 20:00');
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      expect(counts(timeline(j, { from: '2026-10-15T00:00:00.000Z' }))).toEqual([
        ['Oct 2026', 0, 0],
        ['Nov 2026', 1, 0],
      ]);
    } finally {
      process.env.TZ = zone;
    }
  });

  it('switches to quarters beyond two years, so the picture stays readable on a phone', () => {
    const j = withMentor();
    held(j, '2024-01-15 17:00');
    held(j, '2024-03-30 17:00');
    held(j, '2025-05-10 17:00');
    done(j, '2026-10-02T09:00:00Z');
    const t = timeline(j, { from: '2024-01-01T00:00:00.000Z' });
    expect(t.unit).toBe('quarter');
    expect(t.buckets).toHaveLength(12);
    expect(t.buckets[0]).toEqual({ key: '2024-Q1', label: 'Q1 2024', meetingsHeld: 2, actionsCompleted: 0 });
    expect(t.buckets[5]).toMatchObject({ label: 'Q2 2025', meetingsHeld: 1 });
    expect(t.buckets[11]).toMatchObject({ label: 'Q4 2026', actionsCompleted: 1 });
    expect(t.buckets.slice(1, 5).every((bucket) => bucket.meetingsHeld + bucket.actionsCompleted === 0)).toBe(true);
  });

  it('uses exactly 24 months before switching to quarters', () => {
    expect(timeline(withMentor(), { from: '2024-12-01T00:00:00.000Z' }).buckets).toHaveLength(24);
    expect(timeline(withMentor(), { from: '2024-11-01T00:00:00.000Z' }).unit).toBe('quarter');
  });

  it('switches to years beyond eight years', () => {
    const j = withMentor();
    held(j, '2020-06-01 17:00');
    held(j, '2020-12-01 17:00');
    const t = timeline(j, { from: '2018-03-01T00:00:00.000Z' });
    expect(t.unit).toBe('year');
    expect(t.buckets.map((bucket) => bucket.label)).toEqual([
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
    expect(t.buckets[2]).toMatchObject({ key: '2020', meetingsHeld: 2 });
  });
});

describe('timeline targets', () => {
  it('places a goal target date in its month and extends the picture to reach it', () => {
    const j = withMentor();
    held(j, '2026-10-05 17:00');
    goal(j, { title: 'Pass the membership exam', target: '2027-02-10' });
    const t = timeline(j, { from: '2026-10-01T00:00:00.000Z' });
    expect(t.buckets.map((bucket) => bucket.label)).toEqual([
      'Oct 2026',
      'Nov 2026',
      'Dec 2026',
      'Jan 2027',
      'Feb 2027',
    ]);
    expect(t.targets).toEqual([
      { title: 'Pass the membership exam', day: '2027-02-10', label: 'Wed 10 Feb 2027', status: 'active', bucket: 4 },
    ]);
  });

  it('leaves off target dates more than 12 months after the period or before its first month', () => {
    const j = withMentor();
    goal(j, { title: 'Within a year', target: '2027-11-25' });
    goal(j, { title: 'Too far off', target: '2027-11-26' });
    goal(j, { title: 'Same month as the start', target: '2026-09-01' });
    goal(j, { title: 'Before the start', target: '2026-08-31' });
    const t = timeline(j, { from: '2026-09-15T00:00:00.000Z' });
    expect(t.targets.map((target) => target.title)).toEqual(['Same month as the start', 'Within a year']);
    expect(t.buckets).toHaveLength(15);
    expect(t.targets.map((target) => t.buckets[target.bucket]?.label)).toEqual(['Sep 2026', 'Nov 2027']);
  });

  it('puts a target in its quarter when a far target makes the period long', () => {
    const j = withMentor();
    goal(j, { title: 'Finish specialty training', target: '2027-08-01' });
    const t = timeline(j, { from: '2025-01-01T00:00:00.000Z' });
    expect(t.unit).toBe('quarter');
    expect(t.buckets[t.targets[0]!.bucket]?.label).toBe('Q3 2027');
    expect(t.buckets.at(-1)?.label).toBe('Q3 2027');
  });

  it('orders targets by date', () => {
    const j = withMentor();
    goal(j, { title: 'Later', target: '2027-01-20' });
    goal(j, { title: 'Sooner', target: '2026-12-03' });
    expect(timeline(j).targets.map((target) => target.title)).toEqual(['Sooner', 'Later']);
  });
});
