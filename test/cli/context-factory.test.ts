/** A run makes its command's context from the global flags, through a factory tests can replace. */
import { describe, expect, it } from 'vitest';
import type { GlobalOptions } from '../../src/cli/context.js';
import { commandContext, tempStores } from '../helpers/command-context.js';
import { NOW } from '../helpers/clock.js';
import { runCli } from '../helpers/run-cli.js';
import { scripted } from '../helpers/scripted-prompter.js';

const stores = tempStores(NOW);

describe('the context factory of a run', () => {
  it('is given the global flags, and the command runs on the context it returns', async () => {
    const { store } = await stores();
    const ctx = commandContext(store, NOW, scripted([]), { interactive: false });
    const given: GlobalOptions[] = [];
    const result = await runCli(['--journal', 'elsewhere.json', '--no-color', 'mentor', 'add', 'Dr Ada Lovelace'], {
      createContext: (globals) => (given.push(globals), ctx),
    });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(given).toEqual([expect.objectContaining({ journal: 'elsewhere.json', color: false })]);
    expect(ctx.out.join('\n')).toContain('Dr Ada Lovelace');
    expect((await store.read()).mentors.map((mentor) => mentor.handle)).toEqual(['lovelace']);
  });
});
