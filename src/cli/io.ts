import { isatty } from 'node:tty';
import type { Prompter } from '../ui/prompter.js';

/** Somewhere a run writes: the process's stdout or stderr, or a test's buffer. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  /**
   * Waits until everything written has reached the file or pipe, and rejects with the first error
   * writing it (a full disk, /dev/full); a reader that went away (EPIPE) is not an error.
   */
  flush?(): Promise<void>;
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
    stdout: watchedOutput(process.stdout),
    stderr: quietOnError(process.stderr),
    // isatty(0) rather than process.stdin.isTTY: a run that asks nothing never sets up stdin's stream.
    interactive: isatty(0) && Boolean(process.stderr.isTTY),
    prompter: async () => (await import('../ui/inquirer-prompter.js')).createTerminalPrompter(),
  };
}

/**
 * A stream whose write errors are kept for flush() instead of crashing the process. Writes to files
 * and pipes finish later in Node, so an error arrives after write() has returned. Once writing has
 * failed (or the reader went away) the rest is dropped, and the command still finishes its work.
 */
export function watchedOutput(stream: NodeJS.WriteStream): Output & { flush(): Promise<void> } {
  let failure: NodeJS.ErrnoException | undefined;
  let written: Promise<void> = Promise.resolve();
  stream.on('error', (error: NodeJS.ErrnoException) => void (failure ??= error));
  return {
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    write(text) {
      if (failure) return false;
      // Callbacks come in the order of the writes: the last one settles once all before it have.
      written = new Promise((resolve) => stream.write(text, (error) => resolve(void (error && (failure ??= error)))));
      return true;
    },
    async flush() {
      await written;
      if (failure && failure.code !== 'EPIPE') throw failure;
    },
  };
}

/** Diagnostics that cannot be written (stderr closed or full) are lost, never a crash. */
function quietOnError(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  return stream.on('error', () => undefined);
}
