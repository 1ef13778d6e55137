import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { loadPrepTemplates, pickTemplate } from '../config/prep-templates.js';
import { buildAgenda } from '../core/agenda.js';
import { toDay } from '../core/dates.js';
import type { PrepInput } from '../core/inputs.js';
import { TOPIC_KINDS } from '../core/model.js';
import { prepMeeting } from '../core/prep.js';
import type { Journal } from '../core/schema.js';
import { DEFAULT_TEMPLATE, FIRST_MEETING_TEMPLATE, type PrepTemplate } from '../core/template.js';
import { flag, listOf, oneOf, optionalText, texts } from '../input/flags.js';
import { readReviewSpec, readTopicSpec } from '../input/read.js';
import { writePrivateFile } from '../store/output-file.js';
import { meetingMarkdown } from '../ui/export/render-export.js';
import { agendaJson } from '../ui/json.js';
import { isPromptCancel } from '../ui/prompter.js';
import { renderAgenda } from '../ui/render/meetings.js';
import { meetingFlags } from './common-flags.js';
import { runPrepWizard } from '../wizards/prep-wizard.js';

/** `mentee prep`'s flags, read into what preparing takes. */
export const prepFlags = (now: Date) =>
  z
    .object({
      ...meetingFlags(now),
      intention: optionalText,
      topic: listOf(readTopicSpec),
      kind: oneOf(TOPIC_KINDS).optional(),
      goal: texts,
      review: listOf(readReviewSpec),
      carryParked: flag,
      template: optionalText,
      yes: flag,
      json: flag,
    })
    .transform(({ length, topic, kind, goal, review, template, yes, json, ...rest }) => ({
      input: {
        ...rest,
        lengthMinutes: length,
        topics: topic.map((each) => (kind ? { ...each, kind } : each)),
        replaceTopics: false,
        goals: goal,
        reviews: review,
        reflections: [],
      } satisfies PrepInput,
      template,
      yes,
      json,
    }));

export async function prepCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const flags = parseOptions(prepFlags(ctx.now), raw);
  const { templates, problems } = await loadPrepTemplates();
  for (const { file, problem } of problems) ctx.warn(`warning: skipped your template ${file}: ${problem}`);
  const templateNamed = (name: string) => pickTemplate(templates, name).template;
  const wizard = ctx.interactive && !flags.yes && !flags.json;
  let template = templateNamed(flags.template ?? DEFAULT_TEMPLATE);
  // Without the wizard, naming a template brings in its suggested topics.
  let input: PrepInput = flags.template
    ? { ...flags.input, topics: [...flags.input.topics, ...template.topics] }
    : flags.input;
  if (wizard) {
    const prompt = await ctx.prompter();
    const snapshot = await ctx.store.read();
    ({ input, template } = await runPrepWizard({
      journal: snapshot,
      now: ctx.now,
      prompt,
      flags: flags.input,
      templateGiven: flags.template !== undefined,
      templateFor: (isFirst) => templateNamed(flags.template ?? (isFirst ? FIRST_MEETING_TEMPLATE : DEFAULT_TEMPLATE)),
    }));
    const preview = apply(structuredClone(snapshot), input, template, flags.template, ctx.now);
    prompt.say(`\n${await meetingMarkdown(preview.journal, preview.agenda, ctx.now)}`);
    if (!(await prompt.confirm({ message: 'Save this agenda?', default: true }))) {
      ctx.warn('Nothing was saved.');
      return;
    }
  }
  const { journal, agenda, created } = await ctx.store.update((fresh) =>
    apply(fresh, input, template, flags.template, ctx.now),
  );
  const { overBy, plannedMinutes, lengthMinutes } = agenda.timeCheck;
  if (overBy > 0 && !wizard) {
    ctx.warn(
      ctx.errorStyle.yellow(
        `warning: the topics add up to ${plannedMinutes} min, ${overBy} over the ${lengthMinutes}-minute meeting. Trim or drop a topic to respect your mentor's time.`,
      ),
    );
  }
  if (flags.json) return ctx.print(JSON.stringify(agendaJson(agenda), null, 2));
  if (!wizard) ctx.print(renderAgenda(journal, agenda, ctx));
  const id = agenda.meeting.id;
  ctx.print(`${wizard ? '' : '\n'}${created ? 'Saved' : 'Updated'} the agenda for ${id}.`);
  if (wizard) {
    // The agenda is saved by now: stopping here must not claim that nothing was.
    await offerMarkdown(ctx, journal, agenda).catch((error: unknown) => {
      if (!isPromptCancel(error)) throw error;
      ctx.warn('The agenda is saved; no Markdown file was written.');
    });
  } else ctx.print(`Send it ahead with: mentee export --meeting ${id} --out agenda.md`);
}

/** A template is recorded on the agenda when named, or when it is not the everyday one. */
function apply(journal: Journal, input: PrepInput, template: PrepTemplate, named: string | undefined, now: Date) {
  const { meeting, created } = prepMeeting(journal, input, now, {
    templateName: named || template.name !== DEFAULT_TEMPLATE ? template.name : undefined,
  });
  return { journal, agenda: buildAgenda(journal, meeting), created };
}

async function offerMarkdown(ctx: Context, journal: Journal, agenda: ReturnType<typeof buildAgenda>): Promise<void> {
  const prompt = await ctx.prompter();
  if (!(await prompt.confirm({ message: 'Write it as Markdown to send ahead?', default: false }))) return;
  const file = await prompt.text({ message: 'File:', default: `agenda-${toDay(new Date(agenda.meeting.when))}.md` });
  if (!file) return;
  await writePrivateFile(file, await meetingMarkdown(journal, agenda, ctx.now), false);
  ctx.print(`Wrote ${file}.`);
}
