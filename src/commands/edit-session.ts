/**
 * The editor half of `mentee edit`: a private temporary file, the user's editor run on it as git runs
 * one (through the shell, so `EDITOR="code --wait"` or `EDITOR="sed -i s/a/b/"` both work), and the
 * file removed afterwards, also when mentee is stopped by a signal.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';

export interface EditSession {
  file: string;
  /** Runs the editor on the file and returns what it holds afterwards. */
  edit(): Promise<string>;
  write(text: string): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGHUP', 'SIGTERM'] as const;

/** The editor git would choose, less git's own setting: $VISUAL, then $EDITOR, then vi. */
export function editorOf(env: NodeJS.ProcessEnv): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi';
}

export async function withEditSession<T>(
  name: string,
  text: string,
  env: NodeJS.ProcessEnv,
  work: (session: EditSession) => Promise<T>,
): Promise<T> {
  // mkdtemp makes the folder owner-only (0700); the file is 0600 inside it.
  const folder = await mkdtemp(join(tmpdir(), 'mentee-edit-'));
  const file = join(folder, `${name}.yaml`);
  let editor: ReturnType<typeof spawn> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    // As git does, Ctrl-C while the editor runs is the editor's to handle; mentee cleans up when it exits.
    if (signal === 'SIGINT' && editor) return;
    rmSync(folder, { recursive: true, force: true });
    editor?.kill(signal);
    for (const each of SIGNALS) process.off(each, onSignal);
    process.kill(process.pid, signal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    await writeFile(file, text, { mode: 0o600, flag: 'wx' });
    const command = editorOf(env);
    return await work({
      file,
      write: (next) => writeFile(file, next, { mode: 0o600 }),
      async edit() {
        const code = await new Promise<number | null>((resolve, reject) => {
          editor = spawn('sh', ['-c', `${command} "$@"`, command, file], { stdio: 'inherit', env });
          editor.on('error', reject);
          editor.on('close', (exit) => resolve(exit));
        }).finally(() => (editor = undefined));
        if (code !== 0)
          throw new UserError(`The editor (${command}) stopped with exit code ${code}; nothing was changed.`, {
            hint: 'Set $VISUAL or $EDITOR to the editor you use.',
          });
        return readFile(file, 'utf8');
      },
    });
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal);
    await rm(folder, { recursive: true, force: true });
  }
}
