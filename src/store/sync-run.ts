import { mergeJournals, type Counts, type Renumbering, type Synced } from '../core/merge.js';
import { renumberedFor } from '../core/merge-report.js';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeIssue } from '../core/describe-issue.js';
import { emptyJournal } from '../core/model.js';
import { JournalSchema, type Change, type Conflict, type Journal } from '../core/schema.js';
import { UserError } from '../errors.js';
import { isEncrypted } from './crypto.js';
import type { JournalCodec } from './journal-codec.js';
import { parseSyncedCopy } from './journal-validation.js';
import type { JournalPaths } from './paths.js';
import { makePrivateFolder } from './safe-files.js';
import { openSyncRepo, shownRemote, SyncError, type SyncRepo } from './sync-repo.js';
import { syncedText } from './synced-copy.js';
import { withOwnPrivateTexts, withoutPrivateTexts } from '../core/privacy.js';

/**
 * One sync of the journal with its git remote: the repository is sync-repo.ts, the merge
 * core/merge.ts. The order makes a kill at any moment harmless: the remote is fetched, and the merged
 * copy made a commit, first (nothing a user sees changes); then the merge is saved as the journal,
 * marked with that commit (one change for undo); then main is moved to it, and the push comes last.
 * A kill before the journal is saved changes nothing; after, the next sync finds the journal already
 * merged, and one that could not push sends it next time.
 *
 * What a merge brings from another device is not put through the identifier check: it was checked
 * on the device it was typed on.
 */

export interface SyncParts {
  paths: JournalPaths;
  codec: JournalCodec;
  env: NodeJS.ProcessEnv;
  interactive: boolean;
  clock: () => Date;
  read(): Promise<Journal>;
  update<T>(change: (journal: Journal) => T, about?: Pick<Change, 'sync'>): Promise<T>;
  /** The journal file's bytes as stored now (undefined when there is none yet). */
  bytes(): Promise<Buffer | undefined>;
}

export interface SyncOutcome {
  remote: string;
  /** Records the other devices added, changed or removed that this one now has. */
  received: Counts;
  /** Records this device added, changed or removed that the remote has (or gets next time, when not pushed). */
  sent: Counts;
  /** Whether the remote has this device's journal now; false when it could not be reached after the merge. */
  pushed: boolean;
  /** Why it was not pushed, in git's words. */
  unsent?: string;
  renumbered: Renumbering[];
  /** Conflicts this sync noted. */
  conflicts: Conflict[];
  /** Whether what was pushed is encrypted. */
  encrypted: boolean;
}

export interface SyncState {
  remote: string;
  /** Whether the remote answered. */
  reachable: boolean;
  /** Why not, in git's words. */
  unreachable?: string;
  /** Changes of this device the remote does not have yet. */
  toSend: Counts;
  /** Changes the remote has that this device does not (as of the fetch; empty when unreachable). */
  toFetch: Counts;
  /** When this device and the remote last agreed (the newest commit both have). */
  lastShared: string | undefined;
  conflicts: Conflict[];
}

/** A remote that moves while we merge (another device pushing) is merged with again, this many times. */
const ATTEMPTS = 5;

export async function syncJournal(parts: SyncParts): Promise<SyncOutcome> {
  const repo = await connected(parts);
  return syncWith(parts, repo, await remoteOf(repo));
}

/**
 * Connects the journal to `remote`: the first device sends its journal; a device with no journal (or an
 * empty one) takes the remote's; one with its own journal combines the two. An unreachable remote
 * leaves everything as it was: a connection it would have made, or the one there was.
 */
export async function connectJournal(parts: SyncParts, remote: string): Promise<SyncOutcome> {
  await refuseDeviceRepository(remote);
  const repo = openRepo(parts);
  if (await repo.exists()) {
    const before = await repo.remote();
    await repo.setRemote(remote);
    try {
      return await syncWith(parts, repo, await remoteOf(repo));
    } catch (error) {
      if (before) await repo.setRemote(before);
      throw error;
    }
  }
  // A device with no journal yet may have no folder for it either.
  await makePrivateFolder(parts.paths.folder, parts.paths.owner, { parents: true });
  await repo.create(remote);
  try {
    return await syncWith(parts, repo, await remoteOf(repo));
  } catch (error) {
    // Connected only when the first sync went through: the next init starts afresh.
    await repo.remove();
    throw error;
  }
}

