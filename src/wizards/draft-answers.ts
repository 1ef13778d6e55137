import { DRAFT_VERSION, type Draft, type DraftBox, type WizardName } from '../store/drafts.js';
import { isPromptCancel, typedWhenStopped, type Prompter } from '../ui/prompter.js';
import { count, formatDateTime } from '../ui/words.js';

type Json = Draft['answers'][string];
type Typing = NonNullable<Draft['typing']>;
export type DraftSubject = Pick<Draft, 'meeting' | 'mentor'>;

interface Keeping {
  box?: DraftBox | undefined;
  wizard: WizardName;
  now: Date;
  /** A line for the person (stderr), for a draft that cannot be kept. */
  warn: (line: string) => void;
}

/**
 * A wizard's answers, each kept under a key as it is given: written to a private draft once the wizard
 * knows what it is for (settle), so a stopped wizard loses nothing, and taken from the draft when
 * resumed, so a question answered is not asked again.
 */
export class WizardAnswers {
  private subject: DraftSubject | undefined;
  private input: () => unknown = () => undefined;
  private failed = false;
  /** The keys of the questions open now, innermost last. */
  private readonly asking: string[] = [];
  /** Whether every answer so far is on disk. */
  saved = false;
  /** Text typed at a question and never given: kept with the answers, and put back when it is asked again. */
  typing: Typing | undefined;

  constructor(
    private readonly keeping: Keeping,
    private readonly kept: Record<string, Json> = {},
    resumed?: Pick<Draft, 'meeting' | 'mentor' | 'typing'>,
  ) {
    this.subject = resumed && { meeting: resumed.meeting, mentor: resumed.mentor };
    this.typing = resumed?.typing;
  }

  get count(): number {
    return Object.keys(this.kept).length;
  }

  /** The answer to `key`: the one kept, else asked now, kept, and written to the draft. JSON values only. */
  async ask<T>(key: string, question: () => Promise<T>): Promise<T> {
    if (key in this.kept) return this.kept[key] as T;
    this.asking.push(key);
    let answer: T;
    try {
      answer = await question();
    } catch (error) {
      // Stopped half-way through typing an answer: the text is kept with the answers given.
      if (isPromptCancel(error)) await this.save();
      throw error;
    } finally {
      this.asking.pop();
    }
    this.kept[key] = answer === undefined ? null : (JSON.parse(JSON.stringify(answer)) as Json);
    await this.save();
    return answer;
  }

  /**
   * `prompt`, keeping what is typed at a text question that is stopped before it is given (Ctrl-C,
   * Escape), and putting it back on the line when that question is asked again.
   */
  watch(prompt: Prompter): Prompter {
    return {
      ...prompt,
      text: async (question) => {
        const key = this.asking.at(-1);
        const typing = this.typing;
        const typed =
          key !== undefined && typing?.key === key && typing.message === question.message ? typing.text : undefined;
        try {
          const answer = await prompt.text(typed === undefined ? question : { ...question, typed });
          if (typed !== undefined) this.typing = undefined;
          return answer;
        } catch (error) {
          const text = typedWhenStopped(error);
          if (key !== undefined && text !== undefined)
            this.typing = text.trim() ? { key, message: question.message, text } : undefined;
          throw error;
        }
      },
    };
  }

  /** What the answers are for (a meeting, or a mentor's new meeting); from now on each answer is written. */
  async settle(subject: DraftSubject, input: () => unknown): Promise<void> {
    const before = this.subject;
    this.subject = subject;
    this.input = input;
    if (before && draftKey(before) !== draftKey(subject))
      await this.keeping.box?.remove({ wizard: this.keeping.wizard, ...before });
    await this.save();
  }

  /** The draft is no longer needed: the answers were saved in the journal, or thrown away. */
  async discard(): Promise<void> {
    this.saved = false;
    if (this.subject) await this.keeping.box?.remove({ wizard: this.keeping.wizard, ...this.subject });
  }

  /** Writes the draft again: the partial input is then up to date with the last answer, too. */
  async keep(): Promise<void> {
    await this.save();
  }

