import { openActionsConcerning, openActionsOfNoMentor, timeCheck } from '../core/agenda.js';
import { byCreated } from '../core/order.js';
import { format, parseISO } from 'date-fns';
import { changeTopic } from '../core/meeting-changes.js';
import { DomainError } from '../core/problems.js';
import { count, formatDateTime, modeText } from '../ui/words.js';
import type { PrepInput, TopicInput } from '../core/inputs.js';
import { isPrepared, lastHeldMeeting, nextPlannedMeeting, usualMeeting, whichMentor } from '../core/meetings.js';
import { MEETING_MODES, TOPIC_KINDS } from '../core/model.js';
import { parkedTopicsFor, sameTopic } from '../core/prep.js';
import { findMeeting, findMentor } from '../core/refs.js';
import type { Action, Journal, Meeting, Mentor, Review, TopicKind } from '../core/schema.js';
import type { PrepTemplate } from '../core/template.js';
import type { Prompter } from '../ui/prompter.js';
import { WizardAnswers } from './draft-answers.js';
import { askDate, askMinutes } from './questions.js';
import { accepts } from '../input/read.js';
import { readMinutes } from '../input/minutes.js';
import type { DateContext } from '../input/date-text.js';

/** What the prep wizard works on: a snapshot of the journal to offer choices from, never saved as is. */
export interface PrepWizardContext {
  journal: Journal;
  now: Date;
  /** What the wizard's date answers are read with: `now` and the user's date settings. */
  dates: DateContext;
  prompt: Prompter;
  /** Flags already given; the wizard does not ask for these again. */
  flags: PrepInput;
  /** Whether --template named the template (else the wizard says which it uses). */
  templateGiven: boolean;
  templateFor: (meetingIsFirst: boolean) => PrepTemplate;
  /** Answers kept as a draft as they are given, and those of a resumed draft (not asked again). */
  answers?: WizardAnswers;
}

export interface PrepPlan {
  input: PrepInput;
  template: PrepTemplate;
}

export const TOPIC_KIND_LABELS: Record<TopicKind, string> = {
  question: 'a question',
  decision: 'a decision to make',
  update: 'an update',
  feedback: 'a request for feedback',
  personal: 'something personal',
};

/**
 * The preparation conversation: which meeting, what you want from it, how your actions went, what to
 * talk about and for how long, and whether it fits. Returns the change to make; the caller saves it.
 */
export async function runPrepWizard(wizard: PrepWizardContext): Promise<PrepPlan> {
  const answers = wizard.answers ?? new WizardAnswers({ wizard: 'prep', now: wizard.now, warn: () => {} });
  // What is typed at a question and not given is kept too, and put back when it is asked again.
  const ctx = { ...wizard, prompt: answers.watch(wizard.prompt), answers };
  const { prompt, flags } = ctx;
  const mentor = await chooseMentor(ctx);
  const existing = await chooseExistingMeeting(ctx, mentor);
  const isFirst = !lastHeldMeeting(ctx.journal, mentor.handle);
  const template = ctx.templateFor(isFirst);
  if (!ctx.templateGiven) prompt.say(`Using the ${template.name} template: ${template.description}`);

  const input: PrepInput = { ...flags, mentor: mentor.handle, ...(existing ? { meeting: existing.id } : {}) };
  const usual = usualMeeting(ctx.journal, mentor, flags.usualLength);
  await answers.settle(existing ? { meeting: existing.id } : { mentor: mentor.handle }, () => input);
  // A prepared meeting is edited: what to change is asked, its agenda is not built again.
  const editing = existing && isPrepared(existing) ? existing : undefined;
  if (editing) await changeMeeting(ctx, mentor, editing, template, input);
  if (!existing && !flags.when)
    input.when = new Date(await answers.ask('when', async () => (await askWhen(ctx, mentor)).toISOString()));
  if (!existing && !flags.lengthMinutes)
    input.lengthMinutes = await answers.ask('length', () =>
      askMinutes(prompt, 'How many minutes will you have?', usual.lengthMinutes),
    );
  if (!existing && !flags.mode) {
    input.mode = await answers.ask('mode', () =>
      prompt.choose({
        message: 'How will you meet?',
        choices: MEETING_MODES.map((mode) => ({ label: mode, value: mode })),
        default: usual.mode,
      }),
    );
  }
  if (!flags.intention) {
    const intention = await answers.ask('intention', () =>
      prompt.text({
        message: 'What do you want to walk away with?',
        default: existing?.prep?.intention ?? '',
      }),
    );
    if (intention) input.intention = intention;
  }
  const when = input.when ?? new Date(existing?.when ?? ctx.now);
  if (!flags.reviews.length) input.reviews = await reviewActions(ctx, mentor, when, input.reviews);
  if (!flags.topics.length && !editing) {
    const topics = await addTopics(ctx, mentor, existing, template, agendaTopics(existing));
    input.topics = await fitToTime(
      prompt,
      topics,
      input.lengthMinutes ?? existing?.lengthMinutes ?? usual.lengthMinutes,
      answers,
    );
    input.replaceTopics = true;
    input.carryParked = false;
  }
  if (!flags.goals.length) input.goals = await chooseGoals(ctx, mentor, existing);
  input.reflections = await reflect(ctx, template);
  return { input, template };
}

