/** What a sync did, and where the journal stands with its remote, in words and as JSON. */
import type { Counts, Renumbering } from '../../core/merge.js';
import type { Conflict, RecordKind } from '../../core/schema.js';
import type { SyncOutcome, SyncState } from '../../store/journal-store.js';
import type { SyncJson, SyncStatusJson } from '../json-shapes.js';
import type { Style } from '../style.js';
import { changeTime, count } from '../words.js';

const NOUNS: Record<RecordKind, [string, string]> = {
  profile: ['profile change', 'profile changes'],
  mentor: ['mentor', 'mentors'],
  goal: ['goal', 'goals'],
  meeting: ['meeting', 'meetings'],
  action: ['action', 'actions'],
};

/** "2 meetings and 5 actions" added or changed (or, with `removed`, removed); "" when none. */
export function countsText(counts: Counts, which: 'kept' | 'removed' = 'kept'): string {
  const parts = (Object.keys(NOUNS) as RecordKind[]).flatMap((kind) => {
    const { added, changed, removed } = counts[kind];
    const n = which === 'removed' ? removed : added + changed;
    return n ? [count(n, ...NOUNS[kind])] : [];
  });
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

export function syncLines(outcome: SyncOutcome): string[] {
  const received = countsText(outcome.received);
  const removedThere = countsText(outcome.received, 'removed');
  const yours = both(outcome.sent, 'of yours');
  const lines: string[] = [];
  const brought = received ? `Brought in ${received} from the remote` : '';
  const gone = removedThere ? `removed ${removedThere} that the remote no longer has` : '';
  const gave = yours
    ? outcome.pushed
      ? `sent ${yours}${outcome.encrypted ? ', encrypted' : ''}`
      : `${yours} not sent yet`
    : '';
  const said = [brought, gone, gave].filter(Boolean);
  if (said.length) lines.push(`${capital(said.join('; '))}.`);
  else if (outcome.pushed) lines.push(`Up to date with ${outcome.remote}.`);
  if (!outcome.pushed)
    lines.push(
      `Could not send: ${outcome.unsent ?? 'the remote could not be reached'}`,
      'Your changes are kept, and the next mentee sync sends them.',
    );
  for (const renumbered of outcome.renumbered) lines.push(renumberedText(renumbered));
  if (outcome.conflicts.length) lines.push(conflictsNoted(outcome.conflicts.length));
  return lines;
}

/** How many fields a sync set aside: said by sync, and by doctor while they are there. */
export function conflictsNoted(fields: number): string {
  return `${count(fields, 'field was', 'fields were')} changed differently on two devices; the later change was kept and the other noted: see mentee sync status.`;
}

function renumberedText({ kind, from, to, side }: Renumbering): string {
  const what = kind === 'mentor' ? 'handle' : 'id';
  return side === 'left'
    ? `Your ${kind} ${from} is now ${to}: another device had also made ${article(kind)} ${kind} ${from}.`
    : `The other device's ${kind} ${from} is ${to} here: this device had ${article(kind)} ${kind} ${from} already (the ${what} changes, nothing else).`;
}

export function syncJson(outcome: SyncOutcome): SyncJson {
  return {
    remote: outcome.remote,
    received: outcome.received,
    sent: outcome.sent,
    pushed: outcome.pushed,
    ...(outcome.unsent ? { unsent: outcome.unsent } : {}),
    encrypted: outcome.encrypted,
    renumbered: outcome.renumbered.map(({ kind, from, to, side }) => ({
      kind,
      from,
      to,
      side: side === 'left' ? 'this' : 'other',
    })),
    conflicts: outcome.conflicts.map((conflict) => conflictJson(conflict, false)),
  };
}

export function syncStateLines(
  state: SyncState,
  { now, includePrivate, style }: { now: Date; includePrivate: boolean; style: Style },
): string[] {
  const lines = [
    `Syncing with ${state.remote}${state.lastShared ? `; last in step ${changeTime(state.lastShared, now)}` : '; not yet synced'}.`,
  ];
  const toSend = both(state.toSend);
  lines.push(toSend ? `To send: ${toSend}.` : 'Nothing to send.');
  if (!state.reachable) lines.push(`Cannot tell what there is to fetch: ${state.unreachable}`);
  else {
    const toFetch = both(state.toFetch);
    lines.push(toFetch ? `To fetch: ${toFetch}.` : 'Nothing to fetch.');
  }
  if (toSend || (state.reachable && both(state.toFetch)))
    lines.push(style.dim('Run mentee sync to bring both in step.'));
  if (state.conflicts.length) {
    lines.push('', `Changed differently on two devices (the later change kept, the other noted):`);
    for (const conflict of state.conflicts) lines.push(`  ${conflictText(conflict, now, includePrivate)}`);
    lines.push(style.dim('Once read: mentee sync dismiss'));
  }
  return lines;
}

function conflictText(conflict: Conflict, now: Date, includePrivate: boolean): string {
  const where = `${changeTime(conflict.at, now)}  ${conflict.kind === 'profile' ? 'your profile' : `${conflict.kind} ${conflict.id}`}, ${conflict.field}`;
  if (conflict.field === 'record')
    return `${where.replace(/, record$/, '')}: removed on one device, kept because it was changed on the other or is still named by another record`;
  if (conflict.private && !includePrivate) return `${where}: private text (shown with --include-private)`;
  return `${where}: kept ${conflict.kept}; the other was ${conflict.other}`;
}

function conflictJson(conflict: Conflict, includePrivate: boolean): SyncJson['conflicts'][number] {
  const hidden = conflict.private && !includePrivate;
  return {
    at: conflict.at,
    kind: conflict.kind,
    id: conflict.id,
    field: conflict.field,
    kept: hidden ? null : conflict.kept,
    other: hidden ? null : conflict.other,
    private: conflict.private,
  };
}

export function syncStateJson(state: SyncState, includePrivate: boolean): SyncStatusJson {
  return {
    remote: state.remote,
    reachable: state.reachable,
    ...(state.unreachable ? { unreachable: state.unreachable } : {}),
    toSend: state.toSend,
    toFetch: state.toFetch,
    lastShared: state.lastShared ?? null,
    conflicts: state.conflicts.map((conflict) => conflictJson(conflict, includePrivate)),
  };
}

/** "2 actions" added or changed (with `whose` after them), "the removal of 1 goal", or both. */
function both(counts: Counts, whose = ''): string {
  const kept = countsText(counts);
  const removed = countsText(counts, 'removed');
  return [kept && `${kept}${whose ? ` ${whose}` : ''}`, removed && `the removal of ${removed}`]
    .filter(Boolean)
    .join(' and ');
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