  private async save(): Promise<void> {
    const { box, wizard, now } = this.keeping;
    if (!box || !this.subject || this.failed || (!this.count && !this.typing)) return;
    try {
      const input = JSON.parse(JSON.stringify(this.input() ?? null)) as Json;
      await box.save({
        version: DRAFT_VERSION,
        wizard,
        ...this.subject,
        savedAt: now.toISOString(),
        answers: this.kept,
        input,
        ...(this.typing ? { typing: this.typing } : {}),
      });
      this.saved = true;
    } catch (error) {
      // A draft is a safety net: failing to keep one never stops the wizard, but is said once.
      this.failed = true;
      this.saved = false;
      this.keeping.warn(`Note: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function draftKey(subject: DraftSubject): string {
  return `${subject.meeting ?? ''}/${subject.mentor ?? ''}`;
}

/**
 * The next run of a wizard: a draft it left (for what this run is about) is offered to resume or to
 * discard. A draft that cannot be read is set aside and said in one line.
 */
export async function offerDraft(
  prompt: Prompter,
  keeping: Keeping & { box: DraftBox },
  options: {
    /** Whether a draft is for what this run was asked about (by its flags). */
    fits?: (draft: Draft) => boolean;
    /** What the draft is for, in words ("your prep for m2"). */
    describe: (draft: Draft) => string;
    resumeLabel?: (draft: Draft) => string;
  },
): Promise<{ answers: WizardAnswers; draft?: Draft }> {
  const { drafts, unreadable } = await keeping.box.list(keeping.wizard);
  for (const { reason, setAsideAs } of unreadable)
    keeping.warn(`An unfinished ${keeping.wizard} could not be read (${reason}); it is set aside as ${setAsideAs}.`);
  const draft = drafts.find((each) => options.fits?.(each) ?? true);
  if (!draft) return { answers: new WizardAnswers(keeping) };
  const kept = keptWords(Object.keys(draft.answers).length, Boolean(draft.typing));
  const resume = await prompt.choose({
    message: `You left ${options.describe(draft)} unfinished (${kept}, ${formatDateTime(draft.savedAt)}). Resume it?`,
    choices: [
      {
        label:
          options.resumeLabel?.(draft) ??
          `Resume: the questions answered are not asked again${draft.typing ? ', and what you were typing is put back' : ''}`,
        value: true,
      },
      { label: 'Discard it and start afresh', value: false },
    ],
    default: true,
  });
  if (resume) return { answers: new WizardAnswers(keeping, { ...draft.answers }, draft), draft };
  await keeping.box.remove(draft);
  return { answers: new WizardAnswers(keeping) };
}

/**
 * A wizard stopped at a question. Ctrl-C or a closed terminal keep the answers as a draft; Escape
 * after a few answers asks once whether to discard them (kept unless you say so). Always rethrows.
 */
export async function stopWizard(
  error: unknown,
  prompt: Prompter,
  answers: WizardAnswers,
  warn: (line: string) => void,
  command: string,
): Promise<never> {
  if (!isPromptCancel(error) || !answers.saved || (!answers.count && !answers.typing)) throw error;
  await answers.keep();
  const escaped = (error as Error).name === 'AbortPromptError';
  const kept = keptWords(answers.count, Boolean(answers.typing));
  if (escaped && answers.count < 2 && !answers.typing) {
    await answers.discard();
    throw error;
  }
  if (escaped) {
    const discard = await prompt
      .confirm({
        message: `Discard ${kept}? ${answers.count ? 'They are' : 'It is'} kept as a draft otherwise`,
        default: false,
      })
      .catch(() => false);
    if (discard) {
      await answers.discard();
      throw error;
    }
  }
  const again = `run ${command} again to resume ${answers.count ? 'them' : 'it'}`;
  warn(`${kept.charAt(0).toUpperCase()}${kept.slice(1)} kept as a draft; ${again}.`);
  throw error;
}

/** "3 answers", "3 answers and a half-typed one", "a half-typed answer". */
function keptWords(answers: number, typing: boolean): string {
  if (!typing) return count(answers, 'answer');
  return answers ? `${count(answers, 'answer')} and a half-typed one` : 'a half-typed answer';
}
