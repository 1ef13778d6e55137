import type { Command } from 'commander';
import { collect, example, run, withJson } from './define.js';

function goalFields(command: Command): Command {
  return command
    .option('--category <category>', 'career, clinical, research, education, leadership, wellbeing or personal')
    .option('--target <date>', 'target date')
    .option('--why <text>', 'why it matters to you')
    .option('--success <text>', 'what success looks like')
    .option('--mentor <mentor>', 'a mentor helping with it (repeatable)', collect);
}

export function addGoalCommands(program: Command): void {
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
