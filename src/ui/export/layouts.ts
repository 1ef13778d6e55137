import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultOptions, Liquid, toValue } from './export-libraries.js';
import { UserError } from '../../errors.js';
import { builtInFolder, userFolder } from '../../store/template-folders.js';
import { escapeHtml, escapeMarkdown } from './escape.js';
import { compileLayout, isLimit } from './layout-compiler.js';
import { readRegularFile, readRegularFileSync } from '../../store/regular-file.js';

/**
 * The Markdown and HTML exports are Liquid templates ("layouts") in templates/export/, which a user
 * can copy to their own config folder and change: a file there with the same name wins. The only
 * file that makes a liquidjs engine. Every value a layout prints is escaped for its format unless the layout
 * writes `| raw` (only the timeline picture, which is built and escaped in code, needs that). Layouts
 * are run compiled to functions where they can be (layout-compiler.ts), by liquidjs otherwise.
 */
export type LayoutFormat = 'md' | 'html';

/** The longest an export may take to lay out: many times what the whole of a decade's journal needs. */
const RENDER_LIMIT_MS = 20_000;
/**
 * The most a layout may make, in characters: of strings and lists it builds (liquidjs's memoryLimit)
 * and of what it writes. A decade's journal exports to a few MB; a layout that loops or doubles a
 * string is stopped at this long before it uses much memory (tens of MB, not the gigabytes it would).
 */
const MEMORY_LIMIT = 64_000_000;
const OUTPUT_LIMIT = 64_000_000;
/** The most layout text parsed for one export, partials included: a layout is a page or two. */
const PARSE_LIMIT = 4_000_000;
/** Layouts are read as every user file is: a pipe or a device is refused, not waited on. */
const LAYOUT_FILES = {
  ...defaultOptions.fs,
  readFileSync: (file: string) => readRegularFileSync(file).toString('utf8'),
  readFile: async (file: string) => (await readRegularFile(file)).toString('utf8'),
};
export type LayoutName = 'meeting' | 'summary' | 'review' | 'pdp';

const ESCAPE: Record<LayoutFormat, (value: unknown) => string> = {
  md: (value) => escapeMarkdown(String(value ?? '')),
  html: (value) => escapeHtml(String(value ?? '')),
};

/** Longer texts than this are seldom printed twice; shorter ones (days, names, states) thousands of times. */
const REMEMBERED_LENGTH = 40;

/** An escape that escapes each short text once (one map per export). */
function remembered(escape: (value: unknown) => string): (value: unknown) => string {
  const escaped = new Map<string, string>();
  return (value) => {
    const text = String(value ?? '');
    if (text.length > REMEMBERED_LENGTH) return escape(text);
    let known = escaped.get(text);
    if (known === undefined) escaped.set(text, (known = escape(text)));
    return known;
  };
}

export const userLayoutDir = () => userFolder('export');
export const builtInLayoutDir = () => builtInFolder('export');

export async function renderLayout(
  format: LayoutFormat,
  name: LayoutName,
  data: Record<string, unknown>,
  userDir = userLayoutDir(),
): Promise<string> {
  return (await layoutPieces(format, name, data, userDir)).join('');
}

/** The layout's text in the pieces it was written in, for a document too long to be worth joining. */
export async function layoutPieces(
  format: LayoutFormat,
  name: LayoutName,
  data: Record<string, unknown>,
  userDir = userLayoutDir(),
): Promise<string[]> {
  const engine = layoutEngine(format, userDir);
  const file = `${name}.${format}.liquid`;
  try {
    const templates = engine.parseFileSync(file);
    const compiled = compileLayout(engine, templates, LAYOUT_LIMITS);
    if (compiled) {
      try {
        return compiled(data);
      } catch (error) {
        // Anything but a limit: liquidjs renders the layout, and says what is wrong with it in its words.
        if (isLimit(error)) throw error;
      }
    }
    // Synchronous rendering: several times quicker than liquidjs's promise-based one on long exports.
    return [engine.renderSync(templates, data) as string];
  } catch (error) {
    const own = join(userDir, file);
    const where = existsSync(own) ? `your layout ${own}` : `the built-in layout ${join(builtInLayoutDir(), file)}`;
    throw new UserError(`Cannot export with ${where}: ${reasonOf(error as Error)}.`, {
      hint: existsSync(own) ? 'Fix it, or remove it to use the built-in one.' : undefined,
    });
  }
}

