/**
 * A Prompter that plays a script of expected questions and answers, for driving the wizards in tests.
 *
 *   const prompt = scripted([
 *     [/walk away with/, 'A decision plan'],
 *     [/First topic/, 'Specialty choice'],
 *     [/is$/, pick(/decision/)],
 *     [/Minutes for it/, ENTER],        // Enter: takes the suggested default, as on the terminal
 *     [/First topic|Another topic/, ''], // an empty answer: "finished"
 *   ]);
 *   await runPrepWizard({ ..., prompt });
 *   prompt.done();                       // every scripted question was asked
 *
 * Every question must match the next pattern, or the call throws naming the question and the pattern
 * it expected. Answers behave like the terminal ones: an empty text answer (or ENTER) takes the
 * question's default, a text answer refused by the question's validator is recorded and the same
 * question is asked again (with the next scripted answer), CTRL_C and ESCAPE reject like inquirer does;
 * typesThen('half a line', CTRL_C) stops a text question with that text typed and not given. A text
 * question asked with text typed before (`typed`) takes it on ENTER, as the terminal's line holds it.
 */
import type { Choice, Prompter } from '../../src/ui/prompter.js';

/** Ctrl-C at this question: the call rejects with an Error named ExitPromptError, as inquirer's does. */
export const CTRL_C: unique symbol = Symbol('Ctrl-C');
/** Escape at this question: the call rejects with an Error named AbortPromptError, as the terminal's does. */
export const ESCAPE: unique symbol = Symbol('Escape');
/** Press Enter: the default (text, confirm, choose) or the pre-ticked choices (chooseMany). */
export const ENTER: unique symbol = Symbol('Enter');
/** Backspace over the suggested default, then Enter: an empty text answer even when a default was shown. */
export const CLEARED: unique symbol = Symbol('cleared default');

/** Text typed at a text question, then Ctrl-C or Escape before Enter: the terminal reports the line. */
export interface Interrupted {
  typed: string;
  then: typeof CTRL_C | typeof ESCAPE;
}

export function typesThen(typed: string, then: typeof CTRL_C | typeof ESCAPE = CTRL_C): Interrupted {
  return { typed, then };
}

export type QuestionKind = 'text' | 'confirm' | 'choose' | 'chooseMany' | 'longText' | 'secret';

export interface AskedQuestion {
  kind: QuestionKind;
  message: string;
  default?: unknown;
  /** Text typed before and not given, back on the line (text questions). */
  typed?: string;
  choices?: (Choice<unknown> & { checked?: boolean })[];
}

export type Answer =
  | string
  | boolean
  | number
  | unknown[]
  | typeof CTRL_C
  | typeof ESCAPE
  | typeof ENTER
  | typeof CLEARED
  | Interrupted
  | ((question: AskedQuestion) => unknown);

export interface Step {
  ask: RegExp;
  answer: Answer;
}

export type ScriptLine = [RegExp, Answer] | Step;

/** For `choose`: the choice whose label matches. Fails loudly when none or several do. */
export function pick(label: RegExp): (question: AskedQuestion) => unknown {
  return (question) => {
    const found = (question.choices ?? []).filter((choice) => label.test(choice.label));
    if (found.length !== 1) {
      throw new ScriptError(
        `${found.length ? 'Several choices' : 'No choice'} match ${label} in "${question.message}"; ` +
          `the choices are: ${(question.choices ?? []).map((choice) => choice.label).join(' | ')}`,
      );
    }
    return found[0]!.value;
  };
}

/** For `chooseMany`: exactly the choices whose labels match (each pattern must match one). */
export function pickMany(...labels: RegExp[]): (question: AskedQuestion) => unknown[] {
  return (question) => labels.map((label) => pick(label)(question));
}

export class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptError';
  }
}

export interface ScriptedPrompter extends Prompter {
  /** Every question asked, in order (a re-asked question appears again). */
  readonly asked: AskedQuestion[];
  /** Every line passed to say(). */
  readonly said: string[];
  /** Answers a validator refused, with its message (the question was then asked again). */
  readonly refused: { message: string; answer: string; error: string }[];
  /** Throws when a question went unanswered by the script, or the script has unasked questions left. */
  done(): void;
  /** The first question asked whose message matches. */
  question(message: RegExp): AskedQuestion | undefined;
}

export function promptExit(): Error {
  const error = new Error('User force closed the prompt with SIGINT');
  error.name = 'ExitPromptError';
  return error;
}

function promptAbort(): Error {
  const error = new Error('Prompt was aborted');
  error.name = 'AbortPromptError';
  return error;
}

function isInterrupted(answer: Answer): answer is Interrupted {
  return typeof answer === 'object' && answer !== null && !Array.isArray(answer) && 'then' in answer;
}

