import { Chalk, supportsColor, type ChalkInstance } from 'chalk';

export type Style = ChalkInstance;
type Level = 0 | 1 | 2 | 3;

/**
 * Colour on a terminal, unless NO_COLOR (https://no-color.org) or TERM=dumb; FORCE_COLOR read as chalk
 * reads it: 1, 2, 3, `true` or empty colour even into a pipe or a file (at least that many colours),
 * 0 or `false` never. FORCE_COLOR wins over NO_COLOR, as in chalk and Node itself (the more specific
 * request); --no-color, typed for this very run, wins over both.
 */
export function makeStyle(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, allowed = true): Style {
  return new Chalk({ level: allowed ? colourLevel(stream, env) : 0 });
}

function colourLevel(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Level {
  const detected = Boolean(stream.isTTY) && supportsColor ? supportsColor.level : 1;
  const forced = forcedLevel(env.FORCE_COLOR);
  if (forced !== undefined) return forced === 0 ? 0 : (Math.max(forced, stream.isTTY ? detected : 0) as Level);
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  if (noColor || !stream.isTTY || env.TERM === 'dumb') return 0;
  return Math.max(1, detected) as Level;
}

/** supports-color's reading of FORCE_COLOR (what chalk does with it): undefined when it is not set. */
function forcedLevel(value: string | undefined): Level | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || value === '') return 1;
  if (value === 'false') return 0;
  const level = Number.parseInt(value, 10);
  return Number.isNaN(level) ? undefined : (Math.min(Math.max(level, 0), 3) as Level);
}

export const plainStyle: Style = new Chalk({ level: 0 });
