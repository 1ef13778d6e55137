import { format } from 'date-fns';
import { dirname } from 'node:path';
import type { BackupEntry, JournalCheck, RecordCounts } from '../../store/backup-catalog.js';
import type { Restored } from '../../store/journal-store.js';
import { oneLine } from '../../core/text.js';
import type { Style } from '../style.js';
import { count } from '../words.js';
import { blocks, columns } from './layout.js';

/** "1 mentor, 3 goals, 12 meetings, 40 actions". */
export function countsText(counts: RecordCounts): string {
  return [
    count(counts.mentors, 'mentor'),
    count(counts.goals, 'goal'),
    count(counts.meetings, 'meeting'),
    count(counts.actions, 'action'),
  ].join(', ');
}

/** To the second: backups taken within one minute must still read apart. */
export function backupDate(entry: Pick<BackupEntry, 'date'>): string {
  return entry.date ? format(entry.date, 'EEE d MMM yyyy, HH:mm:ss') : 'unknown date';
}

/** The command that brings back the newest good backup, or undefined when none is good. */
export function recoveryCommand(backups: BackupEntry[]): string | undefined {
  const good = backups.find((entry) => entry.ok);
  return good && `mentee doctor --restore ${good.number}`;
}

export function renderDoctor(check: JournalCheck, backups: BackupEntry[], style: Style): string {
  return blocks(journalLines(check, backups, style), backupLines(check, backups, style));
}

function journalLines(check: JournalCheck, backups: BackupEntry[], style: Style): string[] {
  const recover = recoveryCommand(backups);
  if (!check.exists) {
    const lines = [`There is no journal at ${check.path} yet; it is created when you first add something.`];
    if (recover) lines.push(`Its backups are still here. To bring back the newest good one: ${recover}`);
    return lines;
  }
  if (!check.opened)
    return [`${style.red('The journal cannot be opened')}: ${check.problem}`, 'It has not been changed.'];
  if (!check.ok) {
    return [
      `${style.red('The journal is damaged')}: ${check.problem}`,
      recover
        ? `It has not been changed. To go back to the last good version: ${recover} (the damaged file is kept as a backup).`
        : 'It has not been changed, and no good backup is kept: fix it in a text editor, or move it aside to start a new journal.',
    ];
  }
  const upgrade =
    check.migratedFrom === undefined
      ? []
      : [`It is an older journal (version ${check.migratedFrom}): it is upgraded, after a backup, when next used.`];
  return [
    `The journal ${check.path} is ${style.green('fine')}: ${countsText(check.counts!)} (${sizeText(check.size ?? 0)}).`,
    ...upgrade,
  ];
}

function backupLines(check: JournalCheck, backups: BackupEntry[], style: Style): string[] {
  if (!backups.length) return ['No backups yet: one is kept every time the journal is saved.'];
  const rows = backups.map((entry) => [
    style.bold(String(entry.number)),
    backupDate(entry),
    entry.label,
    entry.ok ? countsText(entry.counts!) : style.red(backupProblem(entry, check)),
  ]);
  return [
    `Backups, newest first (in ${dirname(backups[0]!.file)}):`,
    ...columns(rows).map((line) => `  ${line}`),
    '',
    check.exists
      ? 'Restore one with: mentee doctor --restore <number> (the journal as it is now is kept as a backup first).'
      : 'Restore one with: mentee doctor --restore <number>',
  ];
}

/** A backup's problem without its long file name, which the list already shows by number. */
export function backupProblem(entry: BackupEntry, check: JournalCheck): string {
  const problem = oneLine(entry.problem ?? '');
  if (entry.opened) return `damaged: ${problem.replace(`${entry.file} `, 'it ')}`;
  // Typically a missing passphrase, said once for the journal rather than once a backup.
  if (check.problem && !check.opened && problem.endsWith(check.problem)) return 'cannot be opened either';
  return `cannot be opened: ${problem.replace(`Cannot open ${entry.file}: `, '')}`;
}

export function renderRestored(restored: Restored, synced = false): string {
  const { backup } = restored;
  const what = `backup ${backup.number} (${backup.label} ${backupDate(backup)})`;
  if (restored.unchanged) return `The journal is already the same as ${what}; nothing was changed.`;
  const form = restored.writtenAs ? `, written ${restored.writtenAs} as the journal is` : '';
  const lines = [`Restored ${what}${form}: ${countsText(backup.counts!)}.`];
  if (restored.savedAside) {
    lines.push(`The journal as it was is kept as backup 1: ${restored.savedAside}`);
    lines.push('To go back to it: mentee doctor --restore 1');
  }
  if (synced)
    lines.push(
      'This journal syncs: the next mentee sync brings back what your devices (this one too) changed since that backup. To take back one change for good, use mentee undo, or change the record itself.',
    );
  return lines.join('\n');
}

/** The documented `mentee doctor --json` shape (see README, "JSON output"). */
export function doctorJson(check: JournalCheck, backups: BackupEntry[], syncConflicts: number) {
  return {
    journal: {
      path: check.path,
      exists: check.exists,
      ok: check.ok,
      problem: check.problem ?? null,
      counts: check.counts ?? null,
      size: check.size ?? null,
    },
    backups: backups.map(backupJson),
    syncConflicts,
  };
}

export function backupJson(entry: BackupEntry) {
  return {
    number: entry.number,
    file: entry.file,
    date: entry.date?.toISOString() ?? null,
    label: entry.label,
    ok: entry.ok,
    problem: entry.problem ?? null,
    counts: entry.counts ?? null,
  };
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return count(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
