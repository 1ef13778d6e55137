import type { Command } from 'commander';
import { example, run, withJson } from './define.js';

function actionListOptions(command: Command): Command {
  return withJson(command)
    .option('--overdue', 'only overdue actions')
    .option('--mentor <mentor>', 'only actions with this mentor')
    .option('--goal <id>', 'only actions for this goal')
    .option('--mine', 'only your own actions, not mentor commitments')
    .option('--all', 'include done and dropped actions');
}

export function addActionCommands(program: Command): void {
  const load = () => import('../commands/action.js');
  const list = run(async (ctx, flags) => (await import('../commands/action-list.js')).actionListCommand(ctx, flags));
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
