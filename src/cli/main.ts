import { COMPLETE_ENTRY } from './completion-shells.js';
import { processIo } from './io.js';
import { VERSION } from './version.js';

/** The process's own run: its arguments, streams and terminal; the exit code is set, never exited with. */
export async function main(argv: string[]): Promise<void> {
  const io = processIo();
  // The one answer that needs no command parser: keeps `mentee --version` as quick as Node itself.
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    io.stdout.write(`${VERSION}\n`);
    const lost = await io.stdout.flush!().catch((error: unknown) => error);
    if (lost) process.exitCode = (await import('./run.js')).reportLostOutput(lost, io, false);
    return;
  }
  // Shell completion, at each TAB: as quick as --version, so no command parser either.
  if (argv[2] === COMPLETE_ENTRY) return (await import('./complete.js')).complete(argv.slice(3), io);
  const { run } = await import('./run.js');
  const code = await run(argv, io);
  if (code !== 0) process.exitCode = code;
}
