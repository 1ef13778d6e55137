/**
 * The editor half of `mentee edit`: a private temporary file, the user's editor run on it as git runs
 * one (through the shell, so `EDITOR="code --wait"` or `EDITOR="sed -i s/a/b/"` both work), and the
 * file removed afterwards, also when the terminal closes or mentee is stopped by a signal.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../config/settings.js';
import { UserError } from '../errors.js';

export interface EditSession {
  file: string;
  /** Runs the editor on the file and returns what it holds afterwards. */
  edit(): Promise<string>;
  write(text: string): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGHUP', 'SIGTERM'] as const;
type StopSignal = (typeof SIGNALS)[number];

/** How long an editor told to stop may take (vim preserves its swap file on SIGHUP) before mentee leaves anyway. */
const EDITOR_GRACE_MS = 3000;

/** mentee was stopped by a signal: the shell's convention, 128 + its number, as the exit code. */
export class EditStopped extends UserError {
  constructor(signal: StopSignal, name: string, editing: boolean) {
    const why =
      signal === 'SIGHUP' ? 'the terminal closed' : signal === 'SIGINT' ? 'interrupted' : `stopped (${signal})`;
    super(
      editing
        ? `${why} while ${name} was open in the editor: nothing was changed, and its temporary file was removed.`
        : `${why}; the temporary file of ${name} was removed.`,
      { exitCode: 128 + constants.signals[signal] },
    );
    this.name = 'EditStopped';
  }
}

/**
 * The editor git would choose, with mentee's editor setting in place of git's: the settings resolve
 * $VISUAL, then $EDITOR, then the config file's editor (see src/config/settings.ts); else vi.
 */
export function editorOf(settings: Pick<Settings, 'editor'>): string {
  return settings.editor ?? 'vi';
}

/**
 * The shell command that runs `editor` on the file. A simple command is exec'd, so the editor is the
 * process mentee started and a signal passed on reaches it, not only a shell that would leave it running.
 */
export function editorCommand(editor: string): string {
  const simple = !/[;&|<>(){}`\n]/.test(editor) && !/^\S*=/.test(editor);
  return `${simple ? 'exec ' : ''}${editor} "$@"`;
}

export async function withEditSession<T>(
  name: string,
  text: string,
  { env, warn, settings }: { env: NodeJS.ProcessEnv; warn: (line: string) => void; settings: Pick<Settings, 'editor'> },
  work: (session: EditSession) => Promise<T>,
): Promise<T> {
  // mkdtemp makes the folder owner-only (0700); the file is 0600 inside it.
  const folder = await mkdtemp(join(tmpdir(), 'mentee-edit-'));
  const file = join(folder, `${name}.yaml`);
  let editor: ReturnType<typeof spawn> | undefined;
  let stopped: StopSignal | undefined;
  let grace: NodeJS.Timeout | undefined;
  const remove = () => rmSync(folder, { recursive: true, force: true });
  /** Leaves now, from the handler: used when no editor runs, or one told to stop does not. */
  const leave = (signal: StopSignal, editing: boolean) => {
    remove();
    const problem = new EditStopped(signal, name, editing);
    try {
      warn(`mentee: ${problem.message}`);
    } finally {
      process.exit(problem.exitCode);
    }
  };
  const onSignal = (signal: StopSignal) => {
    // As git does, Ctrl-C while the editor runs is the editor's to handle; mentee stops if the editor does.
    if (signal === 'SIGINT' && editor) return;
    if (stopped) return;
    stopped = signal;
    remove();
    if (!editor) return leave(signal, false);
    // The editor ends, edit() throws EditStopped, and the command unwinds through the one error handler.
    editor.kill(signal);
    grace = setTimeout(() => leave(signal, true), EDITOR_GRACE_MS).unref();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    await writeFile(file, text, { mode: 0o600, flag: 'wx' });
    const command = editorOf(settings);
    return await work({
      file,
      write: (next) => writeFile(file, next, { mode: 0o600 }),
      async edit() {
        const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
          (resolve, reject) => {
            editor = spawn('sh', ['-c', editorCommand(command), command, file], { stdio: 'inherit', env });
            editor.on('error', reject);
            editor.on('close', (exit, by) => resolve({ code: exit, signal: by }));
          },
        ).finally(() => (editor = undefined));
        // A shell that ran the editor without exec reports the editor's signal as 128 + its number.
        const by = stopped ?? SIGNALS.find((each) => each === signal || code === 128 + constants.signals[each]);
        if (by) throw new EditStopped(by, name, true);
        if (code !== 0)
          throw new UserError(
            `The editor (${command}) stopped with ${signal ? `signal ${signal}` : `exit code ${code}`}; nothing was changed.`,
            { hint: 'Set $VISUAL or $EDITOR to the editor you use, or: mentee config set editor "code --wait"' },
          );
        return readFile(file, 'utf8');
      },
    });
  } finally {
    clearTimeout(grace);
    for (const signal of SIGNALS) process.off(signal, onSignal);
    await rm(folder, { recursive: true, force: true });
  }
}
