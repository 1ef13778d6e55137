import { Command, Option } from 'commander';
import type { Context, GlobalOptions } from './context.js';

declare const MENTEE_VERSION: string;

type Flags = Record<string, unknown>;

/**
 * Commands are loaded only when run, so `--help` and `--version` stay instant. The handler gets the
 * positional arguments, then the command's own flags (validated by each command's zod schema).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commander hands over untyped values; zod types them.
function run(handler: (ctx: Context, ...args: any[]) => Promise<void>) {
  return async (...received: unknown[]) => {
    const command = received.at(-1) as Command;
    const { createContext } = await import('./context.js');
    const ctx = createContext(command.optsWithGlobals<GlobalOptions>());
    await handler(ctx, ...received.slice(0, -2), command.opts());
  };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function example(command: Command, ...lines: string[]): Command {
  return command.addHelpText('after', `\nExample:\n${lines.map((line) => `  $ ${line}`).join('\n')}`);
}

function withJson(command: Command): Command {
  return command.option('--json', 'print a stable JSON shape instead of text (see README)');
}

export function buildProgram(): Command {
  const program = new Command('mentee')
    .description('Prepare for every meeting with a mentor, log what you learn, share a clean summary.')
    .version(typeof MENTEE_VERSION === 'string' ? MENTEE_VERSION : '0.0.0-dev', '-V, --version', 'print the version')
    .addOption(new Option('--journal <file>', 'journal file to use').env('MENTEE_JOURNAL'))
    .option('--no-color', 'never colour the output (NO_COLOR works too)')
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

  addMentorCommands(program);
  addGoalCommands(program);
  addMeetingCommands(program);
  addActionCommands(program);

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
      .description('share an agenda, a meeting record or a progress summary (Markdown or JSON)')
      .addOption(new Option('--format <format>', 'md or json (default: from --out, else md)'))
      .option('--next', 'the agenda of the next planned meeting (the default when one is planned)')
      .option('--meeting <id>', 'one meeting: its agenda, or its record once logged')
      .option('--since <date>', 'a progress summary from this date')
      .option('--to <date>', 'end of the summary period (default: now)')
      .option('--mentor <mentor>', 'only this mentor')
      .option('--include-private', 'include private reflections (they are left out otherwise)')
      .option('--out <file>', 'write to a file (owner-only) instead of stdout')
      .option('--force', 'replace --out if it exists')
      .action(run(async (ctx, flags) => (await import('../commands/export.js')).exportCommand(ctx, flags))),
    'mentee export --since 2026-09-01 --mentor lovelace --out summary.md',
  );

  const templates = withJson(
    program.command('templates').description('list prep templates (built in and your own)'),
  ).action(run(async (ctx, flags) => (await import('../commands/templates.js')).templatesListCommand(ctx, flags)));
  example(templates, 'mentee templates show career-decision');
  withJson(templates.command('show').argument('<name>').description('show one prep template')).action(
    run(async (ctx, name: string, flags) =>
      (await import('../commands/templates.js')).templatesShowCommand(ctx, name, flags),
    ),
  );
  return program;
}

function mentorFields(command: Command): Command {
  return command
    .option('--role <role>', 'role or organisation, e.g. "GP partner"')
    .option('--contact <channel:address>', 'how best to reach them, e.g. email:ada@example.org')
    .option('--cadence <interval>', 'how often you meet: 4w, "2 weeks", 30d, monthly')
    .option('--length <minutes>', 'usual meeting length in minutes')
    .option('--rule <text>', 'a ground rule you agreed (repeatable)', collect)
    .option(
      '--expect <kind>',
      'support you hope for (repeatable): career, opportunities, pitfalls, emotional, balance, other',
      collect,
    )
    .option('--since <date>', 'when the mentoring started (default: today)');
}

function addMentorCommands(program: Command): void {
  const mentor = program.command('mentor').description('manage your mentors, ground rules and expectations');
  const load = () => import('../commands/mentor.js');
  example(
    mentorFields(mentor.command('add').argument('<name>').description('add a mentor'))
      .option('--handle <handle>', 'short name to refer to them (default: from the surname)')
      .option('--json', 'print the new mentor as JSON')
      .action(run(async (ctx, name: string, flags) => (await load()).mentorAddCommand(ctx, name, flags))),
    'mentee mentor add "Dr Ada Lovelace" --role "GP partner" --contact email:ada@example.org --cadence 4w --length 30 --rule "Email first" --expect career',
  );
  example(
    withJson(mentor.command('list').description('list mentors (ended ones with --all)'))
      .option('--all', 'include ended mentorships')
      .action(run(async (ctx, flags) => (await load()).mentorListCommand(ctx, flags))),
    'mentee mentor list --all',
  );
  example(
    withJson(
      mentor
        .command('show')
        .argument('<mentor>', 'handle or part of the name')
        .description('show a mentor with ground rules'),
    ).action(run(async (ctx, ref: string, flags) => (await load()).mentorShowCommand(ctx, ref, flags))),
    'mentee mentor show lovelace',
  );
  example(
    mentorFields(
      mentor.command('edit').argument('<mentor>').description('change a mentor; --rule and --expect add to the lists'),
    )
      .option('--name <name>', 'their name')
      .option('--clear-rules', 'remove the existing ground rules first')
      .option('--clear-expect', 'remove the existing expectations first')
      .action(run(async (ctx, ref: string, flags) => (await load()).mentorEditCommand(ctx, ref, flags))),
    'mentee mentor edit lovelace --cadence 6w --rule "No calls after 8pm"',
  );
  example(
    mentor
      .command('pause')
      .argument('<mentor>')
      .description('pause a mentorship (no nudges while paused)')
      .action(run(async (ctx, ref: string) => (await load()).mentorStatusCommand(ctx, ref, 'paused'))),
    'mentee mentor pause lovelace',
  );
  example(
    mentor
      .command('resume')
      .argument('<mentor>')
      .description('make a paused or ended mentorship active again')
      .action(run(async (ctx, ref: string) => (await load()).mentorStatusCommand(ctx, ref, 'active'))),
    'mentee mentor resume lovelace',
  );
  example(
    mentor
      .command('end')
      .argument('<mentor>')
      .description('end a mentorship, with a note on how it went')
      .option('--note <text>', 'why it ended, what you take away')
      .action(run(async (ctx, ref: string, flags) => (await load()).mentorStatusCommand(ctx, ref, 'ended', flags))),
    'mentee mentor end lovelace --note "Moved to a new deanery; parted warmly"',
  );
}

function goalFields(command: Command): Command {
  return command
    .option('--category <category>', 'career, clinical, research, education, leadership, wellbeing or personal')
    .option('--target <date>', 'target date')
    .option('--why <text>', 'why it matters to you')
    .option('--success <text>', 'what success looks like')
    .option('--mentor <mentor>', 'a mentor helping with it (repeatable)', collect);
}

function addGoalCommands(program: Command): void {
  const goal = program.command('goal').description('goals, with dated progress notes');
  const load = () => import('../commands/goal.js');
  example(
    goalFields(goal.command('add').argument('<title>').description('add a goal'))
      .option('--json', 'print the new goal as JSON')
      .action(run(async (ctx, title: string, flags) => (await load()).goalAddCommand(ctx, title, flags))),
    'mentee goal add "Choose between paediatrics and general practice" --category career --target 2027-03-01',
  );
  example(
    withJson(goal.command('list').description('list active goals (all with --all)'))
      .option('--all', 'include achieved, paused and dropped goals')
      .action(run(async (ctx, flags) => (await load()).goalListCommand(ctx, flags))),
    'mentee goal list --all',
  );
  example(
    withJson(goal.command('show').argument('<id>').description('show a goal and its progress')).action(
      run(async (ctx, id: string, flags) => (await load()).goalShowCommand(ctx, id, flags)),
    ),
    'mentee goal show g1',
  );
  example(
    goalFields(goal.command('update').argument('<id>').description('record progress or change a goal'))
      .option('--note <text>', 'a dated progress note')
      .option('--title <title>', 'new title')
      .option('--status <status>', 'active, achieved, paused or dropped')
      .action(run(async (ctx, id: string, flags) => (await load()).goalUpdateCommand(ctx, id, flags))),
    'mentee goal update g1 --note "Shadowed two GP clinics"',
  );
  for (const [name, status, description] of [
    ['done', 'achieved', 'mark a goal achieved'],
    ['drop', 'dropped', 'drop a goal'],
    ['pause', 'paused', 'pause a goal'],
  ] as const) {
    example(
      goal
        .command(name)
        .argument('<id>')
        .description(description)
        .option('--note <text>', 'a closing note')
        .action(run(async (ctx, id: string, flags) => (await load()).goalStatusCommand(ctx, id, status, flags))),
      `mentee goal ${name} g1 --note "..."`,
    );
  }
}

function meetingBasics(command: Command): Command {
  return command
    .option('--mentor <mentor>', 'which mentor (not needed when you have one)')
    .option('--when <date>', 'date and time, e.g. "2026-12-03 17:30" or "next thursday 5pm"')
    .option('--length <minutes>', "meeting length in minutes (default: the mentor's usual)")
    .option('--mode <mode>', 'in-person, video, phone or other');
}

function addMeetingCommands(program: Command): void {
  example(
    withJson(
      meetingBasics(
        program.command('prep').description('prepare a meeting: intention, topics with minutes, review of actions'),
      ),
    )
      .option('--meeting <id>', 'a planned meeting to prepare (default: by --mentor and --when)')
      .option('--intention <text>', 'what you want to walk away with')
      .option('--topic <title[:minutes]>', 'a topic, with minutes after a colon (repeatable)', collect)
      .option('--kind <kind>', 'kind of the topics given: question, decision, update, feedback or personal')
      .option('--goal <id>', 'a goal to discuss (repeatable)', collect)
      .option(
        '--review <id=state[:note]>',
        'progress on an action: done, progress, blocked, dropped, open (repeatable)',
        collect,
      )
      .option('--carry-parked', 'bring in the topics parked at the last meeting')
      .option('--template <name>', 'prep template (see mentee templates)')
      .option('-y, --yes', 'ask nothing: use the flags given and the defaults')
      .action(run(async (ctx, flags) => (await import('../commands/prep.js')).prepCommand(ctx, flags))),
    'mentee prep --mentor lovelace --when "2026-12-03 17:30" --intention "Leave with a decision plan" --topic "Specialty choice:15" --review a3=done',
  );
  example(
    withJson(
      meetingBasics(
        program
          .command('log')
          .argument('[meeting]', 'meeting id (default: the latest unlogged one)')
          .description('record what happened: outcomes, advice, your action plan'),
      ),
    )
      .option('--topic <title[:minutes]>', 'a topic discussed, for a meeting not prepared (repeatable)', collect)
      .option('--covered <n>', 'topic numbers covered: 1, 1,3 or 1-3 (repeatable)', collect)
      .option('--parked <n>', 'topic numbers parked for next time (repeatable)', collect)
      .option('--advice <text>', 'advice received (repeatable)', collect)
      .option('--feedback <text>', 'feedback received (repeatable)', collect)
      .option('--decision <text>', 'a decision made (repeatable)', collect)
      .option('--challenged <text>', 'an assumption your mentor challenged (repeatable)', collect)
      .option('--action <title[:due]>', 'your own next action, due date after a colon (repeatable)', collect)
      .option('--mentor-action <title[:due]>', 'something your mentor offered to do (repeatable)', collect)
      .option('--private <text>', 'a private reflection: never exported unless you ask')
      .option('--next <date>', 'when you meet next (plans that meeting)')
      .option('--amend', 'add to the notes of a meeting already logged')
      .option('-y, --yes', 'ask nothing: use the flags given')
      .action(
        run(async (ctx, meeting: string | undefined, flags) =>
          (await import('../commands/log.js')).logCommand(ctx, meeting, flags),
        ),
      ),
    'mentee log m1 --covered 1 --parked 2 --advice "Talk to three GPs" --action "Email the training lead:in 2 weeks" --next "2027-01-07 17:30"',
  );
  example(
    withJson(program.command('meetings').description('meeting history and plans'))
      .option('--mentor <mentor>', 'only this mentor')
      .action(run(async (ctx, flags) => (await import('../commands/meetings.js')).meetingListCommand(ctx, flags))),
    'mentee meetings --mentor lovelace',
  );
  const meeting = program.command('meeting').description('change a meeting');
  example(
    meeting
      .command('cancel')
      .argument('<id>')
      .description('cancel a planned meeting')
      .action(run(async (ctx, id: string) => (await import('../commands/meetings.js')).meetingCancelCommand(ctx, id))),
    'mentee meeting cancel m4',
  );
}

function actionListOptions(command: Command): Command {
  return withJson(command)
    .option('--overdue', 'only overdue actions')
    .option('--mentor <mentor>', 'only actions with this mentor')
    .option('--goal <id>', 'only actions for this goal')
    .option('--mine', 'only your own actions, not mentor commitments')
    .option('--all', 'include done and dropped actions');
}

function addActionCommands(program: Command): void {
  const load = () => import('../commands/action.js');
  const list = run(async (ctx, flags) => (await load()).actionListCommand(ctx, flags));
  const action = program.command('action').description('action items: yours and what mentors offered');
  example(
    action
      .command('add')
      .argument('<title>')
      .description('add an action')
      .option('--due <date>', 'due date, e.g. "next friday"')
      .option('--goal <id>', 'the goal it serves')
      .option('--mentor <mentor>', 'the mentor it relates to')
      .option('--owner <who>', 'me (default) or mentor, for something the mentor will do')
      .option('--note <text>', 'a first note')
      .option('--json', 'print the new action as JSON')
      .action(run(async (ctx, title: string, flags) => (await load()).actionAddCommand(ctx, title, flags))),
    'mentee action add "Draft a personal statement" --due "next friday" --goal g1',
  );
  example(
    actionListOptions(action.command('list').description('open actions, soonest due first')).action(list),
    'mentee action list --overdue',
  );
  example(
    actionListOptions(program.command('actions').description('open actions (same as action list)')).action(list),
    'mentee actions --mentor lovelace',
  );
  example(
    action
      .command('edit')
      .argument('<id>')
      .description('change an action')
      .option('--title <title>', 'new title')
      .option('--due <date>', 'new due date')
      .option('--clear-due', 'remove the due date')
      .option('--goal <id>', 'link to a goal')
      .option('--mentor <mentor>', 'link to a mentor')
      .option('--owner <who>', 'me or mentor')
      .option('--note <text>', 'add a note')
      .action(run(async (ctx, id: string, flags) => (await load()).actionEditCommand(ctx, id, flags))),
    'mentee action edit a3 --due "in 2 weeks"',
  );
  for (const [name, status, description] of [
    ['done', 'done', 'mark an action done'],
    ['drop', 'dropped', 'drop an action'],
    ['reopen', 'open', 'reopen a done or dropped action'],
  ] as const) {
    const close = run(async (ctx, id: string, flags) => (await load()).actionCloseCommand(ctx, id, status, flags));
    example(
      action.command(name).argument('<id>').description(description).option('--note <text>', 'a note').action(close),
      `mentee action ${name} a3`,
    );
    if (name === 'done') {
      example(
        program
          .command('done')
          .argument('<id>')
          .description('mark an action done')
          .option('--note <text>', 'a note')
          .action(close),
        'mentee done a3 --note "Sent it"',
      );
    }
  }
}