export function scripted(lines: ScriptLine[]): ScriptedPrompter {
  const steps: Step[] = lines.map((line) => (Array.isArray(line) ? { ask: line[0], answer: line[1] } : line));
  const asked: AskedQuestion[] = [];
  const said: string[] = [];
  const refused: { message: string; answer: string; error: string }[] = [];
  const failures: Error[] = [];
  let position = 0;

  const fail = (message: string): never => {
    const error = new ScriptError(message);
    failures.push(error);
    throw error;
  };

  /** The step answering this question: the next one in the script, which must match it. */
  const next = (question: AskedQuestion): Step => {
    asked.push(question);
    if (position < steps.length) {
      const step = steps[position]!;
      position += 1;
      if (step.ask.test(question.message)) return step;
      return fail(
        `Unexpected ${question.kind} question: "${question.message}"\n` +
          `  expected one matching ${step.ask} (script step ${position} of ${steps.length})\n` +
          `  asked so far: ${asked.map((q) => `"${q.message}"`).join(', ')}`,
      );
    }
    return fail(
      `Unexpected ${question.kind} question: "${question.message}"\n` +
        `  the script has no answers left (all ${steps.length} used)\n` +
        `  asked so far: ${asked.map((q) => `"${q.message}"`).join(', ')}`,
    );
  };

  /** A function answer may be async: it can change the journal while the question is open. */
  const answerOf = async (step: Step, question: AskedQuestion): Promise<unknown> => {
    if (step.answer === CTRL_C) throw promptExit();
    if (step.answer === ESCAPE) throw promptAbort();
    if (isInterrupted(step.answer)) {
      if (question.kind !== 'text') return fail(`typesThen() answers text questions only, not "${question.message}"`);
      throw Object.assign(step.answer.then === CTRL_C ? promptExit() : promptAbort(), { typed: step.answer.typed });
    }
    if (typeof step.answer === 'function') {
      try {
        return await step.answer(question);
      } catch (error) {
        if (error instanceof Error && error.name === 'ExitPromptError') throw error;
        failures.push(error as Error);
        throw error;
      }
    }
    return step.answer;
  };

  const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

  const prompter: ScriptedPrompter = {
    asked,
    said,
    refused,

    async text(question) {
      for (;;) {
        const shown: AskedQuestion = {
          kind: 'text',
          message: question.message,
          ...(question.default !== undefined ? { default: question.default } : {}),
          ...(question.typed !== undefined ? { typed: question.typed } : {}),
        };
        const step = next(shown);
        const given = await answerOf(step, shown);
        let answer: string;
        if (given === ENTER || given === '') answer = question.typed ?? question.default ?? '';
        else if (given === CLEARED) answer = '';
        else if (typeof given === 'string') answer = given;
        else return fail(`The answer to text question "${question.message}" must be a string, not ${String(given)}`);
        const verdict = question.validate ? question.validate(answer) : true;
        if (verdict !== true) {
          refused.push({ message: question.message, answer, error: verdict });
          continue;
        }
        return answer.trim();
      }
    },

    async confirm(question) {
      const shown: AskedQuestion = {
        kind: 'confirm',
        message: question.message,
        ...(question.default !== undefined ? { default: question.default } : {}),
      };
      const given = await answerOf(next(shown), shown);
      if (given === ENTER) return question.default !== false;
      if (typeof given !== 'boolean')
        return fail(`The answer to confirm question "${question.message}" must be true or false, not ${String(given)}`);
      return given;
    },

    async choose<T>(question: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
      const shown: AskedQuestion = {
        kind: 'choose',
        message: question.message,
        choices: question.choices,
        ...(question.default !== undefined ? { default: question.default } : {}),
      };
      const given = await answerOf(next(shown), shown);
      const wanted = given === ENTER ? (question.default ?? question.choices[0]?.value) : given;
      const found = question.choices.find((choice) => sameValue(choice.value, wanted));
      if (!found) {
        return fail(
          `${String(wanted)} is not a choice in "${question.message}"; the choices are: ` +
            question.choices.map((choice) => `${choice.label} = ${JSON.stringify(choice.value)}`).join(' | '),
        );
      }
      return found.value;
    },

    async chooseMany<T>(question: { message: string; choices: (Choice<T> & { checked?: boolean })[] }): Promise<T[]> {
      const shown: AskedQuestion = { kind: 'chooseMany', message: question.message, choices: question.choices };
      const given = await answerOf(next(shown), shown);
      if (given === ENTER) return question.choices.filter((choice) => choice.checked).map((choice) => choice.value);
      if (!Array.isArray(given))
        return fail(`The answer to chooseMany question "${question.message}" must be a list, not ${String(given)}`);
      return given.map((wanted) => {
        const found = question.choices.find((choice) => sameValue(choice.value, wanted));
        if (!found) return fail(`${JSON.stringify(wanted)} is not a choice in "${question.message}"`);
        return found.value;
      });
    },

    /** Like text, without a default; a refused answer is recorded and the question asked again. */
    async secret(question) {
      for (;;) {
        const shown: AskedQuestion = { kind: 'secret', message: question.message };
        const given = await answerOf(next(shown), shown);
        const answer = given === ENTER ? '' : given;
        if (typeof answer !== 'string')
          return fail(`The answer to secret question "${question.message}" must be a string, not ${String(given)}`);
        const verdict = question.validate ? question.validate(answer) : true;
        if (verdict === true) return answer;
        refused.push({ message: question.message, answer, error: verdict });
      }
    },

    async longText(question) {
      const shown: AskedQuestion = {
        kind: 'longText',
        message: question.message,
        ...(question.default !== undefined ? { default: question.default } : {}),
      };
      const given = await answerOf(next(shown), shown);
      if (given === ENTER) return question.default ?? '';
      if (typeof given !== 'string')
        return fail(`The answer to editor question "${question.message}" must be a string, not ${String(given)}`);
      return given.trim();
    },

    say(line) {
      said.push(line);
    },

    done() {
      if (failures.length) throw failures[0];
      const left = steps.slice(position);
      if (left.length) {
        throw new ScriptError(
          `The script still has ${left.length} unasked question${left.length === 1 ? '' : 's'}: ` +
            `${left.map((step) => step.ask).join(', ')}\n` +
            `  asked: ${asked.map((q) => `"${q.message}"`).join(', ')}`,
        );
      }
    },

    question(message) {
      return asked.find((question) => message.test(question.message));
    },
  };
  return prompter;
}

// Moved to ./command-context.js; re-exported while the tests that import them from here switch over.
export { commandContext, tempStore, tempStores, type TempStore, type TestContext } from './command-context.js';
