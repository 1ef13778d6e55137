import { describe, expect, it } from 'vitest';
import { homeCommand } from '../../src/commands/home.js';
import { addGoal } from '../../src/core/goals.js';
import { parseOptions } from '../../src/commands/parse-options.js';
import { initCommand, initFlags } from '../../src/commands/init.js';
import { addMentor } from '../../src/core/mentors.js';
import { setProfile } from '../../src/core/profile.js';
import type { Journal } from '../../src/core/schema.js';
import { runInitWizard } from '../../src/wizards/init-wizard.js';
import { journal, mentor, NOW, worded } from '../core/fixtures.js';
import {
  commandContext,
  CTRL_C,
  ENTER,
  pick,
  scripted,
  tempStores,
  type ScriptLine,
} from '../helpers/scripted-prompter.js';
import { ADA, SAM } from './init-fixtures.js';

/** Runs the wizard on a copy of the journal, then applies its plan with the core, as `mentee init` does. */
async function init(j: Journal, script: ScriptLine[], flags: Record<string, unknown> = {}) {
  const prompt = scripted(script);
  const plan = await worded(() =>
    runInitWizard({
      journal: structuredClone(j),
      now: NOW,
      dates: { now: NOW },
      prompt,
      flags: parseOptions(initFlags, flags).profile,
    }),
  );
  prompt.done();
  const added = plan.mentor && addMentor(j, plan.mentor, NOW);
  const goals = plan.goals.map((goal) => addGoal(j, goal, NOW));
  setProfile(j, plan.profile);
  return { prompt, plan, mentor: added, goals };
}

