import { plusDays, toDay } from '../core/dates.js';
import { formatDateTime } from '../ui/words.js';
import type { LogInput } from '../core/inputs.js';
import { assertLoggable } from '../core/log.js';
import { hasHappened, meetingAwaitingLog, meetingsToLog, whichMentor } from '../core/meetings.js';
import { findMeeting, findMentor } from '../core/refs.js';
import type { Journal, Meeting, Mentor } from '../core/schema.js';
import type { Prompter } from '../ui/prompter.js';
import { WizardAnswers } from './draft-answers.js';
import { askDate, keptLines } from './questions.js';
import type { DateContext } from '../input/date-text.js';

export interface LogWizardContext {
  journal: Journal;
  now: Date;
  /** What the wizard's date answers are read with: `now` and the user's date settings. */
  dates: DateContext;
  prompt: Prompter;
  flags: LogInput;
  /** Answers kept as a draft as they are given, and those of a resumed draft (not asked again). */
  answers?: WizardAnswers;
}

type Asking = LogWizardContext & { answers: WizardAnswers };

const UNPLANNED = 'unplanned';

/**
 * Five minutes after the meeting: what was covered, what you heard, what you decided, what you will do
 * and what your mentor offered, a private reflection, and when you meet next.
 */
export async function runLogWizard(wizard: LogWizardContext): Promise<LogInput> {
  const answers = wizard.answers ?? new WizardAnswers({ wizard: 'log', now: wizard.now, warn: () => {} });
  // What is typed at a question and not given is kept too, and put back when it is asked again.
  const ctx = { ...wizard, prompt: answers.watch(wizard.prompt), answers };
  const { prompt, flags } = ctx;
  const input: LogInput = { ...flags, outcomes: [...flags.outcomes], actions: [...flags.actions] };
  const meeting = await chooseMeeting(ctx);
  let mentor: Mentor;
  if (meeting) {
    assertLoggable(meeting, flags.amend, ctx.now); // before any question, not after five minutes of answers
    input.meeting = meeting.id;
    mentor = findMentor(ctx.journal, meeting.mentor);
    await answers.settle({ meeting: meeting.id }, () => input);
  } else {
    mentor = await chooseMentor(ctx);
    input.mentor = mentor.handle;
    await answers.settle({ mentor: mentor.handle }, () => input);
    if (!flags.when) {
      const when = await answers.ask('when', async () =>
        (
          await askDate(prompt, ctx.dates, {
            message: 'When did you meet?',
            needsTime: true,
            default: 'today',
            check: (date) =>
              hasHappened(date, ctx.now) ? true : 'That is still to come; log a meeting once it has happened.',
          })
        ).toISOString(),
      );
      input.when = new Date(when);
    }
  }
  const lines = (key: string, message: string) => keptLines(prompt, answers, key, message);

  const topics = meeting?.prep?.topics ?? [];
  if (topics.length && !flags.outcomes.length) {
    for (const [index, topic] of topics.entries()) {
      const outcome = await answers.ask(`outcome:${index + 1}`, () =>
        prompt.choose({
          message: `"${topic.title}"`,
          choices: [
            { label: 'Covered', value: 'covered' as const },
            { label: 'Parked for next time', value: 'parked' as const },
            { label: 'Not discussed', value: 'skip' as const },
          ],
          default: 'covered' as const,
        }),
      );
      if (outcome === 'skip') continue;
      const note = await answers.ask(`outcome:${index + 1}:note`, () =>
        prompt.text({
          message: outcome === 'covered' ? 'What came of it? (optional)' : 'Why parked? (optional)',
        }),
      );
      input.outcomes.push({ number: index + 1, outcome, ...(note ? { note } : {}) });
    }
  } else if (!topics.length && !flags.topics.length) {
    const talkedAbout = await lines('talked', 'What did you talk about? One topic at a time (Enter when done)');
    input.topics = talkedAbout.map((title) => ({ title }));
    input.outcomes = talkedAbout.map((_, index) => ({ number: index + 1, outcome: 'covered' }));
  }

  if (!flags.advice.length) input.advice = await lines('advice', 'Advice you received? (Enter when done)');
  if (!flags.feedback.length) input.feedback = await lines('feedback', 'Feedback on your work? (Enter when done)');
  if (!flags.decisions.length) input.decisions = await lines('decisions', 'Decisions you made? (Enter when done)');
  if (!flags.challenged.length)
    input.challenged = await lines('challenged', 'An assumption your mentor challenged? (Enter when done)');
  if (!flags.actions.some((action) => action.owner === 'me')) {
    prompt.say('Your action plan: the best ones are the ones you write yourself.');
    for (let n = 1; ; n++) {
      const title = await answers.ask(`action:${n}`, () =>
        prompt.text({ message: 'Your next action? (Enter when done)' }),
      );
      if (!title) break;
      const due = await answers.ask(`action:${n}:due`, async () => {
        const date = await askDate(prompt, ctx.dates, { message: 'By when? (optional)', optional: true });
        return date ? toDay(date) : '';
      });
      input.actions.push({ title, owner: 'me', ...(due ? { due } : {}) });
    }
  }
  if (!flags.actions.some((action) => action.owner === 'mentor')) {
    for (const title of await lines('offer', `Did ${mentor.name} offer to do anything? (Enter when done)`))
      input.actions.push({ title, owner: 'mentor' });
  }
  if (!flags.privateReflection) {
    const reflection = await askPrivateReflection(ctx);
    if (reflection) input.privateReflection = reflection;
  }
  if (flags.next === undefined) {
    const held = meeting ? new Date(meeting.when) : (input.when ?? ctx.now);
    const suggested = suggestNext(held, mentor);
    const next = await answers.ask('next', async () => {
      const date = await askDate(prompt, ctx.dates, {
        message: suggested
          ? 'When do you meet next? (Enter for the suggestion, or type none)'
          : 'When do you meet next? (Enter to skip)',
        ...(suggested ? { default: suggested } : {}),
        optional: true,
        needsTime: true,
        none: NO_DATE,
        check: (date) => (date > held ? true : 'The next meeting must come after this one.'),
      });
      return date?.toISOString() ?? '';
    });
    input.next = next ? new Date(next) : undefined;
  }
  return input;
}

