// Trial: other users and shared folders. As root, a real second user plants a link or a file of theirs
// at every name mentee uses beside a journal; writing commands and undo then run. No file outside may
// ever be written, nothing planted may be restored, and every refusal is one line. Then `sudo mentee`
// on the second user's own journal: every file must stay theirs, and they must carry on.
import { execFileSync } from 'node:child_process';
import { chmod, cp, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderOf, otherUser, runAs } from './machine.mjs';
import { BIN, hasStackTrace, menteeEnv, runMentee, seconds } from './run.mjs';

const JOURNAL = 'journal.json';
const BACKUPS = `${JOURNAL}.backups`;
/** A backup name newer than any mentee takes today, so that undo would pick it first. */
const NEWEST = `${JOURNAL}.2099-01-01T00-00-00-000Z.00aaaa.saved.json`;

/** Every name mentee uses beside a journal; `folder` for the names that are folders. */
const NAMES = [
  { name: `${JOURNAL}.lock`, folder: true },
  { name: `${JOURNAL}.lock.pid` },
  { name: `${JOURNAL}.lock.takeover`, folder: true },
  { name: BACKUPS, folder: true },
  { name: `${BACKUPS}/${NEWEST}`, backup: true },
  { name: `${BACKUPS}/.fingerprints` },
  { name: `${BACKUPS}/${NEWEST}.part` },
  { name: `${JOURNAL}.drafts`, folder: true },
  // A temporary file of a writer "killed" long ago (pid 4194303 is never running): swept under the lock.
  { name: `.${JOURNAL}.4194303.0badf00d.tmp` },
];

/** How the planted thing is made, as the second user, in the journal's folder. */
const KINDS = ['link to a file outside', 'a file or folder of theirs'];

/** While mentee runs, the folder is either still open to them, or made the user's alone after the planting. */
const MODES = ['folder open to them', 'folder closed after planting'];

export async function sharedFoldersTrial({ parallel = 4, full = false }) {
  const user = otherUser();
  if ('skipped' in user)
    return {
      name: 'shared folders',
      line: 'shared folders: skipped',
      problems: [],
      skipped: [user.skipped],
    };
  const started = performance.now();
  // The second user must reach the folders: a folder of the trial's own, open to look through (not to write).
  const dir = await mkdtemp(join(tmpdir(), 'mentee-shared-folders-'));
  await chmod(dir, 0o755);
  try {
    return await trial(dir, user, { parallel, full }, started);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function trial(dir, user, { parallel, full }, started) {
  const problems = [];
  const figures = { attacks: 0, refused: 0, ignored: 0, targetsWritten: 0, plantedRestored: 0, messy: 0 };

  const base = join(dir, 'base');
  await mkdir(base, { mode: 0o700 });
  for (const title of ['Email the training lead', 'Book the room']) {
    const made = await runMentee(['action', 'add', title], { journal: join(base, JOURNAL), cwd: base });
    if (made.code !== 0) throw new Error(`setting up: ${made.stderr}`);
  }
  const planted = JSON.parse(await readFile(join(base, JOURNAL), 'utf8'));
  planted.actions[0].title = 'PLANTED';
  const plantedText = JSON.stringify(planted);

  // Every name × kind with the folder closed; with it open, the links (the folder is refused first anyway).
  const cases = NAMES.flatMap((at) =>
    KINDS.flatMap((kind) =>
      MODES.filter((mode) => full || mode.startsWith('folder closed') || kind.startsWith('link')).map((mode) => ({
        ...at,
        kind,
        mode,
      })),
    ),
  );
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < cases.length; index = next++) {
      const outcome = await attack(join(dir, `case-${index}`), cases[index], full, user, plantedText, base);
      figures.attacks++;
      figures[outcome.verdict]++;
      figures.targetsWritten += outcome.targetsWritten;
      figures.plantedRestored += outcome.plantedRestored;
      problems.push(...outcome.problems.map((problem) => `${describe(cases[index])}: ${problem}`));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));

  const sudo = await sudoCase(join(dir, 'sudo'), user);
  Object.assign(figures, sudo.figures);
  problems.push(...sudo.problems);

  const ms = performance.now() - started;
  return {
    name: 'shared folders',
    line:
      `shared folders: ${figures.attacks} attacks, ${figures.refused} refused in one line, ${figures.ignored} ignored safely, ` +
      `${figures.targetsWritten} targets written, ${figures.plantedRestored} planted restored; ` +
      `sudo: ${figures.sudoRuns} runs, ${figures.notTheirs} files not the user's (${seconds(ms)})`,
    problems,
    figures,
  };
}

function describe({ name, kind, mode }) {
  return `${name} (${kind}, ${mode})`;
}

