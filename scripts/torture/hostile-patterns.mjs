// Trial: hostile patterns in identifiers.json never hang mentee, and an NHS number is caught however
// it is written and whichever way it comes in.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasStackTrace, runMentee, seconds } from './run.mjs';

/** Patterns that make a backtracking engine take exponential (or high polynomial) time. */
const CATASTROPHIC = [
  '(a+)+$',
  '(a|aa)+$',
  '(a|a?)+$',
  '(.*a){20}',
  '(a*)*b',
  '((a+)+)+c',
  '(\\w+\\s?)+$',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '(x+x+)+y',
];
/** Catastrophic too, and beyond RE2: each must be refused with one clear line. */
const BEYOND_RE2 = ['(a+)+\\1$', '(?=(a+))+b', '(?!x)(a|aa)+$'];

const TEXTS = (n) => [`${'a'.repeat(n)}!`, `${'a '.repeat(n / 2)}!`];

function nhsNumber(random) {
  for (;;) {
    const digits = Array.from({ length: 9 }, () => Math.floor(random() * 10));
    const sum = digits.reduce((total, digit, index) => total + digit * (10 - index), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return [...digits, check === 11 ? 0 : check].join('');
  }
}

const SEPARATORS = ['', ' ', '-', '.', '/', ' - ', ' / ', '. ', '\u2013', '\u00a0', '\u2009', '\t', '--'];

/** A small seeded random source, so a failure can be run again (TORTURE_SEED). */
function seeded(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

async function pool(jobs, width) {
  const results = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await jobs[index]();
      }
    }),
  );
  return results;
}

