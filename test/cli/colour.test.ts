import { describe, expect, it } from 'vitest';
import { makeStyle } from '../../src/ui/style.js';
import { runCli } from '../helpers/run-cli.js';

const ESC = /\u001b\[/;
/** `mentee templates` writes each name in bold; its output here goes to a pipe, never a terminal. */
const templates = (env: Record<string, string | undefined>, ...flags: string[]) =>
  runCli([...flags, 'templates'], { env: { NO_COLOR: undefined, ...env } }).then((result) => result.stdout);

describe('FORCE_COLOR, as chalk reads it', () => {
  it('colours output that goes to a pipe or a file', async () => {
    expect(await templates({})).not.toMatch(ESC);
    expect(await templates({ FORCE_COLOR: '1' })).toMatch(ESC);
    expect(await templates({ FORCE_COLOR: 'true' })).toMatch(ESC);
    expect(await templates({ FORCE_COLOR: '' })).toMatch(ESC);
  });

  it('wins over NO_COLOR, as in chalk and Node', async () => {
    expect(await templates({ FORCE_COLOR: '1', NO_COLOR: '1' })).toMatch(ESC);
  });

  it('loses to --no-color, typed for this run', async () => {
    expect(await templates({ FORCE_COLOR: '3' }, '--no-color')).not.toMatch(ESC);
  });

  it('0 or false never colours, even on a terminal', () => {
    expect(makeStyle({ isTTY: true }, { FORCE_COLOR: '0' }).level).toBe(0);
    expect(makeStyle({ isTTY: true }, { FORCE_COLOR: 'false' }).level).toBe(0);
  });

  it('asks for at least that many colours, whatever the terminal', () => {
    expect(makeStyle({ isTTY: false }, { FORCE_COLOR: '2' }).level).toBe(2);
    expect(makeStyle({ isTTY: false }, { FORCE_COLOR: '3' }).level).toBe(3);
    expect(makeStyle({ isTTY: false }, { FORCE_COLOR: '9' }).level).toBe(3);
    expect(makeStyle({ isTTY: true }, { FORCE_COLOR: '1', TERM: 'dumb' }).level).toBeGreaterThanOrEqual(1);
  });
});

describe('colour without FORCE_COLOR (as before)', () => {
  it('on a terminal, unless NO_COLOR, TERM=dumb or --no-color', () => {
    expect(makeStyle({ isTTY: true }, {}).level).toBeGreaterThanOrEqual(1);
    expect(makeStyle({ isTTY: true }, { NO_COLOR: '1' }).level).toBe(0);
    expect(makeStyle({ isTTY: true }, { TERM: 'dumb' }).level).toBe(0);
    expect(makeStyle({ isTTY: true }, {}, false).level).toBe(0);
    // An empty NO_COLOR is not set (https://no-color.org).
    expect(makeStyle({ isTTY: true }, { NO_COLOR: '' }).level).toBeGreaterThanOrEqual(1);
  });

  it('never into a pipe', () => {
    expect(makeStyle({ isTTY: false }, {}).level).toBe(0);
  });
});
