/**
 * The real built binary in a real pseudo-terminal (tmux), answered key by key as a person would, and
 * with no terminal at all (as in CI), where it must never wait for input. Journals are set up in process.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN, readJournal, runEnv } from '../helpers/cli.js';
import { NOW_ISO } from '../helpers/clock.js';
import { cli } from '../helpers/run-cli.js';
import { tempFolders } from '../helpers/temp.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` of this file still needs the bundle the binary loads.
  if (!existsSync(join(ROOT, 'dist', 'mentee.cjs')))
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
});

/** Shell-quotes one word for the command line tmux runs. */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

let sessions = 0;

/** One tmux server (own socket, no user config) running one command in a 120x50 pane. */
class Terminal {
  private answered = 0;

  private constructor(private readonly socket: string) {}

  static async start(args: string[], options: { cwd: string; env: Record<string, string>; stdoutFile?: string }) {
    const terminal = new Terminal(`mentee-e2e-${process.pid}-${++sessions}`);
    const env = Object.entries({ TZ: 'UTC', NO_COLOR: '1', MENTEE_NOW: NOW_ISO, ...options.env }).map(
      ([key, value]) => `${key}=${quote(value)}`,
    );
    const redirect = options.stdoutFile ? ` > ${quote(options.stdoutFile)}` : '';
    const command =
      `env -u VISUAL ${env.join(' ')} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}${redirect}; ` +
      'echo EXIT=$?; sleep 120';
    await terminal.tmux('new-session', '-d', '-s', 'main', '-x', '120', '-y', '50', '-c', options.cwd, command);
    return terminal;
  }

  private async tmux(...args: string[]): Promise<string> {
    const { stdout } = await run('tmux', ['-L', this.socket, '-f', '/dev/null', ...args]);
    return stdout;
  }