describe('init wizard', () => {
  it('sets up the profile: name (optional) and career stage', async () => {
    const j = journal();
    const { prompt } = await init(j, [
      [/Your name/, ''],
      [/career stage/, 'Medical student'],
      [/Add your first mentor now/, false],
      [/A goal/, ''],
    ]);
    expect(prompt.said[0]).toMatch(/^Welcome to mentee\./);
    expect(j.profile).toEqual({ stage: 'Medical student' });
  });

  it('draws out the ground rules with questions: contact, reply time, how often and how long, support, limits', async () => {
    const j = journal();
    const { mentor: added, prompt } = await init(j, [...SAM, ...ADA, [/A goal/, '']]);
    expect(prompt.question(/How often will you meet/)!.default).toBe('4w');
    expect(prompt.question(/How is it best to contact them/)!.choices!.map((choice) => choice.label)).toEqual([
      'email',
      'phone',
      'text',
      'teams',
      'in person',
      'other',
    ]);
    expect(prompt.question(/What support do you hope for/)!.choices!.map((choice) => choice.label)).toEqual(
      expect.arrayContaining([
        'career guidance',
        'opportunities and open doors',
        'honesty about pitfalls',
        'emotional support',
        'reflecting on work-life balance',
      ]),
    );
    expect(added).toMatchObject({
      handle: 'lovelace',
      name: 'Dr Ada Lovelace',
      role: 'GP partner, Riverside Practice',
      contact: { channel: 'email', address: 'ada@example.org' },
      cadenceDays: 28,
      lengthMinutes: 45,
      rules: [
        'Contact by email (ada@example.org); usually replies within a week',
        'Off limits: Family matters',
        'Meet on Thursdays after clinic',
      ],
      expectations: ['career', 'emotional'],
      status: 'active',
    });
  });

  it('does not ask for an address when they are best met in person', async () => {
    const j = journal();
    const { mentor: added } = await init(j, [
      ...SAM,
      [/Add your first mentor/, true],
      [/mentor's name/, 'Dr Jo Blair'],
      [/role/, ''],
      [/How is it best to contact them/, pick(/in person/)],
      [/How quickly do they usually reply/, ''],
      [/How often/, 'monthly'],
      [/how many minutes/, ENTER],
      [/What support/, []],
      [/off limits/, ''],
      [/other ground rule/, ''],
      [/A goal/, ''],
    ]);
    expect(added).toMatchObject({ contact: { channel: 'in person', address: '' }, cadenceDays: 30, lengthMinutes: 30 });
    expect(added!.rules).toHaveLength(1);
    expect(added!.role).toBeUndefined();
  });

  it("refuses an empty mentor's name, and a cadence or length it cannot read, asking again", async () => {
    const j = journal();
    const { prompt, mentor: added } = await init(j, [
      ...SAM,
      [/Add your first mentor/, true],
      [/mentor's name/, '  '],
      [/mentor's name/, 'Dr Jo Blair'],
      [/role/, ''],
      [/contact them/, 'phone'],
      [/Their phone/, ''],
      [/reply/, ''],
      [/How often/, 'now and then'],
      [/How often/, '2 weeks'],
      [/how many minutes/, 'an hour'],
      [/how many minutes/, '60'],
      [/What support/, []],
      [/off limits/, ''],
      [/other ground rule/, ''],
      [/A goal/, ''],
    ]);
    expect(prompt.refused.map(({ answer, error }) => `${answer} → ${error}`)).toEqual([
      '   → A name is needed.',
      'now and then → Cannot read "now and then"; try 4w, "every 2 weeks", 30d or monthly.',
      'an hour → Give a whole number of minutes, like 30.',
    ]);
    expect(added).toMatchObject({ name: 'Dr Jo Blair', cadenceDays: 14, lengthMinutes: 60 });
  });

  it('asks for one to three goals, linked to the new mentor, and stops after the third', async () => {
    const j = journal();
    const { prompt, goals } = await init(j, [
      ...SAM,
      ...ADA,
      [/^A goal \(Enter when done\):$/, 'Get into GP training'],
      [/^Kind of goal:$/, ENTER],
      [/^Target date\? \(optional\)$/, '2027-08-01'],
      [/A goal/, 'Finish the audit'],
      [/Kind of goal/, pick(/^research$/)],
      [/Target date/, 'whenever'],
      [/Target date/, ''],
      [/A goal/, 'Sleep more before nights'],
      [/Kind of goal/, 'wellbeing'],
      [/Target date/, ''],
    ]);
    expect(prompt.said).toContain('What do you want to gain from mentoring? Write it as one to three goals.');
    expect(prompt.question(/Kind of goal/)!.default).toBe('career');
    expect(prompt.asked.filter((question) => /A goal/.test(question.message))).toHaveLength(3);
    expect(
      goals.map(({ id, title, category, targetDate, mentors }) => ({ id, title, category, targetDate, mentors })),
    ).toEqual([
      { id: 'g1', title: 'Get into GP training', category: 'career', targetDate: '2027-08-01', mentors: ['lovelace'] },
      { id: 'g2', title: 'Finish the audit', category: 'research', targetDate: undefined, mentors: ['lovelace'] },
      {
        id: 'g3',
        title: 'Sleep more before nights',
        category: 'wellbeing',
        targetDate: undefined,
        mentors: ['lovelace'],
      },
    ]);
  });

  it('an empty answer ends the goals early; without a mentor they are linked to no one', async () => {
    const j = journal();
    const { goals } = await init(j, [
      ...SAM,
      [/Add your first mentor/, false],
      [/A goal/, 'Pass the exam'],
      [/Kind of goal/, pick(/^education$/)],
      [/Target date/, ''],
      [/A goal/, ''],
    ]);
    expect(goals).toHaveLength(1);
    expect(goals[0]).toMatchObject({ title: 'Pass the exam', category: 'education', mentors: [] });
    expect(j.mentors).toEqual([]);
  });

  it('run again, it offers what is there as defaults and asks whether to add another mentor (default no)', async () => {
    const j = journal();
    setProfile(j, { name: 'Sam Patel', stage: 'FY1 doctor' });
    mentor(j, { name: 'Dr Ada Lovelace' });
    const { prompt } = await init(j, [
      [/Your name/, ENTER],
      [/career stage/, 'FY2 doctor'],
      [/^Add another mentor now\?$/, ENTER],
      [/A goal/, ''],
    ]);
    expect(prompt.question(/Your name/)!.default).toBe('Sam Patel');
    expect(prompt.question(/career stage/)!.default).toBe('FY1 doctor');
    expect(prompt.question(/Add another mentor/)!.default).toBe(false);
    expect(j.profile).toEqual({ name: 'Sam Patel', stage: 'FY2 doctor' });
    expect(j.mentors).toHaveLength(1);
  });

  it('does not ask for the name or stage the flags already gave', async () => {
    const j = journal();
    const { prompt } = await init(
      j,
      [
        [/Add your first mentor/, false],
        [/A goal/, ''],
      ],
      { name: 'Sam Patel', stage: 'FY2 doctor' },
    );
    expect(prompt.question(/Your name|career stage/)).toBeUndefined();
    expect(j.profile).toEqual({ name: 'Sam Patel', stage: 'FY2 doctor' });
  });
});

describe('mentee init and plain mentee on a terminal (commands)', () => {
  const newStore = tempStores(NOW);

  async function setUp() {
    const temp = await newStore();
    return temp;
  }

  const fullInit: ScriptLine[] = [
    ...SAM,
    ...ADA,
    [/A goal/, 'Get into GP training'],
    [/Kind of goal/, ENTER],
    [/Target date/, ''],
    [/A goal/, ''],
  ];

  it('init saves the profile, the mentor with ground rules and the goals, and says what to do next', async () => {
    const { store, path } = await setUp();
    const prompt = scripted(fullInit);
    const ctx = commandContext(store, NOW, prompt);
    await initCommand(ctx, {});
    prompt.done();
    expect(ctx.out).toEqual([
      `Journal ready at ${path} for Sam Patel, FY2 doctor.`,
      'Added Dr Ada Lovelace as "lovelace".',
      'Added goal g1: Get into GP training.',
      'Next: prepare your first meeting with: mentee prep',
    ]);
    const saved = await store.read();
    expect(saved.mentors[0]!.rules).toContain('Off limits: Family matters');
    expect(saved.goals[0]!.mentors).toEqual(['lovelace']);
  });

  it.each(fullInit.map((line, at) => [at + 1, (line as [RegExp, unknown])[0]] as const))(
    'Ctrl-C at question %i (%s) creates no journal',
    async (number) => {
      const { store, bytes } = await setUp();
      const script = fullInit.slice(0, number);
      script[number - 1] = [(script[number - 1] as [RegExp, unknown])[0], CTRL_C];
      const prompt = scripted(script);
      await expect(initCommand(commandContext(store, NOW, prompt), {})).rejects.toMatchObject({
        name: 'ExitPromptError',
      });
      prompt.done();
      expect(await bytes()).toBeUndefined();
    },
  );

  it('Ctrl-C while re-running init leaves the existing journal byte for byte unchanged', async () => {
    const { store, bytes } = await setUp();
    await store.update((j) => void setProfile(j, { name: 'Sam Patel', stage: 'FY1 doctor' }));
    const before = await bytes();
    const prompt = scripted([
      [/Your name/, ENTER],
      [/career stage/, 'FY2 doctor'],
      [/Add your first mentor/, true],
      [/mentor's name/, 'Dr Ada Lovelace'],
      [/role/, CTRL_C],
    ]);
    await expect(initCommand(commandContext(store, NOW, prompt), {})).rejects.toMatchObject({
      name: 'ExitPromptError',
    });
    expect(await bytes()).toEqual(before);
  });

  it('plain mentee on a terminal with no journal yet offers to set one up, then runs init', async () => {
    const { store, path } = await setUp();
    const prompt = scripted([
      [/^No journal yet at .*journal\.json\. Set one up now\?$/, ENTER],
      [/Your name/, 'Sam Patel'],
      [/career stage/, 'FY2 doctor'],
      [/Add your first mentor/, false],
      [/A goal/, ''],
    ]);
    const ctx = commandContext(store, NOW, prompt);
    await homeCommand(ctx, {});
    prompt.done();
    expect(prompt.question(/No journal yet/)!.message).toContain(path);
    expect(ctx.out[0]).toBe(`Journal ready at ${path} for Sam Patel, FY2 doctor.`);
    expect((await store.read()).profile).toEqual({ name: 'Sam Patel', stage: 'FY2 doctor' });
  });

  it('Ctrl-C at the offer to set up creates no journal', async () => {
    const { store, bytes } = await setUp();
    const prompt = scripted([[/No journal yet/, CTRL_C]]);
    await expect(homeCommand(commandContext(store, NOW, prompt), {})).rejects.toMatchObject({
      name: 'ExitPromptError',
    });
    expect(await bytes()).toBeUndefined();
  });

  it('plain mentee with a journal already there asks nothing and shows the home screen', async () => {
    const { store } = await setUp();
    await store.update((j) => void mentor(j, { name: 'Dr Ada Lovelace', cadence: '4w' }));
    const prompt = scripted([]);
    const ctx = commandContext(store, NOW, prompt);
    await homeCommand(ctx, {});
    expect(prompt.asked).toEqual([]);
    expect(ctx.out.join('\n')).toMatch(/^Next meeting +none planned/);
  });

  it('init without a terminal and without flags stops naming --name and --stage, asking nothing', async () => {
    const { store, bytes } = await setUp();
    const prompt = scripted([]);
    await expect(initCommand(commandContext(store, NOW, prompt, { interactive: false }), {})).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/--name.*--stage/),
    });
    expect(prompt.asked).toEqual([]);
    expect(await bytes()).toBeUndefined();
  });
});
