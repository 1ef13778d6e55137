import { describe, expect, it } from 'vitest';
import { closeAction, editAction } from '../../src/core/actions.js';
import { updateGoal } from '../../src/core/goals.js';
import { logMeeting } from '../../src/core/log.js';
import { editMentor } from '../../src/core/mentors.js';
import { mergeJournals } from '../../src/core/merge.js';
import { prepMeeting } from '../../src/core/prep.js';
import { setProfile } from '../../src/core/profile.js';
import type { Journal } from '../../src/core/schema.js';
import {
  action,
  actionEdit,
  goal,
  goalUpdate,
  journal,
  logInput,
  mentor,
  mentorEdit,
  prepInput,
  withAda,
} from './fixtures.js';
import { later, merge, saved, synced, twoDevices } from './merge-fixtures.js';

/** Ada, a goal g1 and an action a1 on it, as both devices last shared them. */
function shared(): Journal {
  const j = withAda();
  goal(j, { title: 'Choose a specialty' });
  action(j, { title: 'Email the training lead', goal: 'g1' });
  return j;
}

/** Ada and a meeting m1 logged with one piece of advice and a private reflection. */
function loggedMeeting(): Journal {
  const j = withAda();
  logMeeting(
    j,
    logInput({ mentor: 'ada', when: '2026-11-24 17:30', advice: ['Ask early'], private: 'Nervous' }),
    later(0),
  );
  return j;
}

