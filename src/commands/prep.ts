import { stat } from 'node:fs/promises';
import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { loadPrepTemplates, pickTemplate, type LoadedTemplate } from '../config/prep-templates.js';
import { buildAgenda } from '../core/agenda.js';
import { toDay } from '../core/dates.js';
import { isPrepared } from '../core/meetings.js';
import { mentorName } from '../core/refs.js';
import type { PrepInput } from '../core/inputs.js';
import { TOPIC_KINDS } from '../core/model.js';
import { prepMeeting } from '../core/prep.js';
import type { Journal, Meeting } from '../core/schema.js';
import { DEFAULT_TEMPLATE, FIRST_MEETING_TEMPLATE, type PrepTemplate } from '../core/template.js';
import { flag, listOf, oneOf, optionalText, texts } from '../input/flags.js';
import { readReviewSpec, readTopicSpec } from '../input/read.js';
import { UserError } from '../errors.js';
import { writePrivateFile } from '../store/output-file.js';
import { meetingMarkdown } from '../ui/export/render-export.js';
import { agendaJson } from '../ui/json.js';
import { isPromptCancel } from '../ui/prompter.js';
import { renderAgenda } from '../ui/render/meetings.js';
import { formatDateTime } from '../ui/words.js';
import { meetingFlags } from './common-flags.js';
import { offerDraft, stopWizard, type WizardAnswers } from '../wizards/draft-answers.js';
import { runPrepWizard } from '../wizards/prep-wizard.js';
import type { DateContext } from '../input/date-text.js';

