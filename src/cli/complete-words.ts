import type { CommandSpec, Flag, Values } from './command-spec.js';
import { PROGRAM } from './commands.js';

/** One answer to offer: what is typed, and what the shell may show beside it. */
export interface Candidate {
  value: string;
  description?: string;
}

/** What the word being typed can be: fixed candidates, or values to look up, each starting with `prefix`. */
export interface Wanted {
  candidates: Candidate[];
  values?: Values;
  /** The word being typed, less `before`. */
  prefix: string;
  /** Put back before every value: `--format=` while completing `--format=m`. */
  before: string;
  /** --journal, when the line gives one: where looked-up values come from. */
  journal?: string;
}

// commander's own flags, which the command list leaves to it.
const HELP: Flag = { flags: '-h, --help', help: 'display help for command' };
const VERSION: Flag = { flags: '-V, --version', help: 'print the version' };
const HELP_COMMAND: Candidate = { value: 'help', description: 'display help for command' };

/**
 * What the last of `words` (the words after `mentee`, the last one being typed, perhaps empty) can be,
 * read from the one command list as commander will read the line: commands, then flags, their values
 * and the arguments. `mentee help <command> [sub]` completes commands only.
 */
export function wantedAt(words: string[]): Wanted {
  const typed = words.at(-1) ?? '';
  let spec: CommandSpec = PROGRAM;
  let known: Flag[] = [...PROGRAM.flags];
  const used = new Set<Flag>();
  let position = 0;
  let onlyArgs = false;
  let help = false;
  let journal: string | undefined;
  const none = (): Wanted => ({ candidates: [], prefix: typed, before: '', journal });

  for (let at = 0; at < words.length - 1; at++) {
    const word = words[at]!;
    if (!onlyArgs && word === '--') onlyArgs = true;
    else if (!onlyArgs && word.startsWith('-') && word !== '-') {
      const [name, inline] = splitInline(word);
      const flag = known.find((candidate) => names(candidate).includes(name));
      if (!flag) continue;
      used.add(flag);
      if (!takesValue(flag)) continue;
      if (inline === undefined && ++at === words.length - 1) return { ...none(), values: flag.values };
      const value = inline ?? words[at]!;
      if (flag === PROGRAM.flags.find((global) => longName(global) === '--journal')) journal = value;
    } else {
      const sub = position === 0 ? spec.subcommands?.find((candidate) => candidate.name === word) : undefined;
      if (sub) {
        spec = sub;
        known = [...known, ...(sub.flags ?? [])];
      } else if (spec === PROGRAM && word === HELP_COMMAND.value && !help) help = true;
      else position++;
    }
  }

  if (!onlyArgs && typed.startsWith('-') && !help) {
    const [name, inline] = splitInline(typed);
    if (inline !== undefined) {
      const flag = known.find((candidate) => names(candidate).includes(name));
      return flag && takesValue(flag)
        ? { candidates: [], values: flag.values, prefix: inline, before: `${name}=`, journal }
        : none();
    }
    const offered = [...PROGRAM.flags, ...(spec === PROGRAM ? [VERSION] : (spec.flags ?? [])), HELP];
    const candidates = offered
      .filter((flag) => flag.repeatable || !used.has(flag))
      .map((flag) => ({ value: longName(flag), description: flag.help }));
    return { ...none(), candidates: unique(candidates) };
  }
  if (position === 0 && spec.subcommands?.length) {
    const commands = spec.subcommands.map((sub) => ({ value: sub.name, description: sub.summary }));
    return { ...none(), candidates: spec === PROGRAM && !help ? [...commands, HELP_COMMAND] : commands };
  }
  if (help) return none();
  return { ...none(), values: spec.args?.[position]?.values };
}

/** Fixed candidates and a fixed list of values, those starting with what is typed. */
export function matching(candidates: Candidate[], prefix: string): Candidate[] {
  return candidates.filter((candidate) => candidate.value.startsWith(prefix));
}

function splitInline(word: string): [string, string | undefined] {
  const equals = word.indexOf('=');
  return equals < 0 ? [word, undefined] : [word.slice(0, equals), word.slice(equals + 1)];
}

function names(flag: Flag): string[] {
  return flag.flags.split(/[ ,]+/).filter((part) => part.startsWith('-'));
}

function longName(flag: Flag): string {
  return names(flag).at(-1)!;
}

function takesValue(flag: Flag): boolean {
  return /[<[]/.test(flag.flags);
}

/** The same flag given by two levels (templates --json, templates show --json) is offered once. */
function unique(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => !seen.has(candidate.value) && seen.add(candidate.value));
}
