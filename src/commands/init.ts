import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { addGoal } from '../core/goals.js';
import type { ProfileInput } from '../core/inputs.js';
import { addMentor } from '../core/mentors.js';
import { setProfile } from '../core/profile.js';
import { UsageError } from '../errors.js';
import { flag, optionalText } from '../input/flags.js';
import { offerDraft, stopWizard, type WizardAnswers } from '../wizards/draft-answers.js';
import { runInitWizard, type InitPlan } from '../wizards/init-wizard.js';

export const initFlags = z
  .object({ name: optionalText, stage: optionalText, yes: flag })
  .transform(({ yes, ...profile }) => ({ profile: profile satisfies ProfileInput, yes }));

export async function initCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const { profile: flags, yes } = parseOptions(initFlags, raw);
  const wizard = ctx.interactive && !yes;
  if (!wizard && !flags.name && !flags.stage) {
    throw new UsageError('init needs a terminal to ask its questions, or flags: --name and/or --stage.');
  }
  let answers: WizardAnswers | undefined;
  let plan: InitPlan = { profile: flags, goals: [] };
  if (wizard) ({ plan, answers } = await askInit(ctx, flags));
  const { profile, mentor, goals } = await ctx.store.update((journal) => {
    const mentor = plan.mentor && addMentor(journal, plan.mentor, ctx.now);
    const goals = plan.goals.map((goal) =>
      addGoal(journal, { ...goal, mentors: mentor ? [mentor.handle] : [] }, ctx.now),
    );
    return { profile: setProfile(journal, plan.profile), mentor, goals };
  });
  await answers?.discard();
  const who = [profile.name, profile.stage].filter(Boolean).join(', ');
  ctx.print(`Journal ready at ${ctx.store.path}${who ? ` for ${who}` : ''}.`);
  if (mentor) ctx.print(`Added ${mentor.name} as "${mentor.handle}".`);
  for (const goal of goals) ctx.print(`Added goal ${goal.id}: ${goal.title}.`);
  ctx.print(
    mentor
      ? `Next: prepare your first meeting with: mentee prep`
      : 'Next: mentee mentor add "Dr Ada Lovelace" --cadence 4w --rule "Email first"',
  );
}

/** The init wizard, with its draft: one left before is offered to resume. */
async function askInit(ctx: Context, flags: ProfileInput): Promise<{ plan: InitPlan; answers: WizardAnswers }> {
  const prompt = await ctx.prompter();
  const { answers } = await offerDraft(
    prompt,
    { box: ctx.store.drafts(), wizard: 'init', now: ctx.now, warn: ctx.warn },
    { describe: () => 'your setup' },
  );
  // Read after the drafts: the codec then follows the journal, and drafts are written as it is.
  const journal = await ctx.store.read();
  const plan = await runInitWizard({
    journal,
    now: ctx.now,
    dates: ctx.dates,
    prompt,
    flags,
    answers,
    usualLength: ctx.settings.meetingLength,
  }).catch((error: unknown) => stopWizard(error, prompt, answers, ctx.warn, 'mentee init'));
  return { plan, answers };
}