export async function syncState(parts: SyncParts): Promise<SyncState> {
  const repo = await connected(parts);
  const remote = await remoteOf(repo);
  let unreachable: string | undefined;
  await repo.fetch().catch((error: unknown) => {
    if (!(error instanceof SyncError) || error.kind !== 'unreachable') throw error;
    unreachable = error.message;
  });
  const journal = await parts.read();
  const local = withoutLocal(journal);
  const shared = await sharedState(parts, repo, journal);
  const form = await copyForm(parts, shared);
  const now = parts.clock();
  const before = shared.base ?? emptyLike(local);
  const toSend = mergeCopies(form, shared.base, local, before, now).report.left;
  const toFetch = mergeCopies(form, shared.base, before, shared.remote ?? before, now).report.right;
  return {
    remote,
    reachable: unreachable === undefined,
    ...(unreachable ? { unreachable } : {}),
    toSend,
    toFetch,
    lastShared: shared.baseCommit ? await repo.commitTime(shared.baseCommit) : undefined,
    conflicts: local.conflicts,
  };
}

/**
 * One sync, again from the fetch when something moved meanwhile (another device pushed, another
 * command changed the journal, another sync moved the repository), a few times at most.
 */
async function syncWith(parts: SyncParts, repo: SyncRepo, remote: string): Promise<SyncOutcome> {
  let received: Counts | undefined;
  let renumbered: Renumbering[] = [];
  let conflicts: Conflict[] = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (!(await fetched(repo))) continue;
    const journal = await parts.read();
    const shared = await sharedState(parts, repo, journal);
    const form = await copyForm(parts, shared);
    const now = parts.clock();
    const merged = mergeWith(form, shared, journal, now);
    const text = copyText(form, merged.journal);
    const next = await nextCommit(parts, repo, shared, form, text);
    const saved = await saveMerge(parts, { shared, form, now, text, next, journal, merged: merged.journal });
    if (!saved) continue;
    received = add(received, merged.report.right);
    renumbered = [...renumbered, ...renumberedFor(withoutLocal(journal), merged.journal, merged.report.renumbered)];
    conflicts = [...conflicts, ...merged.report.conflicts];
    const outcome = { remote, received, sent: merged.report.left, renumbered, conflicts, encrypted: form.encrypted };
    if (next !== shared.head && !(await advanced(repo, next, shared.head))) continue;
    if (next === shared.remoteCommit) return { ...outcome, pushed: true };
    try {
      await repo.push(next);
      return { ...outcome, pushed: true };
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      if (error.kind === 'unreachable') return { ...outcome, pushed: false, unsent: error.message };
      if (error.kind !== 'rejected') throw error;
    }
  }
  throw new UserError('The journal or its remote kept changing while it was synced; nothing is lost.', {
    hint: 'Run mentee sync again.',
  });
}

interface Shared {
  head: string | undefined;
  remoteCommit: string | undefined;
  baseCommit: string | undefined;
  /** The journal both last shared; undefined when they never shared one. */
  base: Synced | undefined;
  remote: Synced | undefined;
  /** The form of the remote's copy, so this device never sends plain what another encrypts. */
  remoteEncrypted: boolean;
}

/**
 * The base of a merge is what the journal itself says it was last merged with (its `sync` mark), never
 * merely what the repository holds: a journal that went back in time (a backup restored, the file
 * deleted or replaced, an undo of a sync) then merges from where it really stands, and what it lacks is
 * brought in again instead of being sent to every device as removed. A journal with no mark, or one the
 * repository does not know, shares nothing with the remote: the merge keeps everything from both.
 */
async function sharedState(parts: SyncParts, repo: SyncRepo, journal: Journal): Promise<Shared> {
  const head = await repo.head();
  const remoteCommit = await repo.remoteHead();
  const mark = journal.sync?.commit;
  const known = mark && (await repo.hasCommit(mark)) ? mark : undefined;
  const baseCommit = known && remoteCommit ? await repo.mergeBase(known, remoteCommit) : known;
  const remoteBytes = remoteCommit ? await repo.read(remoteCommit) : undefined;
  const remoteEncrypted = remoteBytes ? isEncrypted(remoteBytes) : false;
  if (remoteEncrypted) await refusePlainAfterEncrypted(parts, shownRemote((await repo.remote()) ?? 'origin'));
  return {
    head,
    remoteCommit,
    baseCommit,
    base: baseCommit ? await copyAt(parts, repo, baseCommit) : undefined,
    remote: remoteBytes ? await decodeCopy(parts, remoteBytes, await copyName(repo, remoteCommit!)) : undefined,
    remoteEncrypted,
  };
}

/** Where a copy came from, as an error about it names it: the remote, and the commit. */
async function copyName(repo: SyncRepo, commit: string): Promise<string> {
  return `The journal on the sync remote ${shownRemote((await repo.remote()) ?? 'origin')} (commit ${commit.slice(0, 12)})`;
}

