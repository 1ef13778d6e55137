import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, readJournal, runMentee, tempJournal } from '../helpers/cli.js';

const BUILT_IN = ['career-decision', 'check-in', 'feedback', 'first-meeting', 'portfolio-reflection', 'wellbeing'];

describe('prep templates', () => {
  let dir: string;
  let journal: string;
  let cleanup: () => Promise<void>;
  let env: Record<string, string>;

  beforeEach(async () => {
    ({ dir, journal, cleanup } = await tempJournal());
    env = { XDG_CONFIG_HOME: join(dir, 'config') };
  });
  afterEach(() => cleanup());

  const userTemplates = () => join(dir, 'config', 'mentee', 'templates', 'prep');

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
    await ok(['mentor', 'add', 'Dr Ada Lovelace'], { journal, env });
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

    await ok(['mentor', 'add', 'Dr Ada Lovelace'], { journal, env });
    const prep = await runMentee(['prep', '--when', '2026-12-03 17:30', '--template', 'feedback'], { journal, env });
    expect(prep.code).toBe(0);
    expect(prep.stderr).toContain('broken.json');
    expect(
      (await readJournal(journal)).meetings[0].prep.topics.map((topic: { title: string }) => topic.title),
    ).toContain('Feedback on it: what works, what to change');
  });
});
