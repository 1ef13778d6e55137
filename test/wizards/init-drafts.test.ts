import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeCommand } from '../../src/commands/home.js';
import { initCommand } from '../../src/commands/init.js';
import { setProfile } from '../../src/core/profile.js';
import { NOW } from '../core/fixtures.js';
import {
  commandContext,
  CTRL_C,
  ENTER,
  ESCAPE,
  pick,
  scripted,
  tempStores,
  typesThen,
  type ScriptLine,
} from '../helpers/scripted-prompter.js';
import { ADA, SAM } from './init-fixtures.js';
import { withoutUids } from '../helpers/uids.js';

/** Every question of a first init: Sam, Dr Ada Lovelace with her ground rules, and two goals. */
const FULL_INIT: ScriptLine[] = [
  ...SAM,
  ...ADA,
  [/A goal/, 'Get into GP training'],
  [/Kind of goal/, ENTER],
  [/Target date/, '2027-08-01'],
  [/A goal/, 'Finish the audit'],
  [/Kind of goal/, pick(/clinical/)],
  [/Target date/, ''],
  [/A goal/, ''],
];

const RESUME: ScriptLine = [/^You left your setup unfinished \(.*\)\. Resume it\?$/, pick(/^Resume/)];

/** The script up to question `n`, stopped there with `stop`. */
function stoppedAt(n: number, stop: typeof CTRL_C | typeof ESCAPE = CTRL_C): ScriptLine[] {
  const script = FULL_INIT.slice(0, n);
  script[n - 1] = [(script[n - 1] as [RegExp, unknown])[0], stop];
  return script;
}