async function copyAt(parts: SyncParts, repo: SyncRepo, commit: string): Promise<Synced> {
  return decodeCopy(parts, await repo.read(commit), await copyName(repo, commit));
}

async function decodeCopy(parts: SyncParts, bytes: Buffer, name: string): Promise<Synced> {
  let text: string;
  try {
    text = await parts.codec.decode(bytes, name);
  } catch (error) {
    if (isEncrypted(bytes) && error instanceof UserError)
      throw new UserError(
        'The journal on the sync remote is encrypted, and the passphrase given here does not open it; nothing was changed.',
        { hint: 'Use the passphrase the other device encrypted it with.' },
      );
    throw error;
  }
  return withoutLocal(parseSyncedCopy(text, name));
}

function mergeWith(form: CopyForm, shared: Shared, journal: Journal, now: Date) {
  const local = withoutLocal(journal);
  return mergeCopies(form, shared.base, local, shared.remote ?? shared.base ?? emptyLike(local), now);
}

/**
 * Saves the merge as the journal, marked with the commit that holds it, as one change for undo (whose
 * undo puts the old mark back). Nothing is written when both are so already. False when the journal
 * changed since it was read, so that the merge no longer matches the commit: the sync goes again.
 */
async function saveMerge(
  parts: SyncParts,
  plan: { shared: Shared; form: CopyForm; now: Date; text: string; next: string; journal: Journal; merged: Synced },
): Promise<boolean> {
  const { shared, form, now, text, next, journal } = plan;
  refuseInvalid(plan.merged);
  const unchanged = syncedText(plan.merged) === syncedText(withoutLocal(journal));
  if (unchanged && journal.sync?.commit === next) return true;
  return parts.update(
    (fresh) => {
      const again = mergeWith(form, shared, fresh, now);
      if (copyText(form, again.journal) !== text) return false;
      Object.assign(fresh, again.journal);
      fresh.sync = { commit: next };
      return true;
    },
    { sync: { before: journal.sync?.commit ?? '' } },
  );
}

/**
 * Journals valid each on its own may still not make one (a uid that one device gave a goal and another,
 * by a hand edit, an action): refused in one line, nothing changed, rather than saved broken.
 */
function refuseInvalid(merged: Synced): void {
  const checked = JournalSchema.safeParse({ ...merged, history: { undo: [], redo: [] } });
  if (!checked.success)
    throw new UserError(
      `This journal and the one on the sync remote cannot be merged: ${describeIssue(checked.error.issues[0]!)}; nothing was changed.`,
      {
        hint: 'Run mentee doctor on each device; mend the record it names in one of them (mentee edit), then sync again.',
      },
    );
}

/**
 * How the synced copy is kept: encrypted (and then whole), or plain, and then without private texts,
 * which stay on the device they were written on (a remote keeps every version it is sent). Private
 * texts stay here too while the remote's copy is plain: it has none to give.
 */
interface CopyForm {
  encrypted: boolean;
  privateStaysHere: boolean;
}

async function copyForm(parts: SyncParts, shared: Shared): Promise<CopyForm> {
  const journal = await parts.bytes();
  // A device with no journal yet keeps the remote's form (see refusePlainAfterEncrypted).
  const encrypted = journal ? isEncrypted(journal) : shared.remoteEncrypted;
  return { encrypted, privateStaysHere: !encrypted || (shared.remoteCommit !== undefined && !shared.remoteEncrypted) };
}

function copyText(form: CopyForm, journal: Synced): string {
  return syncedText(form.encrypted ? journal : withoutPrivateTexts(journal));
}

/** The merge, of private texts too when every copy carries them; else of the rest, keeping this device's own. */
function mergeCopies(form: CopyForm, base: Synced | undefined, local: Synced, remote: Synced, now: Date) {
  if (!form.privateStaysHere) return mergeJournals(base, local, remote, now);
  const merged = mergeJournals(
    base && withoutPrivateTexts(base),
    withoutPrivateTexts(local),
    withoutPrivateTexts(remote),
    now,
  );
  return { ...merged, journal: withOwnPrivateTexts(merged.journal, local) };
}

/**
 * Another device encrypts the journal, and this one keeps it plain: refused before anything is merged,
 * so no word of theirs is written here in plain, nor sent back so. A device with no journal yet takes
 * the remote's encrypted: the codec saves a new journal in the form of the last file it opened.
 */
async function refusePlainAfterEncrypted(parts: SyncParts, remote: string): Promise<void> {
  const journal = await parts.bytes();
  if (journal && !isEncrypted(journal))
    throw new UserError('The journal on the sync remote is encrypted and this one is not; nothing was changed.', {
      hint: `Encrypt this journal with the passphrase the other device uses (mentee encrypt), then connect it again: mentee sync init ${remote}`,
    });
}

