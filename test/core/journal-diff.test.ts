import { describe, expect, it } from 'vitest';
import { diffJournals, same } from '../../src/core/journal-diff.js';
import type { Journal } from '../../src/core/schema.js';
import { describeChanges } from '../../src/ui/render/history.js';
import { addTask, sampleJournal, validMeeting, validMentor } from '../store/fixtures.js';

const LATER = '2026-11-26T10:00:00.000Z';
const copy = (journal: Journal): Journal => structuredClone(journal);
/** The same value with every object's keys in reverse order, as a hand edit might leave them. */
const reversedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reversedKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([key, item]) => [key, reversedKeys(item)]),
        )
      : value;

describe('what changed between two versions of the journal', () => {
  it('an added action is named with its id and title', () => {
    const before = sampleJournal();
    const after = copy(before);
    addTask(after, 'Email the training lead', LATER);
    after.actions.at(-1)!.id = 'a12';
    const changes = diffJournals(before, after);
    expect(changes).toEqual([
      { kind: 'action', id: 'a12', title: 'Email the training lead', change: 'added', fields: [] },
    ]);
    expect(describeChanges(changes)).toBe('added action a12 "Email the training lead"');
  });

  it('a removed record is named as it was', () => {
    const before = sampleJournal();
    const after = copy(before);
    after.meetings = [];
    expect(diffJournals(before, after)).toEqual([
      { kind: 'meeting', id: 'm1', title: undefined, change: 'removed', fields: [] },
    ]);
  });

  it('an action marked done is a change of status, without the timestamps that follow it', () => {
    const before = sampleJournal();
    const after = copy(before);
    Object.assign(after.actions[0]!, { status: 'done', completedAt: LATER, updatedAt: LATER });
    after.updatedAt = LATER;
    const changes = diffJournals(before, after);
    expect(changes).toEqual([
      {
        kind: 'action',
        id: 'a1',
        title: 'Email the training lead',
        change: 'changed',
        fields: [{ field: 'status', before: 'open', after: 'done' }],
      },
    ]);
    expect(describeChanges(changes)).toBe('changed action a1 "Email the training lead" (status open → done)');
  });

  it('names the fields changed as people say them, not as the file spells them', () => {
    const before = sampleJournal();
    const after = copy(before);
    Object.assign(after.actions[0]!, { goalId: 'g9', meetingId: 'm1' });
    expect(describeChanges(diffJournals(before, after))).toBe(
      'changed action a1 "Email the training lead" (goal, meeting)',
    );
  });

  it('a logged meeting names the part of it that changed', () => {
    const before = sampleJournal();
    const after = copy(before);
    after.meetings[0]!.log = { advice: ['Ask early'], feedback: [], decisions: [], challenged: [], loggedAt: LATER };
    after.meetings[0]!.status = 'held';
    expect(describeChanges(diffJournals(before, after))).toBe('changed meeting m1 (status planned → held, log)');
  });

  it('mentors are matched by handle, and the profile is a record too', () => {
    const before = sampleJournal();
    const after = copy(before);
    after.mentors.push(validMentor({ handle: 'hopper', name: 'Dr Grace Hopper' }));
    after.mentors[0]!.cadenceDays = 28;
    after.profile.stage = 'FY2 doctor';
    expect(describeChanges(diffJournals(before, after))).toBe(
      'changed the profile (stage); changed mentor lovelace "Dr Ada Lovelace" (cadence); added mentor hopper "Dr Grace Hopper"',
    );
  });

  it('versions that differ only in timestamps, counters or key order have no changes', () => {
    const before = sampleJournal();
    const after = reversedKeys(copy(before)) as Journal;
    after.updatedAt = LATER;
    after.counters.a += 5;
    after.actions[0]!.updatedAt = LATER;
    expect(diffJournals(before, after)).toEqual([]);
    expect(describeChanges([])).toBe('a change that touched no record (only timestamps or formatting)');
  });

  it('many changes are summed up after the first eight', () => {
    const before = sampleJournal();
    const after = copy(before);
    for (let index = 0; index < 11; index++) addTask(after, `task ${index}`);
    expect(describeChanges(diffJournals(before, after))).toMatch(/added action a9 "task 7"; and 3 more changes$/);
  });

  it('compares values deeply, whatever the order of their keys', () => {
    const meeting = validMeeting();
    expect(same(meeting, { ...meeting })).toBe(true);
    expect(same({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(same({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(same([1, 2], [2, 1])).toBe(false);
    expect(same({ a: [] }, { a: {} })).toBe(false);
    expect(same(null, {})).toBe(false);
  });
});
