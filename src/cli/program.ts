import { Command, Option } from 'commander';
import { VERSION } from './version.js';
import { example, run, withJson, type Flags } from './define.js';
import { addActionCommands } from './register-actions.js';
import { addCareCommands } from './register-care.js';
import { addGoalCommands } from './register-goals.js';
import { addMeetingCommands } from './register-meetings.js';
import { addMentorCommands } from './register-mentors.js';

/** Which commands each group of wiring defines, so a run can wire only the group it needs. */
const GROUPS: [names: string[], register: (program: Command) => void][] = [
  [['mentor'], addMentorCommands],
  [['goal'], addGoalCommands],
  [['prep', 'log', 'meetings', 'meeting'], addMeetingCommands],
  [['action', 'actions', 'done'], addActionCommands],
  [['doctor', 'undo', 'encrypt', 'decrypt'], addCareCommands],
];

/** The command a run asks for: the first word that is not an option or the value of --journal. */
function requestedCommand(argv: string[]): string | undefined {
  for (let index = 2; index < argv.length; index++) {
    const word = argv[index]!;
    if (word === '--journal') index++;
    else if (!word.startsWith('-')) return word;
  }
  return undefined;
}

/**
 * The whole command line. Given the run's arguments, only the group of commands it asks for is wired
 * (a run of `mentee status` need not define forty others); help and unknown words get everything.
 */
export function buildProgram(argv?: string[]): Command {
  const program = new Command('mentee')
    .description('Prepare for every meeting with a mentor, log what you learn, share a clean summary.')
    .version(VERSION, '-V, --version', 'print the version')
    .addOption(new Option('--journal <file>', 'journal file to use').env('MENTEE_JOURNAL'))
    .option('--no-color', 'never colour the output (NO_COLOR works too)')
    .option('--allow-identifiers', 'keep text that looks like a patient identifier (an NHS number) without asking')
    .showSuggestionAfterError()
    .exitOverride()
    // One line: commander's "(Did you mean …?)" joins the error instead of following it.
    .configureOutput({
      outputError: (text, write) =>
        write(
          `${text
            .replace(/^error: /, 'mentee: ')
            .trim()
            .replace(/\s*\n\s*/g, ' ')}\n`,
        ),
    })
    .allowExcessArguments()
    .action(async (_flags: Flags, command: Command) => {
      const { UsageError } = await import('../errors.js');
      if (command.args.length) throw new UsageError(`unknown command '${command.args[0]}'.`, 'See: mentee --help');
      await run(async (ctx, flags) => (await import('../commands/home.js')).homeCommand(ctx, flags))(_flags, command);
    });
  program.addHelpText(
    'after',
    '\nExample:\n  $ mentee prep --mentor lovelace --when "next thursday 17:30" --topic "Specialty choice:15"',
  );

  example(
    program
      .command('init')
      .description('start your journal: your name and career stage')
      .option('--name <name>', 'your name (optional)')
      .option('--stage <stage>', 'career stage, e.g. "FY2 doctor"')
      .option('-y, --yes', 'ask nothing: use the flags given (on a terminal, init otherwise asks)')
      .action(run(async (ctx, flags) => (await import('../commands/init.js')).initCommand(ctx, flags))),
    'mentee init --name "Sam Patel" --stage "FY2 doctor"',
  );

  const wanted = argv && requestedCommand(argv);
  const only = GROUPS.find(([names]) => wanted !== undefined && names.includes(wanted));
  const isOwnCommand = wanted !== undefined && ['init', 'show', 'status', 'export', 'templates'].includes(wanted);
  for (const group of GROUPS) if (!(only || isOwnCommand) || group === only) group[1](program);

  example(
    withJson(
      program
        .command('show')
        .argument('<id>', 'm3, g1, a12 or a mentor')
        .description('show one meeting, goal, action or mentor'),
    )
      .option('--include-private', 'also show private reflections')
      .action(run(async (ctx, id: string, flags) => (await import('../commands/show.js')).showCommand(ctx, id, flags))),
    'mentee show m1 --include-private',
  );
  example(
    withJson(
      program.command('status').description('what needs attention: next meeting, overdue actions, mentors to contact'),
    ).action(run(async (ctx, flags) => (await import('../commands/status.js')).statusCommand(ctx, flags))),
    'mentee status --json',
  );
  example(
    program
      .command('export')
      .description(
        'share an agenda, a meeting record, a progress summary or a calendar (Markdown, HTML, iCalendar, JSON)',
      )
      .addOption(new Option('--format <format>', 'md, html, ics or json (default: from --out, else md)'))
      .option('--next', 'the agenda of the next planned meeting (the default when one is planned)')
      .option('--meeting <id>', 'one meeting: its agenda, or its record once logged')
      .option('--since <date>', 'a progress summary from this date')
      .option('--from <date>', 'the same as --since')
      .option('--to <date>', 'end of the summary period (default: now)')
      .option('--all', 'the whole journal')
      .option('--mentor <mentor>', 'only this mentor')
      .option('--include-private', 'include private reflections (they are left out otherwise)')
      .option('--out <file>', 'write to a file (owner-only) instead of stdout')
      .option('--force', 'replace --out if it exists')
      .option('--schema', 'print the JSON Schema of --format json and stop')
      .action(run(async (ctx, flags) => (await import('../commands/export.js')).exportCommand(ctx, flags))),
    'mentee export --since 2026-09-01 --mentor lovelace --out summary.html',
    'mentee export --next --out agenda.md',
    'mentee export --format ics --out meetings.ics',
  );

  const templates = withJson(
    program.command('templates').description('list prep templates (built in and your own)'),
  ).action(run(async (ctx, flags) => (await import('../commands/templates.js')).templatesListCommand(ctx, flags)));
  example(templates, 'mentee templates show career-decision');
  example(
    withJson(templates.command('show').argument('<name>').description('show one prep template')).action(
      // commander gives a --json written after "show" to the list, which has one too: take either.
      run(async (ctx, name: string, flags) =>
        (await import('../commands/templates.js')).templatesShowCommand(ctx, name, { ...templates.opts(), ...flags }),
      ),
    ),
    'mentee templates show check-in --json',
  );
  // The root takes any words so that it can name an unknown command itself; its subcommands must not
  // inherit that (commander copies it to them), or `mentee undo 2` would quietly run `mentee undo`.
  const strict = (command: Command): void => command.commands.forEach((sub) => strict(sub.allowExcessArguments(false)));
  strict(program);
  return program;
}