type Asking = PrepWizardContext & { answers: WizardAnswers };

async function chooseMentor({ journal, prompt, flags, answers }: Asking): Promise<Mentor> {
  if (flags.meeting) return findMentor(journal, findMeeting(journal, flags.meeting).mentor);
  const meant = whichMentor(journal, flags.mentor);
  if ('mentor' in meant) return meant.mentor;
  const handle = await answers.ask('mentor', () =>
    prompt.choose({
      message: 'Which mentor are you meeting?',
      choices: meant.choices.map((mentor) => ({ label: `${mentor.name} (${mentor.handle})`, value: mentor.handle })),
    }),
  );
  return findMentor(journal, handle);
}

/** A planned meeting to edit: the one named, or the mentor's next one if the mentee wants it. */
async function chooseExistingMeeting(ctx: Asking, mentor: Mentor): Promise<Meeting | undefined> {
  if (ctx.flags.meeting) return findMeeting(ctx.journal, ctx.flags.meeting);
  if (ctx.flags.when) return undefined;
  const next = nextPlannedMeeting(ctx.journal, ctx.now, mentor.handle);
  if (!next) return undefined;
  const state = isPrepared(next) ? 'edit its agenda' : 'prepare it';
  const chosen = await ctx.answers.ask('meeting', async () => {
    const useIt = await ctx.prompt.confirm({
      message: `You meet ${mentor.name} on ${formatDateTime(next.when)} (${next.id}). ${state[0]!.toUpperCase()}${state.slice(1)}?`,
      default: true,
    });
    return useIt ? next.id : '';
  });
  return chosen ? findMeeting(ctx.journal, chosen) : undefined;
}

async function askWhen({ prompt, dates }: PrepWizardContext, mentor: Mentor): Promise<Date> {
  return askDate(prompt, dates, {
    message: `When do you meet ${mentor.name}? (e.g. "next thursday 17:30", 2026-12-03 17:30)`,
    needsTime: true,
  });
}

const REVIEW_CHOICES = [
  { label: 'Done', value: 'done' },
  { label: 'In progress', value: 'progress' },
  { label: 'Blocked', value: 'blocked' },
  { label: 'Dropped', value: 'dropped' },
] as const;
const SKIP_ON_AGENDA = { label: 'Skip for now (it stays open, and on the agenda)', value: 'skip' } as const;
const SKIP_OFF_AGENDA = { label: 'Skip: not for this meeting', value: 'skip' } as const;
type ReviewChoice = (typeof REVIEW_CHOICES)[number]['value'] | 'skip';

/**
 * The progress a mentor will ask about: the open actions this meeting's agenda reports on (the one
 * rule in openActionsConcerning), with your to-dos that are no mentor's in particular, oldest first;
 * then what the mentor offered. Reporting on a to-do puts it on this agenda; skipping one that is on
 * the agenda leaves it there, still open.
 */