describe('a sync merge of two devices', () => {
  it('takes a change made on one device only', () => {
    const base = shared();
    const [left, right] = twoDevices(base);
    editAction(left, 'a1', actionEdit({ title: 'Email the lead today' }), later(1));
    updateGoal(right, 'g1', goalUpdate({ why: 'Applications open soon' }), later(2));
    const { journal: merged, report } = merge(base, left, right);
    expect(merged.actions[0]?.title).toBe('Email the lead today');
    expect(merged.goals[0]?.why).toBe('Applications open soon');
    expect(merged.conflicts).toEqual([]);
    expect(report.left.action).toEqual({ added: 0, changed: 1, removed: 0 });
    expect(report.right.goal).toEqual({ added: 0, changed: 1, removed: 0 });
  });

  it('combines changes to different fields of one record', () => {
    const base = shared();
    const [left, right] = twoDevices(base);
    editAction(left, 'a1', actionEdit({ title: 'Email the lead today' }), later(1));
    editAction(right, 'a1', actionEdit({ due: '2026-12-01' }), later(2));
    const merged = merge(base, left, right).journal;
    expect(merged.actions[0]).toMatchObject({ title: 'Email the lead today', due: '2026-12-01' });
    expect(merged.actions[0]?.updatedAt).toBe(later(2).toISOString());
    expect(merged.conflicts).toEqual([]);
  });

  it('keeps the later of two different changes to one field and notes the other in a conflict', () => {
    const base = shared();
    const [left, right] = twoDevices(base);
    editAction(left, 'a1', actionEdit({ title: 'Written on the laptop' }), later(2));
    editAction(right, 'a1', actionEdit({ title: 'Written on the phone' }), later(1));
    const at = later(60);
    const { journal: merged, report } = merge(base, left, right, at);
    expect(merged.actions[0]?.title).toBe('Written on the laptop');
    const conflict = {
      at: at.toISOString(),
      kind: 'action',
      uid: base.actions[0]!.uid,
      id: 'a1',
      field: 'title',
      kept: '"Written on the laptop"',
      other: '"Written on the phone"',
      private: false,
    };
    expect(merged.conflicts).toEqual([conflict]);
    expect(report.conflicts).toEqual([conflict]);
  });

  it('takes the same change made on both devices once, with no conflict', () => {
    const base = shared();
    const [left, right] = twoDevices(base);
    editAction(left, 'a1', actionEdit({ title: 'Same words', note: 'Called' }), later(1));
    editAction(right, 'a1', actionEdit({ title: 'Same words', note: 'Called' }), later(1));
    const { journal: merged, report } = merge(base, left, right);
    expect(merged.actions[0]?.title).toBe('Same words');
    expect(merged.actions[0]?.notes).toHaveLength(1);
    expect(merged.conflicts).toEqual([]);
    expect(report.left.action.changed + report.right.action.changed).toBe(0);
  });

  it('keeps advice added on both devices, each once', () => {
    const base = loggedMeeting();
    const [left, right] = twoDevices(base);
    logMeeting(left, logInput({ meeting: 'm1', amend: true, advice: ['Read the guide', 'Sleep'] }), later(1));
    logMeeting(right, logInput({ meeting: 'm1', amend: true, advice: ['Find a second mentor', 'Sleep'] }), later(2));
    const log = merge(base, left, right).journal.meetings[0]?.log;
    // The base's first, then the older device's additions, then the later one's.
    expect(log?.advice).toEqual(['Ask early', 'Read the guide', 'Sleep', 'Find a second mentor']);
  });

  it("keeps both devices' additions to a private reflection, in the order written, with no note to dismiss", () => {
    const base = loggedMeeting();
    const [left, right] = twoDevices(base);
    logMeeting(left, logInput({ meeting: 'm1', amend: true, private: 'Less nervous now' }), later(1));
    logMeeting(right, logInput({ meeting: 'm1', amend: true, private: 'Still nervous' }), later(2));
    for (const merged of [merge(base, left, right).journal, merge(base, right, left).journal]) {
      expect(merged.meetings[0]?.log?.privateReflection).toBe('Nervous\n\nLess nervous now\n\nStill nervous');
      expect(merged.conflicts).toEqual([]);
    }
  });

  it('marks a conflict private only when what it holds is private (a removed meeting without any is not), and joins two answers to one prompt', () => {
    const base = withAda();
    const reflect = (answer: string) => ({
      ...prepInput({ mentor: 'ada', when: '2026-12-03 17:30' }),
      reflections: [{ prompt: 'What worries you?', answer }],
    });
    prepMeeting(base, reflect('Exams'), later(0));
    prepMeeting(base, prepInput({ mentor: 'ada', when: '2026-12-10 17:30', topic: ['Rota'] }), later(0));
    const [left, right] = twoDevices(base);
    prepMeeting(left, reflect('The rota'), later(1));
    prepMeeting(right, reflect('Money'), later(2));
    left.meetings = left.meetings.filter((meeting) => meeting.id !== 'm2');
    prepMeeting(right, prepInput({ meeting: 'm2', topic: ['Leave'] }), later(2));
    const merged = merge(base, left, right).journal;
    // Both answers kept, joined (the later last), as private writing is: no note to dismiss.
    expect(merged.meetings[0]?.prep?.reflections).toEqual([
      { prompt: 'What worries you?', answer: 'The rota\n\nMoney' },
    ]);
    expect(merged.conflicts.map(({ id, field, private: hidden }) => ({ id, field, hidden }))).toEqual([
      { id: 'm2', field: 'record', hidden: false },
    ]);
  });

  it('removes a list item removed on one device and keeps one added on the other', () => {
    const base = withAda({ rule: ['No pager', 'Fridays only'] });
    const [left, right] = twoDevices(base);
    editMentor(left, 'ada', mentorEdit({ clearRules: true, rule: ['Fridays only'] }), later(1));
    editMentor(right, 'ada', mentorEdit({ rule: ['Bring notes'] }), later(2));
    expect(merge(base, left, right).journal.mentors[0]?.rules).toEqual(['Fridays only', 'Bring notes']);
  });

  it('keeps progress notes and action notes added on both devices', () => {
    const base = shared();
    const [left, right] = twoDevices(base);
    updateGoal(left, 'g1', goalUpdate({ note: 'Shadowed a surgeon' }), later(1));
    updateGoal(right, 'g1', goalUpdate({ note: 'Spoke to a GP' }), later(2));
    closeAction(left, 'a1', 'done', later(3), 'Sent');
    editAction(right, 'a1', actionEdit({ note: 'Drafted' }), later(4));
    const merged = merge(base, left, right).journal;
    expect(merged.goals[0]?.progress.map((note) => note.note)).toEqual(['Shadowed a surgeon', 'Spoke to a GP']);
    expect(merged.actions[0]?.notes.map((note) => note.note)).toEqual(['Sent', 'Drafted']);
    expect(merged.actions[0]).toMatchObject({ status: 'done', completedAt: later(3).toISOString() });
  });

  it('merges one agenda prepared on both devices topic by topic, a topic on both field by field', () => {
    const base = withAda();
    prepMeeting(base, prepInput({ mentor: 'ada', when: '2026-12-03 17:30', topic: ['Rota'] }), later(0));
    const [left, right] = twoDevices(base);
    prepMeeting(left, prepInput({ meeting: 'm1', topic: ['Research:10', 'Exams'] }), later(1));
    prepMeeting(right, prepInput({ meeting: 'm1', topic: ['research:15', 'Leave'], intention: 'Decide' }), later(2));
    const { journal: merged } = merge(base, left, right);
    const prep = merged.meetings[0]?.prep;
    expect(prep?.topics.map((topic) => [topic.title, topic.minutes])).toEqual([
      ['Rota', undefined],
      ['research', 15],
      ['Exams', undefined],
      ['Leave', undefined],
    ]);
    expect(prep?.intention).toBe('Decide');
    // Both named "research" anew: the later device's title and minutes kept, the other's noted.
    expect(merged.conflicts.map(({ field, kept, other }) => ({ field, kept, other }))).toEqual([
      { field: 'prep.topics.1.minutes', kept: '15', other: '10' },
      { field: 'prep.topics.1.title', kept: '"research"', other: '"Research"' },
    ]);
  });

  it('adds a record added on one device, and removes one removed on one device and untouched on the other', () => {
    const base = shared();
    action(base, { title: 'Book leave' });
    const [left, right] = twoDevices(base);
    right.actions = right.actions.filter((each) => each.id !== 'a2');
    goal(left, { title: 'Publish a case report' }, later(1));
    const { journal: merged, report } = merge(base, left, right);
    expect(merged.actions.map((each) => each.id)).toEqual(['a1']);
    expect(merged.goals.map((each) => each.title)).toEqual(['Choose a specialty', 'Publish a case report']);
    expect(report.left.goal.added).toBe(1);
    expect(report.right.action.removed).toBe(1);
  });

  it('keeps a record removed on one device and changed on the other, with a conflict saying it was removed there', () => {
    const base = shared();
    const [left, right] = twoDevices(base);
    left.actions = [];
    editAction(right, 'a1', actionEdit({ note: 'Booked a call' }), later(1));
    const merged = merge(base, left, right).journal;
    expect(merged.actions.map((each) => each.notes.map((note) => note.note))).toEqual([['Booked a call']]);
    expect(merged.conflicts).toEqual([
      expect.objectContaining({ kind: 'action', id: 'a1', field: 'record', other: 'null', private: false }),
    ]);
    expect(JSON.parse(merged.conflicts[0]!.kept)).toMatchObject({ id: 'a1', goalId: 'g1' });
  });

  it('keeps a record removed on one device that a record added on the other still names', () => {
    const base = shared();
    const [left, right] = twoDevices(base);
    left.actions = [];
    left.goals = [];
    action(right, { title: 'Ask about rotations', goal: 'g1' }, later(1));
    const merged = merge(base, left, right).journal;
    expect(merged.goals.map((each) => each.id)).toEqual(['g1']);
    expect(merged.actions.map((each) => [each.id, each.goalId])).toEqual([['a2', 'g1']]);
    expect(merged.conflicts.map(({ kind, field }) => [kind, field])).toEqual([['goal', 'record']]);
  });

  it('renumbers the later of two records both devices numbered alike, and every reference follows it', () => {
    const base = withAda();
    const [left, right] = twoDevices(base);
    goal(left, { title: 'Find a lab' }, later(1));
    action(left, { title: 'Email Prof Hart', goal: 'g1' }, later(1));
    prepMeeting(left, prepInput({ mentor: 'ada', when: '2026-12-01 17:30' }), later(1));

    goal(right, { title: 'Pass the exam' }, later(2));
    const prep = prepInput({ mentor: 'ada', when: '2026-11-20 17:30', goal: ['g1'] });
    prepMeeting(right, { ...prep, topics: [{ title: 'Exam plan', goalId: 'g1' }] }, later(2));
    logMeeting(right, logInput({ meeting: 'm1', action: ['Book the exam'], parked: ['1'] }), later(2));
    editAction(right, 'a1', actionEdit({ goal: 'g1' }), later(2));
    prepMeeting(
      right,
      prepInput({ mentor: 'ada', when: '2026-12-03 17:30', carryParked: true, review: ['a1=progress:booked'] }),
      later(2),
    );

    const { journal: merged, report } = merge(base, left, right);
    const rightGoal = merged.goals.find((each) => each.uid === right.goals[0]!.uid)!;
    const rightHeld = merged.meetings.find((each) => each.uid === right.meetings[0]!.uid)!;
    const rightNext = merged.meetings.find((each) => each.uid === right.meetings[1]!.uid)!;
    const rightAction = merged.actions.find((each) => each.uid === right.actions[0]!.uid)!;
    expect([rightGoal.id, rightHeld.id, rightNext.id, rightAction.id]).toEqual(['g2', 'm3', 'm2', 'a2']);
    expect(rightAction).toMatchObject({ goalId: 'g2', meetingId: 'm3' });
    expect(rightHeld.prep).toMatchObject({ goals: ['g2'], topics: [{ title: 'Exam plan', goalId: 'g2' }] });
    expect(rightNext.prep).toMatchObject({
      topics: [{ title: 'Exam plan', carriedFrom: 'm3', goalId: 'g2' }],
      review: [{ actionId: 'a2', state: 'progress' }],
    });
    // The left device's records keep the ids its user knows.
    expect(merged.actions.find((each) => each.uid === left.actions[0]!.uid)).toMatchObject({ id: 'a1', goalId: 'g1' });
    expect(merged.counters).toEqual({ g: 3, m: 4, a: 3 });
    expect(report.renumbered).toEqual([
      { kind: 'goal', uid: rightGoal.uid, from: 'g1', to: 'g2', side: 'right' },
      { kind: 'meeting', uid: rightHeld.uid, from: 'm1', to: 'm3', side: 'right' },
      { kind: 'action', uid: rightAction.uid, from: 'a1', to: 'a2', side: 'right' },
    ]);
    expect(report.right).toMatchObject({ goal: { added: 1 }, meeting: { added: 2 }, action: { added: 1 } });
  });

  it('makes one mentor of the same mentor added on both devices, with the references of both', () => {
    const base = journal();
    const [left, right] = twoDevices(base);
    mentor(left, { name: 'Dr Ada Lovelace', rule: ['No pager'] }, later(1));
    goal(left, { title: 'Find a lab', mentor: ['ada'] }, later(1));
    mentor(right, { name: 'dr ada lovelace', rule: ['Fridays only'], role: 'Surgeon' }, later(2));
    action(right, { title: 'Send the CV', mentor: 'ada', owner: 'mentor' }, later(2));
    const { journal: merged } = merge(base, left, right);
    expect(merged.mentors).toHaveLength(1);
    expect(merged.mentors[0]).toMatchObject({
      uid: left.mentors[0]!.uid,
      handle: 'lovelace',
      rules: ['No pager', 'Fridays only'],
      role: 'Surgeon',
    });
    expect(merged.goals[0]?.mentors).toEqual(['lovelace']);
    expect(merged.actions[0]?.mentor).toBe('lovelace');
    expect(merged.conflicts.map((conflict) => conflict.field)).toEqual(['name']);
  });

  it('gives the later of two different mentors who took one handle a handle of its own', () => {
    const base = journal();
    const [left, right] = twoDevices(base);
    mentor(left, { name: 'Ada Lovelace' }, later(1));
    mentor(right, { name: 'Grace Lovelace' }, later(2));
    action(right, { title: 'Ask Grace', mentor: 'lovelace', owner: 'mentor' }, later(2));
    goal(right, { title: 'Learn to code', mentor: ['lovelace'] }, later(2));
    prepMeeting(right, prepInput({ mentor: 'lovelace', when: '2026-12-03 17:30' }), later(2));
    const { journal: merged, report } = merge(base, left, right);
    expect(merged.mentors.map((each) => [each.name, each.handle])).toEqual([
      ['Ada Lovelace', 'lovelace'],
      ['Grace Lovelace', 'grace-lovelace'],
    ]);
    expect([merged.actions[0]?.mentor, merged.goals[0]?.mentors, merged.meetings[0]?.mentor]).toEqual([
      'grace-lovelace',
      ['grace-lovelace'],
      'grace-lovelace',
    ]);
    expect(report.renumbered).toEqual([
      { kind: 'mentor', uid: right.mentors[0]!.uid, from: 'lovelace', to: 'grace-lovelace', side: 'right' },
    ]);
  });

  it('takes the number another sync gave a record, with the changes made to it here', () => {
    const base = shared();
    const [left, right] = twoDevices(base);
    // A third device had made an a1 too: this action became a3 there, and right has synced with it.
    Object.assign(right, { counters: { ...right.counters, a: 4 } });
    right.actions[0]!.id = 'a3';
    editAction(left, 'a1', actionEdit({ note: 'Called twice' }), later(1));
    const { journal: merged, report } = merge(base, left, right);
    expect(merged.actions.map((each) => [each.id, each.notes.length])).toEqual([['a3', 1]]);
    expect([merged.conflicts, report.renumbered]).toEqual([[], []]);
  });

  it('keeps the completion time with the status it goes with when one device completed and the other dropped', () => {
    const base = shared();
    const [left, right] = twoDevices(base);
    closeAction(left, 'a1', 'done', later(1));
    closeAction(right, 'a1', 'dropped', later(2));
    const dropped = merge(base, left, right).journal.actions[0]!;
    expect(dropped.status).toBe('dropped');
    expect(dropped.completedAt).toBeUndefined();
    closeAction(left, 'a1', 'open', later(3));
    closeAction(left, 'a1', 'done', later(3));
    expect(merge(base, left, right).journal.actions[0]).toMatchObject({
      status: 'done',
      completedAt: later(3).toISOString(),
    });
  });

  it('keeps everything from two journals that never shared anything', () => {
    const left = shared();
    const right = withAda({ rule: ['Fridays only'] });
    goal(right, { title: 'Sit the exam' }, later(1));
    logMeeting(right, logInput({ mentor: 'ada', when: '2026-11-24 17:30', action: ['Revise'] }), later(1));
    const { journal: merged, report } = merge(undefined, left, right);
    expect(merged.mentors).toHaveLength(1);
    expect(merged.goals.map((each) => [each.id, each.title])).toEqual([
      ['g1', 'Choose a specialty'],
      ['g2', 'Sit the exam'],
    ]);
    expect(merged.actions.map((each) => [each.id, each.title, each.meetingId])).toEqual([
      ['a1', 'Email the training lead', undefined],
      ['a2', 'Revise', 'm1'],
    ]);
    expect(merged.mentors[0]?.rules).toEqual(['Fridays only']);
    expect(report.renumbered.map((each) => [each.kind, each.from, each.to, each.side])).toEqual([
      ['goal', 'g1', 'g2', 'right'],
      ['action', 'a1', 'a2', 'right'],
    ]);
  });

  it('merges the profile field by field, the later device winning one field changed on both', () => {
    const base = journal();
    const [left, right] = twoDevices(base);
    setProfile(saved(left, later(1)), { name: 'Sam', stage: 'FY1' });
    setProfile(saved(right, later(2)), { stage: 'FY2' });
    const merged = merge(base, left, right).journal;
    expect(merged.profile).toEqual({ name: 'Sam', stage: 'FY2' });
    expect(merged.updatedAt).toBe(later(2).toISOString());
    expect(merged.conflicts).toEqual([
      expect.objectContaining({ kind: 'profile', uid: '', id: '', field: 'stage', kept: '"FY2"', other: '"FY1"' }),
    ]);
  });

  it('keeps a conflict cleared on one device cleared, and every one noted since', () => {
    const base = shared();
    const [left, right] = twoDevices(base);
    editAction(left, 'a1', actionEdit({ title: 'One' }), later(1));
    editAction(right, 'a1', actionEdit({ title: 'Two' }), later(2));
    const first = merge(base, left, right, later(10)).journal;
    expect(first.conflicts).toHaveLength(1);
    // One device shows the conflict and clears it; the other renames the goal meanwhile.
    const [seen, other] = [synced(first), synced(first)];
    seen.conflicts = [];
    Object.assign(other.goals[0]!, { title: 'Unrelated', updatedAt: later(11).toISOString() });
    const second = merge(first, seen, other, later(20)).journal;
    expect(second.conflicts).toEqual([]);
    expect(second.goals[0]?.title).toBe('Unrelated');
  });

  it('changes nothing when both devices are the same, and merging again changes nothing', () => {
    const base = shared();
    const [left, right] = twoDevices(base);
    editAction(left, 'a1', actionEdit({ title: 'One' }), later(1));
    editAction(right, 'a1', actionEdit({ title: 'Two' }), later(2));
    const once = merge(base, left, right).journal;
    expect(merge(once, once, once).journal).toEqual(once);
    expect(mergeJournals(synced(left), synced(left), synced(left), later(9)).journal).toEqual(synced(left));
  });
});
