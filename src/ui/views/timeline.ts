import { addMonths, format } from 'date-fns';
import { fromDay, toDay } from '../../core/dates.js';
import type { Summary } from '../../core/summary.js';
import { formatDay } from '../words.js';

export interface TimelineBucket {
  /** "2026-09", "2026-Q3" or "2026". */
  key: string;
  /** "Sep 2026", "Q3 2026" or "2026". */
  label: string;
  meetingsHeld: number;
  actionsCompleted: number;
}

export interface TimelineTarget {
  title: string;
  /** yyyy-MM-dd */
  day: string;
  /** "Thu 3 Dec 2026" */
  label: string;
  status: string;
  /** Index into `buckets`. */
  bucket: number;
}

export type TimelineUnit = 'month' | 'quarter' | 'year';

export interface Timeline {
  unit: TimelineUnit;
  buckets: TimelineBucket[];
  targets: TimelineTarget[];
  maxCount: number;
}

/** Target dates further than this after the end of the period are left off the picture. */
const TARGET_HORIZON_MONTHS = 12;

/** Beyond these spans a bar per month (then per quarter) would be too thin to read on a phone. */
const MAX_MONTH_BUCKETS = 24;
const MAX_QUARTER_MONTHS = 96;

const MONTHS_PER: Record<TimelineUnit, number> = { month: 1, quarter: 3, year: 12 };

/** Months since year 0 in the local calendar, so consecutive months differ by one. */
const monthIndex = (date: Date) => date.getFullYear() * 12 + date.getMonth();

/**
 * The summary's picture as data: meetings held and actions completed per local calendar month (or
 * quarter, or year, so the bars stay readable), with goals' target dates; drawn by export/timeline-svg.ts.
 */
export function buildTimeline(summary: Summary): Timeline {
  const { scope } = summary;
  const toDate = new Date(scope.to);
  const end = monthIndex(toDate);
  const held = summary.meetings.map((meeting) => new Date(meeting.when));
  const completed = summary.actionsDone.flatMap((action) => (action.completedAt ? [new Date(action.completedAt)] : []));
  const start = Math.min(
    end,
    monthIndex(scope.from ? new Date(scope.from) : earliest([...held, ...completed], toDate)),
  );

  const horizon = toDay(addMonths(toDate, TARGET_HORIZON_MONTHS));
  const dated = summary.goals
    .flatMap(({ goal }) => (goal.targetDate ? [{ goal, day: goal.targetDate }] : []))
    .filter(({ day }) => day <= horizon && monthIndex(fromDay(day)) >= start)
    .sort((a, b) => a.day.localeCompare(b.day) || a.goal.title.localeCompare(b.goal.title));
  const last = Math.max(end, ...dated.map(({ day }) => monthIndex(fromDay(day))));

  const unit = unitFor(last - start + 1);
  const size = MONTHS_PER[unit];
  const first = Math.floor(start / size);
  const slot = (date: Date) => Math.floor(monthIndex(date) / size) - first;
  const buckets: TimelineBucket[] = [];
  for (let group = first; group <= Math.floor(last / size); group++)
    buckets.push({ ...naming(unit, group), meetingsHeld: 0, actionsCompleted: 0 });
  for (const date of held) {
    const bucket = buckets[slot(date)];
    if (bucket) bucket.meetingsHeld++;
  }
  for (const date of completed) {
    const bucket = buckets[slot(date)];
    if (bucket) bucket.actionsCompleted++;
  }

  const targets = dated.map(({ goal, day }) => ({
    title: goal.title,
    day,
    label: formatDay(day),
    status: goal.status,
    bucket: slot(fromDay(day)),
  }));
  const maxCount = Math.max(0, ...buckets.flatMap((bucket) => [bucket.meetingsHeld, bucket.actionsCompleted]));
  return { unit, buckets, targets, maxCount };
}

function unitFor(months: number): TimelineUnit {
  if (months <= MAX_MONTH_BUCKETS) return 'month';
  return months <= MAX_QUARTER_MONTHS ? 'quarter' : 'year';
}

function earliest(dates: Date[], fallback: Date): Date {
  return dates.reduce((min, date) => (date.getTime() < min.getTime() ? date : min), fallback);
}

function naming(unit: TimelineUnit, group: number): { key: string; label: string } {
  if (unit === 'year') return { key: String(group), label: String(group) };
  if (unit === 'quarter') {
    const year = Math.floor(group / 4);
    const quarter = (group % 4) + 1;
    return { key: `${year}-Q${quarter}`, label: `Q${quarter} ${year}` };
  }
  const month = new Date(Math.floor(group / 12), group % 12, 1);
  return { key: format(month, 'yyyy-MM'), label: format(month, 'MMM yyyy') };
}
