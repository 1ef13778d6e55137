/**
 * Files of the user's that are not what they should be, met by the real binary: another user's
 * journal, pipes where templates and identifiers.json should be, and export layouts that loop. Each
 * ends at once (or within the layout limits) with one line, and a looping layout never takes much memory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, runEnv, runMentee } from '../helpers/cli.js';
import { otherUser, runAs } from '../helpers/machine.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

let dir: string;
let journal: string;
let cleanup: () => Promise<void>;
let env: Record<string, string>;

beforeEach(async () => {
  ({ dir, journal, cleanup } = await withLovelace());
  env = { XDG_CONFIG_HOME: join(dir, 'config') };
});
afterEach(() => cleanup());

const user = otherUser();

describe('a journal another user cannot read', () => {
  it.skipIf('skipped' in user)('says whose it is, its mode, and how to get in', async () => {
    if ('skipped' in user) return;
    await chmod(dir, 0o755);
    await chmod(journal, 0o600);
    const ran = runAs(user, `"${process.execPath}" "${BIN}" status`, { env: runEnv({ journal }) });
    expect(ran.status).toBe(1);
    expect(ran.stderr).toBe(
      `mentee: Cannot read the journal ${journal}: permission denied: it belongs to root, mode 0600, and you are ` +
        `${user.name}. Run mentee as root; or, if it is yours, take it back: sudo chown ${user.name} "${journal}" ` +
        `&& chmod 600 "${journal}".\n`,
    );
  });

  it.skipIf('skipped' in user)('names the folder on the way that is closed to them', async () => {
    if ('skipped' in user) return;
    await chmod(dir, 0o700);
    const ran = runAs(user, `"${process.execPath}" "${BIN}" status`, { env: runEnv({ journal }) });
    expect(ran.status).toBe(1);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stderr).toContain(`the folder ${dir} is not open to you (${user.name}); it belongs to root, mode 0700`);
    expect(ran.stderr).toContain('Run mentee as root, or choose a journal in a folder of yours.');
  });
});

describe('config files that are pipes or devices', () => {
  it('a prep template or identifiers.json that is a pipe is skipped with a warning, not waited on', async () => {
    const prep = join(dir, 'config', 'mentee', 'templates', 'prep');
    await mkdir(prep, { recursive: true });
    execFileSync('mkfifo', [join(prep, 'stuck.json')]);
    execFileSync('mkfifo', [join(dir, 'config', 'mentee', 'identifiers.json')]);
    const started = performance.now();
    const result = await runMentee(['templates'], { env });
    const goal = await runMentee(['goal', 'add', 'Apply for ST1'], { journal, env });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `skipped template ${join(prep, 'stuck.json')}: it is a named pipe (FIFO), not a file`,
    );
    expect(goal.code).toBe(0);
    expect(goal.stderr).toContain('identifiers.json: it is a named pipe (FIFO), not a file; its patterns are not used');
  });
});

describe('an export layout that loops', () => {
  const layout = () => join(dir, 'config', 'mentee', 'templates', 'export', 'meeting.md.liquid');

  beforeEach(async () => {
    await cli(['prep', '--when', '2026-11-10 17:30', '--topic', 'Specialty choice:15'], {
      journal,
      now: '2026-11-01T09:00:00Z',
    });
    await mkdir(join(dir, 'config', 'mentee', 'templates', 'export'), { recursive: true });
  });

  /** The export with the layout given, and the most memory the process held (maxRSS, in MB). */
  async function exportWith(text: string) {
    await writeFile(layout(), text);
    const rssFile = join(dir, 'rss');
    const hook = `data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)))`;
    const ran = spawnSync(process.execPath, ['--import', hook, BIN, 'export', '--meeting', 'm1'], {
      env: runEnv({ journal, env }),
      encoding: 'utf8',
    });
    return { ...ran, rssMb: Number(await readFile(rssFile, 'utf8')) / 1024 };
  }

  for (const [kind, text] of [
    ['a huge range', '{% for i in (1..100000000) %}{{ meeting.mentor.name }}{% endfor %}'],
    [
      'a string doubled',
      '{% assign s = "xxxxxxxxxx" %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}{{ s }}',
    ],
    [
      'loops inside loops writing',
      `{% for i in (1..100000) %}{% for j in (1..1000) %}{{ meeting.mentor.name }}${'x'.repeat(1000)}{% endfor %}{% endfor %}`,
    ],
  ]) {
    it(`${kind} is stopped with one line naming the layout, using little memory`, async () => {
      const ran = await exportWith(text!);
      expect(ran.status).toBe(1);
      expect(ran.stdout).toBe('');
      expect(ran.stderr.trim().split('\n')).toHaveLength(1);
      expect(ran.stderr).toMatch(
        new RegExp(
          `^mentee: Cannot export with your layout ${layout()}: stopped at line 1, column \\d+: it (builds|writes) more than 64 million characters`,
        ),
      );
      expect(ran.rssMb).toBeLessThan(300);
    });
  }
});
