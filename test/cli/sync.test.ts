/**
 * `mentee sync` as one person sees it on two devices, in process: what each command says, its JSON,
 * and every refusal in one line with nothing changed. The remote is a real bare git repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyncJsonSchema, SyncStatusJsonSchema } from '../../src/ui/json-shapes.js';
import { readJournal } from '../helpers/cli.js';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolders } from '../helpers/temp.js';

const folder = tempFolders();

/** Two devices' journals and one bare repository, in a fresh folder. */
async function twoDevices() {
  const { dir } = await folder();
  const remote = join(dir, 'remote.git');
  execFileSync('git', ['init', '--bare', '-q', remote]);
  await mkdir(join(dir, 'laptop'));
  await mkdir(join(dir, 'desktop'));
  const device = (name: string) => {
    const journal = join(dir, name, 'journal.json');
    return {
      journal,
      run: (args: string[], now = '2026-11-25T09:00:00Z') => runCli(args, { journal, now }),
      ok: (args: string[], now = '2026-11-25T09:00:00Z') => cli(args, { journal, now }),
    };
  };
  return { dir, remote, laptop: device('laptop'), desktop: device('desktop') };
}

/** Two devices in step, the laptop's journal (Dr Ada Lovelace) sent, the desktop's taken from it. */
async function inStepWithAda() {
  const devices = await twoDevices();
  await devices.laptop.ok(['mentor', 'add', 'Dr Ada Lovelace']);
  await devices.laptop.ok(['sync', 'init', devices.remote]);
  await devices.desktop.ok(['sync', 'init', devices.remote]);
  return devices;
}

/** Then each makes an action, a1 on both: the laptop's first. */
async function bothMadeA1() {
  const devices = await inStepWithAda();
  await devices.laptop.ok(['action', 'add', 'Made on the laptop'], '2026-11-25T10:00:00Z');
  await devices.desktop.ok(['action', 'add', 'Made on the desktop'], '2026-11-25T11:00:00Z');
  return devices;
}

