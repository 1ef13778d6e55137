import { describe, expect, it } from 'vitest';
import { closeAction } from '../../src/core/actions.js';
import { calendarItems } from '../../src/core/calendar-items.js';
import { logMeeting } from '../../src/core/log.js';
import { cancelMeeting } from '../../src/core/meetings.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { action, daysBefore, exportSelection, journal, logInput, mentor, NOW, prepInput } from './fixtures.js';

/**
 * Ada: held m1 (12 Nov) agreeing a1 (due 30 Nov), a2 (undated) and a3 (Ada's, due 5 Dec); planned m2 (3 Dec).
 * Turing: planned m3 (10 Dec); m4 (1 Dec) and m5 (20 Nov) cancelled. Hopper (ended): planned m6 (8 Dec).
 * Also a4 (due 28 Nov, no mentor), a5 (Turing's, due 2 Dec), a6 (done) and a7 (overdue since 20 Nov);
 * and Ada's m7 (19 Nov), still planned because it was never logged.
 */
function journalWithPlans(): Journal {
  const j = journal();
  for (const name of ['Dr Ada Lovelace', 'Prof Alan Turing', 'Grace Hopper'])
    mentor(j, { name, since: '2026-01-01' }, daysBefore(300));
  logMeeting(
    j,
    logInput({
      mentor: 'lovelace',
      when: '2026-11-12 17:30',
      action: ['Email the training lead:2026-11-30', 'Read the curriculum'],
      mentorAction: ['Introduce me to the lead:2026-12-05'],
    }),
    new Date('2026-11-12T19:00:00Z'),
  );
  prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-12-03 17:30' }), NOW);
  prepMeeting(j, prepInput({ mentor: 'turing', when: '2026-12-10 17:30' }), NOW);
  prepMeeting(j, prepInput({ mentor: 'turing', when: '2026-12-01 17:30' }), NOW);
  cancelMeeting(j, 'm4', NOW);
  prepMeeting(j, prepInput({ mentor: 'turing', when: '2026-11-20 17:30' }), daysBefore(10));
  cancelMeeting(j, 'm5', daysBefore(6));
  prepMeeting(j, prepInput({ mentor: 'hopper', when: '2026-12-08 17:30' }), NOW);
  // As a journal from before ending a mentorship cancelled their plans: ended, m6 still planned.
  j.mentors.find((ended) => ended.handle === 'hopper')!.status = 'ended';
  action(j, { title: 'Book the exam', due: '2026-11-28' });
  action(j, { title: 'Send Turing the draft', due: '2026-12-02', mentor: 'turing' });
  action(j, { title: 'Already done', due: '2026-11-27' });
  closeAction(j, 'a6', 'done', NOW);
  action(j, { title: 'Overdue form', due: '2026-11-20' }, daysBefore(10));
  prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-11-19 17:30' }), daysBefore(10));
  return j;
}

const ids = (records: { id: string }[]) => records.map((record) => record.id);
const summaryOf = (j: Journal, fields: Record<string, unknown> = {}) =>
  calendarItems(j, exportSelection(j, { to: '2026-11-25', ...fields }), NOW);

describe('what a calendar file holds', () => {
  it("one meeting's calendar holds that meeting and the dated open actions agreed at it", () => {
    const j = journalWithPlans();
    const items = calendarItems(j, exportSelection(j, { meeting: 'm1' }), NOW);
    expect(ids(items.meetings)).toEqual(['m1']);
    expect(ids(items.actions)).toEqual(['a1', 'a3']);
  });

  it("one meeting's calendar leaves out its actions once they are done", () => {
    const j = journalWithPlans();
    closeAction(j, 'a1', 'done', NOW);
    const items = calendarItems(j, exportSelection(j, { meeting: 'm1' }), NOW);
    expect(ids(items.actions)).toEqual(['a3']);
  });

  it('a cancelled meeting asked for by id is still exported', () => {
    const j = journalWithPlans();
    const items = calendarItems(j, exportSelection(j, { meeting: 'm4' }), NOW);
    expect(items.meetings.map((meeting) => [meeting.id, meeting.status])).toEqual([['m4', 'cancelled']]);
  });

  it('a summary calendar holds every planned meeting, soonest first, though the summary ends today', () => {
    const items = summaryOf(journalWithPlans());
    expect(ids(items.meetings)).toEqual(['m7', 'm4', 'm2', 'm3']);
  });

  it('a summary calendar keeps a cancelled meeting still ahead, so re-importing marks it cancelled, but not a past one', () => {
    const meetings = summaryOf(journalWithPlans()).meetings;
    expect(meetings.find((meeting) => meeting.id === 'm4')?.status).toBe('cancelled');
    expect(ids(meetings)).not.toContain('m5');
  });

  it("a summary calendar leaves out an ended mentor's planned meeting", () => {
    expect(ids(summaryOf(journalWithPlans()).meetings)).not.toContain('m6');
  });

  it('a summary calendar holds every open action with a due date, soonest first', () => {
    expect(ids(summaryOf(journalWithPlans()).actions)).toEqual(['a7', 'a4', 'a1', 'a5', 'a3']);
  });

  it('with --mentor, a summary calendar holds only that mentor’s meetings and actions', () => {
    const items = summaryOf(journalWithPlans(), { mentor: 'turing' });
    expect(ids(items.meetings)).toEqual(['m4', 'm3']);
    expect(ids(items.actions)).toEqual(['a5']);
  });

  it('naming a mentor whose mentoring has ended still shows the meetings planned with them', () => {
    expect(ids(summaryOf(journalWithPlans(), { mentor: 'hopper' }).meetings)).toEqual(['m6']);
  });

  it('with --since, a summary calendar leaves out meetings and due dates before that day', () => {
    const items = summaryOf(journalWithPlans(), { since: '2026-11-20' });
    expect(ids(items.meetings)).toEqual(['m4', 'm2', 'm3']);
    expect(ids(items.actions)).toEqual(['a7', 'a4', 'a1', 'a5', 'a3']);
    const later = summaryOf(journalWithPlans(), { since: '2026-11-21' });
    expect(ids(later.actions)).toEqual(['a4', 'a1', 'a5', 'a3']);
  });
});
