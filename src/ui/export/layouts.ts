import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Liquid } from './export-libraries.js';
import { UserError } from '../../errors.js';
import { builtInFolder, userFolder } from '../../config/template-folders.js';
import { escapeHtml, escapeMarkdown } from './escape.js';

/**
 * The Markdown and HTML exports are Liquid templates ("layouts") in templates/export/, which a user
 * can copy to their own config folder and change: a file there with the same name wins. The only
 * file that imports liquidjs. Every value a layout prints is escaped for its format unless the layout
 * writes `| raw` (only the timeline picture, which is built and escaped in code, needs that).
 */
export type LayoutFormat = 'md' | 'html';

/** The longest an export may take to lay out: many times what the whole of a decade's journal needs. */
const RENDER_LIMIT_MS = 20_000;
export type LayoutName = 'meeting' | 'summary';

const ESCAPE: Record<LayoutFormat, (value: unknown) => string> = {
  md: (value) => escapeMarkdown(String(value ?? '')),
  html: (value) => escapeHtml(String(value ?? '')),
};

export const userLayoutDir = () => userFolder('export');
export const builtInLayoutDir = () => builtInFolder('export');

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
    cache: true,
    // A layout of your own that loops for ever is stopped, not left to hang the export.
    renderLimit: RENDER_LIMIT_MS,
  });
  const file = `${name}.${format}.liquid`;
  try {
    // Synchronous rendering: several times quicker than liquidjs's promise-based one on long exports.
    return engine.renderFileSync(file, data);
  } catch (error) {
    const own = join(userDir, file);
    const where = existsSync(own) ? `your layout ${own}` : `the built-in layout ${join(builtIn, file)}`;
    throw new UserError(`Cannot export with ${where}: ${(error as Error).message.split('\n')[0]}.`, {
      hint: existsSync(own) ? 'Fix it, or remove it to use the built-in one.' : undefined,
    });
  }
}