async function reviewActions(
  { journal, prompt, answers }: Asking,
  mentor: Mentor,
  when: Date,
  given: Review[],
): Promise<Review[]> {
  const open = openActionsConcerning(journal, mentor.handle, when);
  const onAgenda = new Set(open);
  const mine = [...open.filter((action) => action.owner === 'me'), ...openActionsOfNoMentor(journal, when)]
    .filter((action, at, all) => all.indexOf(action) === at)
    .sort(byCreated);
  const theirs = open.filter((action) => action.owner === 'mentor');
  if (mine.length) prompt.say(`You have ${count(mine.length, 'open action')} to report on.`);
  const reviews: Review[] = [...given];
  for (const action of mine)
    reviews.push(
      ...(await answers.ask(`review:${action.id}`, () =>
        reviewOne(prompt, action, `${action.id} ${action.title}`, onAgenda.has(action)),
      )),
    );
  for (const action of theirs) {
    const state = await answers.ask(`review:${action.id}`, () =>
      prompt.choose({
        message: `${mentor.name} offered: "${action.title}". Still open?`,
        choices: [
          { label: 'Still open', value: 'skip' as const },
          { label: 'Done', value: 'done' as const },
          { label: 'No longer needed', value: 'dropped' as const },
        ],
        default: 'skip' as const,
      }),
    );
    if (state !== 'skip') reviews.push({ actionId: action.id, state });
  }
  return reviews;
}

/** `onAgenda`: the action concerns this mentor, so skipping it leaves it on the agenda, still open. */
async function reviewOne(prompt: Prompter, action: Action, label: string, onAgenda: boolean): Promise<Review[]> {
  const state = await prompt.choose<ReviewChoice>({
    message: label,
    choices: [...REVIEW_CHOICES, onAgenda ? SKIP_ON_AGENDA : SKIP_OFF_AGENDA],
    default: 'skip',
  });
  if (state === 'skip') return [];
  const question = state === 'blocked' ? 'What is blocking it?' : 'A note on it? (optional)';
  const note = state === 'done' ? '' : await prompt.text({ message: question });
  return [{ actionId: action.id, state, ...(note ? { note } : {}) }];
}

type MeetingChoice = 'when' | 'length' | 'mode' | 'topics' | 'done';

/**
 * Re-running prep on a prepared meeting edits it: what to change is asked (its time, length, how you
 * meet, its topics) until "nothing more"; what flags gave is not offered. The changes go into `input`
 * (the topics as the agenda's whole list), which prepMeeting applies as it applies flags.
 */
async function changeMeeting(
  ctx: Asking,
  mentor: Mentor,
  meeting: Meeting,
  template: PrepTemplate,
  input: PrepInput,
): Promise<void> {
  const { prompt, answers, flags } = ctx;
  let topics: TopicInput[] | undefined;
  for (let step = 1; ; step++) {
    const when = input.when?.toISOString() ?? meeting.when;
    const lengthMinutes = input.lengthMinutes ?? meeting.lengthMinutes;
    const mode = input.mode ?? meeting.mode;
    const agenda = topics ?? agendaTopics(meeting);
    const choices: { label: string; value: MeetingChoice }[] = [
      ...(flags.when ? [] : [{ label: `Its time (${formatDateTime(when)})`, value: 'when' as const }]),
      ...(flags.lengthMinutes ? [] : [{ label: `Its length (${lengthMinutes} min)`, value: 'length' as const }]),
      ...(flags.mode ? [] : [{ label: `How you meet (${modeText(mode)})`, value: 'mode' as const }]),
      ...(flags.topics.length
        ? []
        : [{ label: `Its topics (${count(agenda.length, 'topic')})`, value: 'topics' as const }]),
      { label: 'Nothing more', value: 'done' },
    ];
    const change = await answers.ask(`change:${step}`, () =>
      prompt.choose<MeetingChoice>({
        message: `${step === 1 ? 'Change' : 'Change anything else about'} ${meeting.id} (${formatDateTime(when)}, ${lengthMinutes} min, ${modeText(mode)})?`,
        choices,
        default: 'done',
      }),
    );
    const key = `change:${step}:`;
    if (change === 'done') break;
    if (change === 'when')
      input.when = new Date(
        await answers.ask(`${key}when`, async () =>
          (
            await askDate(prompt, ctx.dates, {
              message: `When do you meet ${mentor.name}? (e.g. "next thursday 17:30", 2026-12-03 17:30)`,
              default: format(parseISO(when), 'yyyy-MM-dd HH:mm'),
              needsTime: true,
            })
          ).toISOString(),
        ),
      );
    if (change === 'length')
      input.lengthMinutes = await answers.ask(`${key}length`, () =>
        askMinutes(prompt, 'How many minutes will you have?', lengthMinutes),
      );
    if (change === 'mode')
      input.mode = await answers.ask(`${key}mode`, () =>
        prompt.choose({
          message: 'How will you meet?',
          choices: MEETING_MODES.map((each) => ({ label: each, value: each })),
          default: mode,
        }),
      );
    if (change === 'topics') {
      const edited = await editTopics(ctx, meeting, agenda, key, template.defaultMinutes);
      topics = await addTopics(ctx, mentor, meeting, template, edited, key);
    }
  }
  if (flags.topics.length) return;
  // The time check, on the agenda as it now is and the meeting's length as it now is.
  input.topics = await fitToTime(
    prompt,
    topics ?? agendaTopics(meeting),
    input.lengthMinutes ?? meeting.lengthMinutes,
    answers,
  );
  input.replaceTopics = true;
  input.carryParked = false;
}

