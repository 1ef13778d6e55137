import { readdir, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepCommand } from '../../src/commands/prep.js';
import { fitToTime } from '../../src/wizards/prep-wizard.js';
import { NOW } from '../core/fixtures.js';
import {
  commandContext,
  CTRL_C,
  ENTER,
  ESCAPE,
  pick,
  scripted,
  tempStores,
  type ScriptLine,
} from '../helpers/scripted-prompter.js';
import { FULL_FIRST_PREP, withAdaToPrepare } from './prep-fixtures.js';
import { withoutUids } from '../helpers/uids.js';

const fullPrep = FULL_FIRST_PREP;
const noMarkdown: ScriptLine = [/Write it as Markdown/, false];
const RESUME: ScriptLine = [/You left your prep of a meeting with lovelace unfinished/, pick(/Resume/)];

/** The script up to question `n`, stopped there with `stop`. */
function stoppedAt(n: number, stop: typeof CTRL_C | typeof ESCAPE = CTRL_C): ScriptLine[] {
  const script = fullPrep.slice(0, n);
  script[n - 1] = [(script[n - 1] as [RegExp, unknown])[0], stop];
  return script;
}

describe('a prep stopped half-way loses nothing', () => {
  const newStore = tempStores(NOW);

  async function setUp() {
    const temp = await newStore();
    await temp.store.update(withAdaToPrepare);
    return { ...temp, drafts: `${temp.path}.drafts` };
  }

  async function uninterrupted() {
    const { store } = await setUp();
    const prompt = scripted([...fullPrep, noMarkdown]);
    await prepCommand(commandContext(store, NOW, prompt), {});
    prompt.done();
    return (await store.read()).meetings;
  }

  it.each([2, 5, 9, 11, 15, 18, 21])(
    'Ctrl-C at question %i keeps the answers; the next prep resumes them and saves what an uninterrupted one does',
    async (n) => {
      const expected = await uninterrupted();
      const { store, bytes, drafts } = await setUp();
      const before = await bytes();
      const first = scripted(stoppedAt(n));
      const ctx = commandContext(store, NOW, first);
      await expect(prepCommand(ctx, {})).rejects.toMatchObject({ name: 'ExitPromptError' });
      first.done();
      expect(await bytes()).toEqual(before);
      expect(ctx.err).toEqual([
        expect.stringMatching(/^\d+ answers? kept as a draft; run mentee prep again to resume them\.$/),
      ]);
      const [file] = await readdir(drafts);
      expect(file).toBe('prep-new-lovelace.json');
      expect((await stat(join(drafts, file!))).mode & 0o777).toBe(0o600);
      expect((await stat(drafts)).mode & 0o777).toBe(0o700);

      const second = scripted([RESUME, ...fullPrep.slice(n - 1), noMarkdown]);
      await prepCommand(commandContext(store, NOW, second), {});
      second.done();
      expect(withoutUids((await store.read()).meetings)).toEqual(withoutUids(expected));
      expect(await readdir(drafts)).toEqual([]);
    },
  );

  it('the draft holds the answers given and the agenda as far as it got', async () => {
    const { store, drafts } = await setUp();
    await expect(prepCommand(commandContext(store, NOW, scripted(stoppedAt(5))), {})).rejects.toThrow();
    const draft = JSON.parse(await readFile(join(drafts, 'prep-new-lovelace.json'), 'utf8'));
    expect(draft).toMatchObject({
      version: 1,
      wizard: 'prep',
      mentor: 'lovelace',
      answers: { when: '2026-12-03T17:30:00.000Z', length: 30, mode: 'in-person', intention: 'A decision plan' },
      input: { mentor: 'lovelace', intention: 'A decision plan', lengthMinutes: 30 },
    });
  });

  it('discarding the draft starts afresh and removes it', async () => {
    const { store, drafts } = await setUp();
    await expect(prepCommand(commandContext(store, NOW, scripted(stoppedAt(5))), {})).rejects.toThrow();
    const prompt = scripted([[/unfinished/, pick(/Discard/)], ...stoppedAt(2)]);
    await expect(prepCommand(commandContext(store, NOW, prompt), {})).rejects.toThrow();
    prompt.done();
    const draft = JSON.parse(await readFile(join(drafts, 'prep-new-lovelace.json'), 'utf8'));
    expect(Object.keys(draft.answers)).toEqual(['when']);
  });

  it('Escape after several answers asks once before discarding them', async () => {
    const { store, drafts } = await setUp();
    const prompt = scripted([
      ...stoppedAt(6, ESCAPE),
      [/^Discard 4 answers\? They are kept as a draft otherwise$/, true],
    ]);
    const ctx = commandContext(store, NOW, prompt);
    await expect(prepCommand(ctx, {})).rejects.toMatchObject({ name: 'AbortPromptError' });
    prompt.done();
    expect(await readdir(drafts)).toEqual([]);
    expect(ctx.err).toEqual([]);
  });

  it('Escape, then no to discarding, keeps the answers for next time', async () => {
    const { store, drafts } = await setUp();
    const prompt = scripted([...stoppedAt(6, ESCAPE), [/^Discard 4 answers/, ENTER]]);
    const ctx = commandContext(store, NOW, prompt);
    await expect(prepCommand(ctx, {})).rejects.toMatchObject({ name: 'AbortPromptError' });
    prompt.done();
    expect(await readdir(drafts)).toEqual(['prep-new-lovelace.json']);
    expect(ctx.err).toEqual(['4 answers kept as a draft; run mentee prep again to resume them.']);
  });

  it('Escape after one answer stops without asking', async () => {
    const { store, drafts } = await setUp();
    const prompt = scripted(stoppedAt(2, ESCAPE));
    await expect(prepCommand(commandContext(store, NOW, prompt), {})).rejects.toMatchObject({
      name: 'AbortPromptError',
    });
    prompt.done();
    expect(await readdir(drafts)).toEqual([]);
  });

  it('a draft that no longer reads is set aside in one line, and the prep goes on', async () => {
    const expected = await uninterrupted();
    const { store, drafts } = await setUp();
    await mkdir(drafts, { recursive: true });
    await writeFile(join(drafts, 'prep-new-lovelace.json'), JSON.stringify({ version: 99, answers: 'x' }));
    const prompt = scripted([...fullPrep, noMarkdown]);
    const ctx = commandContext(store, NOW, prompt);
    await prepCommand(ctx, {});
    prompt.done();
    expect(ctx.err).toEqual([
      `An unfinished prep could not be read (it is not a draft this version of mentee knows); it is set aside as ${join(drafts, 'prep-new-lovelace.json.unreadable')}.`,
    ]);
    expect(withoutUids((await store.read()).meetings)).toEqual(withoutUids(expected));
    expect(await readdir(drafts)).toEqual(['prep-new-lovelace.json.unreadable']);
  });

  it('a draft for another meeting is not offered when --meeting names one', async () => {
    const { store } = await setUp();
    await expect(prepCommand(commandContext(store, NOW, scripted(stoppedAt(5))), {})).rejects.toThrow();
    // The draft is for a new meeting with lovelace, not m9 (which does not exist: refused before any question).
    const prompt = scripted([]);
    await expect(prepCommand(commandContext(store, NOW, prompt), { meeting: 'm9' })).rejects.toMatchObject({
      problem: { code: 'record-not-found', ref: 'm9' },
    });
    expect(prompt.asked).toEqual([]);
  });
});

