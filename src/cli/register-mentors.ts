import type { Command } from 'commander';
import { collect, example, run, withJson } from './define.js';

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

export function addMentorCommands(program: Command): void {
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