type TopicChoice = 'keep' | 'minutes' | 'rename' | 'up' | 'remove';

/**
 * Each topic of the agenda in turn: keep it, change its minutes, rename it, move it up one place, or
 * remove it. Each change is the one `mentee meeting topic` makes (changeTopic), on a copy of the meeting.
 */
async function editTopics(
  ctx: Asking,
  meeting: Meeting,
  topics: TopicInput[],
  key: string,
  defaultMinutes: number,
): Promise<TopicInput[]> {
  const { prompt, answers, now } = ctx;
  const scratch = structuredClone(ctx.journal);
  const copy = findMeeting(scratch, meeting.id);
  // A prepared meeting: it has an agenda.
  copy.prep!.topics = structuredClone(topics);
  const agenda = () => copy.prep!.topics;
  for (const [at, original] of [...agenda()].entries()) {
    const topicKey = `${key}topic-edit:${at + 1}`;
    const number = () => agenda().indexOf(original) + 1;
    const change = await answers.ask(topicKey, () =>
      prompt.choose<TopicChoice>({
        message: `Topic ${number()} of ${agenda().length}: "${original.title}"${original.minutes ? ` (${original.minutes} min)` : ''}`,
        choices: [
          { label: 'Keep it', value: 'keep' },
          { label: 'Change its minutes', value: 'minutes' },
          { label: 'Rename it', value: 'rename' },
          ...(number() > 1 ? [{ label: 'Move it up', value: 'up' as const }] : []),
          { label: 'Remove it', value: 'remove' },
        ],
        default: 'keep',
      }),
    );
    if (change === 'keep') continue;
    if (change === 'minutes') {
      const minutes = await answers.ask(`${topicKey}:minutes`, () =>
        askMinutes(prompt, `Minutes for "${original.title}"?`, original.minutes ?? defaultMinutes),
      );
      changeTopic(scratch, meeting.id, number(), { minutes }, now);
    }
    if (change === 'rename') {
      const title = await answers.ask(`${topicKey}:title`, () =>
        prompt.text({
          message: `New name for "${original.title}"?`,
          default: original.title,
          validate: (text) => renameProblem(scratch, meeting.id, number(), text, now),
        }),
      );
      changeTopic(scratch, meeting.id, number(), { title: title.trim() }, now);
    }
    if (change === 'up') changeTopic(scratch, meeting.id, number(), { moveTo: number() - 1 }, now);
    if (change === 'remove') changeTopic(scratch, meeting.id, number(), { remove: true }, now);
  }
  return agenda().map((topic) => ({ ...topic }));
}

