import { VERSION } from './version.js';

/** The one place that turns failures into a message and an exit code. */
export async function main(argv: string[]): Promise<void> {
  // A reader that stops early (`mentee actions --json | head -1`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  // The one answer that needs no command parser: keeps `mentee --version` as quick as Node itself.
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  try {
    const { buildProgram } = await import('./program.js');
    await buildProgram(argv).parseAsync(argv);
  } catch (error) {
    process.exitCode = await report(error);
  }
}

async function report(error: unknown): Promise<number> {
  const { CommanderError } = await import('commander');
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
    process.stderr.write('Stopped; nothing was saved.\n');
    return 130;
  }
  if (error instanceof UserError) {
    writeLine(process.stderr, oneLineMessage(`mentee: ${error.message}${error.hint ? ` ${error.hint}` : ''}`));
    return error.exitCode;
  }
  const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`mentee: unexpected error; your journal was not changed by this command.\n${reason}\n`);
  return 70;
}

/** Errors are one line, whatever a user's text inside them contained. */
function oneLineMessage(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