export async function hostilePatternsTrial({ dir, length = 40, numbers = 22, seed = 12, budgetMs = 5000 }) {
  const random = seeded(seed);
  const problems = [];
  let slowest = 0;
  let runs = 0;
  /** The slowest run with no pattern of the user's, for comparison on a busy machine. */
  let slowestPlain = 0;
  const started = performance.now();
  const run = async (args, options) => {
    const result = await runMentee(args, { ...options, timeoutMs: budgetMs });
    runs++;
    slowest = Math.max(slowest, result.ms);
    if (result.timedOut) problems.push(`mentee ${args.join(' ').slice(0, 60)} took over ${seconds(budgetMs)}: killed`);
    if (hasStackTrace(result.stderr)) problems.push(`mentee ${args[0]} printed a stack trace`);
    return result;
  };

  // 1. Each hostile pattern alone in identifiers.json, against adversarial texts, through several commands.
  const patternJobs = [];
  let refusedWell = 0;
  for (const [index, pattern] of [...CATASTROPHIC, ...BEYOND_RE2].entries()) {
    const home = join(dir, `p${index}`);
    const journal = join(home, 'journal.json');
    await mkdir(join(home, 'config', 'mentee'), { recursive: true });
    await writeFile(
      join(home, 'config', 'mentee', 'identifiers.json'),
      JSON.stringify({ patterns: [{ name: 'a hostile pattern', pattern }] }),
    );
    await run(['--allow-identifiers', 'mentor', 'add', 'Dr Ada Lovelace'], { journal, home });
    const beyond = BEYOND_RE2.includes(pattern);
    for (const text of TEXTS(length)) {
      for (const args of [
        ['goal', 'add', text],
        ['action', 'add', 'Read', '--note', text],
      ]) {
        patternJobs.push(async () => {
          const result = await run(args, { journal, home });
          if (result.timedOut) return;
          const lines = result.stderr.trim().split('\n').filter(Boolean);
          const said = lines.some((line) => line.includes('a hostile pattern') && line.includes('it is not used'));
          if (beyond) {
            if (said) refusedWell++;
            else
              problems.push(`${pattern} was not refused with a clear line: ${result.stderr.trim() || 'nothing said'}`);
          }
          if (![0, 2].includes(result.code)) problems.push(`${pattern} × ${args[0]}: exit ${result.code}: ${lines[0]}`);
        });
      }
    }
  }
  await pool(patternJobs, 2);

  // 2. Random NHS numbers, random separators, random ways in: every one must be caught.
  const home = join(dir, 'nhs');
  const journal = join(home, 'journal.json');
  await mkdir(join(home, 'config', 'mentee', 'templates', 'prep'), { recursive: true });
  await run(['mentor', 'add', 'Dr Ada Lovelace'], { journal, home });
  await run(['action', 'add', 'Email the lead'], { journal, home });
  await run(['goal', 'add', 'Pass the exam'], { journal, home });
  const ways = [
    (text) => ['goal', 'add', text],
    (text) => ['goal', 'add', 'Audit', '--why', text],
    (text) => ['action', 'add', text],
    (text) => ['action', 'add', 'Read', '--note', text],
    (text) => ['mentor', 'add', 'Dr Grace Hopper', '--role', text],
    (text) => ['mentor', 'edit', 'lovelace', '--contact', `phone:${text}`],
    (text) => ['prep', '--when', '2026-12-03 17:30', '--intention', text],
    (text) => ['prep', '--when', '2026-12-03 17:30', '--topic', `${text}:10`],
    (text) => ['log', '--when', '2026-11-20 17:00', '--private', text, '--yes'],
    async (text, n) => {
      const file = join(home, 'config', 'mentee', 'templates', 'prep', `t${n}.json`);
      const template = {
        name: `t${n}`,
        description: 'x',
        defaultMinutes: 30,
        topics: [{ title: text }],
        prompts: ['?'],
      };
      await writeFile(file, JSON.stringify(template));
      return ['prep', '--when', '2026-12-03 17:30', '--template', `t${n}`];
    },
    async (text, n) => {
      const editor = join(home, `editor${n}.mjs`);
      await writeFile(
        editor,
        `import { readFileSync, writeFileSync } from 'node:fs';\nconst f = process.argv[2];\n` +
          `writeFileSync(f, readFileSync(f, 'utf8').replace(/^title: .*$/m, ${JSON.stringify(`title: ${text}`)}));\n`,
      );
      return { args: ['edit', 'a1'], editor: `node ${editor}` };
    },
  ];
  let missed = 0;
  const missedExamples = [];
  const numberJobs = Array.from({ length: numbers }, (_, n) => async () => {
    const digits = nhsNumber(random);
    const sep = () => SEPARATORS[Math.floor(random() * SEPARATORS.length)];
    const written = `${digits.slice(0, 3)}${sep()}${digits.slice(3, 6)}${sep()}${digits.slice(6)}`;
    const way = ways[n % ways.length];
    const made = await way(`Seen ${written} on the ward`, n);
    const { args, editor } = Array.isArray(made) ? { args: made } : made;
    const result = editor ? await runEditor(run, args, { journal, home, editor }) : await run(args, { journal, home });
    slowestPlain = Math.max(slowestPlain, result.ms);
    if (result.code !== 2 || !result.stderr.includes('looks like it contains an NHS number')) {
      missed++;
      if (missedExamples.length < 3)
        missedExamples.push(
          `${JSON.stringify(written)} via mentee ${args.join(' ').slice(0, 50)}: exit ${result.code}`,
        );
    }
  });
  // One at a time: these share a journal, and a run caught must leave it as it was for the next.
  await pool(numberJobs, 1);
  problems.push(...missedExamples.map((line) => `not caught: ${line}`));

  const patterns = CATASTROPHIC.length + BEYOND_RE2.length;
  const ms = performance.now() - started;
  return {
    name: 'hostile patterns',
    line:
      `${patterns} hostile patterns × ${TEXTS(length).length} texts × 2 commands, ${numbers} NHS numbers in random ` +
      `separators through ${ways.length} ways in: ${runs} runs, slowest ${seconds(slowest)} ` +
      `(${seconds(slowestPlain)} without patterns), ` +
      `${refusedWell} refusals of patterns beyond RE2, ${missed} identifiers missed, in ${seconds(ms)}`,
    problems,
    figures: {
      patterns,
      runs,
      slowestMs: Math.round(slowest),
      slowestPlainMs: Math.round(slowestPlain),
      missed,
      refusedWell,
      ms,
    },
  };
}

/** `mentee edit` with an editor that writes the text in: EDITOR is read from the environment of the run. */
async function runEditor(run, args, { journal, home, editor }) {
  const previous = { EDITOR: process.env.EDITOR, VISUAL: process.env.VISUAL };
  process.env.EDITOR = editor;
  delete process.env.VISUAL;
  try {
    return await run(args, { journal, home });
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
