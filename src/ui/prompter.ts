/**
 * The questions a wizard can ask. Wizards depend on this interface only; the terminal implementation
 * (inquirer-prompter.ts) is the one file that imports the prompt library, and tests pass scripted answers.
 */
export interface Choice<T> {
  label: string;
  value: T;
  hint?: string;
}

export interface TextQuestion {
  message: string;
  default?: string;
  /** Returns an error message to show, or true when the answer is acceptable. */
  validate?: (answer: string) => string | true;
  /** Text typed here before and never given (the wizard was stopped): back on the line, to carry on with. */
  typed?: string;
}

export interface Prompter {
  /** One line of text; an empty answer comes back as "" (callers treat it as "skip" or "finished"). */
  text(question: TextQuestion): Promise<string>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
  choose<T>(question: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  chooseMany<T>(question: { message: string; choices: (Choice<T> & { checked?: boolean })[] }): Promise<T[]>;
  /** A passphrase: typed hidden (masked), never echoed, no default. */
  secret(question: { message: string; validate?: (answer: string) => string | true }): Promise<string>;
  /** Long text written in $EDITOR. */
  longText(question: { message: string; default?: string }): Promise<string>;
  /** A line of information between questions (shown where the questions are, never on stdout). */
  say(line: string): void;
}

/** Ctrl-C (ExitPromptError) or Escape (AbortPromptError) at a question: the user stopped. */
export function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** What was typed at a text question, unsubmitted, when it was stopped with Ctrl-C or Escape. */
export function typedWhenStopped(error: unknown): string | undefined {
  if (!isPromptCancel(error)) return undefined;
  const typed = (error as { typed?: unknown }).typed;
  return typeof typed === 'string' ? typed : undefined;
}
