import type { Command } from 'commander';
import { DomainError } from '../core/problems.js';
import type { Context, GlobalOptions } from './context.js';

export type Flags = Record<string, unknown>;

/**
 * Commands are loaded only when run, so `--help` and `--version` stay instant. The handler gets the
 * positional arguments, then the command's own flags (validated by each command's zod schema).
 */
// `any`: commander hands over untyped values; each command types them with its zod schema.
export function run(handler: (ctx: Context, ...args: any[]) => Promise<void>) {
  return async (...received: unknown[]) => {
    const command = received.at(-1) as Command;
    const { createContext } = await import('./context.js');
    const globals = command.optsWithGlobals<GlobalOptions & { allowIdentifiers?: boolean }>();
    const ctx = createContext(globals);
    const args = received.slice(0, -2);
    if (!globals.allowIdentifiers) await (await import('./identifier-guard.js')).guardIdentifiers(ctx, command, args);
    try {
      await handler(ctx, ...args, command.opts());
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw (await import('./problem-words.js')).wordProblem(error.problem, commandWords(command));
    }
  };
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];

export function example(command: Command, ...lines: string[]): Command {
  return command.addHelpText('after', `\nExample:\n${lines.map((line) => `  $ ${line}`).join('\n')}`);
}

export function withJson(command: Command): Command {
  return command.option('--json', 'print a stable JSON shape instead of text (see README)');
}

/** "prep", "action add": the words that ran a command, for hints that repeat them. */
function commandWords(command: Command): string {
  const words: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) words.unshift(at.name());
  return words.join(' ');
}
