/**
 * Runs mentee's command line in process: the program built from the one command list, a real journal
 * in a temporary folder, and the exit code, stdout and stderr exactly as the binary reports them
 * (the same run() that main.ts calls). No process is spawned, so these tests take milliseconds.
 */
import { run } from '../../src/cli/run.js';
import type { Io } from '../../src/cli/io.js';
import type { ContextFactory } from '../../src/cli/program.js';
import type { Prompter } from '../../src/ui/prompter.js';
import { succeeded, runEnv, type RunOptions, type RunResult } from './cli.js';
import { scripted } from './scripted-prompter.js';
import { tempFolder, type TempFolder } from './temp.js';

export type { RunResult };

export interface CliOptions extends Omit<RunOptions, 'input'> {
  /** Whether wizards may ask (a terminal); false unless given, as for the binary in a pipe. */
  interactive?: boolean;
  /** Answers to the questions asked; by default any question fails the test. */
  prompter?: Prompter;
  /** Makes the command's context, instead of the real one built from the run's environment. */
  createContext?: ContextFactory;
}

/**
 * Never the user's own journal: a run given no journal (neither `journal` nor MENTEE_JOURNAL nor
 * --journal) points at a folder that does not exist, rather than at the default in their home.
 */
const NO_JOURNAL = '/nonexistent/mentee-test-gave-no-journal/journal.json';
/** Nor the user's own settings: a run given no MENTEE_CONFIG has none. */
const NO_CONFIG = '/nonexistent/mentee-test-gave-no-config/config.json';

export async function runCli(args: string[], options: CliOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const env = runEnv(options, {});
  env.MENTEE_JOURNAL ??= NO_JOURNAL;
  env.MENTEE_CONFIG ??= NO_CONFIG;
  const io: Io = {
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    interactive: options.interactive ?? false,
    prompter: async () => options.prompter ?? scripted([]),
  };
  const code = await run(['node', 'mentee', ...args], io, options.createContext);
  return { code, stdout, stderr };
}

/** Runs in process a command that must succeed, failing the test with its stderr otherwise. */
export async function cli(args: string[], options: CliOptions = {}): Promise<string> {
  return succeeded(args, await runCli(args, options));
}

/** A journal in a fresh folder with Dr Ada Lovelace (handle lovelace) as the only mentor. */
export async function withLovelace(): Promise<TempFolder> {
  const folder = await tempFolder();
  await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal: folder.journal });
  return folder;
}

/** Sam Patel (FY2 doctor) with Dr Ada Lovelace (GP partner, 30-minute meetings), both set up on 1 Sep 2026. */
export async function samWithAda(journal: string): Promise<void> {
  const now = '2026-09-01T09:00:00Z';
  await cli(['init', '--name', 'Sam Patel', '--stage', 'FY2 doctor'], { journal, now });
  await cli(['mentor', 'add', 'Dr Ada Lovelace', '--role', 'GP partner', '--length', '30'], { journal, now });
}
