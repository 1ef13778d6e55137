/**
 * The journal's first real upgrade, on a journal written by the release before it (made with that
 * release's own commands: a mentor, a goal, two meetings, actions, a private reflection, an undo):
 * backed up first, then every record given a uid that undo keeps, and no calendar event doubled.
 */
import { copyFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalSchema, type Journal } from '../../src/core/schema.js';
import { cli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

const WRITTEN_BY_VERSION_2 = join(import.meta.dirname, 'fixtures', 'journal-v2.json');
/** The UIDs the release before gave the calendar events of that journal. */
const OLD_CALENDAR_UIDS = ['m1.mtifs800@mentee', 'm2.mtifs800@mentee', 'a1.mtifs800@mentee', 'a2.mtifs800@mentee'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let journal: string;
let cleanup: () => Promise<void>;
const now = '2026-09-24T09:00:00Z';
const saved = async (): Promise<Journal> => JournalSchema.parse(JSON.parse(await readFile(journal, 'utf8')));

beforeEach(async () => {
  ({ journal, cleanup } = await tempFolder());
  await copyFile(WRITTEN_BY_VERSION_2, journal);
});
afterEach(() => cleanup());

describe('a journal written by the release before (version 2)', () => {
  it('is kept as it was in a backup before the first change saves the upgrade', async () => {
    await cli(['action', 'add', 'Book the exam'], { journal, now });
    const backups = await readdir(`${journal}.backups`);
    const kept = backups.find((name) => name.endsWith('.before-upgrade-from-v2.json'));
    expect(kept).toBeDefined();
    expect(await readFile(join(`${journal}.backups`, kept!))).toEqual(await readFile(WRITTEN_BY_VERSION_2));
    expect((await saved()).version).toBe(3);
  });

  it('gives every record its own uid, and keeps every word it had', async () => {
    const before = JSON.parse(await readFile(WRITTEN_BY_VERSION_2, 'utf8'));
    await cli(['action', 'add', 'Book the exam'], { journal, now });
    const after = await saved();
    const uids = [...after.mentors, ...after.goals, ...after.meetings, ...after.actions].map((record) => record.uid);
    expect(uids).toHaveLength(7);
    for (const uid of uids) expect(uid).toMatch(UUID);
    expect(new Set(uids).size).toBe(uids.length);
    const withoutUids = (records: { uid: string; calendarUid?: string }[]) =>
      records.map(({ uid: _uid, calendarUid: _calendar, ...rest }) => rest);
    expect(withoutUids(after.meetings)).toEqual(before.meetings);
    expect(withoutUids(after.actions.slice(0, 2))).toEqual(before.actions);
    expect(withoutUids(after.goals)).toEqual(before.goals);
    expect(withoutUids(after.mentors)).toEqual(before.mentors);
    expect(after.meetings[0]!.log!.privateReflection).toBe('Felt unsure');
    expect(after.conflicts).toEqual([]);
  });

  it('keeps in the undo history the same uids the records have, so undo puts back the same record', async () => {
    await cli(['action', 'add', 'Book the exam'], { journal, now });
    const upgraded = await saved();
    const a1 = upgraded.actions.find((action) => action.id === 'a1')!;
    for (const change of upgraded.history.undo)
      for (const record of change.records)
        for (const version of [record.before, record.after])
          if (version && 'uid' in version) {
            const live = [...upgraded.mentors, ...upgraded.goals, ...upgraded.meetings, ...upgraded.actions].find(
              (each) => ('id' in each ? each.id : each.handle) === record.id,
            );
            expect(version.uid, `${record.kind} ${record.id}`).toBe(live!.uid);
          }
    await cli(['undo'], { journal, now }); // the exam
    await cli(['undo'], { journal, now }); // the second meeting prepared, by the release before
    await cli(['undo'], { journal, now }); // a1 done, by the release before
    const undone = await saved();
    expect(undone.actions.find((action) => action.id === 'a1')).toMatchObject({ status: 'open', uid: a1.uid });
    expect(() => JournalSchema.parse(undone)).not.toThrow();
  });

  it("keeps its calendar events' UIDs, so a calendar that imported them is updated, not doubled", async () => {
    const ics = await cli(['export', '--format', 'ics'], { journal, now });
    expect([...ics.matchAll(/^UID:(.*)$/gm)].map((match) => match[1]!.trim())).toEqual(OLD_CALENDAR_UIDS);
    await cli(['action', 'add', 'Book the exam', '--due', '2026-10-01'], { journal, now });
    const again = await cli(['export', '--format', 'ics'], { journal, now });
    const uids = [...again.matchAll(/^UID:(.*)$/gm)].map((match) => match[1]!.trim());
    const exam = (await saved()).actions.at(-1)!;
    expect(uids.sort()).toEqual([...OLD_CALENDAR_UIDS, `${exam.uid}@mentee`].sort());
  });
});
