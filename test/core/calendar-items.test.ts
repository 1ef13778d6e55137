import { describe, expect, it } from 'vitest';
import { closeAction, editAction } from '../../src/core/actions.js';
import { calendarItems } from '../../src/core/calendar-items.js';
import { logMeeting } from '../../src/core/log.js';
import { cancelMeeting } from '../../src/core/meetings.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import {
  action,
  actionEdit,
  daysBefore,
  exportSelection,
  journal,
  logInput,
  mentor,
  NOW,
  prepInput,
} from './fixtures.js';

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
  calendarItems(j, exportSelection(j, { to: '2026-11-25', ...fields }));

const states = (records: { id: string; status: string }[]) => records.map((record) => `${record.id}:${record.status}`);

describe('what a calendar file holds', () => {
  it("one meeting's calendar holds that meeting and the dated actions agreed at it", () => {
    const j = journalWithPlans();
    const items = calendarItems(j, exportSelection(j, { meeting: 'm1' }));
    expect(ids(items.meetings)).toEqual(['m1']);
    expect(ids(items.actions)).toEqual(['a1', 'a3']);
  });

  it("one meeting's calendar keeps its actions once they are done or dropped, so their events update", () => {
    const j = journalWithPlans();
    closeAction(j, 'a1', 'done', NOW);
    closeAction(j, 'a3', 'dropped', NOW, 'The lead left');
    const items = calendarItems(j, exportSelection(j, { meeting: 'm1' }));
    expect(states(items.actions)).toEqual(['a1:done', 'a3:dropped']);
  });

  it('a cancelled meeting asked for by id is still exported', () => {
    const j = journalWithPlans();
    const items = calendarItems(j, exportSelection(j, { meeting: 'm4' }));
    expect(states(items.meetings)).toEqual(['m4:cancelled']);
  });

  it('a summary calendar holds every meeting, held, planned or cancelled, soonest first, though the summary ends today', () => {
    const items = summaryOf(journalWithPlans());
    expect(states(items.meetings)).toEqual([
      'm1:held',
      'm7:planned',
      'm5:cancelled',
      'm4:cancelled',
      'm2:planned',
      'm3:planned',
    ]);
  });

  it("a summary calendar leaves out an ended mentor's planned meeting", () => {
    expect(ids(summaryOf(journalWithPlans()).meetings)).not.toContain('m6');
  });

  it('a summary calendar holds every action with a due date, open, done or dropped, soonest first', () => {
    const j = journalWithPlans();
    closeAction(j, 'a4', 'dropped', NOW, 'No exam this year');
    expect(states(summaryOf(j).actions)).toEqual(['a7:open', 'a6:done', 'a4:dropped', 'a1:open', 'a5:open', 'a3:open']);
  });

  it('with --mentor, a summary calendar holds only that mentor’s meetings and actions', () => {
    const items = summaryOf(journalWithPlans(), { mentor: 'turing' });
    expect(ids(items.meetings)).toEqual(['m5', 'm4', 'm3']);
    expect(ids(items.actions)).toEqual(['a5']);
  });

  it('naming a mentor whose mentoring has ended still shows the meetings planned with them', () => {
    expect(ids(summaryOf(journalWithPlans(), { mentor: 'hopper' }).meetings)).toEqual(['m6']);
  });

  it('with --since, a summary calendar leaves out meetings and due dates before that day', () => {
    const items = summaryOf(journalWithPlans(), { since: '2026-11-20' });
    expect(ids(items.meetings)).toEqual(['m5', 'm4', 'm2', 'm3']);
    expect(ids(items.actions)).toEqual(['a7', 'a6', 'a4', 'a1', 'a5', 'a3']);
    const later = summaryOf(journalWithPlans(), { since: '2026-11-21' });
    expect(ids(later.meetings)).toEqual(['m4', 'm2', 'm3']);
    expect(ids(later.actions)).toEqual(['a6', 'a4', 'a1', 'a5', 'a3']);
  });

  it('with --since, a meeting or action dated before that day but cancelled or dropped since is still in, so its event updates', () => {
    const j = journalWithPlans();
    cancelMeeting(j, 'm7', NOW);
    closeAction(j, 'a7', 'dropped', NOW, 'The form was withdrawn');
    const items = summaryOf(j, { since: '2026-11-21' });
    expect(states(items.meetings)).toEqual(['m7:cancelled', 'm4:cancelled', 'm2:planned', 'm3:planned']);
    expect(states(items.actions)).toContain('a7:dropped');
  });

  it('an open action whose due date was removed stays in, on the day it was due, so its event is cancelled', () => {
    const j = journalWithPlans();
    editAction(j, 'a4', actionEdit({ clearDue: true }), NOW);
    expect(ids(summaryOf(j).actions)).toContain('a4');
    expect(ids(calendarItems(j, exportSelection(j, { meeting: 'm1' })).actions)).toEqual(['a1', 'a3']);
    // Dated before --since, it is still in when the removal came after, and left out when it came before.
    editAction(j, 'a7', actionEdit({ clearDue: true }), NOW);
    expect(ids(summaryOf(j, { since: '2026-11-21' }).actions)).toContain('a7');
    const k = journalWithPlans();
    editAction(k, 'a7', actionEdit({ clearDue: true }), daysBefore(8));
    expect(ids(summaryOf(k, { since: '2026-11-21' }).actions)).not.toContain('a7');
  });
});
