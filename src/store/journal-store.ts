import { access, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Low } from 'lowdb';
import { emptyJournal, JOURNAL_VERSION } from '../core/model.js';
import { recordChange, stepThrough, type Direction, type Step } from '../core/history.js';
import { changedRecords, type JournalRecords } from '../core/journal-diff.js';
import type { Change, ChangedRecord, History, Journal } from '../core/schema.js';
import { lockedOut, makePrivateFolder } from './safe-files.js';
import { UserError } from '../errors.js';
import type { BackupEntry, JournalCheck } from './backup-catalog.js';
import { isEncryptedFile } from './crypto.js';
import type { Switch, SwitchResult } from './encryption-switch.js';
import { asFileProblem } from './file-errors.js';
import { JournalFile, JournalFileError, type Upgraded } from './journal-file.js';
import { UnopenedFileError } from './journal-file-error.js';
import { plainCodec, type JournalCodec } from './journal-codec.js';
import type { DraftBox } from './drafts.js';
import type { Restored } from './journal-history.js';
import { isJournalFile, resolveJournalPaths, throughLinks, type JournalPaths } from './paths.js';
import type { SyncOutcome, SyncParts, SyncState } from './sync-run.js';

export type { BackupEntry, JournalCheck, RecordCounts } from './backup-catalog.js';
export type { Restored, Step, SwitchResult, SyncOutcome, SyncState, Upgraded };

/**
 * The only door to the journal. Reads are lock-free (writes replace the file atomically) and never
 * write; every change is a function applied, under the lock, to the journal as it is on disk then.
 */
export interface JournalStore {
  readonly path: string;
  /** The journal as it is now, validated; an empty one when the file does not exist yet. An older version is upgraded in memory only. */
  read(): Promise<Journal>;
  /**
   * The journal's everyday part (see core/everyday.ts), for the reads that look at nothing else: from
   * a small file derived from the journal when it matches the journal exactly, else the journal read.
   */
  readEveryday(): Promise<Journal>;
  /** Saves an older journal in the current version (after a backup of it), and says so; undefined when it is current. */
  upgrade(): Promise<Upgraded | undefined>;
  /** Whether `file` is the journal, its lock or one of its backups: never a place to write an export. */
  owns(file: string): Promise<boolean>;
  /** Whether the journal file exists yet (it is created on the first change). */
  exists(): Promise<boolean>;
  /** Whether the journal file is encrypted (false when it does not exist). */
  isEncrypted(): Promise<boolean>;
  /**
   * Applies `change` to freshly read data and saves it (an older journal is upgraded with it, and that
   * said), recording what it did to each record in the journal's history; if `change` throws, nothing is written.
   */
  update<T>(change: (journal: Journal) => T, check?: ChangeCheck): Promise<T>;
  /** The journal checked in full; never throws for a damaged file, but says what is wrong and where. */
  check(): Promise<JournalCheck>;
  /** Every backup, newest first, each read and validated. */
  backups(): Promise<BackupEntry[]>;
  /**
   * Puts a backup (one of backups()) back as the journal, keeping the journal as it was as a backup
   * labelled before-restore first. Refuses a backup that is not a valid journal.
   */
  restore(backupFile: string): Promise<Restored>;
  /** Takes back the newest change in the history (see core/history.ts), saved like any change but not recorded as one. */
  undo(): Promise<Step>;
  /** Puts back the change undone last, while no new change has been made since. */
  redo(): Promise<Step>;
  /** The changes undo and redo can step through. */
  history(): Promise<History>;
  /**
   * Encrypts the journal and every backup with one key from `passphrase`, under the lock, and every
   * other plain file under its folder (encrypted, removed, or refused); an encrypted journal keeps its key.
   */
  encrypt(passphrase: string): Promise<SwitchResult>;
  /** Plain files beside an encrypted journal (left by a killed decrypt or save), found without its passphrase. */
  plainLeftovers(): Promise<string[]>;
  /** Turns the journal and every backup `passphrase` opens back into plain JSON, under the lock. */
  decrypt(passphrase: string): Promise<SwitchResult>;
  /** Wizards' unfinished answers, kept as the journal is (encrypted when it is); no lock, each is one writer's. */
  drafts(): DraftBox;
  /** Pulls, merges and pushes through the journal's git remote (see sync-run.ts); the merge is one change for undo. */
  sync(): Promise<SyncOutcome>;
  /** Connects the journal to a git remote, and syncs. */
  connectSync(remote: string): Promise<SyncOutcome>;
  /** What there is to send and to fetch, and the conflicts the merges noted. */
  syncState(): Promise<SyncState>;
  /** Whether the journal is connected to a sync remote (its sync repository is there). */
  isSynced(): Promise<boolean>;
}

