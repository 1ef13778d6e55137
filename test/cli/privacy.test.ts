import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

const SECRET = 'Felt anxious about telling my consultant';

describe('private reflections', () => {
  let journal: string;
  let dir: string;
  let cleanup: () => Promise<void>;
  const run = (args: string[]) => cli(args, { journal, now: '2026-12-04T09:00:00Z' });

  beforeAll(async () => {
    ({ journal, dir, cleanup } = await tempFolder());
    await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal });
    await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Career doubts'], { journal });
    await run([
      'log',
      'm1',
      '--covered',
      '1',
      '--advice',
      'Take time',
      '--private',
      SECRET,
      '--next',
      '2027-01-07 17:30',
    ]);
  });
  afterAll(() => cleanup());

  const shared: [string, string[]][] = [
    ['export as Markdown', ['export', '--meeting', 'm1']],
    ['export as JSON', ['export', '--meeting', 'm1', '--format', 'json']],
    ['a summary export', ['export', '--since', '2026-11-01']],
    ['a summary export as JSON', ['export', '--since', '2026-11-01', '--format', 'json']],
    ['meetings --json', ['meetings', '--json']],
    ['show --json', ['show', 'm1', '--json']],
    ['show', ['show', 'm1']],
    ['status', ['status']],
  ];

  it.each(shared)('never reach %s without --include-private', async (_name, args) => {
    const out = await run(args);
    expect(out).not.toContain(SECRET);
  });

  it('show says a private reflection exists without printing it', async () => {
    expect(await run(['show', 'm1'])).toContain('Private reflection: hidden (show it with --include-private)');
  });

  it('appear, marked as private, only when asked for', async () => {
    expect(await run(['show', 'm1', '--include-private'])).toMatch(
      /Private reflection \(never shared\)\n\s+Felt anxious/,
    );
    expect(await run(['export', '--meeting', 'm1', '--include-private'])).toContain(
      `## Private reflection\n\n${SECRET}`,
    );
    const json = JSON.parse(await run(['export', '--meeting', 'm1', '--format', 'json', '--include-private']));
    expect(json.meeting.log.privateReflection).toBe(SECRET);
  });

  it('the journal, its folder, backups and exports are readable by their owner only', async () => {
    const out = join(dir, 'notes.md');
    await run(['export', '--meeting', 'm1', '--out', out]);
    expect((await stat(journal)).mode & 0o777).toBe(0o600);
    expect((await stat(`${journal}.backups`)).mode & 0o777).toBe(0o700);
    for (const name of await readdir(`${journal}.backups`)) {
      expect((await stat(join(`${journal}.backups`, name))).mode & 0o777).toBe(0o600);
    }
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(await readFile(out, 'utf8')).not.toContain(SECRET);
  });

  it('a journal in a new folder gets an owner-only folder even with a permissive umask', async () => {
    const nested = join(dir, 'new', 'deeper', 'journal.json');
    const result = await runCli(['init', '--stage', 'medical student'], { journal: nested });
    expect(result.code).toBe(0);
    expect((await stat(join(dir, 'new', 'deeper'))).mode & 0o777).toBe(0o700);
    expect((await stat(nested)).mode & 0o777).toBe(0o600);
  });
});

describe('where the journal lives', () => {
  it('--journal wins over MENTEE_JOURNAL', async () => {
    const { dir, cleanup } = await tempFolder();
    try {
      await cli(['init', '--stage', 'FY1', '--journal', join(dir, 'flag.json')], {
        env: { MENTEE_JOURNAL: join(dir, 'env.json') },
      });
      await expect(stat(join(dir, 'flag.json'))).resolves.toBeTruthy();
      await expect(stat(join(dir, 'env.json'))).rejects.toThrow();
    } finally {
      await cleanup();
    }
  });
});
