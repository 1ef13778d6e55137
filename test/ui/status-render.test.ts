import { describe, expect, it } from 'vitest';
import { setMentorStatus } from '../../src/core/mentors.js';
import { prepMeeting } from '../../src/core/prep.js';
import { computeStatus, UPCOMING_WEEKS } from '../../src/core/status.js';
import { renderStatus, STATUS_LIST_LIMIT } from '../../src/ui/render/status.js';
import { makeStyle } from '../../src/ui/style.js';
import { action, daysBefore, goal, journal, mentor, NOW, prepInput } from '../core/fixtures.js';

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

describe('the home screen shows every meeting coming up', () => {
  function twoMentors() {
    const j = journal();
    mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-05' }, daysBefore(300));
    mentor(j, { name: 'Prof Bob Blair', since: '2026-01-05' }, daysBefore(300));
    return j;
  }

  it('lists each planned meeting with its mentor, saying whether it is prepared and how to prepare it', () => {
    const j = twoMentors();
    prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-12-03 17:30', topic: ['Exams'] }), NOW);
    prepMeeting(j, prepInput({ mentor: 'blair', when: '2026-12-10 10:00' }), NOW);
    setMentorStatus(j, 'blair', 'paused', NOW);
    const lines = renderStatus(j, computeStatus(j, NOW), plain).split('\n');
    expect(lines.slice(0, 5)).toEqual([
      `Coming up in the next ${UPCOMING_WEEKS} weeks`,
      '  Dr Ada Lovelace, Thu 3 Dec 2026, 17:30 (in 8 days) m1',
      '    Agenda prepared.',
      '  Prof Bob Blair (mentoring paused), Thu 10 Dec 2026, 10:00 (in 2 weeks) m2',
      '    Not prepared yet: mentee prep --meeting m2',
    ]);
  });

  it('shows the first meetings of a crowded few weeks and says how many more there are and where', () => {
    const j = twoMentors();
    for (let day = 1; day <= STATUS_LIST_LIMIT + 2; day++)
      prepMeeting(j, prepInput({ mentor: 'blair', when: `2026-12-${String(day).padStart(2, '0')} 10:00` }), NOW);
    const text = renderStatus(j, computeStatus(j, NOW), plain);
    expect(text).toContain(`mentee prep --meeting m${STATUS_LIST_LIMIT}`);
    expect(text).not.toContain(`mentee prep --meeting m${STATUS_LIST_LIMIT + 1}`);
    expect(text).toContain('…and 2 more: mentee meetings');
  });

  it('shows the next meeting on its own when none falls in the coming weeks, and says when none is planned', () => {
    const j = twoMentors();
    expect(renderStatus(j, computeStatus(j, NOW), plain)).toMatch(/^Next meeting {2}none planned/);
    prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2027-03-04 17:30' }), NOW);
    expect(renderStatus(j, computeStatus(j, NOW), plain).split('\n').slice(0, 2)).toEqual([
      'Next meeting  Dr Ada Lovelace, Thu 4 Mar 2027, 17:30 (in 3 months) m1',
      '  Not prepared yet: mentee prep --meeting m1',
    ]);
  });
});

describe('the home screen shows goals past their target date', () => {
  it('in a section of their own, with the target date and how long ago it passed', () => {
    const j = journal();
    mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-05' }, daysBefore(300));
    goal(j, { title: 'Pass the exam', target: '2026-11-01' }, daysBefore(10));
    const text = renderStatus(j, computeStatus(j, NOW), plain);
    expect(text).toContain('Goals past their target date\n  g1  Pass the exam (target Sun 1 Nov 2026, 3 weeks ago)');
    expect(text).not.toContain('Nothing overdue');
  });
});
