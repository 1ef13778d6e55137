// `npm run bench`: times whole processes of the built binary on generated journals, each run paired
// with `node -e 0` so the ratios hold on a busy or slow machine, and checks the targets of issue 6.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'mentee.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
// Peak memory, in KB, written as the process exits. On Linux, getrusage's maxRSS keeps the high-water mark of
// the process that forked it (the bench, holding the journals it built: about 140 MB), so it reads
// /proc/self/status's VmHWM, which counts this program alone; maxRSS elsewhere. (A data: URL: no ? or #.)
const RSS_PROBE =
  "data:text/javascript,import{existsSync,readFileSync,writeFileSync}from'node:fs';process.on('exit',()=>{const s='/proc/self/status',hwm=existsSync(s)&&/VmHWM:\\s*(\\d+)/.exec(readFileSync(s,'utf8'));writeFileSync(process.env.BENCH_RSS_FILE,(hwm&&hwm[1])||String(process.resourceUsage().maxRSS))})";

const TARGETS = {
  version: { ratio: 1.3 },
  help: { ratio: 1.3 },
  'status M': { ratio: 1.8 },
  'actions M': { ratio: 1.8 },
  'search M': { ratio: 2 },
  // A TAB that lists ids reads the journal; issue 14 asks it to be as quick as --version.
  'complete M': { ratio: 1.3 },
  'write M': { ratio: 2.5 },
};
const L_LIMIT_MS = 1000;
const L_LIMIT_RSS_MB = 300;
const M_LIMIT_BYTES = 3 * 1024 * 1024;

