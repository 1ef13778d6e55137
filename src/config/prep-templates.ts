import { readdir } from 'node:fs/promises';
import { describeFileProblem } from '../store/file-errors.js';
import { readRegularFile } from '../store/regular-file.js';
import { join } from 'node:path';
import { PrepTemplateSchema, type PrepTemplate } from '../core/template.js';
import { UserError } from '../errors.js';
import { nearest } from '../core/suggest.js';
import { didYouMean } from '../ui/did-you-mean.js';
import { describeIssue } from '../core/describe-issue.js';
import { builtInFolder, userFolder } from '../store/template-folders.js';

export interface LoadedTemplate {
  template: PrepTemplate;
  source: 'built-in' | 'yours';
  file: string;
}

export interface TemplateProblem {
  file: string;
  problem: string;
}

export const builtInTemplateDir = () => builtInFolder('prep');
export const userTemplateDir = () => userFolder('prep');

/** Built-in templates, then the user's own (which win on a name clash). Broken user files are reported, not fatal. */
export async function loadPrepTemplates(
  userDir = userTemplateDir(),
): Promise<{ templates: LoadedTemplate[]; problems: TemplateProblem[] }> {
  const builtIn = await readFolder(builtInTemplateDir(), 'built-in');
  const own = await readFolder(userDir, 'yours');
  const byName = new Map<string, LoadedTemplate>();
  for (const loaded of [...builtIn.templates, ...own.templates]) byName.set(loaded.template.name, loaded);
  return { templates: [...byName.values()], problems: [...builtIn.problems, ...own.problems] };
}

export async function findPrepTemplate(name: string): Promise<LoadedTemplate> {
  const { templates } = await loadPrepTemplates();
  return pickTemplate(templates, name);
}

export function pickTemplate(templates: LoadedTemplate[], name: string): LoadedTemplate {
  const found = templates.find((loaded) => loaded.template.name === name.toLowerCase());
  if (!found) {
    const names = templates.map((loaded) => loaded.template.name);
    const near = didYouMean(nearest(name, names));
    throw new UserError(`No prep template called "${name}".${near} Available: ${names.join(', ')}.`, { exitCode: 2 });
  }
  return found;
}

async function readFolder(folder: string, source: LoadedTemplate['source']) {
  const templates: LoadedTemplate[] = [];
  const problems: TemplateProblem[] = [];
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return { templates, problems };
  }
  for (const name of names) {
    const file = join(folder, name);
    try {
      const checked = PrepTemplateSchema.safeParse(JSON.parse((await readRegularFile(file)).toString('utf8')));
      if (checked.success) templates.push({ template: checked.data, source, file });
      else problems.push({ file, problem: describeIssue(checked.error.issues[0]!) });
    } catch (error) {
      problems.push({ file, problem: describeFileProblem(error, file)?.reason ?? (error as Error).message });
    }
  }
  return { templates, problems };
}
