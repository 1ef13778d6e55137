// Trial: no plaintext left behind. decrypt, encrypt and saves are SIGKILLed at random moments; then
// `mentee encrypt` runs, and every file under the journal's folder is searched for the journal's words
// in plain text. After an encrypt that says "no plaintext copy is left", there must be none. Then each
// backup (and a plain one planted as a killed decrypt leaves it) is restored: the journal stays encrypted.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BIN, hasStackTrace, menteeEnv, seconds } from './run.mjs';

const PASSPHRASE = 'torture passphrase 70';
const MAGIC = 'mentee-encrypted v1\n';

/** Runs mentee with the passphrase; `killAfterMs` sends SIGKILL then, unless it has finished. */
function mentee(args, where, killAfterMs) {
  const started = performance.now();
  const env = { ...menteeEnv(where.journal, where.home), MENTEE_PASSPHRASE: PASSPHRASE };
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd: where.home, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Every file under `folder` (all depths) whose bytes hold `marker`. */
export async function filesHolding(folder, marker) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const found = [];
  for (const entry of entries.filter((each) => each.isFile())) {
    const file = join(entry.parentPath, entry.name);
    const bytes = await readFile(file).catch(() => undefined);
    if (bytes?.includes(marker)) found.push(file);
  }
  return found;
}

const isEncryptedFile = async (file) => (await readFile(file, 'latin1').catch(() => '')).startsWith(MAGIC);

