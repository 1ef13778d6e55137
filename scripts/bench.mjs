// `npm run bench`: times whole processes of the built binary on generated journals, each run paired
// with `node -e 0` so the ratios hold on a busy or slow machine, times Taskwarrior on the same counts
// beside it when `task` is installed, and checks every target in TARGETS.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { findTaskwarrior, INSTALL_HINT, peakRssKb, taskwarriorFor } from './bench-taskwarrior.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin', 'mentee.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const NOW = '2026-11-25T09:00:00Z';
// Peak memory, in KB, written as the process exits. On Linux, getrusage's maxRSS keeps the high-water mark of
// the process that forked it (the bench, holding the journals it built: about 140 MB), so it reads
// /proc/self/status's VmHWM, which counts this program alone; maxRSS elsewhere. (A data: URL: no ? or #.)
const RSS_PROBE =
  "data:text/javascript,import{existsSync,readFileSync,writeFileSync}from'node:fs';process.on('exit',()=>{const s='/proc/self/status',hwm=existsSync(s)&&/VmHWM:\\s*(\\d+)/.exec(readFileSync(s,'utf8'));writeFileSync(process.env.BENCH_RSS_FILE,(hwm&&hwm[1])||String(process.resourceUsage().maxRSS))})";
/** The one action both tools add, run after run. */
const NEW_ACTION = 'Draft a personal statement';
const MB = 1024 * 1024;
/** A ratio target of "no slower than Taskwarrior on the same work". */
const TASKWARRIOR = 'Taskwarrior';

/**
 * Every target, once. Those marked issue16 are the table of issue 16 ("Instant at any size"), with the
 * Taskwarrior row beside mentee's where it names one; the others still hold from earlier issues. A target
 * bounds the median ratio to `node -e 0` (ratio), the median time (ms), the peak memory (rssMb) of a row, or
 * the size of a journal on disk (bytes).
 */
const TARGETS = [
  {
    issue16: true,
    work: 'list open actions, 3,000 actions / 600 meetings',
    row: 'actions M',
    taskwarrior: 'task list M',
    ratio: 1.5,
  },
  { issue16: true, work: 'status, same journal', row: 'status M', ratio: 1.5 },
  { issue16: true, work: 'add one action, same journal', row: 'add M', taskwarrior: 'task add M', ratio: 2 },
  {
    issue16: true,
    work: 'list open actions, 30,000 actions',
    row: 'actions L',
    taskwarrior: 'task list L',
    ratio: TASKWARRIOR,
  },
  { issue16: true, work: 'add one action, 30,000 actions', row: 'add L', taskwarrior: 'task add L', ratio: 4 },
  {
    issue16: true,
    work: 'peak memory listing 30,000 actions',
    row: 'actions L',
    taskwarrior: 'task list L',
    rssMb: 150,
  },
  { issue16: true, work: '`export --all --format html`, 6,000 meetings', row: 'export-all L', ms: 1000, rssMb: 300 },
  { issue16: true, work: '`search "research interview"`, 3,000 actions', row: 'search M', ratio: 2 },
  // A TAB that lists ids reads the journal; issue 14 asks it to be as quick as --version.
  { issue16: true, work: 'one completion TAB (`done <TAB>`), 3,000 actions', row: 'complete M', ratio: 1.3 },
  { work: '`--version`', row: 'version', ratio: 1.3 },
  { work: '`--help`', row: 'help', ratio: 1.3 },
  { work: 'one write (`done a12`), 3,000 actions', row: 'write M', ratio: 2.5 },
  { work: 'status, 30,000 actions', row: 'status L', ms: 1000, rssMb: 300 },
  { work: 'list open actions, 30,000 actions', row: 'actions L', ms: 1000 },
  { work: 'search, 30,000 actions', row: 'search L', ms: 1000, rssMb: 300 },
  { work: 'tags, 30,000 actions', row: 'tags L', ms: 1000, rssMb: 300 },
  { work: 'one completion TAB, 30,000 actions', row: 'complete L', ms: 1000, rssMb: 300 },
  { work: '`export --since`, 30,000 actions', row: 'export L', ms: 1000, rssMb: 300 },
  { work: 'one write (`done a12`), 30,000 actions', row: 'write L', ms: 1000, rssMb: 300 },
  { work: 'journal M on disk', journal: 'M', bytes: 3 * MB },
];