/** Whether a topic can take a name: not empty, and not another topic's (the rule changeTopic keeps). */
function renameProblem(journal: Journal, id: string, number: number, title: string, now: Date): string | true {
  if (!title.trim()) return 'A topic needs a name.';
  try {
    changeTopic(structuredClone(journal), id, number, { title: title.trim() }, now);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.problem.code === 'topic-title-taken')
      return `Topic ${error.problem.number} is already "${error.problem.title}"; give this one another name.`;
    throw error;
  }
}

/** The topics of a meeting's agenda as the wizard works on them: without what happened to them. */
function agendaTopics(meeting: Meeting | undefined): TopicInput[] {
  return (meeting?.prep?.topics ?? []).map(({ outcome: _o, outcomeNote: _n, priority: _p, ...topic }) => topic);
}

/**
 * Adds to `given` (the agenda so far): parked topics brought back, the template's suggestions, then new
 * topics until an empty answer. `key` keeps the answers of each round apart in the draft.
 */
async function addTopics(
  ctx: Asking,
  mentor: Mentor,
  existing: Meeting | undefined,
  template: PrepTemplate,
  given: TopicInput[],
  key = '',
): Promise<TopicInput[]> {
  const { prompt, answers } = ctx;
  const topics = [...given];
  const parked = parkedTopicsFor(ctx.journal, mentor.handle, existing).filter(
    (topic) => !hasTopic(topics, topic.title),
  );
  if (parked.length) {
    const carried = await answers.ask(`${key}parked`, () =>
      prompt.chooseMany({
        message: 'Topics parked last time or left by a cancelled meeting. Bring them back?',
        choices: parked.map((topic) => ({ label: topic.title, value: topic, checked: true })),
      }),
    );
    topics.push(...carried);
  }
  const suggested = template.topics.filter((topic) => !hasTopic(topics, topic.title));
  if (suggested.length) {
    const picked = await answers.ask(`${key}suggested`, () =>
      prompt.chooseMany({
        message: `Suggested by the ${template.name} template (pick any):`,
        choices: suggested.map((topic) => ({
          label: `${topic.title}${topic.minutes ? ` (${topic.minutes} min)` : ''}`,
          value: topic,
        })),
      }),
    );
    topics.push(
      ...picked.map((topic) => ({
        title: topic.title,
        ...(topic.kind ? { kind: topic.kind } : {}),
        minutes: topic.minutes ?? template.defaultMinutes,
      })),
    );
  }
  const goals = ctx.journal.goals.filter((goal) => goal.status === 'active');
  // Each answer about a new topic is kept on its own, so a title typed is never lost.
  for (let n = 1; ; n++) {
    const title = await answers.ask(`${key}topic:${n}`, () =>
      prompt.text({
        message: topics.length ? 'Another topic? (Enter when done)' : 'First topic to raise? (Enter when done)',
      }),
    );
    if (!title) break;
    const kind = await answers.ask(`${key}topic:${n}:kind`, () =>
      prompt.choose({
        message: `"${title}" is`,
        choices: TOPIC_KINDS.map((value) => ({ label: TOPIC_KIND_LABELS[value], value })),
        default: 'question' as TopicKind,
      }),
    );
    const goalId = goals.length
      ? await answers.ask(`${key}topic:${n}:goal`, () =>
          prompt.choose<string>({
            message: 'Linked to a goal?',
            choices: [
              { label: 'No', value: '' },
              ...goals.map((goal) => ({ label: `${goal.id} ${goal.title}`, value: goal.id })),
            ],
            default: '',
          }),
        )
      : '';
    const minutes = await answers.ask(`${key}topic:${n}:minutes`, () =>
      askMinutes(prompt, 'Minutes for it?', template.defaultMinutes),
    );
    topics.push({ title, kind, minutes, ...(goalId ? { goalId } : {}) });
  }
  return topics;
}

function hasTopic(topics: TopicInput[], title: string): boolean {
  return topics.some((topic) => sameTopic(topic.title, title));
}

