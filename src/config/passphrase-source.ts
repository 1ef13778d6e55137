/**
 * A passphrase that is not typed: read from a file only its owner can read (MENTEE_PASSPHRASE_FILE), or
 * printed by a command (the passphraseCommand setting), as git's credential helpers are: `pass show
 * mentee`, `secret-tool lookup app mentee`, `security find-generic-password -w -s mentee`. Loaded only
 * when an encrypted journal is met. What fails is said in one line, never with the passphrase in it.
 */
import { spawn } from 'node:child_process';
import { UserError } from '../errors.js';
import { describeFileProblem } from '../store/file-errors.js';
import { openRegularFile } from '../store/regular-file.js';
import { currentUser, isOwnFile, shellWord } from '../store/safe-files.js';
import { oneLine } from '../ui/one-line.js';

/** No passphrase is longer; anything more is not a passphrase (a key file, a log). */
const MAX_PASSPHRASE_BYTES = 64 * 1024;
/** A keyring waiting for a password prompt nobody sees must not hang mentee. */
export const PASSPHRASE_COMMAND_TIMEOUT_MS = 30_000;

/** The file's text less one final newline; refused unless it is a regular file that only its owner can read. */
export async function passphraseFromFile(file: string): Promise<string> {
  let text: string;
  try {
    const handle = await openRegularFile(file, MAX_PASSPHRASE_BYTES);
    try {
      const info = await handle.stat();
      if (!isOwnFile(info, currentUser()))
        throw new UserError(
          `MENTEE_PASSPHRASE_FILE ${file} is not yours; mentee reads a passphrase only from your own file.`,
        );
      if (info.mode & 0o077)
        throw new UserError(
          `MENTEE_PASSPHRASE_FILE ${file} can be read by others (mode ${(info.mode & 0o777).toString(8)}); make it yours alone: chmod 600 ${shellWord(file)}`,
        );
      text = (await handle.readFile()).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    const problem = describeFileProblem(error, file);
    const reason =
      problem?.code === 'ENOENT'
        ? 'there is no such file'
        : problem?.code === 'EFBIG'
          ? 'it is larger than any passphrase (over 64 KiB)'
          : (problem?.reason ?? (error as Error).message);
    throw new UserError(`cannot read MENTEE_PASSPHRASE_FILE ${file}: ${reason}.`);
  }
  const passphrase = withoutFinalNewline(text);
  if (!passphrase) throw new UserError(`MENTEE_PASSPHRASE_FILE ${file} is empty.`);
  return passphrase;
}

/** What `command` prints, less its final newline, run through the shell with the run's environment. */
export async function passphraseFromCommand(
  command: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = PASSPHRASE_COMMAND_TIMEOUT_MS,
): Promise<string> {
  const named = `passphraseCommand (${oneLine(command)})`;
  const { code, signal, stdout, stderr, timedOut, tooLong, error } = await run(command, env, timeoutMs);
  const said = firstLine(stderr);
  const because = said ? `: ${said}` : '';
  if (error) throw new UserError(`${named} could not be run: ${error.message}.`);
  if (timedOut)
    throw new UserError(`${named} gave no passphrase within ${timeoutMs / 1000} seconds and was stopped${because}.`);
  if (tooLong) throw new UserError(`${named} printed more than a passphrase (over 64 KiB); nothing of it was used.`);
  if (code !== 0)
    throw new UserError(`${named} failed with ${signal ? `signal ${signal}` : `exit code ${code}`}${because}.`);
  const passphrase = withoutFinalNewline(stdout.toString('utf8'));
  if (!passphrase) throw new UserError(`${named} printed nothing${because}; it should print the passphrase.`);
  return passphrase;
}

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
  tooLong: boolean;
  error?: Error;
}

function run(command: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Outcome> {
  return new Promise((resolve) => {
    // stdin is the terminal's, so a helper that asks (gpg's pinentry in a terminal) still can.
    const child = spawn('sh', ['-c', command], { env, stdio: ['inherit', 'pipe', 'pipe'], detached: false });
    const out: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let timedOut = false;
    let tooLong = false;
    // Stopped, it is not waited for: a child of its shell could hold the pipes open for ever.
    const stop = () => {
      child.kill('SIGTERM');
      child.stdout.destroy();
      child.stderr.destroy();
      done({});
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PASSPHRASE_BYTES) return void out.push(chunk);
      tooLong = true;
      stop();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    function done(outcome: Partial<Outcome>) {
      clearTimeout(timer);
      resolve({ code: null, signal: null, stdout: Buffer.concat(out), stderr, timedOut, tooLong, ...outcome });
    }
    child.on('error', (error) => done({ error }));
    child.on('close', (code, signal) => done({ code, signal }));
  });
}

function withoutFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((each) => each.trim()) ?? '';
  const clean = oneLine(line.trim()).replace(/\.+$/, '');
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
}
