import { processIo } from './io.js';
import { VERSION } from './version.js';

/** The process's own run: its arguments, streams and terminal; the exit code is set, never exited with. */
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
  const { run } = await import('./run.js');
  const code = await run(argv, processIo());
  if (code !== 0) process.exitCode = code;
}
