import { fileProblemReason } from './file-errors.js';

/** What a user can do about a step that failed after the save, by its cause. */
const ADVICE: Record<string, string> = {
  ENOSPC: 'free some space',
  EDQUOT: 'free some space',
};

/**
 * Runs a step that comes after the journal was replaced (its rename, the point of no return), such as
 * keeping the saved version as a backup. The change is saved whatever happens here: a failure is told
 * through `notice` and never thrown, or the user, told the command failed, would make the change twice.
 * Returns whether the step succeeded.
 */
export async function afterSave(
  step: () => Promise<unknown>,
  what: string,
  notice: (text: string) => void,
): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (error) {
    notice(savedButNotice(what, error));
    return false;
  }
}

/** "Saved. But its backup could not be kept: the disk is full; free some space." */
export function savedButNotice(what: string, error: unknown): string {
  const advice = ADVICE[(error as NodeJS.ErrnoException | undefined)?.code ?? ''];
  return `Saved. But ${what} could not be kept: ${fileProblemReason(error)}${advice ? `; ${advice}` : ''}.`;
}
