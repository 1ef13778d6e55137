import type { CommanderError } from 'commander';
import type { CommandSpec, Flag } from './command-spec.js';
import { PROGRAM } from './commands.js';

/**
 * What commander refused, said as one line like every other mistake. Too many arguments is nearly
 * always text with spaces that lost its quotes (`mentee prep --topic Specialty choice`): the line names
 * the flag or argument that took the first word and shows it quoted.
 */
export function wordCommanderError(error: CommanderError, argv: string[]): string {
  if (error.code === 'commander.excessArguments') {
    const excess = excessWords(argv);
    if (excess) return wordExcess(excess);
  }
  // commander's suggestion follows on a line of its own, in brackets: it joins the sentence instead.
  const message = error.message
    .replace(/^error: /, '')
    .replace(/\s*\(Did you mean (?:one of )?(.+)\?\)\s*$/, '. Did you mean $1?');
  return `mentee: ${message}`;
}

interface Swallowed {
  /** `--topic`, or an argument's name (`<title>`) for words that went to an argument. */
  owner: string;
  words: string[];
}

interface Excess {
  command: string[];
  extra: string[];
  swallowed: Swallowed[];
  takes: number;
}

function wordExcess({ command, extra, swallowed, takes }: Excess): string {
  const words = extra.map((word) => JSON.stringify(word)).join(', ');
  const run = `mentee ${command.join(' ')}`;
  if (!swallowed.length) {
    const wants = takes === 0 ? 'it takes none' : `it takes ${takes}`;
    return `mentee: too many arguments for '${command.join(' ')}': ${words}; ${wants}. See: ${run} --help`;
  }
  const fixed = swallowed
    .map(({ owner, words: text }) => `${owner.startsWith('-') ? owner : run} ${quoted(text.join(' '))}`)
    .join(' ');
  return `mentee: too many arguments: ${words}. Put text with spaces in quotes: ${fixed}`;
}

/** Quoted for any shell: double quotes, or single ones when the text holds what double quotes would expand. */
function quoted(text: string): string {
  if (/[$`\\"!]/.test(text) && !text.includes("'")) return `'${text}'`;
  return `"${text.replace(/([$`\\"])/g, '\\$1')}"`;
}

/**
 * The words beyond a command's arguments, read the way commander reads them, and for each run of them
 * the flag or argument whose value came just before (the one that lost its quotes).
 */
export function excessWords(argv: string[]): Excess | undefined {
  let spec: CommandSpec = PROGRAM;
  const command: string[] = [];
  const valueFlags = new Set<string>();
  const learn = (flags: Flag[] = []) => {
    for (const flag of flags) if (/[<[]/.test(flag.flags)) for (const name of flagNames(flag)) valueFlags.add(name);
  };
  learn(PROGRAM.flags);
  const operands: string[] = [];
  const extra: string[] = [];
  const swallowed: Swallowed[] = [];
  let last: Swallowed | undefined;
  let onlyOperands = false;
  const words = argv.slice(2);
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (!onlyOperands && word === '--') {
      onlyOperands = true;
      last = undefined;
    } else if (!onlyOperands && word.startsWith('-') && word.length > 1) {
      const [name, inline] = word.split(/=(.*)/s);
      if (!valueFlags.has(name!)) last = undefined;
      else if (inline !== undefined) last = { owner: name!, words: [inline] };
      else last = { owner: name!, words: [words[++index] ?? ''] };
    } else {
      const sub = operands.length ? undefined : spec.subcommands?.find((candidate) => candidate.name === word);
      if (sub) {
        spec = sub;
        command.push(word);
        learn(sub.flags);
        last = undefined;
        continue;
      }
      const args = spec.args ?? [];
      operands.push(word);
      if (operands.length <= args.length || args.some((arg) => arg.name.includes('...'))) {
        last = { owner: args[operands.length - 1]?.name ?? '', words: [word] };
        continue;
      }
      extra.push(word);
      if (last) {
        if (!last.words.slice(1).length) swallowed.push(last);
        last.words.push(word);
      }
    }
  }
  if (!extra.length || !command.length) return undefined;
  return { command, extra, swallowed, takes: (spec.args ?? []).length };
}

function flagNames(flag: Flag): string[] {
  return flag.flags.match(/--?[\w-]+/g) ?? [];
}
