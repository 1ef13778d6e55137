import { CommanderError } from 'commander';
import { statSync } from 'node:fs';
import { fileProblemReason } from '../store/file-errors.js';
import type { Io } from './io.js';
import { oneLine } from '../ui/one-line.js';
import { buildProgram, helpAsFlag, type ContextFactory } from './program.js';

const processContext: ContextFactory = async (globals, io) => (await import('./context.js')).createContext(globals, io);

/**
 * Runs one command line (`argv` as in process.argv: node, script, words) against the given world and
 * returns its exit code. The one place that turns failures into a message: the process runs this
 * (main.ts), and so do tests, in process.
 */
export async function run(argv: string[], io: Io, createContext: ContextFactory = processContext): Promise<number> {
  const journal = journalWatch(createContext);
  let code: number;
  try {
    const words = await helpAsFlag(argv);
    await buildProgram(words, io, journal.createContext).parseAsync(words);
    code = 0;
  } catch (error) {
    code = await report(error, io, argv);
  }
  // Results not written are a failure too, though the work is done: said once, and only if nothing else was.
  const lost = await io.stdout.flush?.().then(
    () => undefined,
    (error: unknown) => error ?? new Error('output lost'),
  );
  return lost && code === 0 ? reportLostOutput(lost, io, journal.changed()) : code;
}

/** Output that could not be written, saying whether the journal was changed all the same (so no retry repeats it). */
export function reportLostOutput(error: unknown, io: Io, journalChanged: boolean): number {
  const reason = fileProblemReason(error);
  io.stderr.write(
    journalChanged
      ? `mentee: your change WAS saved in the journal; only its output could not be written (${reason}).\n`
      : `mentee: the output could not be written: ${reason}.\n`,
  );
  return 1;
}

/**
 * Whether this run replaced the journal file (every save renames a new file into place): one stat when
 * the context is made, and another only if the output is lost.
 */
function journalWatch(createContext: ContextFactory) {
  let path: string | undefined;
  let before: string | undefined;
  const identity = (file: string) => {
    try {
      const found = statSync(file, { throwIfNoEntry: false });
      return found ? `${found.ino}:${found.mtimeMs}:${found.size}` : 'none';
    } catch (error) {
      return String((error as NodeJS.ErrnoException).code);
    }
  };
  return {
    createContext: (async (globals, io) => {
      const ctx = await createContext(globals, io);
      if (path === undefined && ctx.store?.path) before = identity((path = ctx.store.path));
      return ctx;
    }) satisfies ContextFactory,
    changed: () => path !== undefined && identity(path) !== before,
  };
}

async function report(error: unknown, io: Io, argv: string[]): Promise<number> {
  if (error instanceof CommanderError) {
    // Help and --version are not failures; help shown for a bare group (`mentee action`) is already said.
    if (error.exitCode === 0) return 0;
    if (error.code !== 'commander.help') {
      const { wordCommanderError } = await import('./usage-words.js');
      io.stderr.write(`${oneLineMessage(wordCommanderError(error, argv))}\n`);
    }
    return 2;
  }
  // Loaded only on failure, so a successful start reads no more files than it needs.
  const [{ UserError }, { isPromptCancel }, { writeLine }] = await Promise.all([
    import('../errors.js'),
    import('../ui/prompter.js'),
    import('../ui/terminal.js'),
  ]);
  if (isPromptCancel(error)) {
    io.stderr.write('Stopped; nothing was saved.\n');
    return 130;
  }
  if (error instanceof UserError) {
    writeLine(io.stderr, oneLineMessage(`mentee: ${error.message}${error.hint ? ` ${error.hint}` : ''}`));
    return error.exitCode;
  }
  const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`mentee: unexpected error; your journal was not changed by this command.\n${reason}\n`);
  return 70;
}

/** Errors are one line, whatever a user's text inside them contained. */
function oneLineMessage(message: string): string {
  return oneLine(message);
}
