/** `mentor pause|resume|end --json` prints the mentor and what the change carried along with it. */
import { describe, expect, it } from 'vitest';
import { MentorStatusJsonSchema } from '../../src/ui/json-shapes.js';
import { readJournal } from '../helpers/cli.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

const parsed = (output: string) => MentorStatusJsonSchema.parse(JSON.parse(output));

describe('mentor status changes with --json', () => {
  it('ending a mentorship prints the mentor, the meetings it cancelled and the offers it dropped', async () => {
    const { journal, cleanup } = await withLovelace();
    await cli(['log', '--when', 'yesterday 17:30', '--mentor-action', 'Introduce me to the lead'], { journal }); // m1, a1
    await cli(['prep', '--when', '2026-12-03 17:30'], { journal }); // m2
    const output = await cli(['mentor', 'end', 'lovelace', '--note', 'Moved deanery', '--json'], { journal });
    expect(parsed(output)).toMatchObject({
      mentor: { handle: 'lovelace', status: 'ended', endNote: 'Moved deanery' },
      cancelled: ['m2'],
      dropped: ['a1'],
      stillPlanned: [],
    });
    expect((await readJournal(journal)).meetings[1].status).toBe('cancelled');
    await cleanup();
  });

  it('pausing prints the mentor and the meetings still planned with them; resuming prints the mentor', async () => {
    const { journal, cleanup } = await withLovelace();
    await cli(['prep', '--when', '2026-12-03 17:30'], { journal }); // m1
    expect(parsed(await cli(['mentor', 'pause', 'lovelace', '--json'], { journal }))).toMatchObject({
      mentor: { handle: 'lovelace', status: 'paused' },
      cancelled: [],
      dropped: [],
      stillPlanned: ['m1'],
    });
    const resumed = parsed(await cli(['mentor', 'resume', 'lovelace', '--json'], { journal }));
    expect(resumed.mentor.status).toBe('active');
    await cleanup();
  });
});