/** Respecting the mentor's time: while the topics overrun, trim, drop or reorder them, or keep it knowingly. */
export async function fitToTime(
  prompt: Prompter,
  topics: TopicInput[],
  lengthMinutes: number,
  answers = new WizardAnswers({ wizard: 'prep', now: new Date(), warn: () => {} }),
): Promise<TopicInput[]> {
  let current = [...topics];
  for (let step = 1; ; step++) {
    const check = timeCheck(current, lengthMinutes);
    if (check.overBy === 0) return current;
    // Only a topic of more than a minute can be given fewer.
    const trimmable = current.some((topic) => (topic.minutes ?? 0) > 1);
    const action = await answers.ask(`fit:${step}`, () =>
      prompt.choose({
        message: `Your topics need ${check.plannedMinutes} min, ${check.overBy} more than the ${lengthMinutes}-minute meeting. What now?`,
        choices: [
          ...(trimmable ? [{ label: 'Give a topic fewer minutes', value: 'trim' }] : []),
          { label: 'Drop a topic from this meeting', value: 'drop' },
          { label: 'Move a topic to the top, so the most important comes first', value: 'reorder' },
          { label: `Keep it as it is (${check.overBy} min over)`, value: 'keep' },
        ],
        default: trimmable ? 'trim' : 'drop',
      }),
    );
    if (action === 'keep') return current;
    const candidates = current
      .map((topic, at) => ({ topic, at }))
      .filter(({ topic }) => action !== 'trim' || (topic.minutes ?? 0) > 1);
    const index = await answers.ask(`fit:${step}:topic`, () =>
      prompt.choose({
        message:
          action === 'trim' ? 'Which topic?' : action === 'drop' ? 'Drop which topic?' : 'Which topic goes first?',
        choices: candidates.map(({ topic, at }) => ({
          label: `${topic.title} (${topic.minutes ?? 0} min)`,
          value: at,
        })),
      }),
    );
    const topic = current[index]!;
    if (action === 'drop') current = current.filter((_, at) => at !== index);
    if (action === 'reorder') current = [topic, ...current.filter((_, at) => at !== index)];
    if (action === 'trim') {
      const minutes = await answers.ask(`fit:${step}:minutes`, () => askFewerMinutes(prompt, topic, check.overBy));
      current = current.map((candidate, at) => (at === index ? { ...candidate, minutes } : candidate));
    }
  }
}

/** Trimming gives a topic fewer minutes: a number as many or more is asked again. */
async function askFewerMinutes(prompt: Prompter, topic: TopicInput, overBy: number): Promise<number> {
  const now = topic.minutes ?? 0;
  const wholeMinutes = accepts(readMinutes, () => 'Give a whole number of minutes, like 30.');
  const answer = await prompt.text({
    message: `Minutes for "${topic.title}"?`,
    default: String(Math.max(1, now - overBy)),
    validate: (text) => {
      const ok = wholeMinutes(text);
      if (ok !== true) return ok;
      return readMinutes(text) < now
        ? true
        : `Fewer than ${now}, to trim it; to give it more, keep the overrun instead.`;
    },
  });
  return readMinutes(answer);
}

async function chooseGoals(
  { journal, prompt, answers }: Asking,
  mentor: Mentor,
  existing: Meeting | undefined,
): Promise<string[]> {
  const goals = journal.goals.filter((goal) => goal.status === 'active');
  if (!goals.length) return [];
  const already = new Set(existing?.prep?.goals ?? []);
  return answers.ask('goals', () =>
    prompt.chooseMany({
      message: 'Goals to discuss:',
      choices: goals.map((goal) => ({
        label: `${goal.id} ${goal.title}`,
        value: goal.id,
        checked: already.has(goal.id) || goal.mentors.includes(mentor.handle),
      })),
    }),
  );
}

async function reflect(
  { prompt, answers }: Asking,
  template: PrepTemplate,
): Promise<{ prompt: string; answer: string }[]> {
  if (!template.prompts.length) return [];
  const wants = await answers.ask('reflect', () =>
    prompt.confirm({
      message: `Take a minute for ${template.prompts.length} reflection prompts? (each can be skipped)`,
      default: false,
    }),
  );
  if (!wants) return [];
  const reflections: { prompt: string; answer: string }[] = [];
  for (const [at, question] of template.prompts.entries()) {
    const answer = await answers.ask(`reflection:${at + 1}`, () => prompt.text({ message: question }));
    if (answer) reflections.push({ prompt: question, answer });
  }
  return reflections;
}
