// Trial d: random command lines from the grammar, against a copy of a good journal per worker. No run may
// crash (stack trace, exit 70, a signal) or hang; a run that fails must leave the journal byte for byte as
// it was; a run that succeeds may change it, but the journal must still validate.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeArgv, READS, sampleArgvs } from './grammar.mjs';
import { checkJournal } from './journal-check.mjs';
import { hasStackTrace, inParallel, runMentee, seconds } from './run.mjs';

const CHECK_EVERY = 50;
const FRESH_EVERY = 250;

async function bytesOf(file) {
  return readFile(file).catch((error) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
}

const same = (a, b) => (a === undefined || b === undefined ? a === b : a.equals(b));

/** What is wrong with one run, if anything: [category, detail] pairs. */
export function judgeRun(argv, result, before, after) {
  const faults = [];
  const crash = [];
  if (result.timedOut) faults.push(['hang', 'did not finish in time']);
  else if (result.code === null) crash.push(`killed by ${result.signal}`);
  if (result.code === 70 || /unexpected error/i.test(result.stderr)) crash.push('unexpected error');
  if (hasStackTrace(result.stderr)) crash.push('stack trace');
  if (crash.length) faults.push(['crash', crash.join(', ')]);
  if (result.code !== 0 && !result.timedOut && !same(before, after)) {
    faults.push(['failedButChanged', `exit ${result.code} and the journal changed`]);
  }
  const command = argv[0] === 'templates' || argv[0] === 'goal' || argv[0] === 'mentor' ? argv.slice(0, 2) : argv[0];
  const wantsHelp = argv.some((arg) => ['--help', '-h', '--'].includes(arg));
  if (result.code === 0 && argv.includes('--json') && !wantsHelp && READS.has([command].flat().join(' '))) {
    try {
      JSON.parse(result.stdout);
    } catch {
      faults.push(['badJson', '--json printed something that is not JSON']);
    }
  }
  return faults;
}

export async function fuzzTrial({ dir, sample, count = 5000, jobs = 2, seed, timeoutMs = 10_000, log = () => {} }) {
  const started = performance.now();
  const argvs = sampleArgvs(count, seed);
  const tally = { crash: 0, hang: 0, failedButChanged: 0, badJson: 0, invalid: 0, ok: 0, refused: 0, changed: 0 };
  const problems = [];
  // Wrong --json output is a bug, but not one of the store's guarantees: reported, not failed on.
  const notes = [];
  const report = (category, detail) => {
    tally[category]++;
    const list = category === 'badJson' ? notes : problems;
    if (list.length < 40) list.push(`${category}: ${detail}`);
  };

  // Each worker owns a folder and a journal, so "unchanged on failure" compares one run's before and after.
  const workers = await Promise.all(
    Array.from({ length: jobs }, async (_, index) => {
      const folder = join(dir, `worker-${index + 1}`);
      await mkdir(folder, { recursive: true });
      return { folder, journal: join(folder, 'journal.json'), runs: 0, busy: false };
    }),
  );
  const fresh = async (worker) => {
    await rm(worker.folder, { recursive: true, force: true });
    await mkdir(worker.folder, { recursive: true });
    await writeFile(worker.journal, sample, { mode: 0o600 });
  };
  await Promise.all(workers.map(fresh));

  let done = 0;
  await inParallel(argvs, jobs, async (argv, index) => {
    const worker = workers.find((candidate) => !candidate.busy);
    worker.busy = true;
    try {
      const where = { journal: worker.journal, home: worker.folder, cwd: worker.folder, timeoutMs };
      const before = await bytesOf(worker.journal);
      const result = await runMentee(argv, where);
      const after = await bytesOf(worker.journal);
      const faults = judgeRun(argv, result, before, after);
      for (const [category, detail] of faults) {
        const said = (result.stderr.split('\n').find((line) => line.trim()) ?? '').slice(0, 300);
        report(category, `${detail}: mentee ${describeArgv(argv)} (#${index}) → exit ${result.code}: ${said}`);
      }
      if (result.code === 0) {
        tally.ok++;
        if (!same(before, after)) tally.changed++;
      } else tally.refused++;

      worker.runs++;
      if (worker.runs % CHECK_EVERY === 0 || faults.length) {
        const check = await checkJournal(worker.journal);
        if (!check.ok) report('invalid', `after #${index} (${describeArgv(argv)}): ${check.problem}`);
      }
      if (worker.runs % FRESH_EVERY === 0 || (after?.length ?? 0) > 2_000_000) await fresh(worker);
      if (++done % 500 === 0) log(`  ${done}/${count} (${seconds(performance.now() - started)})`);
    } finally {
      worker.busy = false;
    }
  });
  // The last stretch of every worker, since its last check.
  for (const worker of workers) {
    const check = await checkJournal(worker.journal);
    if (!check.ok) report('invalid', `at the end: ${check.problem}`);
  }

  const ms = performance.now() - started;
  const crashes = tally.crash;
  return {
    name: 'hostile inputs',
    line:
      `${count} hostile inputs: ${crashes} crashes, ${tally.hang} hangs, ${tally.failedButChanged} changes after an error, ` +
      `${tally.invalid} invalid journals, ${tally.badJson} bad --json; ${tally.refused} refused, ${tally.ok} accepted ` +
      `(${tally.changed} changed the journal); seed ${seed}, ${jobs} at a time, ${seconds(ms)}`,
    problems,
    notes,
    figures: { count, seed, jobs, ...tally, ms },
  };
}
