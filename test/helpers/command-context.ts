/** A command function called directly, as the command line would call it, on a journal in a temporary folder. */
import { readFile } from 'node:fs/promises';
import type { Context } from '../../src/commands/context.js';
import { openJournalStore, type JournalStore } from '../../src/store/journal-store.js';
import type { Prompter } from '../../src/ui/prompter.js';
import { plainStyle } from '../../src/ui/style.js';
import { tempFolder, tempFolders, type TempFolder } from './temp.js';

/** A Context for calling a command function as main would on a terminal, with scripted questions. */
export interface TestContext extends Context {
  out: string[];
  err: string[];
}

export function commandContext(
  store: JournalStore,
  now: Date,
  prompt: Prompter,
  options: { interactive?: boolean } = {},
): TestContext {
  const out: string[] = [];
  const err: string[] = [];
  return {
    now,
    settings: {},
    dates: { now },
    store,
    env: {},
    out,
    err,
    print: (text) => void out.push(text),
    warn: (text) => void err.push(text),
    style: plainStyle,
    errorStyle: plainStyle,
    interactive: options.interactive ?? true,
    prompter: async () => prompt,
  };
}

export interface TempStore {
  dir: string;
  path: string;
  store: JournalStore;
  /** The journal exactly as on disk, or undefined when there is none yet. */
  bytes: () => Promise<Buffer | undefined>;
  cleanup: () => Promise<void>;
}

function storeIn({ dir, journal: path, cleanup }: TempFolder, now: Date): TempStore {
  return {
    dir,
    path,
    store: openJournalStore(path, () => now),
    bytes: () => readFile(path).catch(() => undefined),
    cleanup,
  };
}

/** A journal file in a fresh folder, opened with a fixed clock. */
export async function tempStore(now: Date): Promise<TempStore> {
  return storeIn(await tempFolder(), now);
}

/** Temporary stores for the tests of one describe block, each removed after its test. */
export function tempStores(now: Date): () => Promise<TempStore> {
  const folders = tempFolders();
  return async () => storeIn(await folders(), now);
}
