import type { Context } from '../cli/context.js';
import { parseOptions } from '../cli/options.js';
import { findPrepTemplate } from '../config/prep-templates.js';
import { buildAgenda } from '../core/agenda.js';
import { PrepInput } from '../core/inputs.js';
import { prepMeeting } from '../core/meetings.js';
import { DEFAULT_TEMPLATE } from '../core/template.js';
import { agendaJson } from '../ui/json.js';
import { renderAgenda } from '../ui/render/meetings.js';

export async function prepCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(PrepInput, raw);
  const { template } = await findPrepTemplate(input.template ?? DEFAULT_TEMPLATE);
  const { journal, agenda, created } = await ctx.store.update((journal) => {
    const { meeting, created } = prepMeeting(journal, input, ctx.now, {
      defaultTopicMinutes: template.defaultMinutes,
      templateName: input.template ? template.name : undefined,
    });
    return { journal, agenda: buildAgenda(journal, meeting), created };
  });
  const { overBy, plannedMinutes, lengthMinutes } = agenda.timeCheck;
  if (overBy > 0) {
    ctx.warn(
      ctx.errorStyle.yellow(
        `warning: the topics add up to ${plannedMinutes} min, ${overBy} over the ${lengthMinutes}-minute meeting. Trim or drop a topic to respect your mentor's time.`,
      ),
    );
  }
  if (raw.json) return ctx.print(JSON.stringify(agendaJson(agenda), null, 2));
  ctx.print(renderAgenda(journal, agenda, ctx));
  ctx.print(
    `\n${created ? 'Saved' : 'Updated'} the agenda for ${agenda.meeting.id}. Send it ahead with: mentee export --meeting ${agenda.meeting.id} --out agenda.md`,
  );
}