/**
 * Looks at a change before it is saved: the records it touched (each as it was and as it is) and the
 * journal's records as they were. It may throw (nothing is saved) or edit a touched record, and then
 * says so (true).
 */
export type ChangeCheck = (records: ChangedRecord[], before: JournalRecords) => boolean;

export interface StoreOptions {
  /** How the journal's bytes become JSON text and back: plain JSON unless given. */
  codec?: JournalCodec;
  /** What the user should be told, as it happens (a lock taken over, an upgrade saved); the command prints it. */
  onNotice?: (text: string) => void;
  /** The environment git runs in, for sync (the user's ssh agent and credential helpers). */
  env?: NodeJS.ProcessEnv;
  /** Whether git may ask for a password at the terminal, for sync. */
  interactive?: boolean;
}

export function openJournalStore(path: string, clock: () => Date, options: StoreOptions = {}): JournalStore {
  const { codec = plainCodec, onNotice = () => undefined, env = process.env, interactive = false } = options;
  // Followed through symlinks once, on first use, and then the same for every operation.
  let resolved: Promise<JournalPaths> | undefined;
  const where = () => (resolved ??= resolveJournalPaths(path));

  const load = async (paths: JournalPaths) => {
    const adapter = new JournalFile(paths, codec, onNotice);
    const db = new Low<Journal>(adapter, emptyJournal(clock()));
    await withRecoveryHint(paths, codec, () => db.read());
    return { db, adapter };
  };

  /**
   * Runs `work` under the journal's lock. The codec is prepared first (a passphrase asked for, a key
   * derived), so no other command waits on someone typing; `prepare: false` when the caller did that.
   */
  const locked = async <T>(
    work: (paths: JournalPaths, assertHeld: () => void) => Promise<T>,
    { prepare = true } = {},
  ): Promise<T> => {
    const paths = await where();
    if (prepare) await withRecoveryHint(paths, codec, async () => codec.prepare?.(paths.journal));
    try {
      await makePrivateFolder(paths.folder, paths.owner, { parents: true });
      // The lock library is loaded only by commands that write, keeping reads quick to start.
      const { withJournalLock } = await import('./lock.js');
      return await withJournalLock(paths, (assertHeld) => work(paths, assertHeld), { notice: onNotice });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const out = (code === 'EACCES' || code === 'EPERM') && (await lockedOut(paths));
      if (out)
        throw new UserError(`Cannot write the journal at ${paths.journal}: permission denied: ${out.reason}.`, {
          hint: out.hint,
        });
      throw asFileProblem(error, 'write the journal at', paths.journal);
    }
  };

  const save = async ({ db, adapter }: Awaited<ReturnType<typeof load>>, assertHeld: () => void) => {
    db.data.updatedAt = clock().toISOString();
    assertHeld();
    await db.write();
    const { upgraded } = adapter;
    if (upgraded)
      onNotice(
        `Upgraded your journal from version ${upgraded.fromVersion} to version ${JOURNAL_VERSION}; ` +
          `the old one is kept as a backup: ${upgraded.backup}`,
      );
    return upgraded;
  };

  /** Encrypting or decrypting: the keys are made before the lock, the files rewritten under it. */
  const switchTo = async (make: (paths: JournalPaths) => Promise<Switch>) => {
    const { switchFiles } = await import('./encryption-switch.js');
    const paths = await where();
    const change = await withRecoveryHint(paths, codec, () => make(paths));
    const work = (held: JournalPaths, assertHeld: () => void) =>
      withRecoveryHint(held, codec, () => switchFiles(held, change, assertHeld));
    return locked(work, { prepare: false });
  };

  /** Undo and redo: a change saved through the same path as any other, and not recorded as a change. */
  const step = (direction: Direction) =>
    locked(async (paths, assertHeld) => {
      const loaded = await load(paths);
      loaded.adapter.track(loaded.db.data);
      const stepped = stepThrough(loaded.db.data, direction);
      // Undoing a sync's merge puts back the mark of what the journal was last merged with: the next
      // sync then brings those changes in again, rather than sending their removal to every device.
      const sync = direction === 'undo' ? stepped.change.sync : undefined;
      if (sync) {
        if (sync.before) loaded.db.data.sync = { commit: sync.before };
        else delete loaded.db.data.sync;
      }
      await save(loaded, assertHeld);
      return stepped;
    });

  const update = <T>(
    change: (journal: Journal) => T,
    { about = {}, check }: { about?: Pick<Change, 'sync'>; check?: ChangeCheck | undefined } = {},
  ): Promise<T> =>
    locked(async (paths, assertHeld) => {
      const loaded = await load(paths);
      const journal = loaded.db.data;
      const tracked = loaded.adapter.track(journal);
      // Without tracking (an upgrade in memory), a copy tells which records the change touched.
      const copied = tracked ? undefined : structuredClone(recordsOf(journal));
      const result = change(journal);
      const before = tracked?.before(journal) ?? copied!;
      const records = changedRecords(before, journal);
      // A check that edited a touched record (the gate taking a number out) may have undone its change.
      const edited = check?.(records, before) ?? false;
      recordChange(edited ? changedRecords(before, journal) : records, journal, clock().toISOString(), about);
      await save(loaded, assertHeld);
      return result;
    });

  /** What sync needs of the store: the journal read and changed as every command does, and its codec. */
  const syncParts = async (): Promise<SyncParts> => {
    const paths = await where();
    return {
      paths,
      codec,
      env,
      interactive,
      clock,
      read: async () => (await load(paths)).db.data,
      update: (change, about) => update(change, { about }),
      bytes: () =>
        readFile(paths.journal).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return undefined;
          throw asFileProblem(error, 'read the journal at', paths.journal);
        }),
    };
  };

  return {
    path,
    async read() {
      return (await load(await where())).db.data;
    },
    async readEveryday() {
      const paths = await where();
      const adapter = new JournalFile(paths, codec, onNotice);
      return (await withRecoveryHint(paths, codec, () => adapter.readEveryday())) ?? emptyJournal(clock());
    },
    async upgrade() {
      // A look first, without the lock: a current journal (the usual case) is not locked for nothing.
      if ((await load(await where())).adapter.migratedFrom === undefined) return undefined;
      return locked(async (paths, assertHeld) => {
        const loaded = await load(paths);
        return loaded.adapter.migratedFrom === undefined ? undefined : save(loaded, assertHeld);
      });
    },
    update: (change, check) => update(change, { check }),
    async owns(file) {
      return isJournalFile(await where(), await throughLinks(resolve(file)));
    },
    async exists() {
      return access((await where()).journal).then(
        () => true,
        () => false,
      );
    },
    async isEncrypted() {
      return isEncryptedFile((await where()).journal);
    },
    async check() {
      const { checkJournal } = await import('./backup-catalog.js');
      return checkJournal(await where(), codec);
    },
    async backups() {
      const { catalogue } = await import('./backup-catalog.js');
      return catalogue(await where(), codec);
    },
    async restore(backupFile) {
      const { restoreBackup } = await import('./journal-history.js');
      return locked((paths, assertHeld) => restoreBackup(paths, codec, backupFile, assertHeld));
    },
    undo: () => step('undo'),
    redo: () => step('redo'),
    async history() {
      return (await load(await where())).db.data.history;
    },
    async encrypt(passphrase) {
      const { toEncrypted } = await import('./encryption-switch.js');
      return switchTo((paths) => toEncrypted(paths, passphrase));
    },
    async plainLeftovers() {
      const { plainLeftovers } = await import('./encryption-switch.js');
      return plainLeftovers(await where());
    },
    async decrypt(passphrase) {
      const { toPlain } = await import('./encryption-switch.js');
      return switchTo((paths) => toPlain(paths, passphrase));
    },
    async sync() {
      const { syncJournal } = await import('./sync-run.js');
      return syncJournal(await syncParts());
    },
    async connectSync(remote) {
      const { connectJournal } = await import('./sync-run.js');
      return connectJournal(await syncParts(), remote);
    },
    async isSynced() {
      return access((await where()).sync).then(
        () => true,
        () => false,
      );
    },
    async syncState() {
      const { syncState } = await import('./sync-run.js');
      return syncState(await syncParts());
    },
    drafts() {
      // Loaded by the wizards that keep drafts, not by every command.
      const box = where().then(async (paths) => (await import('./drafts.js')).openDraftBox(paths, codec));
      return {
        list: async (wizard) => (await box).list(wizard),
        save: async (draft) => (await box).save(draft),
        remove: async (draft) => (await box).remove(draft),
      };
    },
  };
}

function recordsOf({ profile, mentors, goals, meetings, actions }: Journal): JournalRecords {
  return { profile, mentors, goals, meetings, actions };
}

/** A journal that cannot be used gets a hint on how to recover, from what there is to recover from. */
async function withRecoveryHint<T>(paths: JournalPaths, codec: JournalCodec, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof JournalFileError) || error.hint) throw error;
    // Encrypted backups cannot be checked without the passphrase either: say where they are.
    if (error instanceof UnopenedFileError)
      throw new UnopenedFileError(error.message, {
        hint: `Backups are in ${paths.backups} (mentee doctor lists them).`,
      });
    const { newestGoodBackup } = await import('./backup-catalog.js');
    const good = await newestGoodBackup(paths, codec);
    const hint = good
      ? `It has not been changed. To go back to the last good version: cp "${good.file}" "${paths.journal}" (or: mentee doctor --restore ${good.number}).`
      : 'It has not been changed. Fix it in a text editor, or move it aside to start a new journal.';
    throw new JournalFileError(error.message, { hint });
  }
}