const work = await mkdtemp(join(tmpdir(), 'mentee-bench-'));
try {
  const generator = await loadGenerator(work);
  const taskwarrior = await findTaskwarrior(work);
  const journals = {};
  const taskData = {};
  for (const size of generator.SIZES) {
    const path = join(work, `${size.name}.json`);
    const started = performance.now();
    await generator.writeJournal(path, generator.buildJournal(size));
    journals[size.name] = { path, bytes: (await stat(path)).size, generatedMs: performance.now() - started };
    process.stderr.write(
      `generated ${size.name}: ${kb(journals[size.name].bytes)} in ${Math.round(journals[size.name].generatedMs)} ms\n`,
    );
    // Issue 16 compares on M and L, from the journals as generated (before the writes below).
    if (taskwarrior && size.name !== 'S') {
      const imported = performance.now();
      taskData[size.name] = await taskwarriorFor(taskwarrior, path, join(work, `task-${size.name}`));
      process.stderr.write(
        `Taskwarrior ${size.name}: ${size.actions} tasks imported in ${Math.round(performance.now() - imported)} ms\n`,
      );
    }
  }

  const rows = [];
  const taskRows = [];
  rows.push(measure('version', mentee(['--version'], journals.S.path)));
  rows.push(measure('help', mentee(['--help'], journals.S.path)));
  for (const name of ['S', 'M', 'L']) {
    const { path } = journals[name];
    rows.push(measure(`status ${name}`, mentee(['status'], path)));
    rows.push(measure(`actions ${name}`, mentee(['actions'], path)));
    if (taskData[name]) taskRows.push(measure(`task list ${name}`, task(['list'], taskData[name])));
    rows.push(measure(`search ${name}`, mentee(['search', 'research interview'], path)));
    rows.push(measure(`tags ${name}`, mentee(['tags'], path)));
    // What `mentee done <TAB>` asks: the open actions' ids with their titles.
    rows.push(measure(`complete ${name}`, mentee(['__complete', 'done', ''], path)));
    rows.push(measure(`export ${name}`, mentee(['export', '--since', '2026-01-01'], path)));
    rows.push(measure(`export-all ${name}`, mentee(['export', '--all', '--format', 'html'], path)));
    const open = openActionIds(path);
    let next = 0;
    const doneNext = () => ['done', open[next++ % open.length]];
    rows.push(measure(`write ${name}`, mentee(doneNext, path)));
    // Last on its journal, as each run adds an action (17 in all); Taskwarrior's adds accumulate alike.
    rows.push(measure(`add ${name}`, mentee(['action', 'add', NEW_ACTION], path)));
    if (taskData[name]) taskRows.push(measure(`task add ${name}`, task(['add', NEW_ACTION], taskData[name])));
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
    openShare: generator.OPEN_SHARE,
    commands: rows,
    taskwarrior: taskwarrior
      ? { version: taskwarrior.version, commands: taskRows }
      : { version: null, install: INSTALL_HINT },
    targets: checkTargets([...rows, ...taskRows], journals),
  };
  printTables(report);
  const results = join(ROOT, 'bench', 'results');
  await mkdir(results, { recursive: true });
  const commit = gitCommit();
  for (const name of ['latest.json', `${commit}.json`])
    await writeFile(join(results, name), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nWrote bench/results/latest.json and bench/results/${commit}.json\n`);
  // The figures are the result; BENCH_STRICT=1 turns a missed target into a failing exit code.
  if (process.env.BENCH_STRICT === '1' && report.targets.some((target) => target.met === false)) process.exitCode = 1;
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

/** A mentee command on a journal; its peak memory read by the RSS probe inside the process. */
function mentee(args, journal) {
  const argsFor = typeof args === 'function' ? args : () => args;
  const env = { MENTEE_JOURNAL: journal, MENTEE_NOW: NOW, NO_COLOR: '1' };
  return {
    command: process.execPath,
    args: () => [BIN, ...argsFor()],
    env,
    peakRssKb: () => {
      const file = join(work, 'rss');
      run(process.execPath, ['--import', RSS_PROBE, BIN, ...argsFor()], { ...env, BENCH_RSS_FILE: file });
      return Number(readFileSync(file, 'utf8'));
    },
  };
}

/** A Taskwarrior command on its own TASKRC and TASKDATA. */
function task(args, env) {
  return { command: 'task', args: () => args, env, peakRssKb: () => peakRssKb('task', args, env) };
}

function run(command, args, env = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
  return ms;
}

/** Median time and median ratio to `node -e 0`, run pair by pair; then one run for peak memory. */
function measure(label, subject) {
  run(subject.command, subject.args(), subject.env); // warm the file cache
  const times = [];
  const ratios = [];
  for (let index = 0; index < RUNS; index++) {
    const baseline = run(process.execPath, ['-e', '0']);
    const ms = run(subject.command, subject.args(), subject.env);
    times.push(ms);
    ratios.push(ms / baseline);
  }
  const rssKb = subject.peakRssKb();
  const row = {
    label,
    medianMs: round(median(times)),
    ratio: round(median(ratios), 2),
    peakRssMb: rssKb === null ? null : round(rssKb / 1024, 1),
  };
  process.stderr.write(`${label.padEnd(13)} ${String(row.medianMs).padStart(6)} ms  ×${row.ratio}\n`);
  return row;
}

function openActionIds(journal) {
  const out = execFileSync(process.execPath, [BIN, 'actions', '--json'], {
    env: { ...process.env, MENTEE_JOURNAL: journal, MENTEE_NOW: NOW },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out).actions.map((action) => action.id);
}

/** Each target with mentee's figure, Taskwarrior's beside it where it has one, and whether it is met. */
function checkTargets(rows, journals) {
  const byLabel = Object.fromEntries(rows.map((row) => [row.label, row]));
  return TARGETS.map((target) => {
    const checked = { issue16: target.issue16 === true, work: target.work, target: limitText(target) };
    if (target.bytes !== undefined) {
      const { bytes } = journals[target.journal];
      return { ...checked, mentee: kb(bytes), taskwarrior: '', met: bytes < target.bytes };
    }
    const row = byLabel[target.row];
    const reference = byLabel[target.taskwarrior];
    const checks = [];
    if (target.ratio === TASKWARRIOR) checks.push(reference ? row.ratio <= reference.ratio : null);
    else if (target.ratio !== undefined) checks.push(row.ratio <= target.ratio);
    if (target.ms !== undefined) checks.push(row.medianMs < target.ms);
    if (target.rssMb !== undefined) checks.push(row.peakRssMb < target.rssMb);
    return {
      ...checked,
      mentee: figure(row, target),
      taskwarrior: !target.taskwarrior ? '' : reference ? figure(reference, target) : '–',
      // null: the target is Taskwarrior's own figure, and Taskwarrior is not installed.
      met: checks.includes(false) ? false : checks.includes(null) ? null : true,
    };
  });
}

function limitText(target) {
  const limits = [];
  if (target.ratio === TASKWARRIOR) limits.push("≤ Taskwarrior's");
  else if (target.ratio !== undefined) limits.push(`≤ ${target.ratio}×`);
  if (target.ms !== undefined) limits.push(`< ${target.ms / 1000} s`);
  if (target.rssMb !== undefined) limits.push(`< ${target.rssMb} MB`);
  if (target.bytes !== undefined) limits.push(`< ${target.bytes / MB} MB`);
  return limits.join(', ');
}

/** A row's figures that its target bounds. */
function figure(row, target) {
  const figures = [];
  if (target.ratio !== undefined) figures.push(`${row.ratio}×`);
  if (target.ms !== undefined) figures.push(`${row.medianMs} ms`);
  if (target.rssMb !== undefined) figures.push(row.peakRssMb === null ? '–' : `${row.peakRssMb} MB`);
  return figures.join(', ');
}

function printTables(report) {
  const { machine, runs, journals, taskwarrior } = report;
  const commandRow = (row) =>
    `${row.label.padEnd(14)}${`${row.medianMs} ms`.padStart(9)}${`${row.ratio}×`.padStart(9)}${(row.peakRssMb === null ? '–' : `${row.peakRssMb} MB`).padStart(11)}`;
  const met = (target) => (target.met ? 'yes' : target.met === false ? 'NO' : 'cannot check: no Taskwarrior');
  const lines = [
    `mentee benchmark: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; median of ${runs} runs, each paired with node -e 0`,
    `journals: S ${kb(journals.S.bytes)}, M ${kb(journals.M.bytes)}, L ${kb(journals.L.bytes)}; ${report.openShare * 100}% of actions open in M and L`,
    taskwarrior.version
      ? `Taskwarrior ${taskwarrior.version} on the same actions of M and L (one \`task import\` each; its own TASKRC and TASKDATA)`
      : taskwarrior.install,
    '',
    `${'command'.padEnd(14)}${'median'.padStart(9)}${'× node'.padStart(9)}${'peak RSS'.padStart(11)}`,
    ...report.commands.map(commandRow),
    ...(taskwarrior.version ? ['', ...taskwarrior.commands.map(commandRow)] : []),
    '',
    'Issue 16, instant at any size: each ratio the median of ratios to node -e 0, run by run',
    '',
    ...markdownTable(
      ['work', 'mentee', 'Taskwarrior', 'target', 'met?'],
      report.targets
        .filter((target) => target.issue16)
        .map((target) => [target.work, target.mentee, target.taskwarrior, target.target, met(target)]),
    ),
    '',
    'Other targets still held',
    '',
    ...markdownTable(
      ['work', 'mentee', 'target', 'met?'],
      report.targets
        .filter((target) => !target.issue16)
        .map((target) => [target.work, target.mentee, target.target, met(target)]),
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** A Markdown table padded to line up in a terminal too. */
function markdownTable(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
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
