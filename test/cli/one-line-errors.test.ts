/** An error is one line, whatever the user's text inside it contained, with any hint on the same line. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, refused } from '../helpers/refusals.js';
import { runCli, withLovelace } from '../helpers/run-cli.js';

describe('errors stay on one line', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
  });
  afterAll(() => cleanup());

  it('when a date the user typed contains a newline', async () => {
    await refused(['action', 'add', 'Call', '--due', 'a\nb'], journal, 2, /--due: cannot read "a\s?b" as a date\./);
  });

  it('when a mentor reference contains a newline', async () => {
    await refused(['show', 'no\nbody'], journal, 1, /No mentor matches "no\s?body"/);
  });

  it('when a user error carries a hint (the hint joins the same line)', async () => {
    await refused(['done', 'a9\r\n'], journal, 1, /No action with id "a9\s*"\. See the ids with: mentee actions --all/);
  });

  it('including the suggestion for a mistyped option', async () => {
    const result = await refused(['actions', '--mentr', 'lovelace'], journal, 2, "unknown option '--mentr'");
    expect(result.stderr).toContain('Did you mean --mentor?');
  });

  it('when the journal path goes through a file (--journal /dev/null/j.json)', async () => {
    const result = await runCli(['--journal', '/dev/null/j.json', 'action', 'add', 'x']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expectOneLineError(
      result.stderr,
      'mentee: Cannot write the journal at /dev/null/j.json: part of the path is a file, not a folder.',
    );
  });
});
