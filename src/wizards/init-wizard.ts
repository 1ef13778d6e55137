import { toDay } from '../core/dates.js';
import type { GoalAddInput, MentorAddInput, ProfileInput } from '../core/inputs.js';
import { DEFAULT_MEETING_MINUTES, GOAL_CATEGORIES, SUPPORT_KINDS } from '../core/model.js';
import type { GoalCategory, Journal, SupportKind } from '../core/schema.js';
import type { Prompter } from '../ui/prompter.js';
import { SUPPORT_LABELS } from '../ui/render/mentors.js';
import { accepts, readCadence } from '../input/read.js';
import { askDate, askList, askLines, askMinutes } from './questions.js';

export interface InitWizardContext {
  journal: Journal;
  now: Date;
  prompt: Prompter;
  flags: ProfileInput;
}

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
export async function runInitWizard(ctx: InitWizardContext): Promise<InitPlan> {
  const { prompt, journal, flags } = ctx;
  prompt.say('Welcome to mentee. A few questions to set up your private journal; press Enter to skip any.');
  const profile: ProfileInput = {
    name:
      flags.name ??
      ((await prompt.text({ message: 'Your name (optional):', default: journal.profile.name ?? '' })) || undefined),
    stage:
      flags.stage ??
      ((await prompt.text({
        message: 'Your career stage (e.g. "FY2 doctor", "medical student"):',
        default: journal.profile.stage ?? '',
      })) ||
        undefined),
  };
  const plan: InitPlan = { profile, goals: [] };
  const addMentor = await prompt.confirm({
    message: journal.mentors.length ? 'Add another mentor now?' : 'Add your first mentor now?',
    default: !journal.mentors.length,
  });
  if (addMentor) plan.mentor = await askMentor(ctx);

  prompt.say('What do you want to gain from mentoring? Write it as one to three goals.');
  await askList(
    prompt,
    'A goal (Enter when done):',
    async (title) => {
      const category = await prompt.choose<GoalCategory>({
        message: 'Kind of goal:',
        choices: GOAL_CATEGORIES.map((value) => ({ label: value, value })),
        default: 'career',
      });
      const target = await askDate(prompt, ctx.now, { message: 'Target date? (optional)', optional: true });
      plan.goals.push({
        title,
        category,
        mentors: plan.mentor ? [plan.mentor.name] : [],
        ...(target ? { targetDate: toDay(target) } : {}),
      });
    },
    MAX_FIRST_GOALS,
  );
  return plan;
}

async function askMentor({ prompt }: InitWizardContext): Promise<MentorAddInput> {
  const name = await prompt.text({
    message: "Your mentor's name:",
    validate: (answer) => (answer.trim() ? true : 'A name is needed.'),
  });
  const role = await prompt.text({ message: 'Their role or organisation (optional):' });
  const channel = await prompt.choose({
    message: 'How is it best to contact them?',
    choices: CHANNELS.map((value) => ({ label: value, value })),
    default: 'email' as (typeof CHANNELS)[number],
  });
  const address = channel === 'in person' ? '' : await prompt.text({ message: `Their ${channel} (optional):` });
  const reply = await prompt.text({ message: 'How quickly do they usually reply? (e.g. "within a week", optional)' });
  const cadence = await prompt.text({
    message: 'How often will you meet? (e.g. 4w, monthly)',
    default: '4w',
    validate: (answer) => !answer || accepts(readCadence, () => 'Try 4w, "2 weeks", 30d or monthly.')(answer),
  });
  const length = await askMinutes(prompt, 'For how many minutes, usually?', DEFAULT_MEETING_MINUTES);
  const expect = await prompt.chooseMany<SupportKind>({
    message: 'What support do you hope for?',
    choices: SUPPORT_KINDS.map((value) => ({ label: SUPPORT_LABELS[value], value })),
  });
  const offLimits = await prompt.text({ message: 'Anything off limits? (optional)' });
  const rules = [
    `${channel === 'in person' ? 'Best reached in person' : `Contact by ${channel}${address ? ` (${address})` : ''}`}${reply ? `; usually replies ${reply}` : ''}`,
    ...(offLimits ? [`Off limits: ${offLimits}`] : []),
    ...(await askLines(prompt, 'Any other ground rule you agreed? (Enter when done)')),
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
