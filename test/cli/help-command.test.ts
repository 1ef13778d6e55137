import { describe, expect, it } from 'vitest';
import { PROGRAM } from '../../src/cli/commands.js';
import { cli, runCli } from '../helpers/run-cli.js';

/** Every command and subcommand of the one list, as the words that run it. */
const EVERY = PROGRAM.subcommands.flatMap((spec) => [
  [spec.name],
  ...(spec.subcommands ?? []).map((sub) => [spec.name, sub.name]),
]);

describe('mentee help <command>', () => {
  it.each(EVERY.map((words) => [words.join(' ')]))('mentee help %s is the same as its --help', async (command) => {
    const words = command.split(' ');
    const help = await runCli(['help', ...words]);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toBe(await cli([...words, '--help']));
    expect(help.stdout).toContain(`Usage: mentee ${command}`);
  });

  it('mentee help alone, and mentee help help, are the program help', async () => {
    const overview = await cli(['--help']);
    expect(await cli(['help'])).toBe(overview);
    expect(await cli(['help', 'help'])).toBe(overview);
  });

  it('help for a mistyped command names the one meant', async () => {
    expect(await runCli(['help', 'stauts'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "mentee: unknown command 'stauts'. Did you mean status?\n",
    });
    expect(await runCli(['help', 'action', 'ad'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "mentee: unknown command 'action ad'. Did you mean action add?\n",
    });
    expect((await runCli(['help', 'nothing-like-it'])).stderr).toBe(
      "mentee: unknown command 'nothing-like-it'. See: mentee --help\n",
    );
  });

  it('a word after the command is refused, never silently dropped', async () => {
    expect(await runCli(['help', 'status', 'extra'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "mentee: unknown command 'status extra'. See: mentee status --help\n",
    });
    expect((await runCli(['help', 'action', 'add', 'now'])).stderr).toBe(
      "mentee: unknown command 'action add now'. See: mentee action add --help\n",
    );
  });

  it('global flags before help are kept', async () => {
    expect(await cli(['--no-color', 'help', 'status'])).toBe(await cli(['status', '--help']));
  });
});

describe('forgotten quotes', () => {
  const refused = async (args: string[]) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    return result.stderr;
  };

  it('a flag whose text lost its quotes is shown quoted', async () => {
    expect(await refused(['prep', '--topic', 'Specialty', 'choice'])).toBe(
      'mentee: too many arguments: "choice". Put text with spaces in quotes: --topic "Specialty choice"\n',
    );
    expect(await refused(['prep', '--when', 'tomorrow', '--topic=Exam', 'prep', 'plans'])).toBe(
      'mentee: too many arguments: "prep", "plans". Put text with spaces in quotes: --topic "Exam prep plans"\n',
    );
  });

  it('each flag that lost its quotes is named', async () => {
    expect(await refused(['prep', '--topic', 'Specialty', 'choice', '--topic', 'Rota', 'swap', '--yes'])).toBe(
      'mentee: too many arguments: "choice", "swap". Put text with spaces in quotes: --topic "Specialty choice" --topic "Rota swap"\n',
    );
  });

  it("a command's argument that lost its quotes is shown with the command", async () => {
    expect(await refused(['action', 'add', 'Call', 'the', 'GP', '--due', 'friday'])).toBe(
      'mentee: too many arguments: "the", "GP". Put text with spaces in quotes: mentee action add "Call the GP"\n',
    );
    expect(await refused(['mentor', 'add', 'Dr', 'Ada', 'Lovelace', '--role', 'GP partner'])).toContain(
      'mentee mentor add "Dr Ada Lovelace"',
    );
  });

  it('quotes that the shell would read are not used around text holding them', async () => {
    expect(await refused(['prep', '--topic', 'Costs:', '$500', 'course'])).toContain(`--topic 'Costs: $500 course'`);
  });

  it('a word after a command that takes none says so, without a quoting hint', async () => {
    expect(await refused(['undo', '2'])).toBe(
      'mentee: too many arguments for \'undo\': "2"; it takes none. See: mentee undo --help\n',
    );
    expect(await refused(['status', '--json', 'now'])).toBe(
      'mentee: too many arguments for \'status\': "now"; it takes none. See: mentee status --help\n',
    );
  });
});
