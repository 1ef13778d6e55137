import { z } from 'zod';
import { completionScript } from '../cli/completion-scripts.js';
import { SHELLS } from '../cli/completion-shells.js';
import { oneOf } from '../input/flags.js';
import type { Context } from './context.js';
import { parseOptions } from './parse-options.js';

const completionInput = z.object({ shell: oneOf(SHELLS) });

/** `mentee completion bash|zsh|fish`: the script, on stdout, for the README's places to put it. */
export async function completionCommand(ctx: Context, shell: string, _raw: Record<string, unknown>): Promise<void> {
  const input = parseOptions(completionInput, { shell });
  ctx.print(completionScript(input.shell).trimEnd());
}