describe('mentee sync', () => {
  it('the first device sends its journal; a second with none takes it, and both say what moved', async () => {
    const { remote, laptop, desktop } = await twoDevices();
    await laptop.ok(['mentor', 'add', 'Dr Ada Lovelace']);
    await laptop.ok(['action', 'add', 'Draft a personal statement']);
    expect(await laptop.ok(['sync', 'init', remote])).toBe(
      `Connected your journal to ${remote}.\nSent 1 mentor and 1 action of yours.\n`,
    );
    expect(await desktop.ok(['sync', 'init', remote])).toBe(
      `Connected your journal to ${remote}.\nBrought in 1 mentor and 1 action from the remote.\n`,
    );
    expect((await readJournal(desktop.journal)).actions).toEqual((await readJournal(laptop.journal)).actions);
    expect(await laptop.ok(['sync'])).toBe(`Up to date with ${remote}.\n`);
  });

  it('brings in what the other device did and sends what this one did, in one sync', async () => {
    const { laptop, desktop } = await inStepWithAda();
    await laptop.ok(['goal', 'add', 'Choose a specialty']);
    await laptop.ok(['sync']);
    await desktop.ok(['action', 'add', 'Book the exam']);
    expect(await desktop.ok(['sync'])).toBe('Brought in 1 goal from the remote; sent 1 action of yours.\n');
    expect(await laptop.ok(['sync'])).toBe('Brought in 1 action from the remote.\n');
    expect((await readJournal(laptop.journal)).actions.map((action: { title: string }) => action.title)).toEqual([
      'Book the exam',
    ]);
  });

  it('--json gives the documented shapes for sync, sync init and sync status', async () => {
    const { remote, laptop } = await twoDevices();
    await laptop.ok(['mentor', 'add', 'Dr Ada Lovelace']);
    const init = SyncJsonSchema.parse(JSON.parse(await laptop.ok(['sync', 'init', remote, '--json'])));
    expect(init).toMatchObject({ remote, pushed: true, encrypted: false, renumbered: [], conflicts: [] });
    expect(init.sent.mentor).toEqual({ added: 1, changed: 0, removed: 0 });
    SyncJsonSchema.parse(JSON.parse(await laptop.ok(['sync', '--json'])));
    const status = SyncStatusJsonSchema.parse(JSON.parse(await laptop.ok(['sync', 'status', '--json'])));
    expect(status).toMatchObject({ remote, reachable: true, conflicts: [] });
    expect(status.lastShared).not.toBeNull();
  });

  it('sync status says what there is to send, and to fetch once the other device has sent', async () => {
    const { laptop, desktop } = await inStepWithAda();
    expect(await laptop.ok(['sync', 'status'])).toMatch(/\nNothing to send\.\nNothing to fetch\.\n$/);
    await laptop.ok(['action', 'add', 'Book the exam']);
    expect(await laptop.ok(['sync', 'status'])).toContain('\nTo send: 1 action.\nNothing to fetch.\n');
    await laptop.ok(['sync']);
    expect(await desktop.ok(['sync', 'status'])).toContain('\nNothing to send.\nTo fetch: 1 action.\n');
  });

  it('renumbers the action made later when both devices made a1, and says so on the device it was made', async () => {
    const { laptop, desktop } = await bothMadeA1();
    await laptop.ok(['sync'], '2026-11-25T12:00:00Z');
    expect(await desktop.ok(['sync'], '2026-11-25T12:05:00Z')).toContain(
      'Your action a1 is now a2: another device had also made an action a1.',
    );
    await laptop.ok(['sync'], '2026-11-25T12:10:00Z');
    for (const device of [laptop, desktop])
      expect(
        (await readJournal(device.journal)).actions.map(
          ({ id, title }: { id: string; title: string }) => `${id} ${title}`,
        ),
      ).toEqual(['a1 Made on the laptop', 'a2 Made on the desktop']);
  });

  it('tells the device whose action was renumbered, also when the other device did the renumbering', async () => {
    const { laptop, desktop } = await bothMadeA1();
    await desktop.ok(['sync'], '2026-11-25T12:00:00Z');
    expect(await laptop.ok(['sync'], '2026-11-25T12:05:00Z')).toContain(
      "The other device's action a1 is a2 here: this device had an action a1 already",
    );
    expect(await desktop.ok(['sync'], '2026-11-25T12:10:00Z')).toContain(
      'Your action a1 is now a2: another device had also made an action a1.',
    );
  });

  it('keeps the later of two changes to one field, notes the other, shows it until dismissed', async () => {
    const { remote, laptop, desktop } = await twoDevices();
    await laptop.ok(['action', 'add', 'Email the lead']);
    await laptop.ok(['sync', 'init', remote]);
    await desktop.ok(['sync', 'init', remote]);
    await laptop.ok(['action', 'edit', 'a1', '--title', 'Email the training lead'], '2026-11-25T10:00:00Z');
    await desktop.ok(['action', 'edit', 'a1', '--title', 'Phone the training lead'], '2026-11-25T11:00:00Z');
    await laptop.ok(['sync'], '2026-11-25T12:00:00Z');
    expect(await desktop.ok(['sync'], '2026-11-25T12:05:00Z')).toContain(
      '1 field was changed differently on two devices; the later change was kept and the other noted: see mentee sync status.',
    );
    await laptop.ok(['sync'], '2026-11-25T12:10:00Z');
    for (const device of [laptop, desktop]) {
      expect((await readJournal(device.journal)).actions[0].title).toBe('Phone the training lead');
      expect(await device.ok(['sync', 'status'], '2026-11-25T12:15:00Z')).toContain(
        '  25 Nov 12:05  action a1, title: kept "Phone the training lead"; the other was "Email the training lead"',
      );
    }
    expect(await laptop.ok(['doctor'])).toContain('1 field was changed differently on two devices');
    expect(await laptop.ok(['sync', 'dismiss'])).toBe(
      'Dismissed the conflict note; your other devices forget it at their next sync.\n',
    );
    await laptop.ok(['sync']);
    await desktop.ok(['sync']);
    expect((await readJournal(desktop.journal)).conflicts).toEqual([]);
    expect(await desktop.ok(['sync', 'dismiss'])).toBe('No conflict notes to dismiss.\n');
  });

  it('a plain journal never sends its private texts: they stay on the device they were written on', async () => {
    const { remote, laptop, desktop } = await twoDevices();
    await laptop.ok(['mentor', 'add', 'Dr Ada Lovelace']);
    await laptop.ok([
      'log',
      '--when',
      '2026-11-20 17:30',
      '--advice',
      'Talk to GPs',
      '--private',
      'Felt out of my depth',
    ]);
    await laptop.ok(['sync', 'init', remote]);
    const sent = execFileSync('git', ['--git-dir', remote, 'show', 'main:journal.json'], { encoding: 'utf8' });
    expect(sent).toContain('Talk to GPs');
    expect(sent).not.toContain('Felt out of my depth');
    await desktop.ok(['sync', 'init', remote]);
    expect((await readJournal(desktop.journal)).meetings[0].log.privateReflection).toBeUndefined();
    await desktop.ok(['log', 'm1', '--amend', '--advice', 'Ask about the rota']);
    await desktop.ok(['sync']);
    expect(await laptop.ok(['sync'])).toBe('Brought in 1 meeting from the remote.\n');
    const kept = (await readJournal(laptop.journal)).meetings[0].log;
    expect(kept).toMatchObject({
      advice: ['Talk to GPs', 'Ask about the rota'],
      privateReflection: 'Felt out of my depth',
    });
    expect(await laptop.ok(['sync', 'status'])).toContain('\nNothing to send.\nNothing to fetch.\n');
    expect(await laptop.ok(['sync'])).toBe(`Up to date with ${remote}.\n`);
  });

  it('a meeting logged on one device and cancelled on the other stays held, with every word of both', async () => {
    const { remote, laptop, desktop } = await twoDevices();
    await laptop.ok(['mentor', 'add', 'Dr Ada Lovelace']);
    await laptop.ok(['prep', '--when', '2026-11-24 17:00', '--topic', 'Specialty'], '2026-11-20T09:00:00Z');
    await laptop.ok(['sync', 'init', remote]);
    await desktop.ok(['sync', 'init', remote]);
    await laptop.ok(['log', 'm1', '--covered', '1', '--advice', 'Talk to GPs'], '2026-11-24T19:00:00Z');
    await desktop.ok(['meeting', 'cancel', 'm1', '--note', 'Mentor ill'], '2026-11-24T20:00:00Z');
    await laptop.ok(['sync'], '2026-11-25T09:00:00Z');
    await desktop.ok(['sync'], '2026-11-25T09:01:00Z');
    await laptop.ok(['sync'], '2026-11-25T09:02:00Z');
    for (const device of [laptop, desktop])
      expect((await readJournal(device.journal)).meetings[0]).toMatchObject({
        status: 'held',
        cancelNote: 'Mentor ill',
        log: { advice: ['Talk to GPs'] },
      });
    expect(await desktop.ok(['sync', 'status'])).toContain(
      'meeting m1, status: kept "held"; the other was "cancelled"',
    );
  });

  it('undo after a sync takes back what it brought in, in one step', async () => {
    const { laptop, desktop } = await inStepWithAda();
    await laptop.ok(['action', 'add', 'One']);
    await laptop.ok(['action', 'add', 'Two']);
    await laptop.ok(['sync']);
    await desktop.ok(['sync']);
    expect((await readJournal(desktop.journal)).actions).toHaveLength(2);
    const undone = await desktop.ok(['undo']);
    expect(undone).toMatch(/^Undid: a sync: added action a/);
    expect(undone).toContain(
      'That was a sync: on your other devices these changes stay, and the next mentee sync brings them in again.',
    );
    expect((await readJournal(desktop.journal)).actions).toEqual([]);
  });

  it('a sync after undoing a sync never removes from the other devices what that sync brought in', async () => {
    const { laptop, desktop } = await inStepWithAda();
    await laptop.ok(['action', 'add', 'Made on the laptop', '--note', 'an important detail']);
    await laptop.ok(['sync']);
    await desktop.ok(['action', 'add', 'Made on the desktop']);
    await desktop.ok(['sync']);
    await desktop.ok(['undo']);
    await desktop.ok(['sync']);
    await laptop.ok(['sync']);
    for (const device of [laptop, desktop])
      expect(
        (await readJournal(device.journal)).actions.map((action: { title: string }) => action.title).sort(),
      ).toEqual(['Made on the desktop', 'Made on the laptop']);
  });
});