describe('an init stopped half-way loses nothing', () => {
  const newStore = tempStores(NOW);

  async function setUp() {
    const temp = await newStore();
    return { ...temp, drafts: `${temp.path}.drafts` };
  }

  async function uninterrupted() {
    const { store } = await setUp();
    const prompt = scripted(FULL_INIT);
    await initCommand(commandContext(store, NOW, prompt), {});
    prompt.done();
    return store.read();
  }

  it.each([2, 5, 9, 13, 14, 17, 19, 21])(
    'init typed halfway and interrupted at question %i resumes with the answers kept',
    async (n) => {
      const expected = await uninterrupted();
      const { store, bytes, drafts } = await setUp();
      const first = scripted(stoppedAt(n));
      const ctx = commandContext(store, NOW, first);
      await expect(initCommand(ctx, {})).rejects.toMatchObject({ name: 'ExitPromptError' });
      first.done();
      expect(await bytes()).toBeUndefined(); // still no journal: nothing is saved until the end
      expect(ctx.err).toEqual([
        `${n - 1} answer${n === 2 ? '' : 's'} kept as a draft; run mentee init again to resume them.`,
      ]);
      expect(await readdir(drafts)).toEqual(['init.json']);
      expect((await stat(join(drafts, 'init.json'))).mode & 0o777).toBe(0o600);

      const second = scripted([RESUME, ...FULL_INIT.slice(n - 1)]);
      const again = commandContext(store, NOW, second);
      await initCommand(again, {});
      second.done();
      expect(second.asked[0]!.message).toContain(`(${n - 1} answer${n === 2 ? '' : 's'}, `);
      const saved = await store.read();
      expect(withoutUids({ profile: saved.profile, mentors: saved.mentors, goals: saved.goals })).toEqual(
        withoutUids({ profile: expected.profile, mentors: expected.mentors, goals: expected.goals }),
      );
      expect(again.out[0]).toMatch(/^Journal ready at .* for Sam Patel, FY2 doctor\.$/);
      expect(await readdir(drafts)).toEqual([]);
    },
  );

  it('Ctrl-C at the first question, with nothing typed, leaves no draft behind', async () => {
    const { store, drafts } = await setUp();
    const ctx = commandContext(store, NOW, scripted(stoppedAt(1)));
    await expect(initCommand(ctx, {})).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(ctx.err).toEqual([]);
    expect(await readdir(drafts).catch(() => [])).toEqual([]);
  });

  it('discarding the setup left unfinished asks every question again and removes the draft', async () => {
    const { store, drafts } = await setUp();
    await expect(initCommand(commandContext(store, NOW, scripted(stoppedAt(6))), {})).rejects.toThrow();
    const second = scripted([[/You left your setup unfinished/, pick(/Discard it and start afresh/)], ...FULL_INIT]);
    await initCommand(commandContext(store, NOW, second), {});
    second.done();
    expect((await store.read()).mentors.map((mentor) => mentor.name)).toEqual(['Dr Ada Lovelace']);
    expect(await readdir(drafts)).toEqual([]);
  });

  it('plain mentee on a first run offers to resume the setup left unfinished', async () => {
    const { store, drafts } = await setUp();
    await expect(initCommand(commandContext(store, NOW, scripted(stoppedAt(4))), {})).rejects.toThrow();
    const second = scripted([[/^No journal yet/, ENTER], RESUME, ...FULL_INIT.slice(3)]);
    await homeCommand(commandContext(store, NOW, second), {});
    second.done();
    expect((await store.read()).profile).toEqual({ name: 'Sam Patel', stage: 'FY2 doctor' });
    expect(await readdir(drafts)).toEqual([]);
  });

  it('re-running init on a journal keeps its answers in a draft too, and the journal byte for byte', async () => {
    const { store, bytes, drafts } = await setUp();
    await store.update((j) => void setProfile(j, { name: 'Sam Patel', stage: 'FY1 doctor' }));
    const before = await bytes();
    const first = scripted([
      [/Your name/, ENTER],
      [/career stage/, 'FY2 doctor'],
      [/Add your first mentor/, true],
      [/mentor's name/, 'Dr Ada Lovelace'],
      [/role/, CTRL_C],
    ]);
    await expect(initCommand(commandContext(store, NOW, first), {})).rejects.toThrow();
    expect(await bytes()).toEqual(before);
    const draft = JSON.parse(await readFile(join(drafts, 'init.json'), 'utf8')) as { answers: object };
    expect(draft.answers).toEqual({
      name: 'Sam Patel',
      stage: 'FY2 doctor',
      mentor: true,
      'mentor:name': 'Dr Ada Lovelace',
    });
  });
});

describe('a half-typed answer in init survives Ctrl-C and Escape', () => {
  const newStore = tempStores(NOW);

  it('a half-typed ground rule survives Ctrl-C and is offered again, on its own line', async () => {
    const { store, path } = await newStore();
    const first = scripted([...FULL_INIT.slice(0, 12), [/other ground rule/, typesThen('Meet on Thurs')]]);
    const ctx = commandContext(store, NOW, first);
    await expect(initCommand(ctx, {})).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(ctx.err).toEqual(['12 answers and a half-typed one kept as a draft; run mentee init again to resume them.']);

    const second = scripted([
      [/^You left your setup unfinished \(12 answers and a half-typed one, .*\)\. Resume it\?$/, pick(/^Resume/)],
      [/other ground rule/, 'Meet on Thursdays after clinic'],
      ...FULL_INIT.slice(13),
    ]);
    await initCommand(commandContext(store, NOW, second), {});
    second.done();
    expect(second.question(/^You left your setup/)!.choices![0]!.label).toBe(
      'Resume: the questions answered are not asked again, and what you were typing is put back',
    );
    expect(second.question(/other ground rule/)!.typed).toBe('Meet on Thurs');
    expect((await store.read()).mentors[0]!.rules).toContain('Meet on Thursdays after clinic');
    await expect(readdir(`${path}.drafts`)).resolves.toEqual([]);
  });

  it('the text put back is taken as it stands with Enter', async () => {
    const { store } = await newStore();
    await expect(
      initCommand(commandContext(store, NOW, scripted([[/Your name/, typesThen('Sam Pat')]])), {}),
    ).rejects.toThrow();
    const second = scripted([
      [/^You left your setup unfinished \(a half-typed answer, .*\)\. Resume it\?$/, pick(/^Resume/)],
      [/Your name/, ENTER],
      [/career stage/, ''],
      [/Add your first mentor/, false],
      [/A goal/, ''],
    ]);
    await initCommand(commandContext(store, NOW, second), {});
    second.done();
    expect((await store.read()).profile).toEqual({ name: 'Sam Pat' });
  });

  it('Escape with only a half-typed answer asks once before throwing it away', async () => {
    const { store, path } = await newStore();
    const kept = scripted([
      [/Your name/, typesThen('Sam Pat', ESCAPE)],
      [/^Discard a half-typed answer\? It is kept as a draft otherwise$/, ENTER],
    ]);
    const ctx = commandContext(store, NOW, kept);
    await expect(initCommand(ctx, {})).rejects.toMatchObject({ name: 'AbortPromptError' });
    kept.done();
    expect(ctx.err).toEqual(['A half-typed answer kept as a draft; run mentee init again to resume it.']);
    expect(await readdir(`${path}.drafts`)).toEqual(['init.json']);

    const discarded = scripted([
      [/You left your setup unfinished/, pick(/^Resume/)],
      [/Your name/, typesThen('Sam Patel', ESCAPE)],
      [/^Discard a half-typed answer\?/, true],
    ]);
    await expect(initCommand(commandContext(store, NOW, discarded), {})).rejects.toThrow();
    discarded.done();
    expect(await readdir(`${path}.drafts`)).toEqual([]);
  });

  it('clearing the text put back and stopping again leaves no half-typed answer', async () => {
    const { store, path } = await newStore();
    await expect(
      initCommand(commandContext(store, NOW, scripted([...FULL_INIT.slice(0, 1), [/career/, typesThen('FY')]])), {}),
    ).rejects.toThrow();
    const second = scripted([RESUME, [/career stage/, typesThen('')]]);
    const ctx = commandContext(store, NOW, second);
    await expect(initCommand(ctx, {})).rejects.toThrow();
    second.done();
    expect(ctx.err).toEqual(['1 answer kept as a draft; run mentee init again to resume them.']);
    const draft = JSON.parse(await readFile(join(`${path}.drafts`, 'init.json'), 'utf8')) as object;
    expect(draft).not.toHaveProperty('typing');
  });
});
