import { mergeJournals, type Counts, type MergeReport, type Renumbering, type Synced } from '../core/merge.js';
import type { Conflict, Journal } from '../core/schema.js';
import { UserError } from '../errors.js';
import { isEncrypted } from './crypto.js';
import type { JournalCodec } from './journal-codec.js';
import { parseSyncedCopy } from './journal-validation.js';
import type { JournalPaths } from './paths.js';
import { makePrivateFolder } from './safe-files.js';
import { openSyncRepo, SyncError, type SyncRepo } from './sync-repo.js';
import { syncedText } from './synced-copy.js';
import { withOwnPrivateTexts, withoutPrivateTexts } from '../core/privacy.js';

/**
 * One sync of the journal with its git remote: the repository is sync-repo.ts, the merge
 * core/merge.ts. The order makes a kill at any moment harmless: the remote is fetched first (nothing
 * changes); the merge is saved as the journal (one change for undo) before the local repository
 * records it, so a kill in between only makes the next sync merge the same changes again, which
 * changes nothing; the push comes last, and one that fails is sent by the next sync.
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
  update<T>(change: (journal: Journal) => T): Promise<T>;
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
 * leaves nothing behind. Connected already: the remote is changed, and a sync run.
 */
export async function connectJournal(parts: SyncParts, remote: string): Promise<SyncOutcome> {
  const repo = openRepo(parts);
  if (await repo.exists()) {
    await repo.setRemote(remote);
    return syncWith(parts, repo, await remoteOf(repo));
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
  const local = withoutHistory(await parts.read());
  const shared = await sharedState(parts, repo);
  const form = await copyForm(parts, shared);
  const now = parts.clock();
  const before = shared.base ?? emptyLike(local);
  const toSend = mergeCopies(form, shared.base, local, before, now).report.left;
  const toFetch =
    shared.remote && shared.remoteCommit !== shared.baseCommit
      ? mergeCopies(form, shared.base, before, shared.remote, now).report.right
      : mergeCopies(form, before, before, before, now).report.right;
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

async function syncWith(parts: SyncParts, repo: SyncRepo, remote: string): Promise<SyncOutcome> {
  let received: Counts | undefined;
  let renumbered: Renumbering[] = [];
  let conflicts: Conflict[] = [];
  for (let attempt = 1; ; attempt++) {
    await repo.fetch();
    const shared = await sharedState(parts, repo);
    await refusePlainAfterEncrypted(parts, shared);
    const form = await copyForm(parts, shared);
    const merged = await mergeIntoJournal(parts, shared, form);
    received = add(received, merged.report.right);
    renumbered = [...renumbered, ...merged.report.renumbered];
    conflicts = [...conflicts, ...merged.report.conflicts];
    const sent = merged.report.left;
    const bytes = await syncedBytes(parts, merged.text);
    const head = await commitMerge(parts, repo, shared, merged.text, bytes);
    if (head === 'moved') continue;
    const outcome = { remote, received, sent, renumbered, conflicts, encrypted: isEncrypted(bytes) };
    if (head === shared.remoteCommit) return { ...outcome, pushed: true };
    try {
      await repo.push(head);
      return { ...outcome, pushed: true };
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      if (error.kind === 'unreachable') return { ...outcome, pushed: false, unsent: error.message };
      if (error.kind !== 'rejected' || attempt >= ATTEMPTS) throw error;
    }
  }
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

async function sharedState(parts: SyncParts, repo: SyncRepo): Promise<Shared> {
  const head = await repo.head();
  const remoteCommit = await repo.remoteHead();
  const baseCommit = head && remoteCommit ? await repo.mergeBase(head, remoteCommit) : undefined;
  const remoteBytes = remoteCommit ? await repo.read(remoteCommit) : undefined;
  return {
    head,
    remoteCommit,
    baseCommit,
    base: baseCommit ? await copyAt(parts, repo, baseCommit) : undefined,
    remote: remoteBytes ? await decodeCopy(parts, remoteBytes, repo.path) : undefined,
    remoteEncrypted: remoteBytes ? isEncrypted(remoteBytes) : false,
  };
}

async function copyAt(parts: SyncParts, repo: SyncRepo, commit: string): Promise<Synced> {
  return decodeCopy(parts, await repo.read(commit), repo.path);
}

async function decodeCopy(parts: SyncParts, bytes: Buffer, where: string): Promise<Synced> {
  const name = `the synced journal in ${where}`;
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
  return withoutHistory(parseSyncedCopy(text, name));
}

/**
 * Merges the remote's journal into this one, saved as one change (a merge that changes nothing is not
 * saved). Returns the merged journal's synced text and what the merge did.
 */
async function mergeIntoJournal(
  parts: SyncParts,
  shared: Shared,
  form: CopyForm,
): Promise<{ text: string; report: MergeReport }> {
  const now = parts.clock();
  const mergeWith = (local: Journal) => {
    const own = withoutHistory(local);
    const remote = shared.remote && shared.remoteCommit !== shared.baseCommit ? shared.remote : shared.base;
    return mergeCopies(form, shared.base, own, remote ?? emptyLike(own), now);
  };
  // A look first, without the lock: the usual sync brings nothing, and then the journal is not written.
  const local = await parts.read();
  const looked = mergeWith(local);
  if (syncedText(looked.journal) === syncedText(local))
    return { text: copyText(form, looked.journal), report: looked.report };
  return parts.update((journal) => {
    const merged = mergeWith(journal);
    Object.assign(journal, merged.journal);
    return { text: copyText(form, merged.journal), report: merged.report };
  });
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
async function refusePlainAfterEncrypted(parts: SyncParts, shared: Shared): Promise<void> {
  if (!shared.remoteEncrypted) return;
  const journal = await parts.bytes();
  if (journal && !isEncrypted(journal))
    throw new UserError('The journal on the sync remote is encrypted and this one is not; nothing was changed.', {
      hint: 'Encrypt this journal with the passphrase the other device uses (mentee encrypt), then run mentee sync again.',
    });
}

/** The synced copy's bytes: encrypted with the journal's key when the journal is encrypted. */
async function syncedBytes(parts: SyncParts, text: string): Promise<Buffer> {
  const journal = await parts.bytes();
  if (!journal || !isEncrypted(journal) || !parts.codec.encodeLike) return Buffer.from(text, 'utf8');
  return parts.codec.encodeLike(text, journal);
}

/**
 * Records the merged copy as main: no new commit when it is what the remote or main already holds
 * (an encrypted copy differs byte for byte every time it is made, so texts are compared). 'moved'
 * when another sync on this device moved main meanwhile.
 */
async function commitMerge(
  parts: SyncParts,
  repo: SyncRepo,
  shared: Shared,
  text: string,
  bytes: Buffer,
): Promise<string | 'moved'> {
  const { head, remoteCommit } = shared;
  const remoteHas = remoteCommit && shared.remote && syncedText(shared.remote) === text;
  const headHas = head && (head === shared.baseCommit ? shared.base : await copyAt(parts, repo, head));
  let next: string;
  if (remoteHas && (!head || (await repo.isAncestor(head, remoteCommit)))) next = remoteCommit;
  else if (
    head &&
    headHas &&
    syncedText(headHas) === text &&
    (!remoteCommit || (await repo.isAncestor(remoteCommit, head)))
  )
    next = head;
  else {
    const parents = [head, remoteCommit].filter(
      (commit, index, all): commit is string => commit !== undefined && all.indexOf(commit) === index,
    );
    next = await repo.commit(bytes, parents, 'mentee sync', parts.clock());
  }
  if (next === head) return next;
  try {
    await repo.advance(next, head);
  } catch (error) {
    if (error instanceof SyncError && error.kind === 'moved') return 'moved';
    throw error;
  }
  return next;
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

async function remoteOf(repo: SyncRepo): Promise<string> {
  const remote = await repo.remote();
  if (!remote)
    throw new UserError(`The sync repository ${repo.path} has no remote.`, {
      hint: 'Connect it with: mentee sync init <remote>',
    });
  return remote;
}

function withoutHistory({ history: _history, ...synced }: Journal): Synced {
  return synced;
}

/** A journal with nothing in it, as old as `journal`: what a remote with no journal yet holds. */
function emptyLike(journal: Synced): Synced {
  return {
    ...journal,
    counters: { g: 1, m: 1, a: 1 },
    profile: {},
    mentors: [],
    goals: [],
    meetings: [],
    actions: [],
    conflicts: [],
  };
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
