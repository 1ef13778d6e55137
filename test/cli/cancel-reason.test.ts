/** A cancelled meeting's reason is shown wherever its state is: the record, the list, the exports. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, withLovelace } from '../helpers/run-cli.js';

describe('the reason a meeting was cancelled', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Specialty choice'], { journal }); // m1
    await cli(['meeting', 'cancel', 'm1', '--note', 'Ada is on leave'], { journal });
    await cli(['prep', '--when', '2026-12-10 17:30'], { journal }); // m2
    await cli(['meeting', 'cancel', 'm2'], { journal });
  });
  afterAll(() => cleanup());

  it('mentee show says why, under the heading that says it is cancelled', async () => {
    const output = await cli(['show', 'm1'], { journal });
    expect(output).toMatch(/m1 {2}Dr Ada Lovelace — .*, cancelled\nCancelled: Ada is on leave\n/);
  });

  it('mentee meetings lists it as "cancelled: <reason>", and a meeting cancelled with no reason as "cancelled"', async () => {
    const lines = (await cli(['meetings'], { journal })).split('\n');
    expect(lines.find((line) => line.startsWith('m1'))).toMatch(/cancelled: Ada is on leave$/);
    expect(lines.find((line) => line.startsWith('m2'))).toMatch(/cancelled$/);
  });

  it('the Markdown export of the meeting and the calendar event say why', async () => {
    const md = await cli(['export', '--meeting', 'm1', '--format', 'md'], { journal });
    expect(md).toContain('**Status:** cancelled: Ada is on leave');
    const ics = (await cli(['export', '--meeting', 'm1', '--format', 'ics'], { journal })).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('DESCRIPTION:Cancelled: Ada is on leave\\n');
  });
});