const work = await mkdtemp(join(tmpdir(), 'mentee-bench-'));
try {
  const generator = await loadGenerator(work);
  const rows = [];
  const journals = {};
  for (const size of generator.SIZES) {
    const path = join(work, `${size.name}.json`);
    const started = performance.now();
    await generator.writeJournal(path, generator.buildJournal(size));
    journals[size.name] = { path, bytes: (await stat(path)).size, generatedMs: performance.now() - started };
    process.stderr.write(
      `generated ${size.name}: ${kb(journals[size.name].bytes)} in ${Math.round(journals[size.name].generatedMs)} ms\n`,
    );
  }

  rows.push(measure('version', ['--version'], journals.S.path));
  rows.push(measure('help', ['--help'], journals.S.path));
  for (const name of ['S', 'M', 'L']) {
    const { path } = journals[name];
    rows.push(measure(`status ${name}`, ['status'], path));
    rows.push(measure(`actions ${name}`, ['actions'], path));
    rows.push(measure(`search ${name}`, ['search', 'research interview'], path));
    rows.push(measure(`tags ${name}`, ['tags'], path));
    // What `mentee done <TAB>` asks: the open actions' ids with their titles.
    rows.push(measure(`complete ${name}`, ['__complete', 'done', ''], path));
    rows.push(measure(`export ${name}`, ['export', '--since', '2026-01-01'], path));
    rows.push(measure(`export-all ${name}`, ['export', '--all', '--format', 'html'], path));
    const open = openActionIds(path);
    let next = 0;
    rows.push(measure(`write ${name}`, () => ['done', open[next++ % open.length]], path));
  }

  const report = {
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      platform: process.platform,
    },
    runs: RUNS,
    journals: Object.fromEntries(Object.entries(journals).map(([name, { bytes }]) => [name, { bytes }])),
    commands: rows,
    targets: checkTargets(rows, journals),
  };
  printTable(report);
  const results = join(ROOT, 'bench', 'results');
  await mkdir(results, { recursive: true });
  const commit = gitCommit();
  for (const name of ['latest.json', `${commit}.json`])
    await writeFile(join(results, name), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nWrote bench/results/latest.json and bench/results/${commit}.json\n`);
  // The figures are the result; BENCH_STRICT=1 turns a missed target into a failing exit code.
  if (process.env.BENCH_STRICT === '1' && !report.targets.every((target) => target.met)) process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
}

/** The generator is TypeScript that uses mentee's own core and store: bundle it once for this run. */
async function loadGenerator(folder) {
  const outfile = join(folder, 'generate.mjs');
  await build({
    entryPoints: [join(ROOT, 'bench', 'generate.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

function run(args, journal, extraNodeArgs = [], env = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...extraNodeArgs, ...args], {
    env: { ...process.env, MENTEE_JOURNAL: journal, MENTEE_NOW: '2026-11-25T09:00:00Z', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`mentee ${args.slice(1).join(' ')} failed: ${result.stderr}`);
  return ms;
}

/** Median time and median ratio to `node -e 0`, run pair by pair; then one run for peak memory. */
function measure(label, args, journal) {
  const argsFor = typeof args === 'function' ? args : () => args;
  run([BIN, ...argsFor()], journal); // warm the file cache
  const times = [];
  const ratios = [];
  for (let index = 0; index < RUNS; index++) {
    const baseline = run(['-e', '0'], journal);
    const ms = run([BIN, ...argsFor()], journal);
    times.push(ms);
    ratios.push(ms / baseline);
  }
  const rssFile = join(work, 'rss');
  run([BIN, ...argsFor()], journal, ['--import', RSS_PROBE], { BENCH_RSS_FILE: rssFile });
  const rssKb = Number(readFileSync(rssFile, 'utf8'));
  const row = {
    label,
    medianMs: round(median(times)),
    ratio: round(median(ratios), 2),
    peakRssMb: round(rssKb / 1024, 1),
  };
  process.stderr.write(`${label.padEnd(13)} ${String(row.medianMs).padStart(6)} ms  ×${row.ratio}\n`);
  return row;
}

function openActionIds(journal) {
  const out = execFileSync(process.execPath, [BIN, 'actions', '--json'], {
    env: { ...process.env, MENTEE_JOURNAL: journal, MENTEE_NOW: '2026-11-25T09:00:00Z' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out).actions.map((action) => action.id);
}

function checkTargets(rows, journals) {
  const byLabel = Object.fromEntries(rows.map((row) => [row.label, row]));
  const targets = Object.entries(TARGETS).map(([label, { ratio }]) => ({
    what: `${label}: ≤ ${ratio}× node -e 0`,
    measured: `${byLabel[label].ratio}×`,
    met: byLabel[label].ratio <= ratio,
  }));
  for (const row of rows.filter((candidate) => candidate.label.endsWith(' L'))) {
    targets.push({
      what: `${row.label}: < ${L_LIMIT_MS} ms and < ${L_LIMIT_RSS_MB} MB`,
      measured: `${row.medianMs} ms, ${row.peakRssMb} MB`,
      met: row.medianMs < L_LIMIT_MS && row.peakRssMb < L_LIMIT_RSS_MB,
    });
  }
  targets.push({
    what: 'journal M on disk: < 3 MB',
    measured: kb(journals.M.bytes),
    met: journals.M.bytes < M_LIMIT_BYTES,
  });
  return targets;
}

function printTable(report) {
  const { machine, runs, journals } = report;
  const lines = [
    `mentee benchmark: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; median of ${runs} runs, each paired with node -e 0`,
    `journals: S ${kb(journals.S.bytes)}, M ${kb(journals.M.bytes)}, L ${kb(journals.L.bytes)}`,
    '',
    `${'command'.padEnd(14)}${'median'.padStart(9)}${'× node'.padStart(9)}${'peak RSS'.padStart(11)}`,
    ...report.commands.map(
      (row) =>
        `${row.label.padEnd(14)}${`${row.medianMs} ms`.padStart(9)}${`${row.ratio}×`.padStart(9)}${`${row.peakRssMb} MB`.padStart(11)}`,
    ),
    '',
    'targets:',
    ...report.targets.map(
      (target) => `  ${target.met ? 'met   ' : 'MISSED'}  ${target.what.padEnd(42)} ${target.measured}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value, digits = 0) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function kb(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${Math.round(bytes / 1024)} KB`;
}
