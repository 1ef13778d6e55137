import { lstat, readdir, rm } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { JournalPaths } from './paths.js';
import { checkFolder, makePrivateFolder } from './safe-files.js';
import {
  gitEnv,
  gitFailed,
  meaningfulLine,
  runGit,
  sentence,
  SyncError,
  type GitCall,
  type GitResult,
} from './sync-repo-git.js';

export { meaningfulLine, NO_GIT, SyncError, type SyncErrorKind } from './sync-repo-git.js';

/**
 * Everything mentee does with git, through the real git binary (never a shell): the local sync
 * repository, a bare repository beside the journal with one remote, `origin`. Only plumbing, with no
 * work tree and no index, so that nothing is ever left mid-merge or mid-rebase: `refs/heads/main` is
 * the last synced copy this device committed, `refs/remotes/origin/main` the remote's as last fetched.
 * Each commit's tree holds one file, journal.json, the synced copy (see synced-copy.ts).
 */

export interface SyncRepoOptions {
  /** The environment git runs in, cleaned (see gitEnv). */
  env: NodeJS.ProcessEnv;
  /** How long one git command may take before it is ended and the remote taken as unreachable. */
  timeoutMs?: number;
  /** Whether git may ask for a password (stdin is a terminal); never, unless given. */
  interactive?: boolean;
}

export interface SyncRepo {
  readonly path: string;
  /** Whether the repository is there; SyncError 'not-a-repo' when something else is. */
  exists(): Promise<boolean>;
  /** Makes the repository, a private folder, with `remote` as origin. */
  create(remote: string): Promise<void>;
  remote(): Promise<string | undefined>;
  setRemote(url: string): Promise<void>;
  /** Fetches the remote's main: its commit, or undefined while the remote has none (a new, empty repository). */
  fetch(): Promise<string | undefined>;
  /** The last synced copy this device committed. */
  head(): Promise<string | undefined>;
  /** The remote's main as last fetched or pushed. */
  remoteHead(): Promise<string | undefined>;
  mergeBase(a: string, b: string): Promise<string | undefined>;
  isAncestor(a: string, b: string): Promise<boolean>;
  /** The synced copy (journal.json) at `commit`, as stored. */
  read(commit: string): Promise<Buffer>;
  /** A commit of `bytes` as journal.json, by "mentee" at `at`; its id. */
  commit(bytes: Buffer, parents: readonly string[], message: string, at: Date): Promise<string>;
  /** Moves main to `to` if it is still at `from` (undefined: if there is no main yet); SyncError 'moved' if not. */
  advance(to: string, from: string | undefined): Promise<void>;
  /** Sends `commit` as the remote's main: SyncError 'rejected' when the remote has moved on, 'unreachable'. */
  push(commit: string): Promise<void>;
  /** How many commits main has that the remote's main (as last fetched) does not. */
  ahead(): Promise<number>;
  /** Whether the repository has `commit` (a journal's mark may name one it never had, or has lost). */
  hasCommit(commit: string): Promise<boolean>;
  /** When `commit` was made (ISO). */
  commitTime(commit: string): Promise<string>;
  /** Takes the repository away: a connection that failed before anything was synced leaves nothing. */
  remove(): Promise<void>;
}

export const MAIN = 'refs/heads/main';
export const REMOTE_MAIN = 'refs/remotes/origin/main';
const FILE = 'journal.json';
const ZERO = '0'.repeat(40);
const DEFAULT_TIMEOUT_MS = 60_000;
/** Beyond the time any git of ours may run, before a lock it left is taken as abandoned. */
const STALE_MARGIN_MS = 30_000;
const MENTEE = { name: 'mentee', email: 'mentee@localhost' };

