// `npm run torture`: proves the store's guarantees on the built binary (run `node scripts/build.mjs` first).
//   a. writers: 8 processes × 50 writes at once leave exactly 400 records
//   b. kills: a writer SIGKILLed at random moments always leaves a whole journal with every acknowledged write
//   c. bad files: damaged or foreign journals are refused with one line and never rewritten
//   d. hostile inputs: random command lines never crash, hang, or change the journal when they fail
// Sizes: TORTURE_WRITERS=8x50, TORTURE_KILLS=200, TORTURE_FUZZ=5000, TORTURE_JOBS (default: cores + 1),
// TORTURE_SEED (fuzz), TORTURE_ONLY=writers,kills,bad-files,fuzz. Exit code 1 when a guarantee failed.
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { badFilesTrial } from './torture/bad-files.mjs';
import { fuzzTrial } from './torture/fuzz.mjs';
import { killsTrial } from './torture/kills.mjs';
import { killAll, ROOT, seconds } from './torture/run.mjs';
import { makeSampleJournal } from './torture/sample.mjs';
import { writersTrial } from './torture/writers.mjs';

const env = process.env;
const [processes, writes] = (env.TORTURE_WRITERS ?? '8x50').split(/[x×]/).map(Number);
const kills = Number(env.TORTURE_KILLS ?? 200);
const fuzzCount = Number(env.TORTURE_FUZZ ?? 5000);
// One more than the cores: each run spends part of its time waiting on the disk.
const jobs = Number(env.TORTURE_JOBS ?? availableParallelism() + 1);
const seed = Number(env.TORTURE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const only = env.TORTURE_ONLY?.split(',');
const wanted = (name) => !only || only.includes(name);

if (!existsSync(join(ROOT, 'dist', 'mentee.cjs'))) {
  console.error('torture: no build found; run `node scripts/build.mjs` first (npm run torture does).');
  process.exit(1);
}

/** What each trial proves, for the verdict. */
const GUARANTEES = {
  writers: 'concurrent writers lose nothing',
  kills: 'a killed writer leaves a whole journal with every acknowledged write',
  'bad files': 'a bad journal is refused with one line and never rewritten',
  'hostile inputs': 'hostile input never crashes, hangs, or changes the journal on error',
};

const root = await realpath(await mkdtemp(join(tmpdir(), 'mentee-torture-')));
// Stopped half-way (Ctrl-C): still leave nothing behind.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    rmSync(root, { recursive: true, force: true });
    process.exit(130);
  });
}
const log = (line) => console.log(line);
const results = [];
const started = performance.now();
const sizes = [
  wanted('writers') && `${processes}×${writes} writers`,
  wanted('kills') && `${kills} kills`,
  wanted('bad-files') && 'bad files',
  wanted('fuzz') && `${fuzzCount} hostile inputs (seed ${seed}, ${jobs} at a time)`,
];
log(`mentee torture: ${sizes.filter(Boolean).join(', ')}`);
try {
  const sample = await makeSampleJournal(join(root, 'sample'));
  const trials = [
    ['writers', 'writers', () => writersTrial({ dir: join(root, 'writers'), processes, writes })],
    ['kills', 'kills', () => killsTrial({ dir: join(root, 'kills'), kills, log })],
    ['bad-files', 'bad files', () => badFilesTrial({ dir: join(root, 'bad-files'), sample })],
    ['fuzz', 'hostile inputs', () => fuzzTrial({ dir: join(root, 'fuzz'), sample, count: fuzzCount, jobs, seed, log })],
  ];
  for (const [key, name, trial] of trials) {
    if (!wanted(key)) continue;
    await mkdir(join(root, key), { recursive: true });
    const result = await trial().catch((error) => ({
      name,
      line: `${name}: the trial itself failed`,
      problems: [error.stack ?? String(error)],
    }));
    results.push(result);
    log(`${result.problems.length ? 'FAIL' : 'ok  '} ${result.line}`);
    const notes = result.notes ?? [];
    for (const note of notes.slice(0, 5)) log(`     note: ${note}`);
    if (notes.length > 5) log(`     …and ${notes.length - 5} more notes like these`);
    for (const problem of result.problems.slice(0, 20)) log(`     ${problem}`);
    if (result.problems.length > 20) log(`     …and ${result.problems.length - 20} more`);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}

const figure = (name) => results.find((result) => result.name === name)?.figures;
const summary = [];
const w = figure('writers');
if (w)
  summary.push(
    `${w.processes}×${w.writes} concurrent writes: ${w.kept}/${w.expected} kept, ${w.lost} acknowledged lost`,
  );
const k = figure('kills');
if (k)
  summary.push(
    `${k.kills} SIGKILLs: ${k.validJournals} valid journals, ${k.lostAcknowledged} acknowledged writes lost`,
  );
const b = figure('bad files');
if (b) summary.push(`${b.cases} bad files: ${b.refusedWell}/${b.runs} refused cleanly, ${b.rewritten} rewritten`);
const f = figure('hostile inputs');
if (f) {
  const changes = f.failedButChanged + f.invalid;
  summary.push(`${f.count} hostile inputs: ${f.crash} crashes, ${f.hang} hangs, ${changes} changes`);
}
log('');
log(`${summary.join('; ')} (${seconds(performance.now() - started)})`);
const failed = results.filter((result) => result.problems.length);
for (const result of failed) log(`FAILED: ${GUARANTEES[result.name] ?? result.name}`);
if (failed.some((result) => result.name === 'hostile inputs')) {
  log(
    `Replay the hostile inputs with: TORTURE_ONLY=fuzz TORTURE_FUZZ=${fuzzCount} TORTURE_SEED=${seed} npm run torture`,
  );
}
if (failed.length) process.exitCode = 1;
else log('All guarantees held.');
