/**
 * `mentee sync` between simulated devices: each its own journal, one bare git repository as the remote,
 * the built binary running the real git. What a user with a laptop and a work machine notices: nothing
 * written on either is lost, the same field changed on both keeps the later change and says so, two
 * devices that made the same short id end with both records and every reference right, undo takes a
 * sync back, and `sync status` says what there is to send and to fetch.
 */
import { readdir, readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFolders } from '../helpers/temp.js';
import {
  bareRemote,
  builtBinary,
  Clock,
  counts,
  device,
  expectInStep,
  git,
  NOTHING,
  remoteMain,
  type Device,
} from '../helpers/devices.js';

beforeAll(builtBinary, 120_000);

const folder = tempFolders();

/** Sam's journal on a laptop: a mentor, a goal, an action, a meeting prepared and logged, the next one planned. */
async function samsLaptop(laptop: Device): Promise<void> {
  await laptop.quick('init', '--name', 'Sam Patel', '--stage', 'FY2 doctor');
  await laptop.quick('mentor', 'add', 'Dr Ada Lovelace', '--role', 'GP partner', '--length', '30');
  await laptop.quick('goal', 'add', 'Choose between paediatrics and general practice', '--category', 'career');
  await laptop.quick('action', 'add', 'Draft a personal statement', '--due', '2026-12-04', '--goal', 'g1');
  await laptop.quick(
    'prep',
    '--mentor',
    'lovelace',
    '--when',
    '2026-11-24 17:30',
    '--topic',
    'Specialty choice:15',
    '--goal',
    'g1',
    '--review',
    'a1=progress:first half drafted',
  );
  await laptop.quick(
    'log',
    'm1',
    '--covered',
    '1',
    '--advice',
    'Talk to three GPs before deciding',
    '--action',
    'Email the GP training lead:2026-12-17',
    '--next',
    '2027-01-07 17:30',
  );
}

/** Two devices in step through a new remote: the laptop's journal sent, the work machine's taken from it. */
async function twoDevices(): Promise<{ laptop: Device; work: Device; remote: string; clock: Clock }> {
  const root = await folder();
  const clock = new Clock();
  const remote = await bareRemote(root);
  const laptop = await device(root, 'laptop', clock);
  const work = await device(root, 'work', clock);
  await samsLaptop(laptop);
  await laptop.mentee('sync', 'init', remote);
  await work.mentee('sync', 'init', remote);
  return { laptop, work, remote, clock };
}

describe('a second device', () => {
  it('with no journal takes the first one’s: status, show and every record are the same on both', async () => {
    const root = await folder();
    const clock = new Clock();
    const remote = await bareRemote(root);
    const laptop = await device(root, 'laptop', clock);
    const work = await device(root, 'work', clock);
    await samsLaptop(laptop);

    const sent = await laptop.mentee('sync', 'init', remote);
    expect(sent.split('\n')[0]).toBe(`Connected your journal to ${remote}.`);
    expect(await remoteMain(remote)).toBeDefined();

    const taken = await work.run('sync', 'init', remote, '--json');
    expect(taken.code, taken.stderr).toBe(0);
    const outcome = JSON.parse(taken.stdout);
    expect(outcome).toMatchObject({ remote, pushed: true, encrypted: false, renumbered: [], conflicts: [] });
    expect(outcome.received).toEqual(
      counts({
        profile: { changed: 1 },
        mentor: { added: 1 },
        goal: { added: 1 },
        meeting: { added: 2 },
        action: { added: 2 },
      }),
    );
    expect(outcome.sent).toEqual(NOTHING);

    for (const args of [['status'], ['show', 'm1'], ['show', 'g1'], ['actions'], ['meetings']]) {
      const [mine, theirs] = await Promise.all(
        [laptop, work].map((each) => each.runAt('2026-11-30T09:00:00Z', ...args)),
      );
      expect(theirs, `mentee ${args.join(' ')}`).toEqual(mine);
    }
    await expectInStep(laptop, work);
  });

  it('that has a journal of its own keeps it and gains the first one’s; the same mentor on both is one mentor', async () => {
    const root = await folder();
    const clock = new Clock();
    const remote = await bareRemote(root);
    const laptop = await device(root, 'laptop', clock);
    const work = await device(root, 'work', clock);
    await samsLaptop(laptop);
    await laptop.mentee('sync', 'init', remote);
    await work.quick('mentor', 'add', 'Dr Ada Lovelace');
    await work.quick('action', 'add', 'Renew my indemnity cover');

    await work.mentee('sync', 'init', remote);
    await laptop.mentee('sync');

    await expectInStep(laptop, work);
    const content = (await work.content()) as { mentors: { handle: string }[] };
    expect(content.mentors.map((mentor) => mentor.handle)).toEqual(['lovelace']);
    expect(Object.values(await work.actions()).sort()).toEqual(
      ['Draft a personal statement', 'Email the GP training lead', 'Renew my indemnity cover'].sort(),
    );
  });
});