/**
 * The commit that holds the merged copy: the remote's or this device's own when it already does (an
 * encrypted copy differs byte for byte every time it is made, so texts are compared), else a new one
 * on both. A new commit is only an object until main is moved to it.
 */
async function nextCommit(
  parts: SyncParts,
  repo: SyncRepo,
  shared: Shared,
  form: CopyForm,
  text: string,
): Promise<string> {
  const { head, remoteCommit } = shared;
  if (remoteCommit && shared.remote && syncedText(shared.remote) === text)
    if (!head || (await repo.isAncestor(head, remoteCommit))) return remoteCommit;
  if (head && (!remoteCommit || (await repo.isAncestor(remoteCommit, head))))
    if (syncedText(head === shared.baseCommit && shared.base ? shared.base : await copyAt(parts, repo, head)) === text)
      return head;
  const parents = [head, remoteCommit].filter(
    (commit, index, all): commit is string => commit !== undefined && all.indexOf(commit) === index,
  );
  return repo.commit(await copyBytes(parts, form, text), parents, 'mentee sync', parts.clock());
}

/** The synced copy's bytes: encrypted with the journal's key when the journal is (or will be) encrypted. */
async function copyBytes(parts: SyncParts, form: CopyForm, text: string): Promise<Buffer> {
  if (!form.encrypted) return Buffer.from(text, 'utf8');
  const journal = await parts.bytes();
  // No journal yet: the codec encrypts with the key that opened the remote's copy.
  return journal && parts.codec.encodeLike ? parts.codec.encodeLike(text, journal) : parts.codec.encode(text);
}

/** Fetches; false when another sync on this device was fetching at the same moment (then a moment later, again). */
async function fetched(repo: SyncRepo): Promise<boolean> {
  try {
    await repo.fetch();
    return true;
  } catch (error) {
    if (!(error instanceof SyncError) || error.kind !== 'moved') throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    return false;
  }
}

/** Moves main to `next`; false when another sync on this device moved it meanwhile. */
async function advanced(repo: SyncRepo, next: string, head: string | undefined): Promise<boolean> {
  try {
    await repo.advance(next, head);
    return true;
  } catch (error) {
    if (error instanceof SyncError && error.kind === 'moved') return false;
    throw error;
  }
}

/**
 * A device's own sync repository (another journal's `journal.json.sync`) looks like a bare repository,
 * but sending to it would move that device's record of what it last synced: refused.
 */
async function refuseDeviceRepository(remote: string): Promise<void> {
  const local = remote.startsWith('file://') ? remote.slice('file://'.length) : remote;
  if (/^[\w+.-]+:/.test(local) && !local.startsWith('/')) return;
  if (
    await stat(join(local, 'refs', 'remotes', 'origin')).then(
      () => true,
      () => false,
    )
  )
    throw new UserError(`${remote} is a device's own sync repository, not a remote; nothing was changed.`, {
      hint: 'Give the remote that device syncs with (mentee sync status there says which).',
    });
}

function openRepo(parts: SyncParts): SyncRepo {
  return openSyncRepo(parts.paths, { env: parts.env, interactive: parts.interactive });
}

async function connected(parts: SyncParts): Promise<SyncRepo> {
  const repo = openRepo(parts);
  if (!(await repo.exists()))
    throw new UserError('This journal is not synced yet.', {
      hint: 'Connect it to a git remote with: mentee sync init <remote>',
    });
  return repo;
}

/** The remote, as it may be shown (a token in its URL hidden). */
async function remoteOf(repo: SyncRepo): Promise<string> {
  const remote = await repo.remote();
  if (remote) return shownRemote(remote);
  if (!remote)
    throw new UserError(`The sync repository ${repo.path} has no remote.`, {
      hint: 'Connect it with: mentee sync init <remote>',
    });
  return remote;
}

/** The journal less what stays on this device: its undo history and its sync mark. */
function withoutLocal({ history: _history, sync: _sync, ...synced }: Journal): Synced {
  return synced;
}

/** A journal with nothing in it, as old as `journal`: what a remote with no journal yet holds. */
function emptyLike(journal: Synced): Synced {
  return { ...withoutLocal(emptyJournal(new Date(journal.createdAt))), updatedAt: journal.updatedAt };
}

function add(a: Counts | undefined, b: Counts): Counts {
  if (!a) return b;
  return Object.fromEntries(
    Object.entries(b).map(([kind, counts]) => {
      const before = a[kind as keyof Counts];
      return [
        kind,
        {
          added: before.added + counts.added,
          changed: before.changed + counts.changed,
          removed: before.removed + counts.removed,
        },
      ];
    }),
  ) as Counts;
}
