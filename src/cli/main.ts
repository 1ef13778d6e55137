import { CommanderError } from 'commander';
import { UserError } from '../errors.js';
import { buildProgram } from './program.js';

/** The one place that turns failures into a message and an exit code. */
export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message; help and --version are not failures.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isPromptExit(error)) {
    process.stderr.write('Stopped; nothing was saved.\n');
    return 130;
  }
  if (error instanceof UserError) {
    process.stderr.write(`mentee: ${error.message}${error.hint ? ` ${error.hint}` : ''}\n`);
    return error.exitCode;
  }
  const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`mentee: unexpected error; your journal was not changed by this command.\n${reason}\n`);
  return 70;
}

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