describe('two devices that each wrote something', () => {
  it('both hold everything either wrote once each has synced in turn, and each sync says what it brought and sent', async () => {
    const { laptop, work, remote } = await twoDevices();
    await work.quick(
      'log',
      '--mentor',
      'lovelace',
      '--when',
      '2026-11-25 08:00',
      '--advice',
      'Ask the rota coordinator early',
    );
    await laptop.quick('action', 'add', 'Book the MRCGP exam');
    await laptop.quick('action', 'add', 'Shadow a paediatric clinic');

    expect(await laptop.mentee('sync')).toBe('Sent 2 actions of yours.\n');
    expect(await work.mentee('sync')).toBe('Brought in 2 actions from the remote; sent 1 meeting of yours.\n');
    expect(await laptop.mentee('sync')).toBe('Brought in 1 meeting from the remote.\n');
    expect(await work.mentee('sync')).toBe(`Up to date with ${remote}.\n`);

    await expectInStep(laptop, work);
    const content = (await laptop.content()) as { meetings: { log?: { advice: string[] } }[] };
    expect(content.meetings.flatMap((meeting) => meeting.log?.advice ?? [])).toEqual([
      'Talk to three GPs before deciding',
      'Ask the rota coordinator early',
    ]);
    expect(Object.values(await work.actions())).toEqual(
      expect.arrayContaining(['Book the MRCGP exam', 'Shadow a paediatric clinic']),
    );
  });

  // Once, the synced copy carried the journal's own save time, which every save of a merge stamped anew:
  // two devices in step went on rewriting their journals (a backup each time, pushing real ones out of the
  // rotation) and pushing commits that differed only in it, while every sync said "Up to date".
  it('syncs with nothing new, again and again, leave the journals, their backups and the remote as they were', async () => {
    const { laptop, work, remote } = await twoDevices();
    for (const each of [laptop, work, laptop, work]) await each.sync();
    const everything = async () => ({
      main: await remoteMain(remote),
      journals: await Promise.all([laptop, work].map((each) => readFile(each.journal, 'utf8'))),
      backups: await Promise.all([laptop, work].map((each) => readdir(`${each.journal}.backups`))),
    });
    const before = await everything();
    for (const each of [laptop, work, laptop, work, laptop, work])
      expect(await each.mentee('sync')).toBe(`Up to date with ${remote}.\n`);
    expect(await everything()).toEqual(before);
  });
});

describe('two devices syncing at the same moment', () => {
  it('both finish without an error, and the next syncs bring both in step with every record', async () => {
    const { laptop, work } = await twoDevices();
    const titles: string[] = [];
    for (let round = 1; round <= 3; round++) {
      for (const each of [laptop, work]) {
        titles.push(`Round ${round} on the ${each.name}`);
        await each.quick('action', 'add', titles.at(-1)!);
      }
      const results = await Promise.all([laptop.run('sync'), work.run('sync')]);
      for (const result of results) {
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toBe('');
      }
    }
    for (const each of [laptop, work, laptop]) await each.sync();
    await expectInStep(laptop, work);
    const all = Object.values(await laptop.actions());
    for (const title of titles) expect(all.filter((each) => each === title)).toHaveLength(1);
  });
});

describe('two syncs at once on one device (a timer and a hand)', () => {
  // The fetch of one moves refs/remotes/origin/main under the other's (git: "cannot lock ref … is at X but
  // expected Y"); that was said as "Cannot reach the sync remote". A race: each round caught it about one
  // time in two, so eight rounds all but always do.
  it('each finishes, or says another sync is at work; neither says the remote cannot be reached', async () => {
    const { laptop, work, remote } = await twoDevices();
    for (let round = 1; round <= 8; round++) {
      await work.quick('action', 'add', `Round ${round} on the work machine`);
      await work.sync();
      await laptop.quick('action', 'add', `Round ${round} on the laptop`);
      const results = await Promise.all([laptop.run('sync'), laptop.run('sync')]);
      for (const result of results) {
        expect(result.stderr).not.toContain(`Cannot reach the sync remote ${remote}`);
        expect(result.stderr).not.toMatch(/unexpected error/);
      }
    }
  });
});