/** What a compiled layout may write and how long it may run: what liquidjs is given (below). */
export const LAYOUT_LIMITS = { outputLimit: OUTPUT_LIMIT, renderLimitMs: RENDER_LIMIT_MS };

/** The engine layouts are read and rendered with: a layout of the user's own wins over the built-in one. */
export function layoutEngine(format: LayoutFormat, userDir = userLayoutDir()): InstanceType<typeof Liquid> {
  const engine = new Liquid({
    root: [userDir, builtInLayoutDir()],
    outputEscape: remembered(ESCAPE[format]),
    locale: 'en-US',
    // '' and 0 read as false, so a layout can write {% if meeting.intention %}.
    jsTruthy: true,
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    cache: true,
    // A layout of your own that loops for ever is stopped, not left to hang the export.
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
    parseLimit: PARSE_LIMIT,
    fs: LAYOUT_FILES,
  });
  limitOutput(engine, OUTPUT_LIMIT);
  return engine;
}

/** liquidjs's own words; for its limits, what happened in words (and where, which it says after a comma). */
function reasonOf(error: Error): string {
  const first = error.message.split('\n')[0]!;
  const limit = /^(memory alloc|template render|parse length|output) limit exceeded(.*)$/.exec(first);
  if (!limit) return first;
  const what: Record<string, string> = {
    'memory alloc': `it builds more than ${MEMORY_LIMIT / 1e6} million characters`,
    'template render': `it runs longer than ${RENDER_LIMIT_MS / 1000} s`,
    'parse length': `it is longer than ${PARSE_LIMIT / 1e6} million characters`,
    output: `it writes more than ${OUTPUT_LIMIT / 1e6} million characters`,
  };
  const at = /line:(\d+), col:(\d+)/.exec(limit[2]!);
  const where = at ? ` at line ${at[1]}, column ${at[2]}` : '';
  return `stopped${where}: ${what[limit[1]!]} (a loop without end, or a string doubled again and again)`;
}

/**
 * liquidjs counts what filters and ranges make, but not what a layout writes: a loop over the
 * meetings inside a loop over the meetings writes gigabytes. Every piece of output goes through one
 * count here, captured text too.
 */
function limitOutput(engine: InstanceType<typeof Liquid>, limit: number): void {
  const renderer = engine.renderer;
  const renderTemplates = renderer.renderTemplates.bind(renderer);
  // One engine per export, so one count per export.
  const budget = { left: limit };
  renderer.renderTemplates = function* (templates, ctx, into) {
    // Given somewhere to write, liquidjs writes there and its caller ignores what it returns.
    if (into) return yield* renderTemplates(templates, ctx, into);
    const output = new CountedOutput(budget);
    yield* renderTemplates(templates, ctx, output);
    return output.text();
  };
}

/**
 * liquidjs's SimpleEmitter, counted, and compact: its `buffer +=` of many small pieces makes a rope
 * that costs some 30 bytes a piece, so pieces are joined into flat strings a few thousand at a time.
 * `buffer` stays empty: liquidjs reads it after every loop turn, and the text is read once, at the end.
 */
class CountedOutput {
  readonly buffer = '';
  private readonly joined: string[] = [];
  private pieces: string[] = [];

  constructor(private readonly budget: { left: number }) {}

  write(html: unknown): void {
    const text = stringify(html);
    this.budget.left -= text.length;
    if (this.budget.left < 0) throw new Error('output limit exceeded');
    if (this.pieces.push(text) === 4096) this.settle();
  }

  text(): string {
    this.settle();
    return this.joined.join('');
  }

  private settle(): void {
    if (this.pieces.length) this.joined.push(this.pieces.join(''));
    this.pieces = [];
  }
}

function stringify(value: unknown): string {
  const plain = toValue(value);
  if (typeof plain === 'string') return plain;
  if (plain === null || plain === undefined) return '';
  if (Array.isArray(plain)) return plain.map(stringify).join('');
  return String(plain);
}
