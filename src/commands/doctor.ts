import { realpath } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import * as z from 'zod';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';
import { UsageError, UserError } from '../errors.js';
import type { BackupEntry } from '../store/journal-store.js';
import { conflictsNoted } from '../ui/render/sync.js';
import { backupJson, doctorJson, recoveryCommand, renderDoctor, renderRestored } from '../ui/render/doctor.js';

const DoctorInput = z.object({
  restore: z.string().trim().min(1, 'must be a backup number from mentee doctor, or its file').optional(),
  json: z.boolean().optional(),
});

/** Checks the journal and lists its backups (exit 1 when the journal is damaged), or restores one. */
export async function doctorCommand(ctx: Context, raw: { restore?: string; json?: boolean }): Promise<void> {
  const input = parseOptions(DoctorInput, raw);
  if (input.restore !== undefined) return restore(ctx, input.restore, input.json);
  const [check, backups] = [await ctx.store.check(), await ctx.store.backups()];
  const conflicts = check.ok && check.exists ? (await ctx.store.read()).conflicts.length : 0;
  if (input.json) ctx.print(JSON.stringify(doctorJson(check, backups, conflicts), null, 2));
  else
    ctx.print([renderDoctor(check, backups, ctx.style), ...(conflicts ? [conflictsNoted(conflicts)] : [])].join('\n'));
  if (!check.ok) {
    const recover = recoveryCommand(backups);
    throw new UserError(check.problem!, {
      hint: `It has not been changed.${recover ? ` To go back to the last good version: ${recover}` : ''}`,
    });
  }
}

async function restore(ctx: Context, wanted: string, json: boolean | undefined): Promise<void> {
  const backups = await ctx.store.backups();
  const backup = await pick(backups, wanted);
  const restored = await ctx.store.restore(backup.file);
  if (json) {
    const result = {
      restored: backupJson(restored.backup),
      savedAside: restored.savedAside ?? null,
      unchanged: restored.unchanged,
    };
    return ctx.print(JSON.stringify(result, null, 2));
  }
  ctx.print(renderRestored(restored, !restored.unchanged && (await ctx.store.isSynced())));
}

/** A number from the list, or a backup's file: its path, or its name alone. Anything else is refused. */
async function pick(backups: BackupEntry[], wanted: string): Promise<BackupEntry> {
  if (/^\d+$/.test(wanted)) {
    const found = backups.find((entry) => entry.number === Number(wanted));
    if (found) return found;
    throw new UsageError(
      backups.length
        ? `There is no backup ${wanted}: this journal's backups are numbered 1 to ${backups.length} (see mentee doctor).`
        : 'There are no backups of this journal yet.',
    );
  }
  const real = await realpath(resolve(wanted)).catch(() => resolve(wanted));
  const found =
    backups.find((entry) => entry.file === real || entry.file === resolve(wanted)) ??
    (wanted.includes('/') ? undefined : backups.find((entry) => basename(entry.file) === wanted));
  if (found) return found;
  throw new UsageError(
    `${wanted} is not one of this journal's backups; only those can be restored (see mentee doctor).`,
  );
}
