/**
 * The README read as a script: its console blocks, the commands they show and the output beside them,
 * the `<!-- readme: ... -->` comments that say how to replay each block, and every other `mentee ...`
 * the README mentions. test/e2e/readme.test.ts replays them with the built binary.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { BIN, runEnv, type RunOptions } from './cli.js';

export interface ReadmeCommand {
  /** As the README writes it, continuation lines joined. */
  line: string;
  /** The words after `mentee`, as a shell would split them. */
  args: string[];
  /** The output the README shows under it, trailing spaces and blank lines trimmed. */
  output: string[];
}

export interface ReadmeBlock {
  /** Line number of the opening fence (1-based), for messages. */
  at: number;
  lang: string;
  /** The `<!-- readme: ... -->` comments right above the fence. */
  notes: string[];
  lines: string[];
}

const NOTE = /^<!-- readme: (.*) -->$/;

/** Every fenced block of the README, with the readme notes right above it. */
export function fencedBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const notes: string[] = [];
    for (let j = i - 1; j >= 0 && NOTE.test(lines[j]!); j--) notes.unshift(NOTE.exec(lines[j]!)![1]!);
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    blocks.push({ at: start + 1, lang: open[1]!, notes, lines: body });
  }
  return blocks;
}

/** The README without its fenced blocks: prose, lists and tables. */
export function prose(markdown: string): string {
  return markdown.replace(/^```\w*\s*\n[\s\S]*?^```\s*$/gm, '');
}

/** Splits a command line as a POSIX shell would for the quoting the README uses ('...', "...", \x). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      word ??= '';
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) i++;
        word += line[i];
      }
      if (i >= line.length) throw new Error(`unclosed " in: ${line}`);
    } else if (c === '\\') {
      word = (word ?? '') + (line[++i] ?? '');
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The `$ mentee ...` commands of a console block, each with the output shown under it. */
export function consoleCommands(block: ReadmeBlock): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  const lines = block.lines;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('$ ')) {
      if (commands.length === 0 && lines[i]!.trim())
        throw new Error(`README line ${block.at + 1 + i}: output before any command`);
      if (commands.length) commands.at(-1)!.output.push(lines[i]!.trimEnd());
      continue;
    }
    let line = lines[i]!.slice(2);
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1).trimEnd() + ' ' + lines[++i]!.trim();
    const words = shellWords(line);
    if (words[0] !== 'mentee') throw new Error(`README line ${block.at + 1 + i}: not a mentee command: ${line}`);
    commands.push({ line, args: words.slice(1), output: [] });
  }
  for (const command of commands) while (command.output.at(-1) === '') command.output.pop();
  return commands;
}

/** Every `mentee ...` in inline code outside fenced blocks (code spans may wrap across lines). */
export function inlineCommands(markdown: string): string[] {
  const spans = [
    ...prose(markdown)
      .replace(/\n/g, ' ')
      .matchAll(/`([^`]+)`/g),
  ].map((m) => m[1]!);
  return spans.flatMap((span) => {
    const at = span.search(/(^|[\s=])mentee( |$)/);
    return at < 0 ? [] : [span.slice(at).trim()];
  });
}

/** Table rows whose first cell names a `mentee` command: that cell's commands and the flags of the row. */
export function commandRows(markdown: string): { row: string; commands: string[]; flags: string[] }[] {
  return prose(markdown)
    .split('\n')
    .filter((line) => line.startsWith('| `mentee'))
    .map((row) => {
      const first = row.split(/(?<!\\)\|/)[1]!;
      return {
        row,
        commands: inlineCommands(first),
        flags: [...row.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]),
      };
    });
}

/**
 * Runs the built binary with stdout and stderr into one file, so the output is in the order a terminal
 * shows it (a warning before the agenda it is about), as the README prints it.
 */
export function runInConsole(
  args: string[],
  options: RunOptions & { file: string },
): Promise<{ code: number; output: string }> {
  const fd = openSync(options.file, 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: runEnv(options), stdio: ['ignore', fd, fd] });
    child.on('error', reject);
    child.on('close', (code) => {
      closeSync(fd);
      resolve({ code: code ?? -1, output: readFileSync(options.file, 'utf8') });
    });
  });
}
