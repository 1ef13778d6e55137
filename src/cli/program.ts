import { Command } from 'commander';
import { DomainError } from '../core/problems.js';
import type { CommandSpec, Flag, Load } from './command-spec.js';
import { PROGRAM } from './commands.js';
import type { Context } from '../commands/context.js';
import type { GlobalOptions } from './context.js';
import type { Io } from './io.js';
import { VERSION } from './version.js';

export type ContextFactory = (globals: GlobalOptions, io: Io) => Context | Promise<Context>;

type Globals = GlobalOptions & { allowIdentifiers?: boolean };

/**
 * The command line, built from the list in commands.ts. Given a run's arguments, only the command it
 * asks for is defined (`mentee status` need not define forty others); help, a mistyped command and
 * plain `mentee` get them all.
 */
export function buildProgram(argv: string[], io: Io, createContext: ContextFactory): Command {
  const program = new Command(PROGRAM.name)
    .description(PROGRAM.summary)
    .version(VERSION, '-V, --version', 'print the version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      getOutHelpWidth: () => (io.stdout.isTTY && io.stdout.columns) || 80,
      getErrHelpWidth: () => (io.stderr.isTTY && io.stderr.columns) || 80,
      // Said by run.ts, the one error handler, which knows the whole command line (for hints such as quoting).
      outputError: () => {},
    })
    // `mentee help <command>`; without this commander leaves it out, the root having an action.
    .helpCommand(true)
    // The root takes any words so that it can name an unknown command itself (its subcommands do not).
    .allowExcessArguments();
  addFlags(program, PROGRAM.flags);
  addExamples(program, PROGRAM.examples);
  const home = handler(PROGRAM.load, io, createContext);
  program.action(async (_flags: unknown, command: Command) => {
    if (command.args.length) throw await unknownCommand([command.args[0]!]);
    await home(_flags, command);
  });

  const wanted = requestedCommand(argv);
  const only = PROGRAM.subcommands.find((spec) => spec.name === wanted);
  for (const spec of only ? [only] : PROGRAM.subcommands) define(program, spec, io, createContext);
  return program;
}

/** The command a run asks for: the first word that is neither an option nor the value of one. */
export function requestedCommand(argv: string[]): string | undefined {
  return argv[commandAt(argv)];
}

function commandAt(argv: string[]): number {
  const takesValue = new Set(PROGRAM.flags.filter((flag) => /[<[]/.test(flag.flags)).map(longName));
  let index = 2;
  for (; index < argv.length; index++) {
    const word = argv[index]!;
    if (takesValue.has(word)) index++;
    else if (!word.startsWith('-')) break;
  }
  return index;
}

/**
 * The command line commander is given: `mentee help action add` becomes `mentee action add --help`
 * (commander's own help command looks only at the word after it); words that name no command are
 * refused with the nearest one.
 */
export async function helpAsFlag(argv: string[]): Promise<string[]> {
  const at = commandAt(argv);
  const wanted = argv[at];
  if (wanted === undefined) return argv;
  // Before commander reads the flags: `mentee stauts --json` is a mistyped command, not a mistyped flag.
  if (wanted !== 'help' && !PROGRAM.subcommands.some((spec) => spec.name === wanted))
    throw await unknownCommand([wanted]);
  if (wanted !== 'help') return argv;
  const words = argv.slice(at + 1).filter((word) => !word.startsWith('-'));
  const path: string[] = [];
  let spec: CommandSpec = PROGRAM;
  for (const word of words) {
    if (!path.length && word === 'help') break;
    // `help status extra`: a word past the command is as unknown as a mistyped one, never ignored.
    const sub = spec.subcommands?.find((candidate) => candidate.name === word);
    if (!sub) throw await unknownCommand([...path, word]);
    path.push(word);
    spec = sub;
  }
  return [...argv.slice(0, at), ...path, '--help'];
}

/** "unknown command 'stauts'. Did you mean status?"; `words`: the command's known words, then the unknown one. */
async function unknownCommand(words: string[]): Promise<Error> {
  const [{ UsageError }, { nearest }, { didYouMean }] = await Promise.all([
    import('../errors.js'),
    import('../core/suggest.js'),
    import('../ui/did-you-mean.js'),
  ]);
  let group: CommandSpec = PROGRAM;
  for (const word of words.slice(0, -1)) group = group.subcommands!.find((spec) => spec.name === word)!;
  const names = (group.subcommands ?? []).map((spec) => spec.name);
  const typed = words.at(-1)!;
  const near = nearest(typed, group === PROGRAM ? [...names, 'help'] : names);
  const known = words.slice(0, -1).join(' ');
  const prefix = known ? `${known} ` : '';
  return new UsageError(
    `unknown command '${prefix}${typed}'.${didYouMean(near.map((name) => `${prefix}${name}`))}`,
    near.length ? undefined : `See: mentee ${prefix}--help`,
  );
}

function define(parent: Command, spec: CommandSpec, io: Io, createContext: ContextFactory): void {
  const command = parent.command(spec.name).description(spec.summary);
  for (const arg of spec.args ?? []) command.argument(arg.name, arg.help);
  addFlags(command, spec.flags);
  addExamples(command, spec.examples);
  if (spec.load) command.action(handler(spec.load, io, createContext));
  // commander copies the root's allowance for extra words to its subcommands: `mentee undo 2` must fail.
  command.allowExcessArguments(false);
  for (const sub of spec.subcommands ?? []) define(command, sub, io, createContext);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function addFlags(command: Command, flags: Flag[] = []): void {
  for (const flag of flags) {
    if (flag.repeatable) command.option(flag.flags, flag.help, collect);
    else command.option(flag.flags, flag.help);
  }
}

function addExamples(command: Command, examples: string[] = []): void {
  if (examples.length) command.addHelpText('after', `\nExample:\n${examples.map((line) => `  $ ${line}`).join('\n')}`);
}

function longName(flag: Flag): string {
  return /--[\w-]+/.exec(flag.flags)![0];
}

/**
 * Runs a command: its context is made, the identifier guard checks what was typed, and only then is
 * the handler's module loaded and called with the arguments and the command's flags. A group's flags
 * come too (`mentee templates --json show x`), for the subcommand that declares the same ones.
 */
function handler(load: Load, io: Io, createContext: ContextFactory) {
  return async (...received: unknown[]) => {
    const command = received.at(-1) as Command;
    const globals = command.optsWithGlobals<Globals>();
    const ctx = await createContext(globals, io);
    const args = received.slice(0, -2);
    if (!globals.allowIdentifiers) await (await import('./identifier-guard.js')).guardIdentifiers(ctx, command, args);
    const group = command.parent?.parent ? command.parent.opts() : {};
    try {
      await (
        await load()
      )(ctx, ...args, { ...group, ...command.opts(), ...(globals.allowIdentifiers ? { allowIdentifiers: true } : {}) });
    } catch (error) {
      // What the core refused is said here, where the command and its flags are known.
      if (!(error instanceof DomainError)) throw error;
      throw (await import('../commands/problem-words.js')).wordProblem(error.problem, commandWords(command));
    }
  };
}

/** "prep", "action add": the words that ran a command, for hints that repeat them. */
function commandWords(command: Command): string {
  const words: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) words.unshift(at.name());
  return words.join(' ');
}