/** One attack: plant, run the commands, and look at everything they could have harmed. */
async function attack(folder, { name, folder: isFolder, backup, kind, mode }, full, user, plantedText, base) {
  const problems = [];
  await cp(base, folder, { recursive: true });
  const journal = join(folder, JOURNAL);
  const target = join(folder, '..', `${folder.split('/').pop()}-target`);
  await mkdir(target, { mode: 0o755 });
  const targetFile = join(target, 'precious.txt');
  await writeFile(targetFile, 'precious\n');

  // The second user plants, in folders opened to them for it.
  const inBackups = name.startsWith(`${BACKUPS}/`);
  await chmod(folder, 0o777);
  if (inBackups) await chmod(join(folder, BACKUPS), 0o777);
  if (name === BACKUPS) execFileSync('rm', ['-r', join(folder, BACKUPS)]);
  await rm(join(folder, name), { recursive: true, force: true });
  const content = backup || name === BACKUPS ? plantedText : 'planted\n';
  let script;
  if (kind.startsWith('link')) script = `ln -s '${isFolder ? target : targetFile}' '${name}'`;
  else if (isFolder) script = `mkdir '${name}'${name === BACKUPS ? ` && cat > '${name}/${NEWEST}'` : ''}`;
  else script = `cat > '${name}'`;
  const planting = runAs(user, script, { cwd: folder, input: content });
  if (planting.status !== 0)
    return {
      verdict: 'messy',
      targetsWritten: 0,
      plantedRestored: 0,
      problems: [`could not plant: ${planting.stderr.trim()}`],
    };
  if (mode.startsWith('folder closed')) {
    await chmod(folder, 0o700);
    if (inBackups) await chmod(join(folder, BACKUPS), 0o700);
  }
  const targetBefore = await look(target);

  // With the folder open to them, the first command is refused before anything is opened; closed, every
  // writing command and undo, and a restore wherever a backup was planted (every command with `full`).
  const open = mode.startsWith('folder open');
  const commands = [['action', 'add', 'Read the paper']];
  if (full || !open) commands.push(['undo']);
  if (full || (!open && name.startsWith(BACKUPS))) commands.push(['doctor', '--restore', '1']);
  if (full) commands.push(['status']);
  let refusals = 0;
  let plantedRestored = 0;
  for (const args of commands) {
    const result = await runMentee(args, { journal, cwd: folder, timeoutMs: 20_000 });
    if (result.timedOut) problems.push(`${args.join(' ')} hung`);
    if (hasStackTrace(result.stderr + result.stdout)) problems.push(`${args.join(' ')} printed a stack trace`);
    if (result.code !== 0) {
      refusals++;
      const lines = result.stderr.trim().split('\n');
      if (lines.length !== 1 || !lines[0].startsWith('mentee: '))
        problems.push(`${args.join(' ')} refused in ${lines.length} lines: ${result.stderr.trim().slice(0, 300)}`);
    }
    if ((await readFile(journal, 'utf8').catch(() => '')).includes('PLANTED')) {
      plantedRestored = 1;
      problems.push(`${args.join(' ')} put the planted backup back as the journal`);
      break;
    }
  }
  const targetAfter = await look(target);
  const targetsWritten = targetBefore === targetAfter ? 0 : 1;
  if (targetsWritten) problems.push(`a file outside was written through the planted link`);
  // Still a journal the user owns and can use, whatever was refused.
  if ((await stat(journal)).uid !== process.getuid()) problems.push('the journal is no longer the user’s');
  const verdict = problems.length ? 'messy' : refusals ? 'refused' : 'ignored';
  return { verdict, targetsWritten, plantedRestored, problems };
}

/** Everything in a folder that could show a write: each entry's name, bytes and modification time. */
async function look(folder) {
  const entries = await readdir(folder);
  const seen = await Promise.all(
    entries.sort().map(async (name) => {
      const info = await lstat(join(folder, name));
      const bytes = info.isFile() ? await readFile(join(folder, name), 'utf8') : '';
      return `${name}:${info.mtimeMs}:${bytes}`;
    }),
  );
  const self = await stat(folder);
  return `${self.mtimeMs}|${seen.join('|')}`;
}

/** `sudo mentee` on the second user's own journal: every file mentee makes or replaces stays theirs. */
async function sudoCase(parent, user) {
  const problems = [];
  await mkdir(parent, { mode: 0o755 });
  const folder = folderOf(user, parent);
  await chmod(folder, 0o700);
  const journal = join(folder, JOURNAL);
  const asUser = (args) =>
    runAs(user, `"${process.execPath}" "${BIN}" ${args}`, { cwd: folder, env: menteeEnv(journal, folder) });
  const first = asUser('action add "Email the training lead"');
  if (first.status !== 0) problems.push(`the user could not start a journal: ${first.stderr.trim()}`);
  let sudoRuns = 0;
  for (const args of [
    ['action', 'add', 'Book the room'],
    ['undo'],
    ['action', 'add', 'Read'],
    ['doctor', '--restore', '2'],
    ['status'],
  ]) {
    const result = await runMentee(args, { journal, cwd: folder });
    sudoRuns++;
    if (result.code !== 0) problems.push(`sudo mentee ${args.join(' ')} failed: ${result.stderr.trim()}`);
  }
  const notTheirs = await notOwnedBy(folder, user.uid);
  for (const path of notTheirs) problems.push(`after sudo mentee, ${path} is not the user's`);
  for (const args of ['action add "Thank the lead"', 'undo', 'status']) {
    const result = asUser(args);
    if (result.status !== 0) problems.push(`after sudo, the user's own "${args}" failed: ${result.stderr.trim()}`);
  }
  return { problems, figures: { sudoRuns, notTheirs: notTheirs.length } };
}

async function notOwnedBy(folder, uid) {
  const found = [];
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    const info = await lstat(path);
    if (info.uid !== uid) found.push(path);
    if (info.isDirectory()) found.push(...(await notOwnedBy(path, uid)));
  }
  return found;
}
