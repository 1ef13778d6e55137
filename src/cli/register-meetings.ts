import type { Command } from 'commander';
import { collect, example, run, withJson } from './define.js';

function meetingBasics(command: Command): Command {
  return command
    .option('--mentor <mentor>', 'which mentor (not needed when you have one)')
    .option('--when <date>', 'date and time, e.g. "2026-12-03 17:30" or "next thursday 5pm"')
    .option('--length <minutes>', "meeting length in minutes (default: the mentor's usual)")
    .option('--mode <mode>', 'in-person, video, phone or other');
}

export function addMeetingCommands(program: Command): void {
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
