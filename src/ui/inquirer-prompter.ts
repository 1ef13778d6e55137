import { checkbox, confirm, editor, input, select } from '@inquirer/prompts';
import type { Prompter } from './prompter.js';

/**
 * Questions on the terminal. They are drawn on stderr so that stdout carries only results (an agenda,
 * JSON), as with the flags-only path. Ctrl-C rejects with inquirer's ExitPromptError, handled once in main.
 */
export function createTerminalPrompter(): Prompter {
  const context = { output: process.stderr, clearPromptOnDone: false };
  return {
    text: (question) =>
      input(
        {
          message: question.message,
          ...(question.default !== undefined ? { default: question.default } : {}),
          ...(question.validate ? { validate: question.validate } : {}),
        },
        context,
      ).then((answer) => answer.trim()),
    confirm: (question) => confirm(question, context),
    choose: (question) =>
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
    chooseMany: (question) =>
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
    longText: (question) =>
      editor(
        {
          message: question.message,
          ...(question.default ? { default: question.default } : {}),
          postfix: '.md',
          waitForUserInput: false,
        },
        context,
      ).then((answer) => answer.trim()),
    say: (line) => process.stderr.write(`${line}\n`),
  };
}
