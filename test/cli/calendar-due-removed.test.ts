/** A calendar that imported an action's due date is told when the due date is removed, whichever way it was removed. */
import { describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

/** The VEVENT of the record with `uid` in an .ics file, unfolded, as "NAME:value" lines. */
function event(ics: string, uid: string): string[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const start = lines.findIndex((line, at) => line === 'BEGIN:VEVENT' && lines[at + 1] === `UID:${uid}@mentee`);
  return start < 0 ? [] : lines.slice(start, lines.indexOf('END:VEVENT', start) + 1);
}

describe('removing a due date keeps calendars true', () => {
  const ways = [
    ['mentee action edit a1 --clear-due', ['action', 'edit', 'a1', '--clear-due'], {}],
    ['mentee edit a1, emptying "due:"', ['edit', 'a1'], { EDITOR: 'sed -i s/^due:.*/due:/', VISUAL: undefined }],
  ] as const;

  it.each(ways)('after %s the exported calendar cancels its event, same UID and day', async (_way, args, env) => {
    const { journal, cleanup } = await withLovelace();
    await cli(['action', 'add', 'Email the lead', '--due', '2026-12-04'], { journal });
    const { uid } = (await readJournal(journal)).actions[0];
    const before = event(await cli(['export', '--format', 'ics'], { journal }), uid);
    expect(before).toContain('SUMMARY:Due: Email the lead');
    await cli([...args], { journal, env: { ...env } });
    const after = event(await cli(['export', '--format', 'ics'], { journal }), uid);
    expect(after).toContain('DTSTART;VALUE=DATE:20261204');
    expect(after).toContain('STATUS:CANCELLED');
    expect(after).toContain('SUMMARY:No longer due: Email the lead');
    expect((await readJournal(journal)).actions[0]).toMatchObject({ status: 'open', dueRemoved: '2026-12-04' });
    expect((await readJournal(journal)).actions[0].due).toBeUndefined();
    await cleanup();
  });

  it('undo says what the person changed, the due date, and nothing else', async () => {
    const { journal, cleanup } = await withLovelace();
    await cli(['action', 'add', 'Email the lead', '--due', '2026-12-04'], { journal });
    await cli(['action', 'edit', 'a1', '--clear-due'], { journal });
    expect(await cli(['undo'], { journal })).toContain('Undid: changed action a1 "Email the lead" (due) (');
    expect((await readJournal(journal)).actions[0]).toMatchObject({ due: '2026-12-04' });
    await cleanup();
  });
});
