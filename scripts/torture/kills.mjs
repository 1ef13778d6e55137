// Trial b: a writer killed with SIGKILL at random moments. After every kill the journal must parse and
// validate, and hold every write that reported success.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkJournal,
  damagedBackups,
  leftoverTemporaries,
  lockNamesHolder,
  newestBackupIsJournal,
} from './journal-check.mjs';
import { hasStackTrace, runMentee, seconds, startMentee } from './run.mjs';

const BINS = 20;

/** Runs one `action add`, killed after `delayMs` unless it has finished by then. */
async function killedWrite(title, delayMs, where) {
  const { child, done } = startMentee(['action', 'add', title], where);
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  const result = await done;
  clearTimeout(timer);
  return { ...result, acknowledged: result.code === 0 && result.stdout.includes(`: ${title}`) };
}

export async function killsTrial({ dir, kills = 200, random = Math.random, log = () => undefined }) {
  const journal = join(dir, 'journal.json');
  const lock = `${journal}.lock`;
  const where = { journal, home: dir, cwd: dir };
  const started = performance.now();
  const problems = [];
  const acknowledged = [];
  const lostTitles = new Set();
  /** Backups found cut short after any kill (they may be pruned later, so looked for every time). */
  const damaged = new Set();
  const counts = {
    killed: 0,
    beforeSave: 0,
    savedUnacknowledged: 0,
    refused: 0,
    validJournals: 0,
    heldLock: 0,
    lockWithoutPid: 0,
    stuck: 0,
    backupBehind: 0,
  };
  /** How long each write after a kill that left the lock took, and what the ones that failed said. */
  const recoveries = [];
  const stuckMessages = [];
  const refusals = [];

  // How long a write takes here, so the kills can be spread over the whole of one.
  const durations = [];
  for (let i = 1; i <= 3; i++) {
    const result = await runMentee(['action', 'add', `calibrate ${i}`], where);
    if (result.code !== 0) problems.push(`a plain write failed: ${result.stderr.trim()}`);
    else acknowledged.push(`calibrate ${i}`);
    durations.push(result.ms);
  }
  const typical = durations.sort((a, b) => a - b)[1];
  const windowMs = Math.max(150, Math.round(typical * 1.25));

  for (let i = 1; i <= kills; i++) {
    const title = `k${i}`;
    // Stratified: every stretch of the window gets its share of kills, the moment within it is random;
    // every other kill falls in the second half of a typical run, where it locks, writes and backs up.
    const bin = (Math.floor((i - 1) / 2) % BINS) + random();
    const delay = i % 2 ? bin * (windowMs / BINS) : typical * (0.5 + (0.55 * bin) / BINS);
    const result = await killedWrite(title, delay, where);
    if (result.acknowledged) acknowledged.push(title);
    else if (result.signal !== 'SIGKILL') {
      // Refusing a write loses nothing (it never said it was saved), unless it is a crash.
      counts.refused++;
      const said = `${title} failed without being killed (exit ${result.code}): ${result.stderr.trim()}`;
      if (result.code === 70 || hasStackTrace(result.stderr)) problems.push(said);
      else if (counts.refused <= 3) refusals.push(said);
    } else counts.killed++;

    const check = await checkJournal(journal, { allowMissing: acknowledged.length === 0 });
    if (!check.ok) {
      problems.push(`after kill ${i} (at ${Math.round(delay)} ms): ${check.problem}`);
      log(`  kill ${i}: journal damaged: ${check.problem}`);
    } else {
      counts.validJournals++;
      const titles = new Set((check.journal?.actions ?? []).map((action) => action.title));
      const lost = acknowledged.filter((t) => !titles.has(t));
      const newlyLost = lost.filter((t) => !lostTitles.has(t));
      if (newlyLost.length) problems.push(`after kill ${i}: acknowledged writes lost: ${newlyLost.join(', ')}`);
      for (const t of lost) lostTitles.add(t);
      if (!result.acknowledged && result.signal === 'SIGKILL') {
        if (titles.has(title)) counts.savedUnacknowledged++;
        else counts.beforeSave++;
      }
    }

    for (const backup of await damagedBackups(journal)) damaged.add(backup);
    if (check.ok && check.journal && !(await newestBackupIsJournal(journal))) counts.backupBehind++;
    if (i % 50 === 0) log(`  ${i}/${kills} kills (${seconds(performance.now() - started)})`);
    if (existsSync(lock)) {
      // The dead writer's lock: the next write must take it over by itself. Timed, without a kill.
      counts.heldLock++;
      if (!(await lockNamesHolder(journal))) counts.lockWithoutPid++;
      const probe = await runMentee(['action', 'add', `after lock ${i}`], where);
      recoveries.push(probe.ms);
      if (probe.code === 0) acknowledged.push(`after lock ${i}`);
      else {
        counts.stuck++;
        if (counts.stuck <= 3) stuckMessages.push(`after kill ${i}: ${probe.stderr.trim()}`);
      }
    }
  }

  const leftovers = await leftoverTemporaries(journal);
  const badBackups = [...damaged];
  const lostTotal = lostTitles.size;
  const ms = performance.now() - started;
  const figures = {
    ...counts,
    kills,
    windowMs,
    acknowledged: acknowledged.length,
    lostAcknowledged: lostTotal,
    leftovers: leftovers.length,
    damagedBackups: badBackups.length,
    slowestRecoveryMs: Math.max(0, ...recoveries),
    ms,
  };
  const lockNote = counts.heldLock
    ? `; ${counts.heldLock} kills left the lock (${counts.lockWithoutPid} naming no holder), ` +
      `the next write took it over ${counts.heldLock - counts.stuck} times (slowest ${seconds(figures.slowestRecoveryMs)}) ` +
      `and failed ${counts.stuck} times`
    : '';
  return {
    name: 'kills',
    line:
      `${kills} SIGKILLs (0–${windowMs} ms): ${counts.validJournals} valid journals, ` +
      `${acknowledged.length} acknowledged writes, ${lostTotal} lost; ` +
      `${counts.beforeSave} killed before saving, ${counts.savedUnacknowledged} saved but killed before reporting` +
      `${lockNote}; ${leftovers.length} leftover temporary files, ${badBackups.length} damaged backups, ` +
      `${counts.backupBehind} times the newest backup was not the journal; ${seconds(ms)}`,
    problems,
    notes: [
      ...refusals,
      ...stuckMessages.map((message) => `write after a kill that left the lock failed: ${message}`),
      ...(leftovers.length ? [`leftover temporary files: ${leftovers.slice(0, 5).join(', ')}`] : []),
      ...(badBackups.length ? [`backups cut short by a kill: ${badBackups.slice(0, 5).join(', ')}`] : []),
    ],
    figures,
  };
}
