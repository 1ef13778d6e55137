import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, listBackups } from '../../src/store/backups.js';
import { parseJournal } from '../../src/store/journal-validation.js';
import type { JournalPaths } from '../../src/store/paths.js';
import { runMentee, type RunResult } from '../helpers/cli.js';
import { NOW_ISO as NOW } from '../helpers/clock.js';
import { modeOf, tempFolder } from './fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROCESSES = 20;

type Result = RunResult;

const mentee = (args: string[], journal: string) => runMentee(args, { journal, now: NOW });

let dir: string;
let journal: string;
let paths: JournalPaths;
let cleanup: () => Promise<void>;
let results: Result[];
const titles = Array.from({ length: PROCESSES }, (_, index) => `task ${index + 1}`);

beforeAll(async () => {
  if (!existsSync(new URL('../../dist/mentee.cjs', import.meta.url))) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  ({ dir, journal, paths, cleanup } = await tempFolder());
  // All started before any is awaited: they race for the journal's lock.
  results = await Promise.all(titles.map((title) => mentee(['action', 'add', title], journal)));
}, 120_000);
afterAll(() => cleanup?.());

describe(`${PROCESSES} mentee processes adding an action at the same moment`, () => {
  it('all succeed', () => {
    const failures = results.filter((result) => result.code !== 0).map((result) => result.stderr.trim());
    expect(failures).toEqual([]);
    expect(results).toHaveLength(PROCESSES);
  });

  it(`leave a valid journal with ${PROCESSES} actions, ids a1..a${PROCESSES} each used once, one per title`, async () => {
    const saved = parseJournal(await readFile(journal, 'utf8'), journal).journal;
    expect(saved.actions).toHaveLength(PROCESSES);
    expect(saved.actions.map((action) => action.id).sort()).toEqual(
      Array.from({ length: PROCESSES }, (_, index) => `a${index + 1}`).sort(),
    );
    expect(saved.actions.map((action) => action.title).sort()).toEqual([...titles].sort());
    expect(saved.counters.a).toBe(PROCESSES + 1);
  });

  it('each process reported the id under which its own action was saved', async () => {
    const saved = parseJournal(await readFile(journal, 'utf8'), journal).journal;
    const titleById = new Map(saved.actions.map((action) => [action.id, action.title]));
    const reported = results.map((result) => titleById.get(/\ba\d+\b/.exec(result.stdout)?.[0] ?? ''));
    expect(reported).toEqual(titles);
  });

  it('leave the journal 0600 with only its backups beside it: no lock or temporary file', async () => {
    expect(await modeOf(journal)).toBe(0o600);
    expect((await readdir(dir)).sort()).toEqual(['journal.json', 'journal.json.backups']);
  });

  it(`keep the last ${BACKUPS_KEPT} versions as backups, each a valid journal, 0600`, async () => {
    const backups = await listBackups(paths);
    expect(backups).toHaveLength(BACKUPS_KEPT);
    const counts: number[] = [];
    for (const backup of backups) {
      const { journal: saved } = parseJournal(await readFile(backup, 'utf8'), backup);
      counts.push(saved.actions.length);
      expect(await modeOf(backup)).toBe(0o600);
    }
    // Versions 1..PROCESSES were each saved once; the newest ones are kept, each once, the last one first.
    expect(new Set(counts).size).toBe(counts.length);
    expect(counts[0]).toBe(PROCESSES);
  });
});