describe('the same record changed on two devices', () => {
  it('different fields: both changes kept, no conflict', async () => {
    const { laptop, work } = await twoDevices();
    await laptop.quick('action', 'edit', 'a1', '--title', 'Draft and polish the personal statement');
    await work.quick('action', 'edit', 'a1', '--due', '2026-12-11');
    for (const each of [laptop, work, laptop]) await each.sync();

    await expectInStep(laptop, work);
    const content = (await work.content()) as { actions: { id: string; title: string; due?: string }[] };
    expect(content.actions.find((action) => action.id === 'a1')).toMatchObject({
      title: 'Draft and polish the personal statement',
      due: '2026-12-11',
    });
    expect((await work.status()).conflicts).toEqual([]);
  });

  it('the same field: the later change kept on both, the other shown by sync status on both devices', async () => {
    const { laptop, work } = await twoDevices();
    await laptop.quick('action', 'edit', 'a1', '--title', 'Draft the statement on the train');
    await work.quick('action', 'edit', 'a1', '--title', 'Draft the statement with Dr Lovelace'); // later
    await laptop.sync();
    const merged = await work.run('sync');
    expect(merged.stdout).toContain(
      '1 field was changed differently on two devices; the later change was kept and the other noted: see mentee sync status.',
    );
    await laptop.sync();

    await expectInStep(laptop, work);
    expect((await laptop.actions()).a1).toBe('Draft the statement with Dr Lovelace');
    for (const each of [laptop, work]) {
      const status = await each.status();
      expect(status.conflicts).toEqual([
        {
          at: expect.any(String),
          kind: 'action',
          id: 'a1',
          field: 'title',
          kept: JSON.stringify('Draft the statement with Dr Lovelace'),
          other: JSON.stringify('Draft the statement on the train'),
          private: false,
        },
      ]);
      const text = await each.mentee('sync', 'status');
      expect(text).toContain('Changed differently on two devices (the later change kept, the other noted):');
      expect(text).toMatch(
        /action a1, title: kept "Draft the statement with Dr Lovelace"; the other was "Draft the statement on the train"/,
      );
      expect(await each.mentee('doctor')).toContain('1 field was changed differently on two devices');
    }

    // Once read, dismissed on one device: gone from both after they sync.
    await work.mentee('sync', 'dismiss');
    await work.sync();
    await laptop.sync();
    for (const each of [laptop, work]) expect((await each.status()).conflicts).toEqual([]);
    expect(await laptop.mentee('doctor')).not.toContain('changed differently');
  });

  it('a private reflection written on both stays on each device: none is sent, each keeps its own, no conflict', async () => {
    const { laptop, work, remote } = await twoDevices();
    await laptop.quick('log', 'm1', '--amend', '--private', 'Felt anxious about the rota');
    await work.quick('log', 'm1', '--amend', '--private', 'Felt relieved after talking it through');
    for (const each of [laptop, work, laptop]) await each.sync();

    await expectInStep(laptop, work);
    const reflection = async (each: Device) =>
      ((await each.content()) as { meetings: { id: string; log?: { privateReflection?: string } }[] }).meetings.find(
        (meeting) => meeting.id === 'm1',
      )!.log?.privateReflection;
    expect(await reflection(laptop)).toBe('Felt anxious about the rota');
    expect(await reflection(work)).toBe('Felt relieved after talking it through');
    const objects = await git(['--git-dir', remote, 'cat-file', '--batch-all-objects', '--batch']);
    expect(objects).not.toMatch(/anxious|relieved/);
    expect((await laptop.status()).conflicts).toEqual([]);
  });
});

