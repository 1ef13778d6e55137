/**
 * The README stays true: its story ("A first month, from init to export" and every console block after
 * it) is replayed command by command with the built binary against one fresh journal, at the clock the
 * README gives each block, and each output must be what the README shows. Every other `mentee ...` it
 * mentions must name a real command with real flags, so a renamed one cannot hide there.
 *
 * How a block is replayed is said by HTML comments right above it (invisible on GitHub):
 *   <!-- readme: now 2026-12-20T09:00 -->            the clock from this block on (UTC)
 *   <!-- readme: output abbreviated -->              the lines shown must appear in order, others may be left out
 *   <!-- readme: output of mentee export --next -->  a non-console block: that command's output
 *   <!-- readme: captured in a terminal -->          a guided session: only its commands are checked
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../helpers/cli.js';
import { NOW_ISO } from '../helpers/clock.js';
import {
  commandRows,
  consoleCommands,
  fencedBlocks,
  inlineCommands,
  runInConsole,
  shellWords,
  type ReadmeBlock,
} from '../helpers/readme.js';
import { tempFolder } from '../helpers/temp.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** Where the README's story says the journal is: the user data folder of a user called sam. */
const README_HOME = '/home/sam';

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` of this file still needs the bundle the binary loads.
  if (!existsSync(join(ROOT, 'dist', 'mentee.cjs')))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
});

const blocks = fencedBlocks(README);
const has = (block: ReadmeBlock, note: string) => block.notes.includes(note);
const noteValue = (block: ReadmeBlock, prefix: string) =>
  block.notes
    .find((note) => note.startsWith(prefix))
    ?.slice(prefix.length)
    .trim();
const captured = (block: ReadmeBlock) => has(block, 'captured in a terminal');

/** The README's lines of output against the real ones: exact, or in order with gaps when abbreviated. */
function expectShown(actual: string[], shown: string[], abbreviated: boolean, where: string) {
  if (!abbreviated) {
    expect(actual.join('\n'), where).toBe(shown.join('\n'));
    return;
  }
  let from = 0;
  for (const line of shown) {
    const found = actual.indexOf(line, from);
    expect(
      found,
      `${where}: "${line}" is not in the real output (in this order):\n${actual.join('\n')}`,
    ).toBeGreaterThanOrEqual(0);
    from = found + 1;
  }
}

/** A clock written as the README does (2026-12-20T09:00, UTC) as MENTEE_NOW. */
function clock(text: string): string {
  const date = new Date(`${text}${text.length === 16 ? ':00' : ''}Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`readme: now ${text} is not a date-time`);
  return date.toISOString();
}

describe('the README story, replayed with the built binary', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let now = NOW_ISO;
  const options = () => ({
    now,
    file: join(dir, 'output.txt'),
    env: {
      HOME: dir,
      XDG_DATA_HOME: join(dir, '.local', 'share'),
      XDG_CONFIG_HOME: join(dir, '.config'),
      MENTEE_JOURNAL: undefined,
      MENTEE_PASSPHRASE: undefined,
      EDITOR: undefined,
      VISUAL: undefined,
    },
  });
  /** What the README shows for a real output: the temporary home as /home/sam, no trailing spaces. */
  const asShown = (output: string) => {
    const lines = output
      .split(dir)
      .join(README_HOME)
      .split('\n')
      .map((line) => line.trimEnd());
    while (lines.at(-1) === '') lines.pop();
    return lines;
  };

  beforeAll(async () => {
    ({ dir, cleanup } = await tempFolder());
  });
  afterAll(() => cleanup());

  const replayed = blocks.filter(
    (block) => (block.lang === 'console' && !captured(block)) || noteValue(block, 'output of'),
  );

  it('has a story to replay', () => {
    expect(replayed.filter((block) => block.lang === 'console').length).toBeGreaterThanOrEqual(3);
  });

  for (const block of replayed) {
    const abbreviated = has(block, 'output abbreviated');
    const setClock = () => {
      const at = noteValue(block, 'now');
      if (at) now = clock(at);
    };
    const of = noteValue(block, 'output of');
    if (of) {
      it(`README line ${block.at}: the output of ${of}`, async () => {
        setClock();
        const words = shellWords(of);
        expect(words[0]).toBe('mentee');
        const result = await runInConsole(words.slice(1), options());
        expect(result.code, result.output).toBe(0);
        expectShown(
          asShown(result.output),
          block.lines.map((line) => line.trimEnd()),
          abbreviated,
          `README line ${block.at}`,
        );
      });
      continue;
    }
    consoleCommands(block).forEach((command, index) => {
      it(`README line ${block.at}: $ ${command.line.slice(0, 80)}`, async () => {
        if (index === 0) setClock();
        const result = await runInConsole(command.args, options());
        // A refusal shown in the README is one line starting "mentee:"; anything else must succeed.
        const refused = command.output[0]?.startsWith('mentee: ') ?? false;
        expect(result.code !== 0, `exit ${result.code}:\n${result.output}`).toBe(refused);
        expectShown(asShown(result.output), command.output, abbreviated, `README line ${block.at}: $ ${command.line}`);
      });
    });
  }
});

