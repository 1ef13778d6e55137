// Odd paths: the journal, the config folder, prep templates, identifiers.json and export layouts
// pointed at pipes, devices, folders, loops of links, dangling links, another user's file, a path too
// long, a disk error; long colon-laden --action specs; layouts that loop. Every run must end within
// its budget with one clear line and a non-zero exit (or succeed where that is right), no stack trace,
// and a looping layout must stay small in memory.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { otherUser } from './machine.mjs';
import { hasStackTrace, inParallel, runMentee } from './run.mjs';

const QUICK_MS = 5_000;
/** A looping layout runs until liquidjs's 20 s render limit at worst. */
const LAYOUT_MS = 30_000;
const MAX_RSS_MB = 300;
const REASON =
  /named pipe|device|folder|loop of symbolic links|is a file, not a folder|too long|input\/output error|permission denied|stopped at line|as a due date|must give|no title/;

export async function oddPathsTrial({ dir, sample }) {
  const cases = [];
  const skipped = [];
  const home = (name) => {
    const folder = join(dir, name);
    mkdirSync(join(folder, 'config', 'mentee'), { recursive: true });
    return folder;
  };
  const withSample = (folder) => {
    const journal = join(folder, 'journal.json');
    writeFileSync(journal, sample);
    return journal;
  };
  const fifo = (path) => execFileSync('mkfifo', [path]);

  // The journal itself.
  const spots = join(dir, 'spots');
  mkdirSync(spots, { recursive: true });
  fifo(join(spots, 'fifo.json'));
  mkdirSync(join(spots, 'folder.json'));
  symlinkSync(join(spots, 'loop-b.json'), join(spots, 'loop-a.json'));
  symlinkSync(join(spots, 'loop-a.json'), join(spots, 'loop-b.json'));
  writeFileSync(join(spots, 'plain'), 'a file');
  const journals = {
    'a FIFO': join(spots, 'fifo.json'),
    '/dev/zero': '/dev/zero',
    '/dev/null': '/dev/null',
    '/dev/urandom': '/dev/urandom',
    'a folder': join(spots, 'folder.json'),
    'a symlink loop': join(spots, 'loop-a.json'),
    'a file in the path': join(spots, 'plain', 'journal.json'),
    'a path too long': join(spots, 'x'.repeat(300), 'journal.json'),
    'a disk error (EIO)': '/proc/self/mem',
  };
  const journalCommands = [['status'], ['goal', 'add', 'Apply for ST1'], ['doctor']];
  for (const [what, journal] of Object.entries(journals))
    for (const args of what === 'a FIFO'
      ? [...journalCommands, ['export', '--all'], ['undo'], ['encrypt']]
      : journalCommands)
      cases.push({ name: `journal is ${what}: ${args[0]}`, args, journal, fails: true });

  // A dangling link: a new journal where it points (a link made before its target exists is allowed).
  const dangling = join(spots, 'dangling.json');
  symlinkSync(join(spots, 'not-yet', 'journal.json'), dangling);
  cases.push({ name: 'journal is a dangling link: status', args: ['status'], journal: dangling, fails: false });

  // Another user's journal, read as them.
  const user = otherUser();
  if (user.skipped) skipped.push(`an unreadable journal needs a second user: ${user.skipped}`);
  else {
    const theirs = join(dir, 'theirs');
    mkdirSync(theirs, { recursive: true });
    // They may pass through the trial's folders (not list them), so that the file itself is what stops them.
    chmodSync(dirname(dir), 0o711);
    chmodSync(dir, 0o711);
    chmodSync(theirs, 0o755);
    const journal = withSample(theirs);
    chmodSync(journal, 0o600);
    for (const args of [['status'], ['goal', 'add', 'Apply for ST1']])
      cases.push({ name: `journal unreadable to its user: ${args[0]}`, args, journal, fails: true, as: user });
  }

  // The config folder: prep templates and identifiers.json.
  const odd = {
    'a FIFO': (path) => fifo(path),
    '/dev/zero': (path) => symlinkSync('/dev/zero', path),
    '/dev/urandom': (path) => symlinkSync('/dev/urandom', path),
    'a folder': (path) => mkdirSync(path),
    'a symlink loop': (path) => (symlinkSync(`${path}.b`, path), symlinkSync(path, `${path}.b`)),
  };
  for (const [what, make] of Object.entries(odd)) {
    const folder = home(`config-${what.replace(/\W/g, '')}`);
    const journal = withSample(folder);
    mkdirSync(join(folder, 'config', 'mentee', 'templates', 'prep'), { recursive: true });
    make(join(folder, 'config', 'mentee', 'templates', 'prep', 'odd.json'));
    make(join(folder, 'config', 'mentee', 'identifiers.json'));
    for (const args of [
      ['templates'],
      ['goal', 'add', 'Apply for ST1'],
      ['prep', '--mentor', 'lovelace', '--when', '2026-12-10 17:30'],
    ])
      cases.push({
        name: `template and identifiers.json are ${what}: ${args[0]}`,
        args,
        journal,
        home: folder,
        fails: false,
      });
  }
  for (const [what, target] of Object.entries({ 'a FIFO': 'fifo', '/dev/null': '/dev/null' })) {
    const folder = home(`xdg-${target.replace(/\W/g, '')}`);
    const journal = withSample(folder);
    rmSync(join(folder, 'config'), { recursive: true });
    if (target === 'fifo') fifo(join(folder, 'config'));
    else symlinkSync(target, join(folder, 'config'));
    cases.push({
      name: `the config folder is ${what}: templates`,
      args: ['templates'],
      journal,
      home: folder,
      fails: false,
    });
  }

  // Export layouts: odd files, and layouts that loop.
  const layouts = {
    'a FIFO': { make: (path) => fifo(path), fails: true },
    'a folder': { make: (path) => mkdirSync(path), fails: true },
    'a huge range': { text: '{% for i in (1..100000000) %}{{ meeting.mentor.name }}{% endfor %}', fails: true },
    'a string doubled': {
      text: '{% assign s = "xxxxxxxxxx" %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
      fails: true,
    },
    'loops in loops writing': {
      text: `{% for i in (1..100000) %}{% for j in (1..1000) %}{{ meeting.mentor.name }}${'x'.repeat(1000)}{% endfor %}{% endfor %}`,
      fails: true,
    },
  };
  for (const [what, layout] of Object.entries(layouts)) {
    const folder = home(`layout-${what.replace(/\W/g, '')}`);
    const journal = withSample(folder);
    const file = join(folder, 'config', 'mentee', 'templates', 'export', 'meeting.md.liquid');
    mkdirSync(join(folder, 'config', 'mentee', 'templates', 'export'), { recursive: true });
    if (layout.make) layout.make(file);
    else writeFileSync(file, layout.text);
    cases.push({
      name: `the meeting layout is ${what}: export`,
      args: ['export', '--meeting', 'm1'],
      journal,
      home: folder,
      fails: layout.fails,
      budget: layout.budget ?? (layout.text ? LAYOUT_MS : QUICK_MS),
      layout: Boolean(layout.text),
    });
  }

  // Long typed specs.
  const specs = {
    'an --action title of 60,000 colons': ['log', 'm1', '--amend', '--action', 'a:'.repeat(60_000)],
    'an --action of 6,000 colon-words and a date': [
      'log',
      'm1',
      '--amend',
      '--action',
      `${'next friday:'.repeat(6_000)}tomorrow`,
    ],
    'a --topic with 100,000 spaces': [
      'prep',
      '--mentor',
      'lovelace',
      '--when',
      '2026-12-10 17:30',
      '--topic',
      `x:1${' '.repeat(100_000)}!`,
    ],
    'a due date of 100,000 characters': ['log', 'm1', '--amend', '--action', `x:${'in 2 weeks '.repeat(10_000)}`],
  };
  for (const [what, args] of Object.entries(specs)) {
    const folder = home(`spec-${what.replace(/\W/g, '')}`);
    cases.push({
      name: what,
      args,
      journal: withSample(folder),
      home: folder,
      fails: !['an --action of 6,000 colon-words and a date', 'a --topic with 100,000 spaces'].includes(what),
    });
  }

  const problems = [];
  const results = await inParallel(cases, 4, (one) => runCase(one, dir));
  let hangs = 0;
  let stackTraces = 0;
  let slowest = { ms: 0, name: '' };
  let maxRssMb = 0;
  for (const [index, result] of results.entries()) {
    const one = cases[index];
    if (result.ms > slowest.ms) slowest = { ms: result.ms, name: one.name };
    if (one.layout) maxRssMb = Math.max(maxRssMb, result.rssMb);
    const said = `${result.stderr}${result.stdout}`.trim().split('\n')[0]?.slice(0, 200);
    if (result.timedOut) {
      hangs++;
      problems.push(`${one.name}: still running after ${one.budget ?? QUICK_MS} ms`);
      continue;
    }
    if (hasStackTrace(result.stderr + result.stdout)) {
      stackTraces++;
      problems.push(`${one.name}: a stack trace: ${said}`);
      continue;
    }
    if (one.layout && result.rssMb > MAX_RSS_MB) problems.push(`${one.name}: used ${Math.round(result.rssMb)} MB`);
    if (!one.fails) {
      if (result.code !== 0) problems.push(`${one.name}: exit ${result.code}: ${said}`);
      continue;
    }
    const lines = result.stderr.trim().split('\n').filter(Boolean);
    const clear =
      result.code !== 0 &&
      (one.args[0] === 'doctor'
        ? REASON.test(result.stdout + result.stderr)
        : lines.length === 1 && REASON.test(lines[0]));
    if (!clear) problems.push(`${one.name}: exit ${result.code}, not one clear line: ${said}`);
  }
  return {
    name: 'odd paths',
    line: `odd paths: ${cases.length} cases, ${hangs} hangs, ${stackTraces} stack traces, slowest ${Math.round(slowest.ms)} ms (${slowest.name}), looping layouts at most ${Math.round(maxRssMb)} MB`,
    problems,
    skipped: skipped.length ? skipped : undefined,
    figures: {
      cases: cases.length,
      hangs,
      stackTraces,
      slowestMs: Math.round(slowest.ms),
      slowest: slowest.name,
      maxRssMb: Math.round(maxRssMb),
    },
  };
}

/** One run of the binary, killed after its budget, with the most memory it held. */
function runCase(one, dir) {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}`);
  const hook = `data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>{try{writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS))}catch{}})`;
  return runMentee(one.args, {
    journal: one.journal,
    home: one.home ?? dir,
    cwd: dir,
    timeoutMs: one.budget ?? QUICK_MS,
    nodeArgs: ['--import', hook],
    as: one.as,
  }).then((result) => {
    let rssMb = 0;
    try {
      rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
      rmSync(rssFile);
    } catch {
      // Killed, or run as another user who cannot write here: no figure.
    }
    return { ...result, rssMb };
  });
}
