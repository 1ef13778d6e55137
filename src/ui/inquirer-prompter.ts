import { checkbox, confirm, editor, input, password, select } from '@inquirer/prompts';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPromptCancel, type Prompter } from './prompter.js';
import { makeStyle } from './style.js';

type PromptContext = { output: NodeJS.WritableStream; clearPromptOnDone: boolean; signal: AbortSignal };

/**
 * Asks one question; Escape aborts it like Ctrl-C does. (inquirer handles Ctrl-C itself and rejects
 * with ExitPromptError; Escape becomes an AbortPromptError through the signal, a hang-up an
 * ExitPromptError.) All are handled in main.
 */
function ask<T>(question: (context: PromptContext) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onKey = (_text: string, key?: { name?: string }) => {
    if (key?.name === 'escape') controller.abort();
  };
  // A closed terminal (SIGHUP, or its input ending or failing) stops the question as Ctrl-C does, instead of ending
  // the process at once: what was typed is then kept with the draft before mentee exits.
  let hungUp = false;
  const onHangUp = () => {
    if (hungUp) return;
    hungUp = true;
    forgetTerminal();
    controller.abort();
  };
  process.stdin.on('keypress', onKey);
  process.stdin.prependOnceListener('end', onHangUp);
  process.stdin.prependOnceListener('error', onHangUp);
  process.on('SIGHUP', onHangUp);
  return question({ output: process.stderr, clearPromptOnDone: false, signal: controller.signal })
    .catch((error: unknown) => {
      if (!hungUp) throw error;
      throw Object.assign(new Error('The terminal was closed'), { name: 'ExitPromptError' });
    })
    .finally(() => {
      process.stdin.off('keypress', onKey);
      process.stdin.off('end', onHangUp);
      process.stdin.off('error', onHangUp);
      process.off('SIGHUP', onHangUp);
    });
}

/**
 * The terminal is gone: restoring its mode or drawing on it fails (EIO), and would end mentee before
 * the draft is written. Both become no-ops; nothing can be shown any more.
 */
function forgetTerminal(): void {
  const { stdin, stderr } = process;
  if (stdin.isTTY) {
    const setRawMode = stdin.setRawMode.bind(stdin);
    stdin.setRawMode = (mode: boolean) => {
      try {
        return setRawMode(mode);
      } catch {
        return stdin;
      }
    };
  }
  stdin.on('error', () => undefined);
  stderr.on('error', () => undefined);
  // The hang-up signal may come after the input ended: it must not end mentee before the draft is kept.
  process.on('SIGHUP', () => undefined);
}

/**
 * Questions on the terminal. They are drawn on stderr so that stdout carries only results (an agenda,
 * JSON), as with the flags-only path. This is the only module that imports the prompt library.
 */
export function createTerminalPrompter(): Prompter {
  return {
    text: (question) => {
      // The line as typed so far, drawn at every key: what a stopped question leaves behind.
      let line = question.typed ?? '';
      const answerStyle = makeStyle(process.stderr, process.env).cyan;
      return ask((context) =>
        input(
          {
            message: question.message,
            ...(question.typed
              ? { default: question.typed, prefill: 'editable' as const }
              : question.default !== undefined
                ? { default: question.default }
                : {}),
            ...(question.validate ? { validate: question.validate } : {}),
            transformer: (value, { isFinal }) => {
              if (!isFinal) line = value;
              return isFinal ? answerStyle(value) : value;
            },
          },
          context,
        ),
      ).then(
        (answer) => answer.trim(),
        (error: unknown) => {
          if (isPromptCancel(error)) Object.assign(error as Error, { typed: line });
          throw error;
        },
      );
    },
    confirm: (question) => ask((context) => confirm(question, context)),
    choose: (question) =>
      ask((context) =>
        select(
          {
            message: question.message,
            choices: question.choices.map((choice) => ({
              name: choice.label,
              value: choice.value,
              ...(choice.hint ? { description: choice.hint } : {}),
            })),
            ...(question.default !== undefined ? { default: question.default } : {}),
            pageSize: 12,
          },
          context,
        ),
      ),
    chooseMany: (question) =>
      ask((context) =>
        checkbox(
          {
            message: question.message,
            choices: question.choices.map((choice) => ({
              name: choice.label,
              value: choice.value,
              checked: Boolean(choice.checked),
            })),
            pageSize: 12,
          },
          context,
        ),
      ),
    secret: (question) =>
      ask((context) =>
        password(
          { message: question.message, mask: '*', ...(question.validate ? { validate: question.validate } : {}) },
          context,
        ),
      ),
    longText: async (question) => {
      // What is typed in the editor lives for a while in a file: keep it in a folder only you can
      // open, and remove the folder afterwards, whatever happens.
      const folder = await mkdtemp(join(tmpdir(), 'mentee-'));
      try {
        await chmod(folder, 0o700);
        const answer = await ask((context) =>
          editor(
            {
              message: question.message,
              ...(question.default ? { default: question.default } : {}),
              file: { dir: folder, postfix: '.md', mode: 0o600 },
              waitForUserInput: false,
            },
            context,
          ),
        );
        return answer.trim();
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
    say: (line) => process.stderr.write(`${line}\n`),
  };
}
