// Trial: writing commands on a small disk filled to a different level before each run. Whatever the
// disk allows, what mentee says is true: exit 0 means the change is in the journal, any other exit
// means the journal is byte for byte as it was; no temporary file is ever left; the journal is always
// valid; an export is whole or not there; results that could not be written are never an exit 0.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkJournal, damagedBackups } from './journal-check.mjs';
import { smallDisk } from './machine.mjs';
import { BIN, hasStackTrace, menteeEnv, runMentee, seconds } from './run.mjs';

const PAGE = 4096;
/** Free space left: 0…LEVELS-1 pages, plus a random part of a page. */
const LEVELS = 14;
const SAVED_BUT = 'Saved. But its backup could not be kept';

/** The writing commands tried, each with how to tell that its change is in the journal. */
const COMMANDS = [
  {
    name: 'action add',
    make: (i, { random }) => {
      const title = `fd${i} ${'note '.repeat(Math.floor(random() * 1500))}end`;
      return { args: ['action', 'add', title], changed: (after) => after.toString().includes(title) };
    },
  },
  {
    name: 'action done',
    make: (_i, { journal }) => {
      const open = journal.actions.find((action) => action.status === 'open');
      if (!open) return undefined;
      const isDone = (after) => JSON.parse(after).actions.find((a) => a.id === open.id)?.status === 'done';
      return { args: ['action', 'done', open.id], changed: isDone };
    },
  },
  {
    name: 'goal update --note',
    make: (i) => {
      const note = `Full-disk note ${i}`;
      return { args: ['goal', 'update', 'g1', '--note', note], changed: (after) => after.toString().includes(note) };
    },
  },
  { name: 'undo', make: (_i, { before }) => ({ args: ['undo'], changed: (after) => !after.equals(before) }) },
  {
    name: 'doctor --restore 3',
    make: (_i, { backups }) => {
      const third = backups[2];
      return third && { args: ['doctor', '--restore', '3'], changed: (after) => after.equals(third) };
    },
  },
];

/** Runs mentee with stdout into `file` (on the small disk), as `mentee … > file` does. */
function runInto(file, args, where) {
  const fd = openSync(file, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: menteeEnv(where.journal, where.home),
      cwd: where.cwd,
      stdio: ['ignore', fd, 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  }).finally(() => closeSync(fd));
}

/** Backups, newest first (names sort by time), as their bytes. */
async function backupBytes(journal) {
  const folder = `${journal}.backups`;
  const names = (await readdir(folder).catch(() => []))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse();
  return Promise.all(names.map((name) => readFile(join(folder, name))));
}

/** .tmp and .part files anywhere on the disk: what no run may leave. */
async function leftovers(dir) {
  const names = await readdir(dir, { recursive: true });
  return names.filter((name) => /\.(tmp|part)$/.test(name));
}

