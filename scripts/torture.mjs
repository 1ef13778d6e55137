// `npm run torture`: proves the store's guarantees on the built binary (run `node scripts/build.mjs` first).
// Each trial is a file in scripts/torture/trials/, run in the order of their names; each says what it
// proves, reads its own sizes from the environment (see each file) and may say it was skipped and why
// (e.g. a trial that needs root to mount a small disk). TORTURE_ONLY=writers,kills,… runs only those.
// Exit code 1 when a guarantee failed.
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { killAll, ROOT, seconds } from './torture/run.mjs';
import { makeSampleJournal } from './torture/sample.mjs';

const env = process.env;
const only = env.TORTURE_ONLY?.split(',');

if (!existsSync(join(ROOT, 'dist', 'mentee.cjs'))) {
  console.error('torture: no build found; run `node scripts/build.mjs` first (npm run torture does).');
  process.exit(1);
}

const folder = join(ROOT, 'scripts', 'torture', 'trials');
const files = (await readdir(folder)).filter((name) => name.endsWith('.mjs')).sort();
const trials = [];
for (const file of files) {
  const trial = (await import(pathToFileURL(join(folder, file)).href)).default;
  if (!only || only.includes(trial.key)) trials.push({ ...trial, options: trial.options(env) });
}
if (only && trials.length !== only.length) {
  const known = await Promise.all(
    files.map(async (file) => (await import(pathToFileURL(join(folder, file)).href)).default.key),
  );
  console.error(`torture: TORTURE_ONLY names no trial in: ${known.join(', ')}`);
  process.exit(1);
}

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
log(`mentee torture: ${trials.map((trial) => trial.size(trial.options)).join(', ')}`);
try {
  const sample = await makeSampleJournal(join(root, 'sample'));
  for (const trial of trials) {
    const dir = join(root, trial.key);
    await mkdir(dir, { recursive: true });
    const result = await trial.run({ ...trial.options, dir, sample, log }).catch((error) => ({
      name: trial.name,
      line: `${trial.name}: the trial itself failed`,
      problems: [error.stack ?? String(error)],
    }));
    results.push({ trial, result });
    const verdict = result.skipped ? 'skip' : result.problems.length ? 'FAIL' : 'ok  ';
    log(`${verdict} ${result.line}`);
    const notes = [...(result.skipped ?? []), ...(result.notes ?? [])];
    for (const note of notes.slice(0, 5)) log(`     note: ${note}`);
    if (notes.length > 5) log(`     …and ${notes.length - 5} more notes like these`);
    for (const problem of result.problems.slice(0, 20)) log(`     ${problem}`);
    if (result.problems.length > 20) log(`     …and ${result.problems.length - 20} more`);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}

const summary = results
  .filter(({ result }) => result.figures)
  .map(({ trial, result }) => trial.summary(result.figures));
log('');
log(`${summary.join('; ')} (${seconds(performance.now() - started)})`);
const skipped = results.filter(({ result }) => result.skipped?.length);
for (const { trial, result } of skipped) log(`Skipped in part: ${trial.name}: ${result.skipped.join('; ')}`);
const failed = results.filter(({ result }) => result.problems.length);
for (const { trial } of failed) {
  log(`FAILED: ${trial.guarantee}`);
  if (trial.replay) log(`Replay with: ${trial.replay(trial.options)}`);
}
if (failed.length) process.exitCode = 1;
else log('All guarantees held.');
