import type { Context } from '../commands/context.js';

/** One command of the list in commands.ts: all the program needs to define it and run it. */
export interface CommandSpec {
  name: string;
  summary: string;
  args?: Arg[];
  /** In the order help lists them; a command takes --json when it lists it like any other flag. */
  flags?: Flag[];
  /** Shown under "Example:" in the command's help, each after "$ ". */
  examples?: string[];
  /** The handler, called as `(ctx, ...args, flags)`; a group of subcommands may have none. */
  load?: Load;
  subcommands?: CommandSpec[];
}

export interface Arg {
  /** `<name>` when required, `[name]` when optional. */
  name: string;
  help?: string;
  /** What it can be, for shell completion. */
  values?: Values;
}

export interface Flag {
  /** Commander's syntax: `-y, --yes`, `--mentor <mentor>`, `--no-color`. */
  flags: string;
  help: string;
  /** Given several times, its values are collected into a list. */
  repeatable?: boolean;
  /** What its value can be, for shell completion (see src/cli/complete.ts). */
  values?: Values;
}

/**
 * The values an argument or a flag's value can take, offered by shell completion: a fixed list (the
 * one its zod schema checks against), what only the journal or the config folder knows, or files.
 */
export type Values = readonly string[] | JournalValues | 'template' | 'file';

/** Values read from the journal: handles, and ids with their titles. */
export type JournalValues =
  'mentor' | 'goal' | 'action' | 'open-action' | 'meeting' | 'planned-meeting' | 'record' | 'tag';

// `any`: commander hands over untyped values; each command types its own with its zod schema.
export type Handler = (ctx: Context, ...args: any[]) => Promise<void>;
export type Load = () => Promise<Handler>;

type HandlerName<M> = { [K in keyof M]: M[K] extends Handler ? K : never }[keyof M];

/**
 * The export `name` of a command module, imported on first use. `fixed` values are passed between
 * the command's arguments and its flags: `lazy(goals, 'goalStatusCommand', 'achieved')` runs
 * `goalStatusCommand(ctx, id, 'achieved', flags)`.
 */
export function lazy<M>(module: () => Promise<M>, name: HandlerName<M>, ...fixed: string[]): Load {
  return async () => {
    const handler = (await module())[name] as Handler;
    if (!fixed.length) return handler;
    return (ctx, ...received) => handler(ctx, ...received.slice(0, -1), ...fixed, received.at(-1));
  };
}