describe('writing the saved agenda as Markdown', () => {
  const newStore = tempStores(NOW);

  async function setUp() {
    const temp = await newStore();
    await temp.store.update(withAdaToPrepare);
    return temp;
  }

  it('to a file that exists asks for another name, and leaves that file alone', async () => {
    const { store, dir } = await setUp();
    const taken = join(dir, 'agenda.md');
    const other = join(dir, 'agenda-ada.md');
    await writeFile(taken, 'my own notes');
    const prompt = scripted([
      ...fullPrep,
      [/Write it as Markdown/, true],
      [/^File:$/, taken],
      [/agenda\.md already exists/, pick(/another name/)],
      [/^File:$/, other],
    ]);
    const ctx = commandContext(store, NOW, prompt);
    await prepCommand(ctx, {});
    prompt.done();
    expect(ctx.out).toEqual(['Saved the agenda for m1.', `Wrote ${other}.`]);
    expect(await readFile(taken, 'utf8')).toBe('my own notes');
    expect(await readFile(other, 'utf8')).toContain('# Agenda: meeting with Dr Ada Lovelace');
  });

  it('replaces the file that exists when asked to', async () => {
    const { store, dir } = await setUp();
    const taken = join(dir, 'agenda.md');
    await writeFile(taken, 'an old agenda');
    const prompt = scripted([
      ...fullPrep,
      [/Write it as Markdown/, true],
      [/^File:$/, taken],
      [/already exists/, pick(/Replace/)],
    ]);
    const ctx = commandContext(store, NOW, prompt);
    await prepCommand(ctx, {});
    prompt.done();
    expect(ctx.out).toEqual(['Saved the agenda for m1.', `Wrote ${taken}.`]);
    expect(await readFile(taken, 'utf8')).toContain('# Agenda: meeting with Dr Ada Lovelace');
  });

  it('never to the journal itself', async () => {
    const { store, path, bytes } = await setUp();
    const prompt = scripted([...fullPrep, [/Write it as Markdown/, true], [/^File:$/, path], [/^File:$/, '']]);
    await prepCommand(commandContext(store, NOW, prompt), {});
    prompt.done();
    expect(prompt.said).toContain(`${path} is part of your journal; choose another name.`);
    expect(JSON.parse((await bytes())!.toString()).meetings).toHaveLength(1);
  });
});

describe('giving a topic fewer minutes', () => {
  it('refuses as many minutes or more and asks again', async () => {
    const prompt = scripted([
      [/need 40 min, 10 more/, pick(/fewer minutes/)],
      [/Which topic/, pick(/Topic A/)],
      [/Minutes for "Topic A"/, '25'],
      [/Minutes for "Topic A"/, '20'],
      [/Minutes for "Topic A"/, '10'],
    ]);
    const topics = await fitToTime(
      prompt,
      [
        { title: 'Topic A', minutes: 20 },
        { title: 'Topic B', minutes: 20 },
      ],
      30,
    );
    prompt.done();
    expect(prompt.refused.map(({ answer, error }) => [answer, error])).toEqual([
      ['25', 'Fewer than 20, to trim it; to give it more, keep the overrun instead.'],
      ['20', 'Fewer than 20, to trim it; to give it more, keep the overrun instead.'],
    ]);
    expect(topics).toEqual([
      { title: 'Topic A', minutes: 10 },
      { title: 'Topic B', minutes: 20 },
    ]);
  });

  it('is not offered when no topic has a minute to give', async () => {
    const prompt = scripted([[/need 3 min, 1 more/, pick(/Keep it/)]]);
    const topics = [1, 1, 1].map((minutes, at) => ({ title: `T${at}`, minutes }));
    expect(await fitToTime(prompt, topics, 2)).toEqual(topics);
    prompt.done();
    expect(prompt.asked[0]!.choices!.map((choice) => choice.value)).toEqual(['drop', 'reorder', 'keep']);
  });
});
