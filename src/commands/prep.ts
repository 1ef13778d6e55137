import type { Context } from '../cli/context.js';
import { parseOptions } from '../cli/options.js';
import { loadPrepTemplates, pickTemplate } from '../config/prep-templates.js';
import { buildAgenda } from '../core/agenda.js';
import { toDay } from '../core/dates.js';
import { PrepInput } from '../core/inputs.js';
import { prepMeeting } from '../core/prep.js';
import type { Journal } from '../core/schema.js';
import { DEFAULT_TEMPLATE, FIRST_MEETING_TEMPLATE, type PrepTemplate } from '../core/template.js';
import { writePrivateFile } from '../store/output-file.js';
import { meetingMarkdown } from '../ui/export/render-export.js';
import { agendaJson } from '../ui/json.js';
import { isPromptCancel } from '../ui/prompter.js';
import { renderAgenda } from '../ui/render/meetings.js';
import { runPrepWizard } from '../wizards/prep-wizard.js';

export async function prepCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const flags = parseOptions(PrepInput, raw);
  const { templates, problems } = await loadPrepTemplates();
  for (const { file, problem } of problems) ctx.warn(`warning: skipped your template ${file}: ${problem}`);
  const templateNamed = (name: string) => pickTemplate(templates, name).template;
  const wizard = ctx.interactive && !raw.yes && !raw.json;
  let template = templateNamed(flags.template ?? DEFAULT_TEMPLATE);
  // Without the wizard, naming a template brings in its suggested topics.
  let input: PrepInput = flags.template ? { ...flags, topicDrafts: [...template.topics, ...flags.topicDrafts] } : flags;
  if (wizard) {
    const prompt = await ctx.prompter();
    const snapshot = await ctx.store.read();
    ({ input, template } = await runPrepWizard({
      journal: snapshot,
      now: ctx.now,
      prompt,
      flags,
      templateFor: (isFirst) => templateNamed(flags.template ?? (isFirst ? FIRST_MEETING_TEMPLATE : DEFAULT_TEMPLATE)),
    }));
    const preview = apply(structuredClone(snapshot), input, template, ctx.now);
    prompt.say(`\n${await meetingMarkdown(preview.journal, preview.agenda, ctx.now)}`);
    if (!(await prompt.confirm({ message: 'Save this agenda?', default: true }))) {
      ctx.warn('Nothing was saved.');
      return;
    }
  }
  const { journal, agenda, created } = await ctx.store.update((fresh) => apply(fresh, input, template, ctx.now));
  const { overBy, plannedMinutes, lengthMinutes } = agenda.timeCheck;
  if (overBy > 0 && !wizard) {
    ctx.warn(
      ctx.errorStyle.yellow(
        `warning: the topics add up to ${plannedMinutes} min, ${overBy} over the ${lengthMinutes}-minute meeting. Trim or drop a topic to respect your mentor's time.`,
      ),
    );
  }
  if (raw.json) return ctx.print(JSON.stringify(agendaJson(agenda), null, 2));
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

function apply(journal: Journal, input: PrepInput, template: PrepTemplate, now: Date) {
  const { meeting, created } = prepMeeting(journal, input, now, {
    templateName: input.template || template.name !== DEFAULT_TEMPLATE ? template.name : undefined,
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