async function chooseMeeting(ctx: Asking): Promise<Meeting | undefined> {
  const { journal, flags, answers } = ctx;
  if (flags.meeting) return findMeeting(journal, flags.meeting);
  if (flags.mentor || flags.when) return undefined;
  const chosen = await answers.ask('meeting', async () => (await askMeeting(ctx))?.id ?? '');
  return chosen ? findMeeting(journal, chosen) : undefined;
}

async function askMeeting({ journal, now, prompt }: Asking): Promise<Meeting | undefined> {
  const awaiting = meetingAwaitingLog(journal, now);
  const candidates = meetingsToLog(journal, now);
  if (awaiting) {
    const mentor = findMentor(journal, awaiting.mentor);
    const yes = await prompt.confirm({
      message: `Log your meeting with ${mentor.name} on ${formatDateTime(awaiting.when)} (${awaiting.id})?`,
      default: true,
    });
    if (yes) return awaiting;
  }
  if (!candidates.length) return undefined;
  const choice = await prompt.choose<string>({
    message: 'Which meeting?',
    choices: [
      ...candidates.map((meeting) => ({
        label: `${meeting.id}  ${formatDateTime(meeting.when)} with ${findMentor(journal, meeting.mentor).name}`,
        value: meeting.id,
      })),
      { label: 'One that was not planned', value: UNPLANNED },
    ],
  });
  return choice === UNPLANNED ? undefined : findMeeting(journal, choice);
}

async function chooseMentor({ journal, prompt, answers }: Asking): Promise<Mentor> {
  const meant = whichMentor(journal, undefined);
  if ('mentor' in meant) return meant.mentor;
  const handle = await answers.ask('mentor', () =>
    prompt.choose({
      message: 'Who did you meet?',
      choices: meant.choices.map((mentor) => ({ label: `${mentor.name} (${mentor.handle})`, value: mentor.handle })),
    }),
  );
  return findMentor(journal, handle);
}

async function askPrivateReflection({ prompt, answers }: Asking): Promise<string> {
  const how = await answers.ask('private:how', () =>
    prompt.choose({
      message: 'A private reflection? It is never shared or exported unless you ask.',
      choices: [
        { label: 'Skip', value: 'skip' },
        { label: 'Write a line here', value: 'line' },
        { label: 'Write at length in your editor', value: 'editor' },
      ],
      default: 'skip',
    }),
  );
  if (how === 'skip') return '';
  return answers.ask('private', () =>
    how === 'line'
      ? prompt.text({ message: 'Private reflection:' })
      : prompt.longText({ message: 'Private reflection (opens your editor):' }),
  );
}

const NO_DATE = /^\s*(none|no|skip|-)\s*$/i;

/** The meeting just held plus the mentor's usual cadence, at the same time of day. */
function suggestNext(held: Date, mentor: Mentor): string | undefined {
  if (!mentor.cadenceDays) return undefined;
  const next = plusDays(held, mentor.cadenceDays);
  const time = `${String(next.getHours()).padStart(2, '0')}:${String(next.getMinutes()).padStart(2, '0')}`;
  return `${toDay(next)} ${time}`;
}