/** `mentee prep`'s flags, read into what preparing takes. */
export const prepFlags = (dates: DateContext) =>
  z
    .object({
      ...meetingFlags(dates),
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
  const flags = parseOptions(prepFlags(ctx.dates), raw);
  const { templates, problems } = await loadPrepTemplates();
  for (const { file, problem } of problems) ctx.warn(`warning: skipped your template ${file}: ${problem}`);
  const templateNamed = (name: string) => pickTemplate(templates, name).template;
  const wizard = ctx.interactive && !flags.yes && !flags.json;
  const usualTemplate = usualTemplateOf(ctx, templates);
  let template = templateNamed(flags.template ?? usualTemplate);
  // Without the wizard, naming a template brings in its suggested topics.
  const given: PrepInput = { ...flags.input, usualLength: ctx.settings.meetingLength };
  let input: PrepInput = flags.template ? { ...given, topics: [...given.topics, ...template.topics] } : given;
  let draft: WizardAnswers | undefined;
  if (wizard) {
    const prompt = await ctx.prompter();
    const { answers } = await offerDraft(
      prompt,
      { box: ctx.store.drafts(), wizard: 'prep', now: ctx.now, warn: ctx.warn },
      {
        fits: (left) =>
          flags.input.meeting
            ? left.meeting === flags.input.meeting
            : !flags.input.mentor || left.mentor === flags.input.mentor,
        describe: (left) =>
          left.meeting ? `your prep for ${left.meeting}` : `your prep of a meeting with ${left.mentor}`,
      },
    );
    draft = answers;
    // Read after the drafts: the codec then follows the journal, and drafts are written as it is.
    const snapshot = await ctx.store.read();
    ({ input, template } = await runPrepWizard({
      journal: snapshot,
      now: ctx.now,
      dates: ctx.dates,
      prompt,
      flags: given,
      templateGiven: flags.template !== undefined,
      templateFor: (isFirst) => templateNamed(flags.template ?? (isFirst ? FIRST_MEETING_TEMPLATE : usualTemplate)),
      answers,
    }).catch((error: unknown) => stopWizard(error, prompt, answers, ctx.warn, 'mentee prep')));
    const preview = apply(structuredClone(snapshot), input, template, flags.template, ctx.now);
    prompt.say(`\n${await meetingMarkdown(preview.journal, preview.agenda, ctx.now)}`);
    const save = await prompt
      .confirm({ message: 'Save this agenda?', default: true })
      .catch((error: unknown) => stopWizard(error, prompt, answers, ctx.warn, 'mentee prep'));
    if (!save) {
      await answers.discard();
      ctx.warn('Nothing was saved.');
      return;
    }
  }
  const { journal, agenda, created, hadAgenda } = await ctx.store.update((fresh) =>
    apply(fresh, input, template, flags.template, ctx.now),
  );
  await draft?.discard();
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
  ctx.print(`${wizard ? '' : '\n'}${savedText(journal, agenda.meeting, created, hadAgenda)}`);
  // A meeting with nothing on its agenda has nothing to send ahead.
  if (!isPrepared(agenda.meeting)) return;
  if (wizard) {
    // The agenda is saved by now: stopping here must not claim that nothing was.
    await offerMarkdown(ctx, journal, agenda).catch((error: unknown) => {
      if (!isPromptCancel(error)) throw error;
      ctx.warn('The agenda is saved; no Markdown file was written.');
    });
  } else ctx.print(`Send it ahead with: mentee export --meeting ${id} --out agenda.md`);
}

/** The prepTemplate setting when that template exists (else said, and the built-in default), or the default. */
function usualTemplateOf(ctx: Context, templates: LoadedTemplate[]): string {
  const wanted = ctx.settings.prepTemplate;
  if (!wanted) return DEFAULT_TEMPLATE;
  if (templates.some(({ template }) => template.name === wanted.toLowerCase())) return wanted;
  ctx.warn(
    `warning: your prepTemplate setting names "${wanted}", which is not a prep template; using ${DEFAULT_TEMPLATE}.`,
  );
  return DEFAULT_TEMPLATE;
}

/** What was saved, said by the rule the home screen uses: with no topics and no intention, a meeting is not prepared. */
function savedText(journal: Journal, meeting: Meeting, created: boolean, hadAgenda: boolean): string {
  if (isPrepared(meeting)) return `${hadAgenda ? 'Updated' : 'Saved'} the agenda for ${meeting.id}.`;
  const what = created ? `Booked ${meeting.id} with` : `Updated ${meeting.id} with`;
  const when = `${created ? 'for' : 'on'} ${formatDateTime(meeting.when)}`;
  return `${what} ${mentorName(journal, meeting.mentor)} ${when}; no topics yet: add some with: mentee prep --meeting ${meeting.id}`;
}

/** A template is recorded on the agenda when named, or when it is not the everyday one. */
function apply(journal: Journal, input: PrepInput, template: PrepTemplate, named: string | undefined, now: Date) {
  const preparedBefore = new Set(journal.meetings.filter(isPrepared).map((meeting) => meeting.id));
  const { meeting, created } = prepMeeting(journal, input, now, {
    templateName: named || template.name !== DEFAULT_TEMPLATE ? template.name : undefined,
  });
  return { journal, agenda: buildAgenda(journal, meeting), created, hadAgenda: preparedBefore.has(meeting.id) };
}

async function offerMarkdown(ctx: Context, journal: Journal, agenda: ReturnType<typeof buildAgenda>): Promise<void> {
  const prompt = await ctx.prompter();
  if (!(await prompt.confirm({ message: 'Write it as Markdown to send ahead?', default: false }))) return;
  let suggested = `agenda-${toDay(new Date(agenda.meeting.when))}.md`;
  for (;;) {
    const file = await prompt.text({ message: 'File:', default: suggested });
    if (!file) return;
    // The agenda is saved already: a name taken is asked about, never a failure after the fact.
    const taken = await stat(file).then(
      (found) => found.isFile(),
      () => false,
    );
    if (await ctx.store.owns(file)) {
      prompt.say(`${file} is part of your journal; choose another name.`);
      suggested = '';
      continue;
    }
    if (taken) {
      const replace = await prompt.choose({
        message: `${file} already exists.`,
        choices: [
          { label: 'Choose another name', value: false },
          { label: 'Replace it', value: true },
        ],
        default: false,
      });
      if (!replace) {
        suggested = '';
        continue;
      }
    }
    try {
      await writePrivateFile(file, await meetingMarkdown(journal, agenda, ctx.now), taken);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      prompt.say(`${error.message} Choose another name (Enter to skip).`);
      suggested = '';
      continue;
    }
    ctx.print(`Wrote ${file}.`);
    return;
  }
}
