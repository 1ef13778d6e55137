import { CommanderError } from 'commander';
import type { Io } from './io.js';
import { oneLine } from '../ui/one-line.js';
import { buildProgram, type ContextFactory } from './program.js';

const processContext: ContextFactory = async (globals, io) => (await import('./context.js')).createContext(globals, io);

/**
 * Runs one command line (`argv` as in process.argv: node, script, words) against the given world and
 * returns its exit code. The one place that turns failures into a message: the process runs this
 * (main.ts), and so do tests, in process.
 */
export async function run(argv: string[], io: Io, createContext: ContextFactory = processContext): Promise<number> {
  try {
    await buildProgram(argv, io, createContext).parseAsync(argv);
    return 0;
  } catch (error) {
    return report(error, io);
  }
}

async function report(error: unknown, io: Io): Promise<number> {
  if (error instanceof CommanderError) {
    // commander has already printed its message; help and --version are not failures.
    return error.exitCode === 0 ? 0 : 2;
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
