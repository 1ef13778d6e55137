/**
 * What mentee finds in the user's own folders: prep templates, export layouts and identifier patterns
 * in the config folder, the journal in the data folder. These folders come from the process
 * environment (XDG_CONFIG_HOME, XDG_DATA_HOME), so these tests run the built binary; journals are set
 * up in process.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, readJournal, runMentee } from '../helpers/cli.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

const BUILT_IN = ['career-decision', 'check-in', 'feedback', 'first-meeting', 'portfolio-reflection', 'wellbeing'];

let dir: string;
let journal: string;
let cleanup: () => Promise<void>;
/** The config folder of these runs, inside the test's folder. */
let config: string;
let env: Record<string, string>;

beforeEach(async () => {
  ({ dir, journal, cleanup } = await withLovelace());
  config = join(dir, 'config');
  env = { XDG_CONFIG_HOME: config };
});
afterEach(() => cleanup());

describe('prep templates', () => {
  const userTemplates = () => join(config, 'mentee', 'templates', 'prep');

  it('ships the six built-in templates, each with topics and reflection prompts', async () => {
    const { templates } = JSON.parse(await ok(['templates', '--json'], { env }));
    expect(templates.map((template: { name: string }) => template.name).sort()).toEqual(BUILT_IN);
    for (const template of templates) {
      expect(template.source).toBe('built-in');
      expect(template.topics.length).toBeGreaterThan(0);
      expect(template.prompts.length).toBeGreaterThan(0);
    }
    const decision = await ok(['templates', 'show', 'career-decision'], { env });
    expect(decision).toContain('What would your ideal future look like?');
    expect(decision).toContain('Whose perspective matters here');
    expect(decision).toContain('Which assumption here might be wrong?');
  });

  it("a template of the user's own is listed, and replaces a built-in one of the same name", async () => {
    await mkdir(userTemplates(), { recursive: true });
    const own = {
      name: 'check-in',
      description: 'My own check-in',
      defaultMinutes: 5,
      topics: [{ title: 'Rota swaps', minutes: 5 }],
      prompts: ['How was nights?'],
    };
    await writeFile(join(userTemplates(), 'check-in.json'), JSON.stringify(own));
    const { templates } = JSON.parse(await ok(['templates', '--json'], { env }));
    expect(templates.find((template: { name: string }) => template.name === 'check-in')).toMatchObject({
      description: 'My own check-in',
      source: 'yours',
    });
    await ok(['prep', '--when', '2026-12-03 17:30', '--template', 'check-in'], { journal, env });
    expect((await readJournal(journal)).meetings[0].prep.topics).toEqual([{ title: 'Rota swaps', minutes: 5 }]);
  });

  it('a malformed template of the user is reported with its file and problem, and the built-in ones still work', async () => {
    await mkdir(userTemplates(), { recursive: true });
    await writeFile(join(userTemplates(), 'broken.json'), '{"name": "broken", "topics": [');
    await writeFile(
      join(userTemplates(), 'wrong.json'),
      JSON.stringify({ name: 'Wrong Name', description: 'x', defaultMinutes: 5, topics: [], prompts: [] }),
    );
    const list = await runMentee(['templates'], { env });
    expect(list.code).toBe(0);
    expect(list.stderr).toContain(`skipped template ${join(userTemplates(), 'broken.json')}`);
    expect(list.stderr).toMatch(/wrong\.json: name: must be lower-case words joined by -/);
    expect(list.stdout).toContain('career-decision');

    const prep = await runMentee(['prep', '--when', '2026-12-03 17:30', '--template', 'feedback'], { journal, env });
    expect(prep.code).toBe(0);
    expect(prep.stderr).toContain('broken.json');
    expect(
      (await readJournal(journal)).meetings[0].prep.topics.map((topic: { title: string }) => topic.title),
    ).toContain('Feedback on it: what works, what to change');
  });
});

describe('export layouts of your own', () => {
  const HOSTILE = '<script>alert(1)</script> | *bold* [link](x)';
  const layouts = () => join(config, 'mentee', 'templates', 'export');

  beforeEach(async () => {
    await cli(['prep', '--when', '2026-11-10 17:30', '--topic', 'Specialty choice:15', '--topic', `${HOSTILE}:10`], {
      journal,
      now: '2026-11-01T09:00:00Z',
    });
    await cli(['log', 'm1', '--covered', '1', '--parked', '2', '--advice', 'Shadow two GP clinics'], {
      journal,
      now: '2026-11-10T19:00:00Z',
    });
  });

  it('a layout in the config folder replaces the built-in one, with user text still escaped', async () => {
    await mkdir(layouts(), { recursive: true });
    await writeFile(
      join(layouts(), 'meeting.md.liquid'),
      'Hello {{ meeting.mentor.name }}: {% for topic in meeting.topics %}{{ topic.title }}; {% endfor %}\n',
    );
    const text = await ok(['export', '--meeting', 'm1'], { journal, env });
    expect(text).toBe(
      'Hello Dr Ada Lovelace: Specialty choice; \\<script>alert(1)\\</script> \\| \\*bold\\* \\[link](x);\n',
    );
  });

  it('a broken layout gets one clear line naming the file, and no export', async () => {
    const file = join(layouts(), 'summary.html.liquid');
    await mkdir(layouts(), { recursive: true });
    await writeFile(file, '{% for goal in summary.goals %}{{ goal.nonsense }}');
    const result = await runMentee(['export', '--all', '--format', 'html'], { journal, env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(file);
  });

  it("a layout's date filter writes English, as the rest of the export does, whatever the system's language", async () => {
    await mkdir(layouts(), { recursive: true });
    await writeFile(join(layouts(), 'meeting.md.liquid'), '{{ "2026-12-03T12:00:00Z" | date: "%A %-d %B %Y" }}\n');
    const text = await ok(['export', '--meeting', 'm1'], { journal, env: { ...env, LANG: 'de_DE.UTF-8' } });
    expect(text).toBe('Thursday 3 December 2026\n');
  });
});

describe('identifier patterns of your own', () => {
  it('are checked besides the NHS number, and a broken identifiers.json is reported, not fatal', async () => {
    const file = join(config, 'mentee', 'identifiers.json');
    await mkdir(join(config, 'mentee'), { recursive: true });
    await writeFile(file, JSON.stringify({ patterns: [{ name: 'a hospital number', pattern: '\\bRX\\d{7}\\b' }] }));
    const refused = await runMentee(['goal', 'add', 'Follow up RX1234567'], { journal, env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('looks like it contains a hospital number (RX1234567)');
    await writeFile(file, '{ not json');
    const warned = await runMentee(['goal', 'add', 'Follow up RX1234567'], { journal, env });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain(`warning: ${file} is not`);
  });
});

describe('where the journal lives', () => {
  it('defaults to journal.json in the XDG data folder', async () => {
    const result = await runMentee(['init', '--stage', 'FY1'], {
      env: { MENTEE_JOURNAL: undefined, XDG_DATA_HOME: dir },
    });
    expect(result.stdout).toContain(join(dir, 'mentee', 'journal.json'));
    expect((await stat(join(dir, 'mentee', 'journal.json'))).mode & 0o777).toBe(0o600);
  });
});