export function openSyncRepo(paths: JournalPaths, options: SyncRepoOptions): SyncRepo {
  const path = paths.sync;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const interactive = options.interactive ?? false;
  const git = (args: readonly string[], extra: GitCall = {}) =>
    runGit(args, {
      ...extra,
      cwd: paths.folder,
      env: gitEnv(options.env, path, interactive),
      interactive,
      timeoutMs,
    });

  const notARepo = () =>
    new SyncError('not-a-repo', `${path} is not a mentee sync repository: move it aside and set up sync again.`);
  let checked = false;
  /** Before any git command in it: the repository is there, private, and the user's. */
  async function ready(): Promise<void> {
    if (checked) return;
    if (!(await exists()))
      throw new SyncError('not-a-repo', `This journal has no sync repository yet (${path}): set up sync first.`);
    await removeStaleLocks();
    checked = true;
  }

  /**
   * A lock file git leaves when it is killed between taking a ref's lock and moving the ref (a battery
   * dies) would refuse every later sync. Every git mentee runs is stopped after timeoutMs, so a lock
   * older than that is nobody's: it is removed.
   */
  async function removeStaleLocks(): Promise<void> {
    const names = await readdir(path, { recursive: true }).catch(() => [] as string[]);
    const staleBefore = Date.now() - timeoutMs - STALE_MARGIN_MS;
    for (const name of names.filter((each) => each.endsWith('.lock'))) {
      const file = join(path, name);
      const info = await lstat(file).catch(() => undefined);
      if (info?.isFile() && info.mtimeMs < staleBefore) await rm(file, { force: true });
    }
  }

  async function exists(): Promise<boolean> {
    if (!(await checkFolder(path, paths.owner))) return false;
    const [head, objects] = await Promise.all(
      ['HEAD', 'objects'].map((name) => lstat(`${path}/${name}`).catch(() => undefined)),
    );
    if (!head?.isFile() || !objects?.isDirectory()) throw notARepo();
    return true;
  }

  async function ref(name: string): Promise<string | undefined> {
    await ready();
    const result = await git(['rev-parse', '--verify', '--quiet', `${name}^{commit}`], { allowed: [1] });
    return result.code === 0 ? result.stdout.toString().trim() : undefined;
  }

  // Read once: a sync names its remote in several messages; only setRemote changes it.
  let known: Promise<string | undefined> | undefined;
  async function remote(): Promise<string | undefined> {
    await ready();
    known ??= git(['config', '--get', 'remote.origin.url'], { allowed: [1] }).then((result) =>
      result.code === 0 ? result.stdout.toString().trim() : undefined,
    );
    return known;
  }

  async function setRemote(url: string): Promise<void> {
    const current = await remote();
    known = undefined;
    await git(['remote', current === undefined ? 'add' : 'set-url', 'origin', remoteUrl(url, process.cwd())]);
  }

  /** A failure to talk to the remote, in one line of git's (or ssh's) own words. */
  async function unreachable(result: GitResult): Promise<SyncError> {
    const where = shownRemote((await remote()) ?? 'origin');
    const seconds = Math.max(1, Math.round(timeoutMs / 1000));
    const why = result.timedOut
      ? `no answer in ${seconds} second${seconds === 1 ? '' : 's'}`
      : meaningfulLine(result.stderr);
    return new SyncError('unreachable', `Cannot reach the sync remote ${where}: ${sentence(why)}`);
  }

  return {
    path,
    exists,
    async create(url) {
      if (await exists()) return setRemote(url);
      await makePrivateFolder(path, paths.owner);
      // Nothing was there (exists said so): a failed init (no git) leaves nothing either.
      await git(['init', '--bare', '--quiet', '--template=']).catch(async (error: unknown) => {
        await rm(path, { recursive: true, force: true });
        throw error;
      });
      checked = false;
      await ready();
      // HEAD names main, whatever init.defaultBranch says, so that a clone of the remote shows the journal.
      await git(['symbolic-ref', 'HEAD', MAIN]);
      await setRemote(url);
    },
    remote,
    setRemote,
    async fetch() {
      await ready();
      // A pattern, so that a remote with no main yet fetches nothing rather than failing; --prune forgets a main deleted there.
      const result = await git(
        ['fetch', '--quiet', '--prune', '--no-tags', 'origin', '+refs/heads/*:refs/remotes/origin/*'],
        {
          network: true,
        },
      );
      if (result.code !== 0 && /cannot lock ref|Unable to create .*\.lock/.test(result.stderr))
        throw new SyncError(
          'moved',
          "Another mentee sync is working in this journal's sync repository: run mentee sync again in a moment.",
        );
      if (result.code !== 0) throw await unreachable(result);
      return ref(REMOTE_MAIN);
    },
    head: () => ref(MAIN),
    remoteHead: () => ref(REMOTE_MAIN),
    async mergeBase(a, b) {
      await ready();
      const result = await git(['merge-base', a, b], { allowed: [1] });
      return result.code === 0 ? result.stdout.toString().trim() : undefined;
    },
    async isAncestor(a, b) {
      await ready();
      return (await git(['merge-base', '--is-ancestor', a, b], { allowed: [1] })).code === 0;
    },
    async read(commit) {
      await ready();
      // --batch says "missing" on stdout, in any language, rather than failing.
      const { stdout } = await git(['cat-file', '--batch'], { input: Buffer.from(`${commit}:${FILE}\n`) });
      const header = stdout.subarray(0, stdout.indexOf(10)).toString();
      const [, type, size] = header.split(' ');
      if (type !== 'blob')
        throw new SyncError(
          'not-a-repo',
          `The synced copy ${commit.slice(0, 12)} has no ${FILE}: is the sync remote one mentee made?`,
        );
      const start = header.length + 1;
      return stdout.subarray(start, start + Number(size));
    },
    async commit(bytes, parents, message, at) {
      await ready();
      const blob = (await git(['hash-object', '-w', '--no-filters', '--stdin'], { input: bytes })).stdout
        .toString()
        .trim();
      const tree = (await git(['mktree'], { input: Buffer.from(`100644 blob ${blob}\t${FILE}\n`) })).stdout
        .toString()
        .trim();
      const date = `${Math.floor(at.getTime() / 1000)} +0000`;
      const author = {
        GIT_AUTHOR_NAME: MENTEE.name,
        GIT_AUTHOR_EMAIL: MENTEE.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: MENTEE.name,
        GIT_COMMITTER_EMAIL: MENTEE.email,
        GIT_COMMITTER_DATE: date,
      };
      const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-F', '-'];
      return (await git(args, { input: Buffer.from(message), setEnv: author })).stdout.toString().trim();
    },
    async advance(to, from) {
      await ready();
      const result = await git(['update-ref', '-m', 'mentee sync', MAIN, to, from ?? ZERO], { allowed: [1, 128] });
      if (result.code === 0) return;
      const now = await ref(MAIN);
      if (now !== from)
        throw new SyncError(
          'moved',
          "Another mentee sync moved this journal's sync repository meanwhile: run mentee sync again.",
        );
      if (/\.lock\b.*File exists|File exists.*\.lock/s.test(result.stderr))
        throw new SyncError(
          'moved',
          "Another mentee sync is working in this journal's sync repository: run mentee sync again in a moment.",
        );
      throw gitFailed(['update-ref'], result);
    },
    async push(commit) {
      await ready();
      const result = await git(['push', '--porcelain', '--no-verify', 'origin', `${commit}:${MAIN}`], {
        network: true,
        allowed: [1, 128],
      });
      // --porcelain: "!" before a ref that was not taken, then [rejected] (remote moved on) or [remote rejected] (reason).
      const refused = result.stdout
        .toString()
        .split('\n')
        .find((line) => line.startsWith('!\t'));
      if (refused) {
        const [, , summary = ''] = refused.split('\t');
        // Another device's push landing at the same instant: fetch and merge again, as for [rejected].
        if (summary.startsWith('[rejected]') || /failed to update ref|cannot lock ref/.test(summary))
          throw new SyncError('rejected', 'The sync remote has changes this device has not fetched yet.');
        const where = shownRemote((await remote()) ?? 'origin');
        const why = /\((.*)\)/.exec(summary)?.[1] ?? summary;
        throw new SyncError('unreachable', `The sync remote ${where} refused the copy: ${sentence(why)}`);
      }
      if (result.code !== 0) throw await unreachable(result);
      // The remote-tracking ref follows what was sent, whatever the repository's fetch settings say.
      await git(['update-ref', REMOTE_MAIN, commit]);
    },
    async ahead() {
      const [main, remoteMain] = await Promise.all([ref(MAIN), ref(REMOTE_MAIN)]);
      if (!main) return 0;
      const range = remoteMain ? [`${remoteMain}..${main}`] : [main];
      return Number((await git(['rev-list', '--count', ...range])).stdout.toString().trim());
    },
    async hasCommit(commit) {
      await ready();
      return (await git(['cat-file', '-e', `${commit}^{commit}`], { allowed: [1, 128] })).code === 0;
    },
    async commitTime(commit) {
      await ready();
      const seconds = Number((await git(['show', '-s', '--format=%ct', commit])).stdout.toString().trim());
      return new Date(seconds * 1000).toISOString();
    },
    async remove() {
      await rm(path, { recursive: true, force: true });
    },
  };
}

/**
 * A local path as the remote is made absolute, so that it means the same from wherever mentee runs;
 * URLs (scheme://) and ssh's host:path are left as they are (a ':' before any '/' is a host, as git reads it).
 */
/** A remote as it may be shown: a password or token in it (https://sam:TOKEN@host/…) is hidden, as git hides it. */
export function shownRemote(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, (_, scheme: string) => `${scheme}***@`);
}

export function remoteUrl(url: string, from: string): string {
  if (url.includes('://') || isAbsolute(url)) return url;
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  if (colon > 0 && (slash < 0 || colon < slash)) return url;
  return resolve(from, url);
}
