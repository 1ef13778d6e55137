// A random run of changes through the binary, then undo all the way back and redo all the way
// forward, each step compared with the journal saved at that point; and no id handed out twice.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkJournal } from '../journal-check.mjs';
import { runMentee, seconds } from '../run.mjs';

/** The records only: what undo and redo put back (the journal's own updatedAt, counters and history aside). */
const records = ({ profile, mentors, goals, meetings, actions }) =>
  JSON.stringify({ profile, mentors, goals, meetings, actions });

/** A small seeded generator, so a failing run can be run again with TORTURE_SEED. */
function random(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The changes a person makes, each possible in the journal as it is. */
function nextChange(journal, n, pick) {
  const open = journal.actions.filter((action) => action.status === 'open').map((action) => action.id);
  const closed = journal.actions.filter((action) => action.status !== 'open').map((action) => action.id);
  const any = journal.actions.map((action) => action.id);
  const one = (ids) => ids[Math.floor(pick() * ids.length)];
  const day = String(1 + (n % 28)).padStart(2, '0');
  const choices = [
    ['action', 'add', `Task ${n}`],
    ['action', 'add', `Task ${n} with a date`, '--due', `2026-12-${day}`, '--goal', 'g1'],
    open.length && ['done', one(open), '--note', `done ${n}`],
    open.length && ['action', 'drop', one(open)],
    closed.length && ['action', 'reopen', one(closed)],
    any.length && ['action', 'edit', one(any), '--title', `Edited ${n}`],
    any.length && ['action', 'edit', one(any), '--note', `note ${n}`],
    ['goal', 'update', 'g1', '--note', `progress ${n}`],
    ['goal', 'add', `Goal ${n}`, '--category', 'research'],
    [
      'log',
      '--mentor',
      'smith',
      '--when',
      `2026-10-${day} 10:${String(n % 60).padStart(2, '0')}`,
      '--advice',
      `advice ${n}`,
      '--private',
      `private ${n}`,
      '--yes',
    ],
  ].filter(Boolean);
  return choices[Math.floor(pick() * choices.length)];
}

export default {
  key: 'undo',
  name: 'undo and redo',
  guarantee: 'undo steps back through every change kept, redo forward again, and no id is reused',
  options: (env) => ({ changes: Number(env.TORTURE_UNDO ?? 30), seed: Number(env.TORTURE_SEED ?? 95) }),
  size: ({ changes }) => `${changes} changes`,
  async run({ dir, sample, changes, seed }) {
    const started = performance.now();
    const journal = join(dir, 'journal.json');
    const run = (args) => runMentee(args, { journal, home: dir, cwd: dir });
    const read = async () => JSON.parse(await readFile(journal, 'utf8'));
    const problems = [];
    // The sample as if typed by hand in one go: no history of its own making.
    const start = JSON.parse(sample.toString('utf8'));
    start.history = { undo: [], redo: [] };
    await writeFile(journal, JSON.stringify(start, null, 2), { mode: 0o600 });

    const pick = random(seed);
    const saved = [records(await read())];
    const everId = new Set([...start.actions, ...start.goals, ...start.meetings].map((record) => record.id));
    let refused = 0;
    for (let n = 1; saved.length <= changes; n++) {
      const args = nextChange(await read(), n, pick);
      const result = await run(args);
      if (result.code !== 0) {
        refused++;
        if (refused > changes) {
          problems.push(`too many changes refused, e.g. mentee ${args.join(' ')}: ${result.stderr.trim()}`);
          break;
        }
        continue;
      }
      const now = await read();
      for (const record of [...now.actions, ...now.goals, ...now.meetings]) everId.add(record.id);
      if (records(now) !== saved.at(-1)) saved.push(records(now));
    }
    const made = saved.length - 1;

    let undos = 0;
    let redos = 0;
    let mismatches = 0;
    const compare = async (step, expected) => {
      if (records(await read()) !== expected) {
        mismatches++;
        if (mismatches <= 3) problems.push(`after ${step} the journal is not the one saved at that point`);
      }
    };
    for (let k = made - 1; k >= 0; k--) {
      const result = await run(['undo']);
      if (result.code !== 0) {
        problems.push(`undo ${made - k} of ${made} refused: ${result.stderr.trim()}`);
        break;
      }
      undos++;
      await compare(`undo ${undos}`, saved[k]);
    }
    const beyond = await run(['undo']);
    if (beyond.code !== 1 || !/Nothing to undo/.test(beyond.stderr))
      problems.push(`undo past the first change: exit ${beyond.code}, ${beyond.stderr.trim()}`);
    for (let k = 1; k <= made; k++) {
      const result = await run(['redo']);
      if (result.code !== 0) {
        problems.push(`redo ${k} of ${made} refused: ${result.stderr.trim()}`);
        break;
      }
      redos++;
      await compare(`redo ${redos}`, saved[k]);
    }
    const past = await run(['redo']);
    if (past.code !== 1 || !/Nothing to redo/.test(past.stderr))
      problems.push(`redo past the last change: exit ${past.code}, ${past.stderr.trim()}`);

    // Ids: step back over some additions, then add again: every new id is one never seen before.
    let reused = 0;
    for (let k = 0; k < Math.min(5, made); k++) await run(['undo']);
    for (const args of [
      ['action', 'add', 'After undo'],
      ['goal', 'add', 'Goal after undo'],
    ]) {
      const result = await run(args);
      const id = /\b[ag]\d+\b/.exec(result.stdout)?.[0];
      if (result.code !== 0 || !id)
        problems.push(`mentee ${args.join(' ')}: exit ${result.code}, ${result.stderr.trim()}`);
      else if (everId.has(id)) {
        reused++;
        problems.push(`${id} was handed out again after undo`);
      }
    }
    const check = await checkJournal(journal);
    if (!check.ok) problems.push(`the journal does not validate at the end: ${check.problem}`);
    const ms = performance.now() - started;
    return {
      name: 'undo',
      line:
        `${made} changes (seed ${seed}, ${refused} refused as expected), ${undos} undone and ${redos} redone, ` +
        `${mismatches} mismatches, ${reused} ids reused, in ${seconds(ms)}`,
      problems,
      figures: { changes: made, undos, redos, mismatches, reused, ms },
    };
  },
  summary: (f) =>
    `undo: ${f.changes} changes, ${f.undos} undos and ${f.redos} redos, ${f.mismatches} mismatches, ${f.reused} ids reused`,
};
