import { extname } from 'node:path';
import type { Context } from './context.js';
import type { Journal } from '../core/schema.js';
import { UsageError, UserError } from '../errors.js';
import { writePrivateFile } from '../store/output-file.js';
import { FORMAT_BY_EXTENSION } from '../ui/export/formats.js';
import { recut } from '../ui/export/document-pieces.js';

/**
 * What a command that hands over a document (export, review) does with it: the identifier guard reads
 * it first (unless --allow-identifiers), a plain-text warning for an encrypted journal, then stdout, or
 * --out written owner-only and all or nothing, never over the journal.
 */
export async function deliverDocument(
  ctx: Context,
  /** The document, or the pieces it was written in (see exportPieces). */
  document: string | readonly string[],
  options: {
    journal: Journal;
    allowIdentifiers: boolean;
    out?: string | undefined;
    force: boolean;
    what: string;
    includesPrivate: boolean;
  },
): Promise<void> {
  if (!options.allowIdentifiers)
    await (await import('./export-identifiers.js')).refuseIdentifiers(ctx, options.journal, document);
  if (await ctx.store.isEncrypted())
    ctx.warn('Your journal is encrypted, but this export is plain text: keep it private, or delete it once sent.');
  const { out } = options;
  if (!out) return printDocument(ctx, document);
  if (await ctx.store.owns(out))
    throw new UserError(`--out ${out} is your journal or one of its backups; write the export somewhere else.`);
  await writePrivateFile(out, typeof document === 'string' ? document : document.join(''), options.force);
  ctx.warn(`Wrote ${options.what} to ${out}${options.includesPrivate ? ' (includes private reflections)' : ''}.`);
}

/** About how much of a document is printed at once: little enough that the copy print makes is short-lived. */
const PRINTED_AT_ONCE = 1 << 14;

/**
 * The document on stdout as it is, ending with one line break, a few lines at a time (each piece ends
 * with a line break, which print writes again): the whole journal is tens of MB, which one write would
 * copy twice over.
 */
export function printDocument(
  ctx: Pick<Context, 'print'>,
  document: string | readonly string[],
  size = PRINTED_AT_ONCE,
): void {
  let last = '';
  let started = false;
  for (const piece of recut(document, size, /\n/g, 1)) {
    // The pieces a layout wrote may be long: each is printed a few lines at a time (slices, not copies).
    for (let start = 0; start < piece.length;) {
      const end = start + size < piece.length ? piece.indexOf('\n', start + size) + 1 || piece.length : piece.length;
      if (started) ctx.print(last.slice(0, -1));
      [last, started, start] = [piece.slice(start, end), true, end];
    }
  }
  ctx.print(last.endsWith('\n') ? last.slice(0, -1) : last);
}

/** The format --out's extension names, among those the command writes (`formats`). */
export function formatFromOut<F extends string>(out: string | undefined, formats: readonly F[]): F | undefined {
  if (!out) return undefined;
  const extension = extname(out).toLowerCase();
  if (!extension) return undefined;
  const named = Object.hasOwn(FORMAT_BY_EXTENSION, extension) ? FORMAT_BY_EXTENSION[extension] : undefined;
  const format = formats.find((each) => each === named);
  if (!format) {
    const list = `${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}`;
    throw new UsageError(`--out: cannot tell the format from "${extension}"; add --format ${list}.`);
  }
  return format;
}
