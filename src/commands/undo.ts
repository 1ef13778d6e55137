import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { diffJournals } from '../core/journal-diff.js';
import { renderUndone, undoJson } from '../ui/render/doctor.js';

const UndoInput = z.object({ json: z.boolean().optional() });

/** Reverts the last change by restoring the version before it, and says what that change was. */
export async function undoCommand(ctx: Context, raw: { json?: boolean }): Promise<void> {
  const input = parseOptions(UndoInput, raw);
  const undone = await ctx.store.undo();
  // The change being undone went from the restored version to the one just replaced.
  const changes = diffJournals(undone.restored, undone.undone);
  ctx.print(input.json ? JSON.stringify(undoJson(undone, changes), null, 2) : renderUndone(undone, changes));
}
