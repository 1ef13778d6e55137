import type { Command } from 'commander';
import { loadIdentifierPatterns } from '../config/identifier-patterns.js';
import { findIdentifiers, withoutIdentifiers, type IdentifierPattern } from '../core/identifiers.js';
import { identifiersAddedBy, type IdentifiersAt } from '../core/journal-texts.js';
import { UsageError } from '../errors.js';
import type { Journal } from '../core/schema.js';
import type { ChangeCheck, JournalStore } from '../store/journal-store.js';
import { describeFound, placeOf } from '../ui/field-words.js';
import type { Prompter } from '../ui/prompter.js';
import type { Context } from '../commands/context.js';
import { flagName } from '../commands/parse-options.js';

const NOT_PATIENT_DATA = 'Mentoring notes are not a place for patient data';
const HOW_TO_KEEP = 'take it out, or add --allow-identifiers if it is not one.';

/**
 * The clinical privacy guard, put on every command before it runs (unless --allow-identifiers). One
 * gate that nothing gets past: the store a command is given checks each text a change brings to the
 * journal, whatever brought it (flags, a wizard, `mentee edit`, a prep template, a draft). Before
 * that, text typed as flags or arguments is refused naming the flag, and each wizard answer that looks
 * like an identifier is queried as it is given, offering to take it out.
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
          `${where} looks like it contains ${describeFound(found)}. ${NOT_PATIENT_DATA}: ${HOW_TO_KEEP}`,
        );
    }
  }
  // What the user said to keep at a question is not asked about again when it is saved.
  const kept = new Set<string>();
  const prompter = ctx.prompter;
  ctx.prompter = async () => guardedPrompter(await prompter(), await patterns(), kept);
  ctx.store = guardedStore(ctx.store, {
    patterns,
    kept,
    ask: ctx.interactive ? prompter : undefined,
  });
}

/** Asks about each answer that looks like a patient identifier: take it out (the default), or keep it. */
export function guardedPrompter(
  prompt: Prompter,
  patterns: IdentifierPattern[],
  kept: Set<string> = new Set(),
): Prompter {
  const checked = async (answer: string): Promise<string> => {
    const found = findIdentifiers(answer, patterns).filter(({ text }) => !kept.has(text));
    if (!found.length) return answer;
    prompt.say(`That looks like ${describeFound(found)}. ${NOT_PATIENT_DATA}.`);
    if (!(await keepIt(prompt))) return withoutIdentifiers(answer, found);
    for (const { text } of found) kept.add(text);
    return answer;
  };
  return {
    ...prompt,
    text: async (question) => checked(await prompt.text(question)),
    longText: async (question) => checked(await prompt.longText(question)),
  };
}

async function keepIt(prompt: Prompter): Promise<boolean> {
  return prompt.choose({
    message: 'Keep it?',
    choices: [
      { label: 'Take it out', value: false },
      { label: 'Keep it: it is not patient data', value: true },
    ],
    default: false,
  });
}

interface Gate {
  patterns: () => Promise<IdentifierPattern[]>;
  /** Identifiers the user said to keep. */
  kept: Set<string>;
  /** Where to ask whether to keep what is found; refused without asking when there is none. */
  ask: (() => Promise<Prompter>) | undefined;
}

/** Thrown inside a change, so that nothing is written, when it brings an identifier. */
class IdentifiersFound extends Error {
  constructor(readonly found: IdentifiersAt[]) {
    super('identifiers found');
  }
}

/**
 * The store, whose every change is checked for new text that looks like a patient identifier before
 * it is written: refused, or, on a terminal, asked about (taken out or kept) and then applied again to
 * the journal as it is then. Only changes are read: a text already in the journal is not new.
 */
export function guardedStore(store: JournalStore, gate: Gate): JournalStore {
  const update = async <T>(change: (journal: Journal) => T, check?: ChangeCheck): Promise<T> => {
    const known = await gate.patterns();
    let takeOut = false;
    for (;;) {
      try {
        return await store.update(change, (records, before) => {
          const edited = check?.(records, before) ?? false;
          const found = identifiersAddedBy(records, before, known, gate.kept);
          if (found.length && !takeOut) throw new IdentifiersFound(found);
          for (const at of found) at.replace(withoutIdentifiers(at.text, at.found));
          return edited || found.length > 0;
        });
      } catch (error) {
        if (!(error instanceof IdentifiersFound)) throw error;
        const [first] = error.found;
        const what = describeFound(error.found.flatMap(({ found }) => found));
        const where = placeOf(first!.record, first!.field);
        if (!gate.ask)
          throw new UsageError(`${where} looks like it contains ${what}. ${NOT_PATIENT_DATA}: ${HOW_TO_KEEP}`);
        const prompt = await gate.ask();
        prompt.say(`${where} looks like it contains ${what}. ${NOT_PATIENT_DATA}.`);
        if (await keepIt(prompt))
          for (const { found } of error.found) for (const { text } of found) gate.kept.add(text);
        else takeOut = true;
      }
    }
  };
  return { ...store, update };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function argumentName(command: Command, index: number): string {
  const name = command.registeredArguments[index]?.name();
  return name ? `The ${name}` : 'An argument';
}
