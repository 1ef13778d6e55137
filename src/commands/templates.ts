import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { jsonFlags } from './common-flags.js';
import { findPrepTemplate, loadPrepTemplates, userTemplateDir } from '../config/prep-templates.js';
import { columns } from '../ui/render/layout.js';

export async function templatesListCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const { json } = parseOptions(jsonFlags, raw);
  const { templates, problems } = await loadPrepTemplates();
  for (const { file, problem } of problems) ctx.warn(`warning: skipped template ${file}: ${problem}`);
  if (json)
    return ctx.print(
      JSON.stringify({ templates: templates.map(({ template, source }) => ({ ...template, source })) }, null, 2),
    );
  ctx.print(
    columns(
      templates.map(({ template, source }) => [
        ctx.style.bold(template.name),
        template.description,
        ctx.style.dim(source),
      ]),
    ).join('\n'),
  );
  const { builtInLayoutDir, userLayoutDir } = await import('../ui/export/layouts.js');
  ctx.print(
    ctx.style.dim(
      [
        `\nYour own templates go in ${userTemplateDir()} (same format as: mentee templates show check-in --json).`,
        `Export layouts are in ${builtInLayoutDir()}; a copy in ${userLayoutDir()} replaces one.`,
      ].join('\n'),
    ),
  );
}

export async function templatesShowCommand(ctx: Context, name: string, raw: Record<string, unknown>): Promise<void> {
  const { json } = parseOptions(jsonFlags, raw);
  const { template, file } = await findPrepTemplate(name);
  if (json) return ctx.print(JSON.stringify(template, null, 2));
  ctx.print(
    [
      `${ctx.style.bold(template.name)}  ${template.description}`,
      ctx.style.dim(file),
      '',
      `Suggested topics (default ${template.defaultMinutes} min each):`,
      ...template.topics.map(
        (topic) =>
          `  - ${topic.title}${topic.kind ? ` [${topic.kind}]` : ''}${topic.minutes ? `, ${topic.minutes} min` : ''}`,
      ),
      '',
      'Reflection prompts:',
      ...template.prompts.map((prompt) => `  - ${prompt}`),
    ].join('\n'),
  );
}
