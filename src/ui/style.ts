import { Chalk, supportsColor, type ChalkInstance } from 'chalk';

export type Style = ChalkInstance;

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org) or --no-color. */
export function makeStyle(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, allowed = true): Style {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const enabled = allowed && !noColor && Boolean(stream.isTTY) && env.TERM !== 'dumb';
  return new Chalk({ level: enabled ? (Math.max(1, supportsColor ? supportsColor.level : 1) as 1 | 2 | 3) : 0 });
}

export const plainStyle: Style = new Chalk({ level: 0 });