describe('what a sync says', () => {
  it('a removal is said as one, on the device that made it and on the other', async () => {
    const { remote, laptop, desktop } = await twoDevices();
    await laptop.ok(['mentor', 'add', 'Dr Ada Lovelace']);
    await laptop.ok(['sync', 'init', remote]);
    await laptop.ok(['action', 'add', 'Added by mistake']);
    await laptop.ok(['sync']);
    await desktop.ok(['sync', 'init', remote]);
    await laptop.ok(['undo']);
    expect(await laptop.ok(['sync', 'status'])).toContain('To send: the removal of 1 action.');
    expect(await laptop.ok(['sync'])).toBe('Sent the removal of 1 action.\n');
    expect(await desktop.ok(['sync'])).toBe('Removed 1 action that the remote no longer has.\n');
    expect((await readJournal(desktop.journal)).actions).toEqual([]);
  });

  it('never shows a password or token written in the remote URL', async () => {
    const { laptop } = await twoDevices();
    await laptop.ok(['mentor', 'add', 'Dr Ada Lovelace']);
    const result = await laptop.run(['sync', 'init', 'https://sam:ghp_SECRETTOKEN@127.0.0.1:9/x.git']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('https://***@127.0.0.1:9/x.git');
    expect(result.stderr).not.toContain('SECRETTOKEN');
  });
});

describe('a journal that went back in time never takes from the other devices what it lacks', () => {
  /** Laptop and desktop in step, each with an action the other has. */
  async function inStep() {
    const devices = await twoDevices();
    const { remote, laptop, desktop } = devices;
    await laptop.ok(['action', 'add', 'Made on the laptop'], '2026-11-25T09:00:00Z');
    await laptop.ok(['sync', 'init', remote], '2026-11-25T09:01:00Z');
    await desktop.ok(['sync', 'init', remote], '2026-11-25T09:02:00Z');
    await desktop.ok(['action', 'add', 'Made on the desktop', '--note', 'its words'], '2026-11-25T09:03:00Z');
    await desktop.ok(['sync'], '2026-11-25T09:04:00Z');
    await laptop.ok(['sync'], '2026-11-25T09:05:00Z');
    return devices;
  }
  const titles = async (journal: string) =>
    (await readJournal(journal)).actions.map((action: { title: string }) => action.title).sort();
  const BOTH = ['Made on the desktop', 'Made on the laptop'];

  it('an older backup restored, then synced', async () => {
    const { laptop, desktop } = await inStep();
    const backups = JSON.parse(await laptop.ok(['doctor', '--json'])).backups as {
      number: number;
      counts: { actions: number };
    }[];
    const older = backups.find((backup) => backup.counts.actions === 1)!;
    expect(await laptop.ok(['doctor', '--restore', String(older.number)])).toContain(
      'This journal syncs: the next mentee sync brings back what your devices (this one too) changed since that backup.',
    );
    expect(await titles(laptop.journal)).toEqual(['Made on the laptop']);
    await laptop.ok(['sync'], '2026-11-25T10:00:00Z');
    await desktop.ok(['sync'], '2026-11-25T10:01:00Z');
    expect(await titles(laptop.journal)).toEqual(BOTH);
    expect(await titles(desktop.journal)).toEqual(BOTH);
  });

  it('the journal file and its backups gone, then synced: the remote journal comes back', async () => {
    const { laptop, desktop } = await inStep();
    await rm(laptop.journal);
    await rm(`${laptop.journal}.backups`, { recursive: true });
    await laptop.ok(['sync'], '2026-11-25T10:00:00Z');
    await desktop.ok(['sync'], '2026-11-25T10:01:00Z');
    expect(await titles(laptop.journal)).toEqual(BOTH);
    expect(await titles(desktop.journal)).toEqual(BOTH);
  });
});

describe('mentee sync refuses in one line, changing nothing', () => {
  it("another device's own sync repository given as the remote", async () => {
    const { remote, laptop, desktop } = await twoDevices();
    await laptop.ok(['mentor', 'add', 'Dr Ada Lovelace']);
    await laptop.ok(['sync', 'init', remote]);
    await desktop.ok(['mentor', 'add', 'Prof Alan Turing']);
    const before = await readFile(desktop.journal);
    const result = await desktop.run(['sync', 'init', `${laptop.journal}.sync`]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/is a device's own sync repository, not a remote; nothing was changed\./);
    expect(await readFile(desktop.journal)).toEqual(before);
  });

  it('a mistyped new remote: the connection stays as it was', async () => {
    const { dir, remote, laptop } = await twoDevices();
    await laptop.ok(['mentor', 'add', 'Dr Ada Lovelace']);
    await laptop.ok(['sync', 'init', remote]);
    expect((await laptop.run(['sync', 'init', join(dir, 'typo.git')])).code).toBe(1);
    expect(await laptop.ok(['sync'])).toBe(`Up to date with ${remote}.\n`);
  });

  it('a journal not connected yet', async () => {
    const { laptop } = await twoDevices();
    await laptop.ok(['mentor', 'add', 'Dr Ada Lovelace']);
    const before = await readFile(laptop.journal);
    for (const args of [['sync'], ['sync', 'status']])
      expect(await laptop.run(args)).toEqual({
        code: 1,
        stdout: '',
        stderr: 'mentee: This journal is not synced yet. Connect it to a git remote with: mentee sync init <remote>\n',
      });
    expect(await readFile(laptop.journal)).toEqual(before);
  });

  it('a remote that is not there: no sync folder is left, the journal is as it was', async () => {
    const { dir, laptop } = await twoDevices();
    await laptop.ok(['mentor', 'add', 'Dr Ada Lovelace']);
    const before = await readFile(laptop.journal);
    const nowhere = join(dir, 'nowhere.git');
    expect(await laptop.run(['sync', 'init', nowhere])).toEqual({
      code: 1,
      stdout: '',
      stderr: `mentee: Cannot reach the sync remote ${nowhere}: does not appear to be a git repository.\n`,
    });
    expect(existsSync(`${laptop.journal}.sync`)).toBe(false);
    expect(await readFile(laptop.journal)).toEqual(before);
  });

  it('a remote gone after connecting: the sync says so; status says what is left to send', async () => {
    const { dir, remote, laptop } = await twoDevices();
    await laptop.ok(['mentor', 'add', 'Dr Ada Lovelace']);
    await laptop.ok(['sync', 'init', remote]);
    await laptop.ok(['action', 'add', 'Book the exam']);
    execFileSync('mv', [remote, join(dir, 'elsewhere.git')]);
    const before = await readFile(laptop.journal);
    const result = await laptop.run(['sync']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `mentee: Cannot reach the sync remote ${remote}: does not appear to be a git repository.\n`,
    );
    expect(await readFile(laptop.journal)).toEqual(before);
    const status = await laptop.ok(['sync', 'status']);
    expect(status).toContain('To send: 1 action.');
    expect(status).toContain('Cannot tell what there is to fetch: Cannot reach the sync remote');
  });

  it('a plain journal when the remote holds an encrypted one', async () => {
    const { remote, laptop, desktop } = await twoDevices();
    const env = { MENTEE_PASSPHRASE: 'correct horse battery staple' };
    await cli(['mentor', 'add', 'Dr Ada Lovelace'], { journal: laptop.journal, env });
    await cli(['encrypt'], { journal: laptop.journal, env });
    await cli(['sync', 'init', remote], { journal: laptop.journal, env });
    await desktop.ok(['mentor', 'add', 'Prof Alan Turing']);
    const before = await readFile(desktop.journal);
    const result = await runCli(['sync', 'init', remote], { journal: desktop.journal, env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^mentee: The journal on the sync remote is encrypted and this one is not; nothing was changed\./,
    );
    expect(await readFile(desktop.journal)).toEqual(before);
    expect(existsSync(`${desktop.journal}.sync`)).toBe(false);
  });

  it('encrypting a synced journal disconnects it, leaving no plain copy in its sync repository', async () => {
    const { remote, laptop } = await twoDevices();
    await laptop.ok(['action', 'add', 'A secret action']);
    await laptop.ok(['sync', 'init', remote]);
    const out = await cli(['encrypt'], {
      journal: laptop.journal,
      env: { MENTEE_PASSPHRASE: 'correct horse battery staple' },
    });
    expect(out).toContain(
      'Sync is disconnected: the sync repository beside the journal held plain copies and was removed. Connect again with mentee sync init <remote>',
    );
    expect(out).toContain(`delete ${remote} if it holds plain copies`);
    expect(existsSync(`${laptop.journal}.sync`)).toBe(false);
    expect((await laptop.run(['sync'])).stderr).toContain('This journal is not synced yet.');
  });

  it('an empty remote name', async () => {
    const { laptop } = await twoDevices();
    expect(await laptop.run(['sync', 'init', ' '])).toMatchObject({ code: 2, stdout: '' });
  });
});