describe('two devices that made the same short id', () => {
  it('keep both records: the later one renumbered on every device, the sync says so, and every reference follows', async () => {
    const { laptop, work } = await twoDevices();
    // Both offline: the laptop adds a3 and plans m3; then the work machine logs a meeting (m3) with an
    // action (a3), and plans a meeting (m4) that reviews that action.
    await laptop.quick('action', 'add', 'Book the MRCGP exam');
    await laptop.quick('prep', '--mentor', 'lovelace', '--when', '2027-02-04 17:30', '--topic', 'Exam timing');
    await work.quick(
      'log',
      '--mentor',
      'lovelace',
      '--when',
      '2026-11-25 08:00',
      '--action',
      'Email the deanery:2026-12-10',
    );
    await work.quick(
      'prep',
      '--mentor',
      'lovelace',
      '--when',
      '2027-03-04 17:30',
      '--review',
      'a3=progress:asked twice',
    );
    const icsBefore = calendarUids(await work.mentee('export', '--all', '--format', 'ics'));

    expect((await laptop.sync()).renumbered).toEqual([]);
    const said = await work.run('sync', '--json');
    const outcome = JSON.parse(said.stdout);
    await laptop.sync();
    await expectInStep(laptop, work);

    const action = outcome.renumbered.find((change: { kind: string }) => change.kind === 'action');
    const meeting = outcome.renumbered.find(
      (change: { kind: string; from: string }) => change.kind === 'meeting' && change.from === 'm3',
    );
    expect(action).toMatchObject({ kind: 'action', from: 'a3', side: 'this' });
    expect(meeting).toMatchObject({ kind: 'meeting', from: 'm3', side: 'this' });

    const content = (await laptop.content()) as {
      actions: { id: string; title: string; meetingId?: string }[];
      meetings: { id: string; when: string; prep?: { review?: { actionId: string }[] } }[];
    };
    const ids = (list: { id: string }[]) => list.map((record) => record.id);
    expect(new Set(ids(content.actions)).size).toBe(content.actions.length);
    expect(new Set(ids(content.meetings)).size).toBe(content.meetings.length);
    expect(content.actions.find((each) => each.id === 'a3')!.title).toBe('Book the MRCGP exam');
    const deanery = content.actions.find((each) => each.title === 'Email the deanery')!;
    expect(deanery.id).toBe(action.to);
    expect(deanery.meetingId).toBe(meeting.to);
    const march = content.meetings.find((each) => each.when.startsWith('2027-03-04'))!;
    expect(march.prep?.review?.map((item) => item.actionId)).toEqual([action.to]);

    // The new id is the one to type.
    expect(await work.mentee('show', action.to)).toContain('Email the deanery');
    // The calendar event of the renumbered action is the same event: its UID did not change.
    const icsAfter = calendarUids(await work.mentee('export', '--all', '--format', 'ics'));
    for (const uid of icsBefore) expect(icsAfter).toContain(uid);
    expect(calendarUids(await laptop.mentee('export', '--all', '--format', 'ics')).sort()).toEqual(icsAfter.sort());
  });

  it('says in words which record changed id', async () => {
    const { laptop, work } = await twoDevices();
    await laptop.quick('action', 'add', 'Book the MRCGP exam');
    await work.quick('action', 'add', 'Email the deanery');
    await laptop.sync();
    expect(await work.mentee('sync')).toBe(
      'Brought in 1 action from the remote; sent 1 action of yours.\n' +
        'Your action a3 is now a4: another device had also made an action a3.\n',
    );
    await laptop.sync();
    await expectInStep(laptop, work);
    expect(await work.actions()).toMatchObject({ a3: 'Book the MRCGP exam', a4: 'Email the deanery' });
  });
});

describe('three devices', () => {
  it('each adding as it goes, round after round, end with the same journal holding every addition', async () => {
    const root = await folder();
    const clock = new Clock();
    const remote = await bareRemote(root);
    const devices = await Promise.all(['laptop', 'work', 'phone'].map((name) => device(root, name, clock)));
    await samsLaptop(devices[0]!);
    for (const each of devices) await each.mentee('sync', 'init', remote);

    const added: string[] = [];
    for (let round = 1; round <= 3; round++)
      for (const each of devices) {
        const title = `Round ${round} on the ${each.name}`;
        added.push(title);
        await each.quick('action', 'add', title);
        await each.quick('goal', 'update', 'g1', '--note', `Progress from the ${each.name}, round ${round}`);
        await each.sync();
      }
    // One more turn each brings the first ones what the later ones sent.
    for (const each of devices.slice(0, 2)) await each.sync();

    await expectInStep(...devices);
    const titles = Object.values(await devices[2]!.actions());
    for (const title of added) expect(titles.filter((each) => each === title)).toHaveLength(1);
    const content = (await devices[1]!.content()) as { goals: { progress: { note: string }[] }[] };
    expect(content.goals[0]!.progress).toHaveLength(9);
    for (const each of devices) expect((await each.status()).conflicts).toEqual([]);
  });
});