  /** Everything the pane has shown, scrollback included. */
  screen(): Promise<string> {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'main');
  }

  /** Polls the pane until `ready` holds, failing with what the screen shows after `timeoutMs`. */
  async waitUntil(what: string, ready: (screen: string) => boolean, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = await this.screen();
      if (ready(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. The screen shows:\n${screen}`);
  }

  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string> {
    return this.waitUntil(String(pattern), (screen) => pattern.test(screen), timeoutMs);
  }

  /**
   * Waits for the question matching `question` to be the one open (every earlier one answered, shown
   * with ✔), then presses `keys`: text is typed literally, names in braces are keys ("{Enter}", "{Down}").
   */
  async answer(question: RegExp, ...keys: string[]): Promise<string> {
    const screen = await this.waitUntil(`the question ${question} (after ${this.answered} answered)`, (text) => {
      const lines = text.split('\n');
      const done = lines.filter((line) => line.startsWith('✔')).length;
      const lastDone = lines.map((line) => line.startsWith('✔')).lastIndexOf(true);
      const open = lines.slice(lastDone + 1).find((line) => line.startsWith('? '));
      return done === this.answered && open !== undefined && question.test(open.slice(2));
    });
    await this.press(...keys);
    this.answered += 1;
    return screen;
  }

  /** A question that completes without keys (the editor prompt, answered by $EDITOR): waits until it shows ✔. */
  async answeredBy(question: RegExp): Promise<void> {
    await this.waitUntil(`${question} to be answered`, (text) =>
      text.split('\n').some((line) => line.startsWith('✔') && question.test(line.slice(2))),
    );
    this.answered += 1;
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      const named = /^\{([\w-]+)\}$/.exec(key);
      if (named) await this.tmux('send-keys', '-t', 'main', named[1]!);
      else await this.tmux('send-keys', '-t', 'main', '-l', key);
    }
  }

  async kill(): Promise<void> {
    await this.tmux('kill-server').catch(() => undefined);
  }
}

// Each step waits for the screen; on a busy two-core machine a whole conversation can take a while.
describe('wizards in a real terminal (tmux)', { timeout: 90_000 }, () => {
  let terminal: Terminal | undefined;
  const folders = tempFolders();
  afterEach(async () => {
    await terminal?.kill();
    terminal = undefined;
  });

  async function setUp() {
    const temp = await folders();
    const env = { MENTEE_JOURNAL: temp.journal, XDG_CONFIG_HOME: join(temp.dir, 'config'), HOME: temp.dir };
    return { ...temp, env };
  }

  it('mentee prep asks its questions on the terminal, fits the topics to the time and saves the agenda', async () => {
    const { dir, journal, env } = await setUp();
    await cli(['mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w', '--length', '30'], { journal });
    const out = join(dir, 'stdout.txt');
    terminal = await Terminal.start(['prep', '--when', '2026-12-03 17:30'], { cwd: dir, env, stdoutFile: out });

    await terminal.answer(/^How many minutes will you have\? \(30\)/, '{Enter}');
    await terminal.answer(/^How will you meet\?/, '{Enter}');
    await terminal.answer(/^What do you want to walk away with\?/, 'A decision plan', '{Enter}');
    await terminal.answer(/^Suggested by the first-meeting template/, '{Enter}');
    await terminal.answer(/^First topic to raise\?/, 'Specialty choice', '{Enter}');
    await terminal.answer(/^"Specialty choice" is/, '{Down}');
    await terminal.waitFor(/❯ a decision to make/);
    await terminal.press('{Enter}');
    await terminal.answer(/^Minutes for it\? \(10\)/, '40', '{Enter}');
    await terminal.answer(/topic to raise\?|^Another topic\?/, '{Enter}');
    await terminal.answer(/^Your topics need 40 min, 10 more than the 30-minute meeting\. What now\?/, '{Enter}');
    await terminal.answer(/^Which topic\?/, '{Enter}');
    await terminal.answer(/^Minutes for "Specialty choice"\? \(30\)/, '{Enter}');
    await terminal.answer(/^Take a minute for \d+ reflection prompts\?/, '{Enter}');
    const preview = await terminal.answer(/^Save this agenda\? \(Y\/n\)/, '{Enter}');
    expect(preview).toContain('# Agenda: meeting with Dr Ada Lovelace');
    expect(preview).toContain('| 1 | Specialty choice | decision | 30 |');
    expect(preview).toContain('Planned: 30 of 30 minutes.');
    await terminal.answer(/^Write it as Markdown to send ahead\? \(y\/N\)/, 'y', '{Enter}');
    await terminal.answer(/^File: \(agenda-2026-12-03\.md\)/, '{Enter}');
    await terminal.waitFor(/^EXIT=0$/m);

    const saved = await readJournal(journal);
    expect(saved.meetings).toHaveLength(1);
    expect(saved.meetings[0]).toMatchObject({
      id: 'm1',
      when: '2026-12-03T17:30:00.000Z',
      lengthMinutes: 30,
      prep: { intention: 'A decision plan', topics: [{ title: 'Specialty choice', kind: 'decision', minutes: 30 }] },
    });
    // Questions go to stderr (the terminal); stdout carries only the results.
    const stdout = await readFile(out, 'utf8');
    expect(stdout).toBe('Saved the agenda for m1.\nWrote agenda-2026-12-03.md.\n');
    expect(await readFile(join(dir, 'agenda-2026-12-03.md'), 'utf8')).toContain(
      '| 1 | Specialty choice | decision | 30 |',
    );
  });

  it('mentee log records the outcome, a private reflection written in $EDITOR, and plans the next meeting', async () => {
    const { dir, journal, env } = await setUp();
    await cli(['mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w', '--length', '30'], { journal });
    await cli(['prep', '--when', '2026-11-24 17:30', '--topic', 'Specialty choice:15', '--topic', 'Rota swap:10'], {
      journal,
      now: '2026-11-20T09:00:00Z',
    });
    const editor = join(dir, 'fake-editor.sh');
    const seen = join(dir, 'editor-saw.txt');
    // The fake editor also notes where its file was, and who could read it.
    await writeFile(
      editor,
      `#!/bin/sh\nstat -c '%a %n' "$(dirname "$1")" "$1" > '${seen}'\nprintf 'What happened?\\nI froze when asked.\\n' > "$1"\n`,
    );
    await chmod(editor, 0o755);
    const out = join(dir, 'stdout.txt');
    terminal = await Terminal.start(['log'], { cwd: dir, env: { ...env, EDITOR: editor }, stdoutFile: out });

    await terminal.answer(/^Log your meeting with Dr Ada Lovelace on Tue 24 Nov 2026, 17:30 \(m1\)\?/, '{Enter}');
    await terminal.answer(/^"Specialty choice"/, '{Enter}');
    await terminal.answer(/^What came of it\?/, 'Leaning towards GP', '{Enter}');
    await terminal.answer(/^"Rota swap"/, '{Down}');
    await terminal.waitFor(/❯ Parked for next time/);
    await terminal.press('{Enter}');
    await terminal.answer(/^Why parked\?/, '{Enter}');
    await terminal.answer(/^Advice you received\?/, 'Talk to three GPs', '{Enter}');
    await terminal.answer(/^Advice you received\?/, '{Enter}');
    await terminal.answer(/^Feedback on your work\?/, '{Enter}');
    await terminal.answer(/^Decisions you made\?/, 'Apply for GP training', '{Enter}');
    await terminal.answer(/^Decisions you made\?/, '{Enter}');
    await terminal.answer(/^An assumption your mentor challenged\?/, '{Enter}');
    await terminal.answer(/^Your next action\?/, 'Email the training lead', '{Enter}');
    await terminal.answer(/^By when\?/, 'in 2 weeks', '{Enter}');
    await terminal.answer(/^Your next action\?/, '{Enter}');
    await terminal.answer(/^Did Dr Ada Lovelace offer to do anything\?/, '{Enter}');
    await terminal.answer(/^A private reflection\? It is never shared/, '{Down}', '{Down}');
    await terminal.waitFor(/❯ Write at length in your editor/);
    await terminal.press('{Enter}');
    await terminal.answeredBy(/^Private reflection \(opens your editor\)/);
    await terminal.answer(/^When do you meet next\? .*\(2026-12-22 17:30\)/, '{Enter}');
    await terminal.waitFor(/^EXIT=0$/m);

    const saved = await readJournal(journal);
    expect(saved.meetings[0]).toMatchObject({
      status: 'held',
      log: {
        advice: ['Talk to three GPs'],
        decisions: ['Apply for GP training'],
        privateReflection: 'What happened?\nI froze when asked.',
        nextMeeting: '2026-12-22T17:30:00.000Z',
      },
    });
    expect(saved.meetings[0].prep.topics.map((topic: { outcome: string }) => topic.outcome)).toEqual([
      'covered',
      'parked',
    ]);
    expect(saved.meetings[1]).toMatchObject({ status: 'planned', when: '2026-12-22T17:30:00.000Z' });
    expect(saved.actions[0]).toMatchObject({ title: 'Email the training lead', due: '2026-12-09', owner: 'me' });
    const stdout = await readFile(out, 'utf8');
    expect(stdout).toMatch(/^Logged m1 with Dr Ada Lovelace on Tue 24 Nov 2026, 17:30: 1 topic covered, 1 parked/);
    expect(stdout).toContain('Next meeting: Tue 22 Dec 2026, 17:30 (m2).');
    // The reflection was typed into a file in a folder only its owner can open, removed afterwards.
    const [folderLine, fileLine] = (await readFile(seen, 'utf8')).trim().split('\n');
    const [folderMode, folder] = folderLine!.split(' ');
    expect(folderMode).toBe('700');
    expect(fileLine!.split(' ')[0]).toBe('600');
    expect(existsSync(folder!)).toBe(false);
  });

  it('plain mentee with no journal offers init, which sets up the profile, a mentor and a goal', async () => {
    const { dir, journal, env } = await setUp();
    terminal = await Terminal.start([], { cwd: dir, env });

    await terminal.answer(/^No journal yet at .*\. Set one up now\?/, '{Enter}');
    await terminal.answer(/^Your name \(optional\):/, 'Sam Patel', '{Enter}');
    await terminal.answer(/^Your career stage/, 'FY2 doctor', '{Enter}');
    await terminal.answer(/^Add your first mentor now\? \(Y\/n\)/, '{Enter}');
    await terminal.answer(/^Your mentor's name:/, 'Dr Ada Lovelace', '{Enter}');
    await terminal.answer(/^Their role or organisation/, '{Enter}');
    await terminal.answer(/^How is it best to contact them\?/, '{Enter}');
    await terminal.answer(/^Their email/, 'ada@example.org', '{Enter}');
    await terminal.answer(/^How quickly do they usually reply\?/, 'within a week', '{Enter}');
    await terminal.answer(/^How often will you meet\?.*\(4w\)/, '{Enter}');
    await terminal.answer(/^For how many minutes, usually\? \(30\)/, '{Enter}');
    await terminal.answer(/^What support do you hope for\?/, ' ');
    await terminal.waitFor(/◉ career guidance/);
    await terminal.press('{Down}', '{Down}', '{Down}');
    await terminal.waitFor(/❯◯ emotional support/);
    await terminal.press(' ');
    await terminal.waitFor(/❯◉ emotional support/);
    await terminal.press('{Enter}');
    await terminal.answer(/^Anything off limits\?/, 'Family matters', '{Enter}');
    await terminal.answer(/^Any other ground rule you agreed\?/, '{Enter}');
    await terminal.answer(/^A goal \(Enter when done\):/, 'Get into GP training', '{Enter}');
    await terminal.answer(/^Kind of goal:/, '{Enter}');
    await terminal.answer(/^Target date\?/, '{Enter}');
    await terminal.answer(/^A goal \(Enter when done\):/, '{Enter}');
    const screen = await terminal.waitFor(/^EXIT=0$/m);
    expect(screen).toContain('Added Dr Ada Lovelace as "lovelace".');

    const saved = await readJournal(journal);
    expect(saved.profile).toEqual({ name: 'Sam Patel', stage: 'FY2 doctor' });
    expect(saved.mentors[0]).toMatchObject({
      handle: 'lovelace',
      cadenceDays: 28,
      lengthMinutes: 30,
      expectations: ['career', 'emotional'],
      rules: ['Contact by email (ada@example.org); usually replies within a week', 'Off limits: Family matters'],
    });
    expect(saved.goals[0]).toMatchObject({ title: 'Get into GP training', mentors: ['lovelace'] });
  });

  it('Ctrl-C in the middle of prep says nothing was saved, exits 130 and leaves the journal unchanged', async () => {
    const { dir, journal, env } = await setUp();
    await cli(['mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w', '--length', '30'], { journal });
    const before = await readFile(journal);
    terminal = await Terminal.start(['prep', '--when', '2026-12-03 17:30'], { cwd: dir, env });

    await terminal.answer(/^How many minutes will you have\?/, '{Enter}');
    await terminal.answer(/^How will you meet\?/, '{Enter}');
    await terminal.answer(/^What do you want to walk away with\?/, 'A decision pl');
    await terminal.waitFor(/walk away with\? A decision pl/);
    await terminal.press('{C-c}');
    const screen = await terminal.waitFor(/^EXIT=130$/m);
    expect(screen).toContain('2 answers and a half-typed one kept as a draft; run mentee prep again to resume them.');
    expect(screen).toContain('Stopped; nothing was saved.');
    expect(await readFile(journal)).toEqual(before);
  });

  it('half-typed text survives Ctrl-C and is back on its line, to finish, at the next run', async () => {
    const { dir, journal, env } = await setUp();
    await cli(['mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w', '--length', '30'], { journal });
    terminal = await Terminal.start(['prep', '--when', '2026-12-03 17:30'], { cwd: dir, env });
    await terminal.answer(/^How many minutes will you have\?/, '{Enter}');
    await terminal.answer(/^How will you meet\?/, '{Enter}');
    await terminal.answer(/^What do you want to walk away with\?/, 'A decision pl');
    await terminal.waitFor(/walk away with\? A decision pl/);
    await terminal.press('{C-c}');
    await terminal.waitFor(/^EXIT=130$/m);
    await terminal.kill();

    terminal = await Terminal.start(['prep', '--when', '2026-12-03 17:30'], { cwd: dir, env });
    await terminal.answer(
      /^You left your prep of a meeting with lovelace unfinished \(2 answers and a half-typed one/,
      '{Enter}',
    );
    // The text is on the line, not a greyed default: typing carries on from it.
    await terminal.answer(/^What do you want to walk away with\? A decision pl$/, 'an', '{Enter}');
    await terminal.answer(/^Suggested by the first-meeting template/, '{Enter}');
    await terminal.answer(/^First topic to raise\?/, '{C-c}');
    const screen = await terminal.waitFor(/^EXIT=130$/m);
    expect(screen).toContain('✔ What do you want to walk away with? A decision plan');
    expect(screen).toContain('4 answers kept as a draft');
  });

  it('a terminal closed while typing keeps the half-typed text with the answers in the draft', async () => {
    const { dir, journal, env } = await setUp();
    await cli(['mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w', '--length', '30'], { journal });
    terminal = await Terminal.start(['prep', '--when', '2026-12-03 17:30'], { cwd: dir, env });
    await terminal.answer(/^How many minutes will you have\?/, '{Enter}');
    await terminal.answer(/^How will you meet\?/, '{Enter}');
    await terminal.answer(/^What do you want to walk away with\?/, 'A decision pl');
    await terminal.waitFor(/walk away with\? A decision pl/);
    await terminal.kill(); // the window closed: mentee gets SIGHUP
    terminal = undefined;
    const draft = join(`${journal}.drafts`, 'prep-new-lovelace.json');
    const deadline = Date.now() + 20_000;
    let kept: { answers?: object; typing?: { text: string } } = {};
    while (Date.now() < deadline && !kept.typing) {
      kept = JSON.parse(await readFile(draft, 'utf8').catch(() => '{}')) as typeof kept;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(kept.typing?.text).toBe('A decision pl');
    expect(Object.keys(kept.answers ?? {})).toHaveLength(2);
  });

  it('Escape in the middle of prep stops it too, saying nothing was saved, with the journal unchanged', async () => {
    const { dir, journal, env } = await setUp();
    await cli(['mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w', '--length', '30'], { journal });
    const before = await readFile(journal);
    terminal = await Terminal.start(['prep', '--when', '2026-12-03 17:30'], { cwd: dir, env });

    await terminal.answer(/^How many minutes will you have\?/, '{Enter}');
    await terminal.answer(/^How will you meet\?/, '{Enter}');
    await terminal.answer(/^What do you want to walk away with\?/, '{Escape}');
    // Two answers given: Escape asks once before throwing them away (kept as a draft otherwise).
    await terminal.waitFor(/Discard 2 answers\? They are kept as a draft otherwise/);
    await terminal.press('y', '{Enter}');
    const screen = await terminal.waitFor(/^EXIT=\d+$/m, 5_000);
    expect(screen).toMatch(/nothing was saved/i);
    expect(screen).not.toContain('kept as a draft;');
    expect(await readFile(journal)).toEqual(before);
  });
});

describe('without a terminal', () => {
  const folders = tempFolders();

  it('mentee prep never waits for input, even when stdin stays open and silent', async () => {
    const { journal } = await folders();
    await cli(['mentor', 'add', 'Dr Ada Lovelace', '--cadence', '4w'], { journal });
    const child = spawn(process.execPath, [BIN, 'prep'], { env: runEnv({ journal }), stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const started = Date.now();
    const code = await new Promise<number | string>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('still waiting after 10 s');
      }, 10_000);
      child.on('close', (exit) => {
        clearTimeout(timer);
        resolve(exit ?? -1);
      });
    });
    expect(code).toBe(2);
    expect(stderr).toContain('--when');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
