import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/errors.js';
import { closeAction, editAction } from '../../src/core/actions.js';
import { isOverdue, selectActions } from '../../src/core/action-list.js';
import { applyEdit } from '../../src/core/edit.js';
import type { Journal } from '../../src/core/schema.js';
import { action, actionEdit, daysBefore, goal, journal, mentor, NOW, worded } from './fixtures.js';

function withAda(): Journal {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace' });
  mentor(j, { name: 'Prof Alan Turing' });
  return j;
}

const titles = (actions: { title: string }[]) => actions.map((item) => item.title);
const edit = (fields: Record<string, unknown>) => actionEdit(fields);

describe('adding an action', () => {
  it('reads a natural due date into a calendar day', () => {
    const j = withAda();
    // The clock is Wednesday 25 November: "next friday" is this week's or next week's Friday.
    expect(['2026-11-27', '2026-12-04']).toContain(
      action(j, { title: 'Draft a personal statement', due: 'next friday' }).due,
    );
    expect(action(j, { title: 'Book exam', due: 'in 2 weeks' }).due).toBe('2026-12-09');
  });

  it('links a goal and a mentor named by part of the name', () => {
    const j = withAda();
    goal(j, { title: 'Choose a specialty' });
    expect(action(j, { title: 'Shadow a GP', goal: 'g1', mentor: 'Ada' })).toMatchObject({
      goalId: 'g1',
      mentor: 'lovelace',
    });
  });

  it('refuses a mentor commitment that names no mentor', () => {
    const j = withAda();
    expect(() => worded(() => action(j, { title: 'Introduce me to Dr Blair', owner: 'mentor' }))).toThrow(UsageError);
    expect(j.actions).toEqual([]);
  });

  it('refuses an impossible due date, an unknown goal and an unknown mentor', () => {
    const j = withAda();
    expect(() => worded(() => action(j, { title: 'X', due: '2026-02-30' }))).toThrow(/--due/);
    expect(() => worded(() => action(j, { title: 'X', goal: 'g5' }))).toThrow(UserError);
    expect(() => worded(() => action(j, { title: 'X', mentor: 'hopper' }))).toThrow(UserError);
  });
});

describe('finishing, dropping and reopening', () => {
  it('done records when it was completed and the note given', () => {
    const j = withAda();
    action(j, { title: 'Email the lead' }, daysBefore(3));
    const done = closeAction(j, 'a1', 'done', NOW, 'Sent on Monday');
    expect(done).toMatchObject({ status: 'done', completedAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
    expect(done.notes.map((note) => note.note)).toEqual(['Sent on Monday']);
  });

  it('refuses to finish an action that is already done', () => {
    const j = withAda();
    action(j, { title: 'Email the lead' });
    closeAction(j, 'a1', 'done', NOW);
    expect(() => worded(() => closeAction(j, 'a1', 'done', NOW))).toThrow('a1 is already done.');
  });

  it('reopening clears the completion time', () => {
    const j = withAda();
    action(j, { title: 'Email the lead' });
    closeAction(j, 'a1', 'done', NOW);
    expect(closeAction(j, 'a1', 'open', NOW).completedAt).toBeUndefined();
  });

  it('refuses an unknown action id', () => {
    expect(() => worded(() => closeAction(withAda(), 'a3', 'done', NOW))).toThrow(/No action with id "a3"/);
  });
});

describe('editing an action', () => {
  it('changes the due date, or clears it', () => {
    const j = withAda();
    action(j, { title: 'Email the lead', due: 'tomorrow' });
    expect(editAction(j, 'a1', edit({ due: '2026-12-18' }), NOW).due).toBe('2026-12-18');
    expect(editAction(j, 'a1', edit({ clearDue: true }), NOW).due).toBeUndefined();
  });

  it('a due date removed, from flags or the editor form, is remembered for calendars until a new one is set', () => {
    const j = withAda();
    action(j, { title: 'Email the lead', due: '2026-12-04' });
    expect(editAction(j, 'a1', edit({ clearDue: true }), NOW)).toMatchObject({ dueRemoved: '2026-12-04' });
    expect(editAction(j, 'a1', edit({ due: '2026-12-18' }), NOW).dueRemoved).toBeUndefined();
    applyEdit(j, 'a1', { due: undefined }, NOW, false);
    expect(j.actions[0]).toMatchObject({ dueRemoved: '2026-12-18' });
    expect(j.actions[0]!.due).toBeUndefined();
  });

  it('refuses an edit that changes nothing', () => {
    const j = withAda();
    action(j, { title: 'Email the lead' });
    expect(() => worded(() => editAction(j, 'a1', edit({}), NOW))).toThrow(UsageError);
  });

  it('refuses to make it a mentor commitment without saying which mentor', () => {
    const j = withAda();
    action(j, { title: 'Introduce me to Dr Blair' });
    expect(() => worded(() => editAction(j, 'a1', edit({ owner: 'mentor' }), NOW))).toThrow(/needs --mentor/);
  });
});

describe('listing actions', () => {
  function many(): Journal {
    const j = withAda();
    goal(j, { title: 'Choose a specialty' });
    action(j, { title: 'Undated' });
    action(j, { title: 'Late', due: '2026-11-20', mentor: 'turing' }, daysBefore(20));
    action(j, { title: 'Soon', due: '2026-11-27', goal: 'g1' });
    action(j, { title: 'Later', due: '2026-12-20', mentor: 'lovelace' });
    action(j, { title: 'Finished', due: '2026-11-01' }, daysBefore(30));
    closeAction(j, 'a5', 'done', daysBefore(25));
    return j;
  }

  it('shows open actions, soonest due first and undated last', () => {
    expect(titles(selectActions(many(), {}, NOW))).toEqual(['Late', 'Soon', 'Later', 'Undated']);
  });

  it('--all also shows finished actions', () => {
    expect(titles(selectActions(many(), { all: true }, NOW))).toEqual(['Finished', 'Late', 'Soon', 'Later', 'Undated']);
  });

  it('--overdue shows only open actions past their due day', () => {
    const j = many();
    expect(titles(selectActions(j, { overdue: true }, NOW))).toEqual(['Late']);
    expect(isOverdue(j.actions[2]!, NOW)).toBe(false);
    // An action due today is not yet overdue.
    expect(isOverdue(j.actions[2]!, new Date('2026-11-27T23:00:00Z'))).toBe(false);
  });

  it('--mentor and --goal narrow the list', () => {
    const j = many();
    expect(titles(selectActions(j, { mentor: 'alan' }, NOW))).toEqual(['Late']);
    expect(titles(selectActions(j, { goal: 'g1' }, NOW))).toEqual(['Soon']);
  });
});
