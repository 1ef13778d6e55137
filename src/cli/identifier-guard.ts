import type { Command } from 'commander';
import { loadIdentifierPatterns } from '../config/identifier-patterns.js';
import {
  findIdentifiers,
  withoutIdentifiers,
  type FoundIdentifier,
  type IdentifierPattern,
} from '../core/identifiers.js';
import { UsageError } from '../errors.js';
import type { Prompter } from '../ui/prompter.js';
import type { Context } from '../commands/context.js';
import { flagName } from '../commands/parse-options.js';

/**
 * The clinical privacy guard, applied to everything a command is given before it runs: text typed as
 * flags or arguments that looks like a patient identifier is refused (unless --allow-identifiers),
 * and in a wizard each answer that does is queried, offering to take it out.
 */
export async function guardIdentifiers(ctx: Context, command: Command, args: unknown[]): Promise<void> {
  const flags = command.opts();
  const typed: [where: string, text: string][] = [
    ...args.flatMap((arg, index) =>
      strings(arg).map((text) => [argumentName(command, index), text] as [string, string]),
    ),
    ...Object.entries(flags).flatMap(([key, value]) =>
      strings(value).map((text) => [flagName(key), text] as [string, string]),
    ),
  ];
  // The user's patterns are read only when there is text to check: most runs (status, lists) have none.
  let loaded: Promise<IdentifierPattern[]> | undefined;
  const patterns = () =>
    (loaded ??= loadIdentifierPatterns().then(({ patterns: found, problems }) => {
      if (problems.length) ctx.warn(`warning: ${problems.join('; ')}`);
      return found;
    }));
  if (typed.length) {
    const known = await patterns();
    for (const [where, text] of typed) {
      const found = findIdentifiers(text, known);
      if (found.length)
        throw new UsageError(
          `${where} looks like it contains ${describeFound(found)}. Mentoring notes are not a place for patient data: take it out, or add --allow-identifiers if it is not one.`,
        );
    }
  }
  const prompter = ctx.prompter;
  ctx.prompter = async () => guardedPrompter(await prompter(), await patterns());
}

/** Asks about each answer that looks like a patient identifier: take it out (the default), or keep it. */
export function guardedPrompter(prompt: Prompter, patterns: IdentifierPattern[]): Prompter {
  const checked = async (answer: string): Promise<string> => {
    const found = findIdentifiers(answer, patterns);
    if (!found.length) return answer;
    prompt.say(`That looks like ${describeFound(found)}. Mentoring notes are not a place for patient data.`);
    const keep = await prompt.choose({
      message: 'Keep it?',
      choices: [
        { label: 'Take it out', value: false },
        { label: 'Keep it: it is not patient data', value: true },
      ],
      default: false,
    });
    return keep ? answer : withoutIdentifiers(answer, found);
  };
  return {
    ...prompt,
    text: async (question) => checked(await prompt.text(question)),
    longText: async (question) => checked(await prompt.longText(question)),
  };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function argumentName(command: Command, index: number): string {
  const name = command.registeredArguments[index]?.name();
  return name ? `The ${name}` : 'An argument';
}

/** "an NHS number (943 476 5919)", for one sentence of a message. */
export function describeFound(found: FoundIdentifier[]): string {
  const [first] = found;
  const more = found.length > 1 ? ` and ${found.length - 1} more` : '';
  return `${first!.kind} (${first!.text})${more}`;
}
