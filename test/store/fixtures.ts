import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { newUid } from '../../src/core/ids.js';
import { emptyJournal } from '../../src/core/model.js';
import type { Action, Journal, Meeting, Mentor } from '../../src/core/schema.js';
import { serialiseJournal } from '../../src/store/journal-file.js';
import { journalPaths, type JournalPaths } from '../../src/store/paths.js';
import { NOW_ISO } from '../helpers/clock.js';
import { tempFolder as sharedTempFolder, type TempFolder } from '../helpers/temp.js';

/** The fixed "now" of the store tests, as text (journals' timestamps) and as the store's clock. */
export const NOW = NOW_ISO;
export const clock = (): Date => new Date(NOW_ISO);

/**
 * A fresh folder for one test, with the paths of a journal in it. Its path is resolved through
 * symlinks (the store reports real paths), so messages can be compared with it directly.
 */
export async function tempFolder(): Promise<TempFolder & { paths: JournalPaths }> {
  const folder = await sharedTempFolder();
  return { ...folder, paths: journalPaths(folder.journal) };
}

/** Adds an open action the way a command would: next id from the counter, counter moves on. */
export function addTask(journal: Journal, title: string, at = NOW): Action {
  const id = `a${journal.counters.a}`;
  journal.counters.a += 1;
  const action: Action = {
    id,
    uid: newUid(),
    title,
    owner: 'me',
    status: 'open',
    notes: [],
    createdAt: at,
    updatedAt: at,
  };
  journal.actions.push(action);
  return action;
}

export function validMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    uid: newUid(),
    mentor: 'lovelace',
    when: '2026-12-03T17:30:00.000Z',
    lengthMinutes: 30,
    mode: 'video',
    status: 'planned',
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

export function validMentor(overrides: Partial<Mentor> = {}): Mentor {
  return {
    handle: 'lovelace',
    uid: newUid(),
    name: 'Dr Ada Lovelace',
    rules: ['Email first'],
    expectations: ['career'],
    startDate: '2026-09-01',
    status: 'active',
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

/** A valid journal with one mentor, one meeting with them and one action, as plain data to be bent out of shape by tests. */
export function sampleJournal(): Journal {
  const journal = emptyJournal(clock());
  journal.mentors.push(validMentor());
  journal.meetings.push(validMeeting());
  journal.counters.m = 2;
  addTask(journal, 'Email the training lead');
  return journal;
}

export async function writeJournalText(path: string, text: string | Buffer, mode = 0o600): Promise<void> {
  await writeFile(path, text, { mode });
}

export async function writeSampleJournal(path: string): Promise<string> {
  const text = serialiseJournal(sampleJournal());
  await writeJournalText(path, text);
  return text;
}

/** Everything that would change if a file were rewritten: bytes, inode, mtime, mode, and the folder's entries. */
export interface Snapshot {
  bytes: Buffer;
  ino: number;
  mtimeMs: number;
  mode: number;
  entries: string[];
}

export async function snapshot(file: string, folder: string): Promise<Snapshot> {
  const info = await stat(file);
  return {
    bytes: await readFile(file),
    ino: info.ino,
    mtimeMs: info.mtimeMs,
    mode: info.mode & 0o777,
    entries: (await readdir(folder)).sort(),
  };
}

/** Moves a file's times into the past, so that any rewrite shows up as a new mtime. */
export async function ageFile(file: string): Promise<void> {
  const past = new Date('2020-01-01T00:00:00Z');
  await utimes(file, past, past);
}

export async function modeOf(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Runs `work` with the process umask set to `mask`, restoring the previous one afterwards. */
export async function withUmask<T>(mask: number, work: () => Promise<T>): Promise<T> {
  const previous = process.umask(mask);
  try {
    return await work();
  } finally {
    process.umask(previous);
  }
}
