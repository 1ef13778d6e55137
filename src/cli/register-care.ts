import type { Command } from 'commander';
import { example, run, withJson } from './define.js';

/** Looking after the journal itself: checking and restoring it, undoing a change, encrypting it. */
export function addCareCommands(program: Command): void {
  example(
    withJson(program.command('doctor').description('check the journal, list its backups, restore one'))
      .option(
        '--restore <backup>',
        'restore this backup (a number from the list, or its file), keeping the current journal aside',
      )
      .action(run(async (ctx, flags) => (await import('../commands/doctor.js')).doctorCommand(ctx, flags))),
    'mentee doctor --restore 2',
  );
  example(
    withJson(program.command('undo').description('revert the last change, saying what it was')).action(
      run(async (ctx, flags) => (await import('../commands/undo.js')).undoCommand(ctx, flags)),
    ),
    'mentee undo',
  );
  example(
    program
      .command('encrypt')
      .description('encrypt the journal and its backups with a passphrase')
      .action(run(async (ctx, flags) => (await import('../commands/encryption.js')).encryptCommand(ctx, flags))),
    'mentee encrypt',
  );
  example(
    program
      .command('decrypt')
      .description('turn an encrypted journal and its backups back into plain JSON')
      .action(run(async (ctx, flags) => (await import('../commands/encryption.js')).decryptCommand(ctx, flags))),
    'mentee decrypt',
  );
}
