import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid } from 'liquidjs';
import { UserError } from '../../errors.js';
import { userConfigDir } from '../../store/paths.js';
import { escapeHtml, escapeMarkdown } from './escape.js';

/**
 * The Markdown and HTML exports are Liquid templates ("layouts") in templates/export/, which a user
 * can copy to their own config folder and change: a file there with the same name wins. The only
 * file that imports liquidjs. Every value a layout prints is escaped for its format unless the layout
 * writes `| raw` (only the timeline picture, which is built and escaped in code, needs that).
 */
export type LayoutFormat = 'md' | 'html';
export type LayoutName = 'meeting' | 'summary';

const ESCAPE: Record<LayoutFormat, (value: unknown) => string> = {
  md: (value) => escapeMarkdown(String(value ?? '')),
  html: (value) => escapeHtml(String(value ?? '')),
};

export function userLayoutDir(): string {
  return join(userConfigDir(), 'templates', 'export');
}

/** The layouts shipped with mentee (found from this file, whether bundled into dist/ or run from src/). */
export function builtInLayoutDir(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'templates', 'export'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('mentee is installed without its templates folder');
    folder = parent;
  }
  return join(folder, 'templates', 'export');
}

export async function renderLayout(
  format: LayoutFormat,
  name: LayoutName,
  data: Record<string, unknown>,
  userDir = userLayoutDir(),
): Promise<string> {
  const builtIn = builtInLayoutDir();
  const engine = new Liquid({
    root: [userDir, builtIn],
    outputEscape: ESCAPE[format],
    // '' and 0 read as false, so a layout can write {% if meeting.intention %}.
    jsTruthy: true,
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    cache: false,
  });
  const file = `${name}.${format}.liquid`;
  try {
    return await engine.renderFile(file, data);
  } catch (error) {
    const own = join(userDir, file);
    const where = existsSync(own) ? `your layout ${own}` : `the built-in layout ${join(builtIn, file)}`;
    throw new UserError(`Cannot export with ${where}: ${(error as Error).message.split('\n')[0]}.`, {
      hint: existsSync(own) ? 'Fix it, or remove it to use the built-in one.' : undefined,
    });
  }
}
