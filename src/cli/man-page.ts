import type { CommandSpec, Flag } from './command-spec.js';
import { SETTING_ENV, SETTING_KEYS } from '../config/settings.js';
import { PROGRAM } from './commands.js';

/**
 * The manual page, as Markdown in ronn's form (marked-man turns it into roff at build time: see
 * scripts/build.mjs), written from the one command list: the commands, flags and examples are the ones
 * `--help` shows, so the two never disagree.
 */
export function manPageMarkdown(): string {
  const lines = [
    `# ${PROGRAM.name}(1) -- ${text(PROGRAM.summary)}`,
    '',
    '## SYNOPSIS',
    '',
    '`mentee` [*global options*] *command* [*arguments*] [*options*]',
    '',
    '`mentee help` *command* [*subcommand*]',
    '',
    '## DESCRIPTION',
    '',
    'A private, offline terminal companion for mentees: prepare every meeting, log advice and your own',
    'action plan, share a clean summary. Plain `mentee` shows what needs attention.',
    '',
    'Every command below takes `--help`; `mentee help` *command* says the same.',
    '',
    '## GLOBAL OPTIONS',
    '',
    ...flagList([
      ...(PROGRAM.flags ?? []),
      { flags: '-V, --version', help: 'print the version' },
      { flags: '-h, --help', help: 'show help' },
    ]),
    '## COMMANDS',
    '',
    ...PROGRAM.subcommands.flatMap((spec) => command(spec, [])),
    '## ENVIRONMENT',
    '',
    ...definitions([
      ['MENTEE_JOURNAL', 'the journal file, when `--journal` is not given'],
      ['MENTEE_PASSPHRASE', 'the passphrase of an encrypted journal, for scripts'],
      ['MENTEE_PASSPHRASE_FILE', 'a file only you can read (mode 600) holding the passphrase'],
      ['MENTEE_CONFIG', 'the settings file, instead of config.json in the config folder'],
      // Each setting's own variables, from the list the settings are read with.
      ...SETTING_KEYS.map((key): [string, string] => [
        SETTING_ENV[key].join(', '),
        key === 'editor'
          ? 'the editor of mentee edit, over the editor setting'
          : `the ${key} setting, over the settings file (see mentee config)`,
      ]),
      ['MENTEE_NOW', 'an ISO date-time used as "now" by every command (demos and tests)'],
      ['NO_COLOR', 'when set and not empty, never colour the output (as `--no-color`)'],
      ['FORCE_COLOR', '1, 2 or 3: colour even into a pipe or a file; 0: never (wins over NO_COLOR)'],
    ]),
    '## FILES',
    '',
    ...definitions([
      [
        'config.json',
        'your settings (mentee config list), in your config folder: ~/.config/mentee on Linux ($XDG_CONFIG_HOME). ' +
          'Its editor and passphraseCommand are run only when no other user owns or can write it or its folder.',
      ],
    ]),
    '## EXIT STATUS',
    '',
    '0 when the command did what was asked; 1 when it could not (an unknown id, a refused change);',
    '2 when the command line itself is wrong (an unknown command or flag, a bad value); 130 when stopped.',
    '',
    '## SEE ALSO',
    '',
    'The README, which comes with mentee, explains every command with examples.',
    '',
  ];
  return lines.join('\n');
}

function command(spec: CommandSpec, parents: string[]): string[] {
  const words = [...parents, spec.name];
  const usage = [
    `mentee ${words.join(' ')}`,
    ...(spec.args ?? []).map((arg) => arg.name),
    ...(spec.flags?.length ? ['[options]'] : []),
  ].join(' ');
  const own = [
    `### ${code(usage)}`,
    '',
    `${text(capital(spec.summary))}.`,
    '',
    ...definitions((spec.args ?? []).filter((arg) => arg.help).map((arg) => [arg.name, arg.help!])),
    ...flagList(spec.flags ?? []),
    ...(spec.examples?.length ? ['Example:', '', ...spec.examples.map((line) => `    $ ${line}`), ''] : []),
  ];
  return [...own, ...(spec.subcommands ?? []).flatMap((sub) => command(sub, words))];
}

function flagList(flags: Flag[]): string[] {
  return definitions(flags.map((flag) => [flag.flags, flag.help]));
}

/** ronn's definition list: a bulleted term in code, its text indented below. */
function definitions(entries: [string, string][]): string[] {
  if (!entries.length) return [];
  return [...entries.flatMap(([term, help]) => [`  * ${code(term)}:`, `    ${text(help)}`]), ''];
}

function code(term: string): string {
  return `\`${term}\``;
}

/** Help text as literal Markdown: nothing in it is read as markup, a link or HTML. */
function text(help: string): string {
  return help.replace(/[\\`*_[\]<>#|~@]/g, (char) => `\\${char}`);
}

function capital(summary: string): string {
  return summary.charAt(0).toUpperCase() + summary.slice(1);
}
