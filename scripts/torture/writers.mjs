// Trial a: several processes, each adding actions one after another, all started at the same moment.
import { join } from 'node:path';
import { checkJournal } from './journal-check.mjs';
import { runMentee, seconds } from './run.mjs';

export async function writersTrial({ dir, processes = 8, writes = 50 }) {
  const journal = join(dir, 'journal.json');
  const expected = processes * writes;
  const started = performance.now();
  const failures = [];
  /** The title each reported id was given, from each process's own "Added aN: …" line. */
  const reported = [];
  /** What successful writes said on stderr: nothing is expected, no writer having died. */
  const said = [];
  const writer = async (p) => {
    for (let i = 1; i <= writes; i++) {
      const title = `w${p}-${i}`;
      const result = await runMentee(['action', 'add', title], { journal, home: dir, cwd: dir });
      if (result.code !== 0) failures.push(`${title}: exit ${result.code ?? result.signal}: ${result.stderr.trim()}`);
      else reported.push([/\ba\d+\b/.exec(result.stdout)?.[0], title]);
      if (result.code === 0 && result.stderr.trim()) said.push(`${title}: ${result.stderr.trim()}`);
    }
  };
  await Promise.all(Array.from({ length: processes }, (_, index) => writer(index + 1)));
  const ms = performance.now() - started;

  const check = await checkJournal(journal);
  const problems = failures.slice(0, 3);
  if (failures.length > 3) problems.push(`…and ${failures.length - 3} more refused writes`);
  let kept = 0;
  let lost = [];
  if (!check.ok) problems.push(`the journal does not validate: ${check.problem}`);
  else {
    const actions = check.journal.actions;
    const count = new Map();
    for (const action of actions) count.set(action.title, (count.get(action.title) ?? 0) + 1);
    for (let p = 1; p <= processes; p++) {
      for (let i = 1; i <= writes; i++) if (count.get(`w${p}-${i}`) === 1) kept++;
    }
    const titleOf = new Map(actions.map((action) => [action.id, action.title]));
    // The worst failure: a process said "Added aN" and its action is not in the journal.
    lost = reported.filter(([, title]) => !count.has(title));
    for (const [id, title] of lost.slice(0, 5)) {
      problems.push(`${title} was reported saved as ${id}, but is not in the journal (${id} holds ${titleOf.get(id)})`);
    }
    const twice = [...count].filter(([, n]) => n > 1);
    if (twice.length) problems.push(`${twice.length} titles saved more than once, e.g. ${twice[0][0]}`);
    const ids = [...titleOf.keys()];
    const gaps = Array.from({ length: actions.length }, (_, index) => `a${index + 1}`).filter((id) => !titleOf.has(id));
    if (ids.length !== actions.length || gaps.length) problems.push(`ids are not a1..a${actions.length} once each`);
    if (actions.length !== expected) problems.push(`${actions.length} actions in the journal, not ${expected}`);
  }
  const takeovers = said.filter((line) => /recovered the lock/.test(line));
  return {
    name: 'writers',
    notes: [
      ...(takeovers.length
        ? [`${takeovers.length} writers took over a lock although no writer had died, e.g. ${takeovers[0]}`]
        : []),
      ...said.filter((line) => !takeovers.includes(line)).slice(0, 3),
    ],
    line:
      `${processes}×${writes} concurrent writes: ${kept}/${expected} kept, ${failures.length} refused, ` +
      `${lost.length} acknowledged writes lost, in ${seconds(ms)}`,
    problems,
    figures: { processes, writes, expected, kept, refused: failures.length, lost: lost.length, ms },
  };
}
