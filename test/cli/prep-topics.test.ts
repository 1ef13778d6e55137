/** Topics given to prep as flags or from a template: kept once each, with their minutes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJournal } from '../helpers/cli.js';
import { cli, withLovelace } from '../helpers/run-cli.js';

describe('prep topics', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ journal, cleanup } = await withLovelace());
  });
  afterEach(() => cleanup());

  it("--template without the wizard adds the template's suggested topics, with their minutes", async () => {
    const { templates } = JSON.parse(await cli(['templates', '--json']));
    const template =
      templates.find((candidate: { name: string }) => candidate.name === 'career-decision') ??
      templates.find((candidate: { topics: unknown[] }) => candidate.topics.length > 0);
    expect(template.topics.length).toBeGreaterThan(0);
    await cli(['prep', '--when', '2026-12-03 17:30', '--template', template.name, '--topic', 'My own question'], {
      journal,
    });
    const prep = (await readJournal(journal)).meetings[0].prep;
    expect(prep.template).toBe(template.name);
    expect(prep.topics.map((topic: { title: string }) => topic.title)).toEqual([
      'My own question',
      ...template.topics.map((topic: { title: string }) => topic.title),
    ]);
    for (const suggested of template.topics) {
      expect(prep.topics).toContainEqual(expect.objectContaining(suggested));
    }
  });

  it('preparing twice with the same --template does not add its topics twice', async () => {
    await cli(['prep', '--when', '2026-12-03 17:30', '--template', 'check-in'], { journal });
    const once = (await readJournal(journal)).meetings[0].prep.topics;
    await cli(['prep', '--meeting', 'm1', '--template', 'check-in'], { journal });
    expect((await readJournal(journal)).meetings[0].prep.topics).toEqual(once);
  });

  it('"Handover at 17:30" keeps the whole text as its title, with no minutes', async () => {
    await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Handover at 17:30'], { journal });
    expect((await readJournal(journal)).meetings[0].prep.topics).toEqual([{ title: 'Handover at 17:30' }]);
  });

  it('naming a topic again without minutes keeps the minutes it had', async () => {
    await cli(['prep', '--when', '2026-12-03 17:30', '--topic', 'Rota:15', '--topic', 'Exams:10'], { journal });
    await cli(['prep', '--meeting', 'm1', '--topic', 'rota', '--kind', 'update'], { journal });
    const topics = (await readJournal(journal)).meetings[0].prep.topics;
    expect(topics).toHaveLength(2);
    expect(topics[0]).toMatchObject({ minutes: 15, kind: 'update' });
    expect(topics[0].title.toLowerCase()).toBe('rota');
    expect(topics[1]).toEqual({ title: 'Exams', minutes: 10 });
  });
});
