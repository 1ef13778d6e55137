/** Dropping, pausing or achieving a goal says what becomes of its open actions, and never leaves them orphaned silently. */
import { describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { refused } from '../helpers/refusals.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

/** Goal g1 with a1 and a2 open for it, a3 done for it, and a4 open for no goal. */
async function goalWithActions() {
  const folder = await withLovelace();
  const run = (args: string[]) => cli(args, { journal: folder.journal });
  await run(['goal', 'add', 'Choose a specialty']);
  await run(['action', 'add', 'Shadow a GP clinic', '--goal', 'g1']);
  await run(['action', 'add', 'Talk to three registrars', '--goal', 'g1']);
  await run(['action', 'add', 'Read the curriculum', '--goal', 'g1']);
  await run(['action', 'done', 'a3']);
  await run(['action', 'add', 'Book the exam']);
  return { ...folder, run };
}

const statuses = async (journal: string) =>
  Object.fromEntries((await readJournal(journal)).actions.map((action: any) => [action.id, action.status]));

describe('a goal with open actions', () => {
  it('dropping it is refused in one line naming its open actions and the two ways out', async () => {
    const { journal, cleanup } = await goalWithActions();
    await refused(
      ['goal', 'drop', 'g1'],
      journal,
      2,
      'g1 still has open actions: a1 (Shadow a GP clinic), a2 (Talk to three registrars). Drop them too with: mentee goal drop g1 --drop-actions, or keep them open with: mentee goal drop g1 --keep-actions',
    );
    await refused(['goal', 'pause', 'g1'], journal, 2, 'mentee goal pause g1 --keep-actions');
    await refused(['goal', 'update', 'g1', '--status', 'dropped'], journal, 2, 'mentee goal drop g1 --drop-actions');
    await cleanup();
  });

  it('--drop-actions drops them with the goal, says which, and notes why on each', async () => {
    const { journal, cleanup, run } = await goalWithActions();
    expect(await run(['goal', 'drop', 'g1', '--drop-actions'])).toBe(
      'Marked g1 dropped: Choose a specialty.\nDropped its open actions too: a1, a2 (see: mentee actions --all).\n',
    );
    expect(await statuses(journal)).toEqual({ a1: 'dropped', a2: 'dropped', a3: 'done', a4: 'open' });
    const a1 = (await readJournal(journal)).actions[0];
    expect(a1.notes.at(-1).note).toBe('goal g1 dropped');
    expect(await run(['show', 'a1'])).toContain('goal g1 dropped');
    await cleanup();
  });

  it('--keep-actions keeps them open and linked, and says so', async () => {
    const { journal, cleanup, run } = await goalWithActions();
    expect(await run(['goal', 'pause', 'g1', '--keep-actions'])).toBe(
      'Marked g1 paused: Choose a specialty.\nKept its open actions open, still linked to g1: a1, a2.\n',
    );
    expect(await statuses(journal)).toEqual({ a1: 'open', a2: 'open', a3: 'done', a4: 'open' });
    expect((await readJournal(journal)).actions[0].goalId).toBe('g1');
    // A paused goal is dropped later with the same choice to make.
    await refused(['goal', 'drop', 'g1'], journal, 2, 'g1 still has open actions: a1');
    await cleanup();
  });

  it('achieving it is allowed and says which of its actions are still open', async () => {
    const { journal, cleanup, run } = await goalWithActions();
    expect(await run(['goal', 'done', 'g1'])).toBe(
      'Achieved g1: Choose a specialty. Well done.\nStill open for this goal: a1, a2; mark each done or dropped, e.g. mentee action done a1\n',
    );
    expect(await statuses(journal)).toEqual({ a1: 'open', a2: 'open', a3: 'done', a4: 'open' });
    await cleanup();
  });

  it('both ways out at once is refused', async () => {
    const { journal, cleanup } = await goalWithActions();
    await refused(
      ['goal', 'drop', 'g1', '--drop-actions', '--keep-actions'],
      journal,
      2,
      '--keep-actions: cannot go with --drop-actions; choose one.',
    );
    await cleanup();
  });

  it('a goal whose actions are all closed is dropped as before, with nothing more to say', async () => {
    const { cleanup, run } = await goalWithActions();
    await run(['action', 'done', 'a1']);
    await run(['action', 'drop', 'a2']);
    expect(await run(['goal', 'drop', 'g1'])).toBe('Marked g1 dropped: Choose a specialty.\n');
    await cleanup();
  });
});