export async function fullDiskTrial({ runs = 70, kib = 4096, sample, random = Math.random, log = () => undefined }) {
  const disk = smallDisk(kib);
  if ('skipped' in disk) {
    return { name: 'full disk', line: `full disk: skipped (${disk.skipped})`, problems: [], skipped: [disk.skipped] };
  }
  const started = performance.now();
  const problems = [];
  const notes = [];
  const figures = {
    runs: 0,
    savedAndSaid: 0,
    savedWithoutBackup: 0,
    refusedAndUnchanged: 0,
    lies: 0,
    exports: 0,
    exportsWhole: 0,
    exportsRefusedClean: 0,
    outputs: 0,
    outputsLostAndSaid: 0,
  };
  const lie = (text) => {
    figures.lies++;
    problems.push(text);
  };
  try {
    const home = join(disk.dir, 'home');
    await mkdir(home);
    const journal = join(home, 'journal.json');
    const where = { journal, home, cwd: home };
    await writeFile(journal, sample, { mode: 0o600 });
    // A few saves with room to spare, so there are backups to restore and changes to undo.
    for (const title of ['first', 'second', 'third'])
      await runMentee(['action', 'add', `Room to spare: ${title}`], where);

    for (let i = 1; i <= runs; i++) {
      figures.runs++;
      const before = await readFile(journal);
      const state = { journal: JSON.parse(before), before, backups: await backupBytes(journal), random };
      const kind = i % 7;
      // Each kind of run goes through every level in turn.
      const leave = ((i + Math.floor(i / 7)) % LEVELS) * PAGE + Math.floor(random() * PAGE);
      if (kind === 5) await exportRun(i, leave);
      else if (kind === 6) await outputRun(i, leave);
      else await changeRun(i, leave, state);
      const left = await leftovers(disk.dir);
      if (left.length) problems.push(`run ${i}: left behind ${left.join(', ')}`);
      try {
        JSON.parse(await readFile(journal, 'utf8'));
      } catch (error) {
        problems.push(`run ${i}: the journal is no longer JSON: ${error.message}`);
      }
    }
    disk.free();
    const check = await checkJournal(journal);
    if (!check.ok) problems.push(`at the end: ${check.problem}`);
    const damaged = await damagedBackups(journal);
    if (damaged.length) problems.push(`damaged backups: ${damaged.join(', ')}`);

    async function changeRun(i, leave, state) {
      const choices = COMMANDS.map((command) => ({ command, made: command.make(i, state) })).filter((c) => c.made);
      const { command, made } = choices[Math.floor(random() * choices.length)];
      disk.free();
      disk.fill(leave);
      const result = await runMentee(made.args, where);
      disk.free();
      const after = await readFile(journal);
      const said = `run ${i}: mentee ${command.name} with ${leave} bytes free exited ${result.code}`;
      if (result.code === 70 || hasStackTrace(result.stderr)) problems.push(`${said}: ${result.stderr.trim()}`);
      if (result.code === 0) {
        if (!made.changed(after)) lie(`${said}, but its change is not in the journal`);
        else if (result.stderr.includes(SAVED_BUT)) figures.savedWithoutBackup++;
        else figures.savedAndSaid++;
      } else if (!after.equals(state.before)) {
        lie(`${said} (${result.stderr.trim()}), but the journal was changed`);
      } else figures.refusedAndUnchanged++;
    }

    async function exportRun(i, leave) {
      figures.exports++;
      const out = join(home, `export-${i}.md`);
      const reference = await runMentee(['export', '--all'], where);
      // Every other export replaces an earlier one (--force), which must stay as it was when refused.
      const force = i % 2 === 0;
      const earlier = 'an earlier export\n';
      if (force) await writeFile(out, earlier);
      disk.fill(leave);
      const result = await runMentee(['export', '--all', '--out', out, ...(force ? ['--force'] : [])], where);
      disk.free();
      const written = await readFile(out, 'utf8').catch(() => undefined);
      const said = `run ${i}: export --out${force ? ' --force' : ''} with ${leave} bytes free exited ${result.code}`;
      if (result.code === 0) {
        if (written === `${reference.stdout}`) figures.exportsWhole++;
        else lie(`${said}, but the file holds ${written?.length ?? 'no'} characters of ${reference.stdout.length}`);
      } else if (written !== (force ? earlier : undefined)) {
        lie(`${said} (${result.stderr.trim()}), but left ${written === undefined ? 'no' : written.length} characters`);
      } else figures.exportsRefusedClean++;
    }

    async function outputRun(i, leave) {
      figures.outputs++;
      const out = join(home, `actions-${i}.json`);
      disk.fill(leave);
      const result = await runInto(out, ['actions', '--all', '--json'], where);
      disk.free();
      const written = await readFile(out, 'utf8').catch(() => '');
      const whole = (() => {
        try {
          return Array.isArray(JSON.parse(written).actions);
        } catch {
          return false;
        }
      })();
      if (result.code === 0 && !whole) lie(`run ${i}: actions --json > file exited 0 with its output cut short`);
      else if (result.code !== 0 && whole) lie(`run ${i}: actions --json > file failed, though its output is whole`);
      else if (result.code !== 0) figures.outputsLostAndSaid++;
    }
  } finally {
    disk.unmount();
  }
  if (figures.savedWithoutBackup === 0) notes.push('no run hit the moment between the save and its backup');
  const line =
    `full disk: ${figures.runs} runs at ${LEVELS} levels of free space: ${figures.savedAndSaid} saved and said, ` +
    `${figures.savedWithoutBackup} saved without their backup and said so, ${figures.refusedAndUnchanged} refused ` +
    `and unchanged, ${figures.exportsWhole + figures.exportsRefusedClean}/${figures.exports} exports whole or absent, ` +
    `${figures.outputsLostAndSaid}/${figures.outputs} lost outputs said, ${figures.lies} lies ` +
    `(${seconds(performance.now() - started)})`;
  log(`  ${line}`);
  return { name: 'full disk', line, problems, notes, figures };
}