describe('undo after a sync', () => {
  it('takes back in one step exactly what the sync brought in', async () => {
    const { laptop, work } = await twoDevices();
    await laptop.quick('action', 'add', 'Book the MRCGP exam');
    await laptop.quick('log', '--mentor', 'lovelace', '--when', '2026-11-25 08:00', '--advice', 'Sleep before nights');
    await laptop.sync();
    await work.quick('goal', 'update', 'g1', '--note', 'Shadowed two GP clinics');
    // Undo never hands an id out again: the counters stay where they are; everything else goes back.
    const withoutCounters = async () => ({ ...(await work.content()), counters: undefined });
    const before = await withoutCounters();

    const synced = await work.sync();
    expect(synced.received).toEqual(counts({ meeting: { added: 1 }, action: { added: 1 } }));
    expect(await withoutCounters()).not.toEqual(before);
    const undone = await work.mentee('undo');
    expect(undone).toMatch(/^Undid: /);
    expect(undone).toContain('added action a3 "Book the MRCGP exam"');
    expect(undone).not.toContain('Shadowed');
    expect(await withoutCounters()).toEqual(before);
    // One step: the next undo takes back the work machine's own note, not more of the sync.
    await work.mentee('undo');
    const goal = (await work.content()) as { goals: { progress: unknown[] }[] };
    expect(goal.goals[0]!.progress).toEqual([]);
    await work.mentee('redo');
    await work.mentee('redo');
    expect(Object.values(await work.actions())).toContain('Book the MRCGP exam');
  });

  // Once, undo's history paired records by short id: a sync that renumbered the device's own a3 to a4 was
  // described as "changed action a3 … (uid, title, created at); added action a4 <the device's own action>".
  it('after a sync that renumbered, undo names what the sync brought in, not the device’s own action', async () => {
    const { laptop, work } = await twoDevices();
    await laptop.quick('action', 'add', 'Book the MRCGP exam');
    await laptop.sync();
    await work.quick('action', 'add', 'Renew my indemnity cover');
    expect((await work.sync()).renumbered).toEqual([{ kind: 'action', from: 'a3', to: 'a4', side: 'this' }]);
    const undone = await work.mentee('undo');
    expect(undone).toContain('added action a3 "Book the MRCGP exam"');
    expect(undone).not.toContain('added action a4 "Renew my indemnity cover"');
  });
});

describe('sync status', () => {
  it('says nothing to send or fetch when in step, what there is to send after an edit, and to fetch after the other device sent', async () => {
    const { laptop, work, remote } = await twoDevices();
    await laptop.mentee('sync');
    const inStep = await laptop.mentee('sync', 'status');
    expect(inStep).toMatch(
      new RegExp(`^Syncing with ${escape(remote)}; last in step .*\\.\nNothing to send\\.\nNothing to fetch\\.\n$`),
    );
    expect(await laptop.status()).toMatchObject({
      remote,
      reachable: true,
      toSend: NOTHING,
      toFetch: NOTHING,
      conflicts: [],
    });

    await laptop.quick('action', 'add', 'Book the MRCGP exam');
    await laptop.quick('action', 'done', 'a1');
    expect(await laptop.mentee('sync', 'status')).toContain('To send: 2 actions.');
    expect((await laptop.status()).toSend).toEqual(counts({ action: { added: 1, changed: 1 } }));
    expect((await work.status()).toFetch).toEqual(NOTHING);

    await laptop.sync();
    expect((await laptop.status()).toSend).toEqual(NOTHING);
    const waiting = await work.mentee('sync', 'status');
    expect(waiting).toContain('Nothing to send.');
    expect(waiting).toContain('To fetch: 2 actions.');
    expect((await work.status()).toFetch).toEqual(counts({ action: { added: 1, changed: 1 } }));

    await work.sync();
    expect(await work.status()).toMatchObject({ toSend: NOTHING, toFetch: NOTHING });
    // Looking changes nothing: status never writes the journal, nor moves the remote.
    const before = { journal: await readFile(work.journal), main: await remoteMain(remote) };
    await work.mentee('sync', 'status');
    expect({ journal: await readFile(work.journal), main: await remoteMain(remote) }).toEqual(before);
  });
});

/** The UIDs of a calendar's events and to-dos. */
function calendarUids(ics: string): string[] {
  return [...ics.matchAll(/^UID:(.+?)\r?$/gm)].map((match) => match[1]!);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
