import { toDay } from '../core/dates.js';
import type { GoalAddInput, MentorAddInput, ProfileInput } from '../core/inputs.js';
import { DEFAULT_MEETING_MINUTES, GOAL_CATEGORIES, SUPPORT_KINDS } from '../core/model.js';
import type { GoalCategory, Journal, SupportKind } from '../core/schema.js';
import type { Prompter } from '../ui/prompter.js';
import { SUPPORT_LABELS } from '../ui/render/mentors.js';
import { accepts, readCadence } from '../input/read.js';
import { WizardAnswers } from './draft-answers.js';
import { askDate, askMinutes, keptLines } from './questions.js';
import type { DateContext } from '../input/date-text.js';

export interface InitWizardContext {
  journal: Journal;
  now: Date;
  /** What the wizard's date answers are read with: `now` and the user's date settings. */
  dates: DateContext;
  prompt: Prompter;
  flags: ProfileInput;
  /** The meeting length offered for the first mentor: the meetingLength setting, when set. */
  usualLength?: number;
  /** Answers kept as a draft as they are given, and those of a resumed draft (not asked again). */
  answers?: WizardAnswers;
}

type Asking = InitWizardContext & { answers: WizardAnswers };

export interface InitPlan {
  profile: ProfileInput;
  mentor?: MentorAddInput;
  goals: GoalAddInput[];
}

const CHANNELS = ['email', 'phone', 'text', 'teams', 'in person', 'other'] as const;
const MAX_FIRST_GOALS = 3;

/**
 * The first run: who you are, your first mentor and the ground rules you agree (drawn out by
 * questions), and what you want to gain, as one to three goals.
 */
export async function runInitWizard(wizard: InitWizardContext): Promise<InitPlan> {
  const answers = wizard.answers ?? new WizardAnswers({ wizard: 'init', now: wizard.now, warn: () => {} });
  // What is typed at a question and not given is kept too, and put back when it is asked again.
  const ctx: Asking = { ...wizard, prompt: answers.watch(wizard.prompt), answers };
  const { prompt, journal, flags } = ctx;
  prompt.say('Welcome to mentee. A few questions to set up your private journal; press Enter to skip any.');
  const plan: InitPlan = { profile: { ...flags }, goals: [] };
  await answers.settle({}, () => plan);
  plan.profile.name ??=
    (await answers.ask('name', () =>
      prompt.text({ message: 'Your name (optional):', default: journal.profile.name ?? '' }),
    )) || undefined;
  plan.profile.stage ??=
    (await answers.ask('stage', () =>
      prompt.text({
        message: 'Your career stage (e.g. "FY2 doctor", "medical student"):',
        default: journal.profile.stage ?? '',
      }),
    )) || undefined;
  const addMentor = await answers.ask('mentor', () =>
    prompt.confirm({
      message: journal.mentors.length ? 'Add another mentor now?' : 'Add your first mentor now?',
      default: !journal.mentors.length,
    }),
  );
  if (addMentor) plan.mentor = await askMentor(ctx);

  prompt.say('What do you want to gain from mentoring? Write it as one to three goals.');
  for (let n = 1; n <= MAX_FIRST_GOALS; n++) {
    const title = await answers.ask(`goal:${n}`, () => prompt.text({ message: 'A goal (Enter when done):' }));
    if (!title) break;
    const category = await answers.ask(`goal:${n}:kind`, () =>
      prompt.choose<GoalCategory>({
        message: 'Kind of goal:',
        choices: GOAL_CATEGORIES.map((value) => ({ label: value, value })),
        default: 'career',
      }),
    );
    const target = await answers.ask(`goal:${n}:target`, async () => {
      const day = await askDate(prompt, ctx.dates, { message: 'Target date? (optional)', optional: true });
      return day ? toDay(day) : '';
    });
    plan.goals.push({
      title,
      category,
      mentors: plan.mentor ? [plan.mentor.name] : [],
      ...(target ? { targetDate: target } : {}),
    });
  }
  return plan;
}

async function askMentor({ prompt, answers, usualLength }: Asking): Promise<MentorAddInput> {
  const ask = <T>(key: string, question: () => Promise<T>) => answers.ask(`mentor:${key}`, question);
  const name = await ask('name', () =>
    prompt.text({
      message: "Your mentor's name:",
      validate: (answer) => (answer.trim() ? true : 'A name is needed.'),
    }),
  );
  const role = await ask('role', () => prompt.text({ message: 'Their role or organisation (optional):' }));
  const channel = await ask('channel', () =>
    prompt.choose({
      message: 'How is it best to contact them?',
      choices: CHANNELS.map((value) => ({ label: value, value })),
      default: 'email' as (typeof CHANNELS)[number],
    }),
  );
  const address =
    channel === 'in person' ? '' : await ask('address', () => prompt.text({ message: `Their ${channel} (optional):` }));
  const reply = await ask('reply', () =>
    prompt.text({ message: 'How quickly do they usually reply? (e.g. "within a week", optional)' }),
  );
  const cadence = await ask('cadence', () =>
    prompt.text({
      message: 'How often will you meet? (e.g. 4w, monthly)',
      default: '4w',
      validate: (answer) => !answer || accepts(readCadence)(answer),
    }),
  );
  const length = await ask('length', () =>
    askMinutes(prompt, 'For how many minutes, usually?', usualLength ?? DEFAULT_MEETING_MINUTES),
  );
  const expect = await ask('support', () =>
    prompt.chooseMany<SupportKind>({
      message: 'What support do you hope for?',
      choices: SUPPORT_KINDS.map((value) => ({ label: SUPPORT_LABELS[value], value })),
    }),
  );
  const offLimits = await ask('off-limits', () => prompt.text({ message: 'Anything off limits? (optional)' }));
  const rules = [
    `${channel === 'in person' ? 'Best reached in person' : `Contact by ${channel}${address ? ` (${address})` : ''}`}${reply ? `; usually replies ${reply}` : ''}`,
    ...(offLimits ? [`Off limits: ${offLimits}`] : []),
    ...(await keptLines(prompt, answers, 'mentor:rule', 'Any other ground rule you agreed? (Enter when done)')),
  ];
  return {
    name,
    ...(role ? { role } : {}),
    contact: { channel, address },
    ...(cadence ? { cadenceDays: readCadence(cadence) } : {}),
    lengthMinutes: length,
    rules,
    expectations: expect,
  };
}
