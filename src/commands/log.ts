import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { count, dueText, formatDateTime } from '../ui/words.js';
import { selectActions } from '../core/action-list.js';
import type { LogInput } from '../core/inputs.js';
import { mentorOf } from '../core/refs.js';
import { logMeeting } from '../core/log.js';
import { withoutPrivate } from '../core/privacy.js';
import { flag, listOf, optionalText, readAllWith, readWith, texts } from '../input/flags.js';
import { readActionSpec, readNextMeeting, readTopicNumbers, readTopicSpec } from '../input/read.js';
import { meetingFlags } from './common-flags.js';
import { DomainError } from '../core/problems.js';
import type { Draft } from '../store/drafts.js';
import { offerDraft, stopWizard, type WizardAnswers } from '../wizards/draft-answers.js';
import { runLogWizard } from '../wizards/log-wizard.js';
import type { DateContext } from '../input/date-text.js';

/** `mentee log`'s flags, read into what logging takes. */
export const logFlags = (dates: DateContext) =>
  z
    .object({
      ...meetingFlags(dates),
      topic: listOf(readTopicSpec),
      covered: topicNumbers,
      parked: topicNumbers,
      advice: texts,
      feedback: texts,
      decision: texts,
      challenged: texts,
      action: listOf((text) => readActionSpec(text, dates, 'me')),
      mentorAction: listOf((text) => readActionSpec(text, dates, 'mentor')),
      private: optionalText,
      next: readWith((text) => readNextMeeting(text, dates)).optional(),
      amend: flag,
      yes: flag,
      json: flag,
    })
    .transform(
      ({
        length,
        topic,
        covered,
        parked,
        decision,
        action,
        mentorAction,
        private: reflection,
        yes,
        json,
        ...rest
      }) => ({
        input: {
          ...rest,
          lengthMinutes: length,
          topics: topic,
          outcomes: [
            ...covered.map((number) => ({ number, outcome: 'covered' as const })),
            ...parked.map((number) => ({ number, outcome: 'parked' as const })),
          ],
          decisions: decision,
          actions: [...action, ...mentorAction],
          privateReflection: reflection,
        } satisfies LogInput,
        yes,
        json,
      }),
    );

const topicNumbers = readAllWith(readTopicNumbers);

/**
 * The log wizard, with its draft: one left before is offered to resume, or, when its meeting was
 * logged meanwhile, to add to its notes.
 */
async function askLog(ctx: Context, flags: LogInput): Promise<{ input: LogInput; answers: WizardAnswers }> {
  const prompt = await ctx.prompter();
  const before = await ctx.store.read();
  const loggedMeanwhile = (left: Draft) =>
    Boolean(left.meeting && before.meetings.find((meeting) => meeting.id === left.meeting)?.log);
  const { answers, draft } = await offerDraft(
    prompt,
    { box: ctx.store.drafts(), wizard: 'log', now: ctx.now, warn: ctx.warn },
    {
      fits: (left) => (flags.meeting ? left.meeting === flags.meeting : !flags.mentor || left.mentor === flags.mentor),
      describe: (left) =>
        left.meeting ? `your notes on ${left.meeting}` : `your notes on a meeting with ${left.mentor}`,
      resumeLabel: (left) =>
        loggedMeanwhile(left)
          ? `Add them to the notes of ${left.meeting}, which was logged meanwhile`
          : 'Resume: the questions answered are not asked again',
    },
  );
  const amend = flags.amend || Boolean(draft && loggedMeanwhile(draft));
  // Read after the drafts: the codec then follows the journal, and drafts are written as it is.
  const journal = await ctx.store.read();
  const input = await runLogWizard({
    journal,
    now: ctx.now,
    dates: ctx.dates,
    prompt,
    flags: { ...flags, amend },
    answers,
  }).catch((error: unknown) => stopWizard(error, prompt, answers, ctx.warn, 'mentee log'));
  return { input, answers };
}

export async function logCommand(
  ctx: Context,
  meetingId: string | undefined,
  raw: Record<string, unknown>,
): Promise<void> {
  const flags = parseOptions(logFlags(ctx.dates), { ...raw, meeting: meetingId });
  const wizard = ctx.interactive && !flags.yes && !flags.json;
  let input: LogInput = flags.input;
  let answers: WizardAnswers | undefined;
  if (wizard) ({ input, answers } = await askLog(ctx, flags.input));
  const save = (input: LogInput) =>
    ctx.store.update((journal) => {
      const result = logMeeting(journal, { ...input, usualLength: ctx.settings.meetingLength }, ctx.now);
      const mentorName = mentorOf(journal, result.meeting.mentor).name;
      const dueNext = selectActions(journal, { mine: true }, ctx.now)
        .filter((action) => action.due)
        .slice(0, 3);
      return { ...result, mentorName, dueNext };
    });
  const { meeting, actions, nextMeeting, mentorName, dueNext } = await save(input).catch(async (error: unknown) => {
    // Logged by another run while these answers were typed: they are kept, and offered as an amendment.
    if (!answers || !(error instanceof DomainError) || error.problem.code !== 'meeting-already-logged') throw error;
    const prompt = await ctx.prompter();
    const amend = await prompt
      .confirm({
        message: `${error.problem.id} was logged meanwhile, by another mentee. Add your notes to it?`,
        default: true,
      })
      .catch((stop: unknown) => stopWizard(stop, prompt, answers, ctx.warn, 'mentee log'));
    if (!amend) {
      ctx.warn(`${count(answers.count, 'answer')} kept as a draft; run mentee log again to add them.`);
      throw error;
    }
    return save({ ...input, amend: true });
  });
  await answers?.discard();
  if (flags.json) {
    return ctx.print(
      JSON.stringify({ meeting: withoutPrivate(meeting), actions, nextMeeting: nextMeeting ?? null }, null, 2),
    );
  }
  const topics = meeting.prep?.topics ?? [];
  const outcomes = (outcome: string) => topics.filter((topic) => topic.outcome === outcome).length;
  const log = meeting.log!;
  const saved = [
    topics.length ? `${count(outcomes('covered'), 'topic')} covered, ${outcomes('parked')} parked` : '',
    log.advice.length ? count(log.advice.length, 'piece of advice', 'pieces of advice') : '',
    log.decisions.length ? count(log.decisions.length, 'decision') : '',
    log.privateReflection ? 'a private reflection (never shared)' : '',
  ].filter(Boolean);
  ctx.print(
    `Logged ${meeting.id} with ${mentorName} on ${formatDateTime(meeting.when)}${saved.length ? `: ${saved.join(', ')}` : ''}.`,
  );
  for (const action of actions) {
    const who = action.owner === 'mentor' ? `${mentorName} offered` : 'You will';
    ctx.print(`  ${action.id}  ${who}: ${action.title}${action.due ? ` (${dueText(action.due, ctx.now)})` : ''}`);
  }
  if (dueNext.length) {
    ctx.print('Due next:');
    for (const action of dueNext) ctx.print(`  ${action.id}  ${action.title} (${dueText(action.due!, ctx.now)})`);
  }
  if (nextMeeting)
    ctx.print(
      `Next meeting: ${formatDateTime(nextMeeting.when)} (${nextMeeting.id}). Prepare it with: mentee prep --meeting ${nextMeeting.id}`,
    );
}