export async function noPlaintextTrial({ dir, rounds = 10, restores = 4, random = Math.random, log = () => {} }) {
  const started = performance.now();
  const folder = join(dir, 'journal');
  await mkdir(folder, { recursive: true });
  const where = { journal: join(folder, 'journal.json'), home: dir };
  const marker = `marker-${randomBytes(6).toString('hex')}`;
  const problems = [];
  const notes = [];
  const figures = {
    rounds,
    kills: 0,
    finishedBeforeKill: 0,
    plainLeftByKills: 0,
    encrypts: 0,
    alreadyEncrypted: 0,
    leftoversRemoved: 0,
    plaintextAfterEncrypt: 0,
    restores: 0,
    restoredPlain: 0,
    ms: 0,
  };
  const must = async (args) => {
    const result = await mentee(args, where);
    if (result.code !== 0) throw new Error(`mentee ${args.join(' ')} failed: ${result.stderr.trim()}`);
    return result;
  };

  await must(['mentor', 'add', `Dr ${marker}`, '--cadence', '4w']);
  for (let i = 1; i <= 3; i++) await must(['action', 'add', `${marker} first ${i}`]);
  const plainJournal = await readFile(where.journal);
  // How long each takes here, so the kills fall across the whole of one.
  const typical = {
    encrypt: (await must(['encrypt'])).ms,
    decrypt: (await must(['decrypt'])).ms,
    save: (await must(['action', 'add', `${marker} timed`])).ms,
  };
  await must(['encrypt']);
  log(
    `  typical runs: ${Object.entries(typical)
      .map(([what, ms]) => `${what} ${Math.round(ms)} ms`)
      .join(', ')}`,
  );

  for (let round = 1; round <= rounds; round++) {
    const kind = ['decrypt', 'encrypt', 'save-plain', 'save-encrypted'][round % 4];
    if ((kind === 'encrypt' || kind === 'save-plain') && (await isEncryptedFile(where.journal))) {
      const result = await mentee(['decrypt'], where);
      if (result.code !== 0) {
        problems.push(`round ${round}: decrypt before the kill failed: ${result.stderr.trim()}`);
        continue;
      }
    }
    const args =
      kind === 'decrypt' ? ['decrypt'] : kind === 'encrypt' ? ['encrypt'] : ['action', 'add', `${marker} k${round}`];
    const length = typical[kind.startsWith('save') ? 'save' : kind];
    // Most of a run is start-up and deriving the key; the files are written in its last part, where
    // three kills in four fall (the fourth anywhere).
    const share = round % 4 === 3 ? random() : 0.55 + 0.55 * ((((round - 1) % 6) + random()) / 6);
    const delay = Math.round(length * share);
    const killed = await mentee(args, where, delay);
    if (killed.signal === 'SIGKILL') figures.kills++;
    else figures.finishedBeforeKill++;
    // What the kill left in plain (a decrypt or a save of a plain journal leaves some; that is expected).
    figures.plainLeftByKills += (await filesHolding(folder, marker)).length;

    const finish = await mentee(['encrypt'], where);
    const already = finish.code === 1 && /is already encrypted\./.test(finish.stderr);
    if (finish.code === 0) {
      figures.encrypts++;
      if (!finish.stdout.includes(`no plaintext copy is left in ${folder}`))
        problems.push(`round ${round} (${kind}): encrypt succeeded without saying it checked: ${finish.stdout.trim()}`);
      figures.leftoversRemoved += Number(/removed (\d+) plaintext leftover/.exec(finish.stdout)?.[1] ?? 0);
      figures.leftoversRemoved += Number(/encrypted (\d+) backups? .*left in plain text/.exec(finish.stdout)?.[1] ?? 0);
    } else if (already) figures.alreadyEncrypted++;
    else {
      problems.push(`round ${round} (${kind}, killed at ${delay} ms): encrypt failed: ${finish.stderr.trim()}`);
      if (hasStackTrace(finish.stderr)) problems.push('  with a stack trace');
      continue;
    }
    const plain = await filesHolding(folder, marker);
    if (plain.length) {
      figures.plaintextAfterEncrypt += plain.length;
      problems.push(
        `round ${round} (${kind}, killed at ${delay} ms): after ${already ? '"already encrypted"' : 'a successful encrypt'}, plain text in ${plain.join(', ')}`,
      );
    }
    const check = await mentee(['actions', '--json'], where);
    if (check.code !== 0) problems.push(`round ${round}: the journal does not open: ${check.stderr.trim()}`);
    if (round % 4 === 0) log(`  ${round}/${rounds} rounds (${seconds(performance.now() - started)})`);
  }

  // A plain backup, as a decrypt killed half-way leaves one, then each backup restored in turn.
  await writeFile(
    join(`${where.journal}.backups`, 'journal.json.2020-01-01T00-00-00-000Z.00abcd.saved.json'),
    plainJournal,
  );
  const doctor = JSON.parse((await must(['doctor', '--json'])).stdout);
  const numbers = doctor.backups.map((backup) => backup.number);
  const planted = numbers.length; // the oldest
  const chosen = [planted, ...numbers.slice(0, Math.max(0, restores - 1))];
  for (const number of chosen) {
    const result = await mentee(['doctor', '--restore', String(number)], where);
    figures.restores++;
    if (result.code !== 0) {
      problems.push(`restoring backup ${number} failed: ${result.stderr.trim()}`);
      continue;
    }
    if (!(await isEncryptedFile(where.journal))) {
      figures.restoredPlain++;
      problems.push(`restoring backup ${number} left the journal in plain text`);
    }
  }
  const last = await mentee(['encrypt'], where);
  // Nothing left to encrypt (the planted backup may have been rotated away by the restores' own
  // backups) is a refusal that changes nothing; the scan below is what proves no plain copy is left.
  if (last.code !== 0 && !/is already encrypted/.test(last.stderr))
    problems.push(`the last encrypt failed: ${last.stderr.trim()}`);
  const plainAtEnd = await filesHolding(folder, marker);
  figures.plaintextAfterEncrypt += plainAtEnd.length;
  if (plainAtEnd.length) problems.push(`after the last encrypt, plain text in ${plainAtEnd.join(', ')}`);
  if (figures.kills === 0) notes.push('no run was killed before it finished: the machine is faster than the timing');

  figures.ms = performance.now() - started;
  return {
    name: 'no plaintext',
    line:
      `${figures.kills} SIGKILLs of decrypt, encrypt and saves (${figures.finishedBeforeKill} finished first), ` +
      `${figures.plainLeftByKills} plain files before encrypting, ${figures.encrypts} encrypts after them (${figures.alreadyEncrypted} found nothing to do), ` +
      `${figures.leftoversRemoved} plain leftovers encrypted or removed by them, ${figures.plaintextAfterEncrypt} plaintext files found after; ` +
      `${figures.restores} restores, ${figures.restoredPlain} left the journal plain; ${seconds(figures.ms)}`,
    problems,
    notes,
    figures,
  };
}
