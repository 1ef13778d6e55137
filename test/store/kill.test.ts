import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJournal } from '../../src/store/journal-validation.js';
import { BIN, runMentee } from '../helpers/cli.js';
import { NOW_ISO as NOW } from '../helpers/clock.js';
import { tempFolder } from './fixtures.js';

// `npm run torture` runs the same trial with 200 kills.
const KILLS = 12;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Kill {
  title: string;
  delayMs: number;
  acknowledged: boolean;
  /** Whether the journal on disk parsed and validated right after this kill, or what was wrong. */
  problem: string | undefined;
  /** Titles of writes acknowledged before this kill that the journal no longer holds. */
  lost: string[];
  leftLock: boolean;
}

let journal: string;
let cleanup: () => Promise<void>;
const kills: Kill[] = [];

/** `mentee action add <title>`, SIGKILLed after `delayMs` unless it has finished by then. */
function killedWrite(title: string, delayMs: number): Promise<{ acknowledged: boolean }> {
  const env = { ...process.env, TZ: 'UTC', NO_COLOR: '1', MENTEE_NOW: NOW, MENTEE_JOURNAL: journal };
  const child = spawn(process.execPath, [BIN, 'action', 'add', title], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ acknowledged: code === 0 && stdout.includes(`: ${title}`) });
    }),
  );
}

async function titlesOnDisk(): Promise<Set<string>> {
  if (!existsSync(journal)) return new Set();
  return new Set(parseJournal(await readFile(journal, 'utf8'), journal).journal.actions.map((action) => action.title));
}

beforeAll(async () => {
  if (!existsSync(new URL('../../dist/mentee.cjs', import.meta.url))) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  ({ journal, cleanup } = await tempFolder());
  // A write's length here (the second run: the first also makes the code cache), so the kills can be
  // spread across the whole of one: start-up, lock, read, write, backup.
  const acknowledged: string[] = [];
  let typical = 0;
  for (const title of ['before the kills', 'warmed up']) {
    const started = performance.now();
    const run = await runMentee(['action', 'add', title], { journal });
    if (run.code !== 0) throw new Error(run.stderr);
    typical = performance.now() - started;
    acknowledged.push(title);
  }
  const windowMs = Math.max(150, typical * 1.25);

  for (let i = 0; i < KILLS; i++) {
    const title = `k${i + 1}`;
    // Every other kill falls in the second half of a typical run, where the journal is written.
    const share = (Math.floor(i / 2) + Math.random()) / (KILLS / 2);
    const delayMs = Math.round(i % 2 ? typical * (0.5 + 0.55 * share) : share * windowMs);
    const run = await killedWrite(title, delayMs);
    if (run.acknowledged) acknowledged.push(title);
    let problem: string | undefined;
    let lost: string[] = [];
    try {
      const titles = await titlesOnDisk();
      lost = acknowledged.filter((t) => !titles.has(t));
    } catch (error) {
      problem = (error as Error).message;
    }
    const leftLock = existsSync(`${journal}.lock`);
    // Its holder is dead, so the lock is stale for certain. Taking such a lock over is the lock's own
    // business (test/store/lock.test.ts, and `npm run torture` times it); here it is cleared, so that
    // a kill in the instant before the holder's pid is written cannot stall the next writes.
    if (leftLock) await rm(`${journal}.lock`, { recursive: true, force: true });
    kills.push({ title, delayMs, acknowledged: run.acknowledged, problem, lost, leftLock });
  }
}, 120_000);
afterAll(() => cleanup?.());

describe(`a writer SIGKILLed at ${KILLS} random moments`, () => {
  it('leaves after every kill a journal that parses and validates', () => {
    expect(
      kills.filter((kill) => kill.problem).map((kill) => `${kill.title} at ${kill.delayMs} ms: ${kill.problem}`),
    ).toEqual([]);
  });

  it('never loses a write that reported success', () => {
    expect(
      kills.filter((kill) => kill.lost.length).map((kill) => `${kill.title}: lost ${kill.lost.join(', ')}`),
    ).toEqual([]);
  });

  it('is then written to as usual, keeping every acknowledged write', async () => {
    const after = await runMentee(['action', 'add', 'after the kills'], { journal });
    expect(after.code, after.stderr).toBe(0);
    const titles = await titlesOnDisk();
    for (const kill of kills.filter((k) => k.acknowledged)) expect(titles).toContain(kill.title);
    expect(titles).toContain('after the kills');
  });
});