describe('every other mentee command the README shows', () => {
  const helps = new Map<string, string>();
  const help = async (path: string[]) => {
    const key = path.join(' ');
    if (!helps.has(key)) helps.set(key, await ok([...path, '--help']));
    return helps.get(key)!;
  };
  /** The subcommands a command's --help lists. */
  const subcommands = (text: string) => {
    const section = /\nCommands:\n([\s\S]*?)(\n\S|$)/.exec(text)?.[1] ?? '';
    return [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!);
  };

  /** The command paths a README command names (`mentor add/list` names two), refusing a word that is none. */
  async function paths(command: string): Promise<string[][]> {
    let words: string[];
    try {
      words = shellWords(command);
    } catch {
      words = command.split(/\s+/);
    }
    words = words.slice(1);
    let found: string[][] = [[]];
    for (const word of words) {
      if (word.startsWith('-')) break;
      const choices = word.split(/\/|\\?\|/);
      const known = subcommands(await help(found[0]!));
      if (known.length === 0 || !/^[a-z]/.test(word)) break;
      const all = choices.every((choice) => known.includes(choice));
      // A group (with subcommands) given a plain word it does not have: a renamed or mistyped command.
      const group = /^Usage: mentee .*\[command\]$/m.test(await help(found[0]!));
      if (!all) {
        if (group)
          throw new Error(`"${command}": no command "${word}" (mentee ${found[0]!.join(' ')} has ${known.join(', ')})`);
        break;
      }
      found = found.flatMap((path) => choices.map((choice) => [...path, choice]));
    }
    return found;
  }

  async function expectCommand(command: string, flags: string[]) {
    const found = await paths(command);
    const texts = [await help([]), ...(await Promise.all(found.map(help)))].join('\n');
    for (const flag of flags)
      expect(
        new RegExp(`(?<![\\w-])${flag}(?![\\w-])`).test(texts),
        `"${command}": mentee ${found.map((p) => p.join(' ')).join(' / ')} has no ${flag}`,
      ).toBe(true);
  }

  const inline = inlineCommands(README);
  const interactive = blocks
    .filter(captured)
    .flatMap((block) => consoleCommands(block).map((command) => `mentee ${command.args.join(' ')}`));

  it('finds the commands to check', () => {
    expect(inline.length).toBeGreaterThan(30);
    expect(interactive).toContain('mentee prep');
  });

  it('each inline `mentee ...` names a real command with real flags', async () => {
    for (const command of inline)
      await expectCommand(
        command,
        [...command.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]),
      );
  });

  it('each row of the command table names real commands, and its flags are theirs', async () => {
    const rows = commandRows(README);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      const found = (await Promise.all(row.commands.map(paths))).flat();
      const texts = [await help([]), ...(await Promise.all(found.map(help)))].join('\n');
      for (const flag of row.flags)
        expect(
          new RegExp(`(?<![\\w-])${flag}(?![\\w-])`).test(texts),
          `${row.row}\nhas ${flag}, which none of its commands takes`,
        ).toBe(true);
    }
  });

  it('each guided session captured in a terminal runs a real command', async () => {
    expect(interactive.length).toBeGreaterThan(0);
    for (const command of interactive)
      await expectCommand(
        command,
        [...command.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]),
      );
  });
});
