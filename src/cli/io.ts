import type { Prompter } from '../ui/prompter.js';

/** Somewhere a run writes: the process's stdout or stderr, or a test's buffer. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * What a run takes from the world besides its arguments. The process supplies its own (below);
 * tests supply buffers, an environment and scripted questions, and run the same program in process.
 */
export interface Io {
  env: NodeJS.ProcessEnv;
  /** Results: the only thing on stdout. */
  stdout: Output;
  /** Notices, warnings, errors, and the questions of a wizard. */
  stderr: Output;
  /** Whether wizards may ask questions: stdin and stderr are terminals (where the questions go). */
  interactive: boolean;
  /** The questions seam; loaded on first use so flag-only runs never load the prompt library. */
  prompter(): Promise<Prompter>;
}

export function processIo(): Io {
  return {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    prompter: async () => (await import('../ui/inquirer-prompter.js')).createTerminalPrompter(),
  };
}
