/**
 * Edge cases found in review, proved through the built binary: every refusal is one line on stderr,
 * nothing on stdout, the right exit code and the journal byte-for-byte as it was.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAction } from '../../src/core/actions.js';
import { emptyJournal } from '../../src/core/model.js';
import { serialiseJournal } from '../../src/store/journal-file.js';
import { BIN, NOW, ok, readJournal, runMentee, tempJournal, type RunResult } from '../helpers/cli.js';

/** Characters that must never be saved from typed text: C0/C1 controls (not newline or tab) and bidi overrides. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** stderr is exactly one line, starting "mentee:", with no stack trace, containing the expected text. */
function expectOneLineError(stderr: string, expected: string | RegExp): void {
  expect(stderr).toMatch(/^mentee: [^\n]*\n$/);
  expect(stderr).not.toMatch(/\bError\b|\n\s+at /);
  if (typeof expected === 'string') expect(stderr).toContain(expected);
  else expect(stderr).toMatch(expected);
}

/** Runs a command that must be refused, and checks what a user would notice: code, message, journal untouched. */
async function refused(
  args: string[],
  journal: string,
  code: number,
  expected: string | RegExp,
  options: { now?: string } = {},
): Promise<RunResult> {
  const before = await readFile(journal);
  const result = await runMentee(args, { journal, ...options });
  expect(result.code, result.stderr).toBe(code);
  expectOneLineError(result.stderr, expected);
  expect(result.stdout).toBe('');
  expect(await readFile(journal)).toEqual(before);
  return result;
}

/** A journal in a fresh folder with Dr Ada Lovelace as the only mentor. */
async function withLovelace() {
  const temp = await tempJournal();
  await ok(['mentor', 'add', 'Dr Ada Lovelace'], { journal: temp.journal });
  return temp;
}

describe('logging a meeting that already has notes', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await ok(['prep', '--when', '2026-11-20 17:30', '--topic', 'Specialty choice', '--topic', 'Rota'], { journal });
    await ok(['log', 'm1', '--covered', '1', '--advice', 'Talk to three GPs', '--private', 'First thought'], {
      journal,
    });
  });
  afterAll(() => cleanup());

  it('is refused without --amend, pointing at --amend', async () => {
    await refused(['log', 'm1', '--advice', 'Shadow a GP clinic'], journal, 1, 'm1 already has notes; add --amend');
  });

  it('with --amend adds the advice and appends a second private reflection after the first, keeping both', async () => {
    await ok(['log', 'm1', '--amend', '--advice', 'Shadow a GP clinic', '--private', 'Second thought'], { journal });
    const saved = await readJournal(journal);
    expect(saved.meetings).toHaveLength(1);
    const log = saved.meetings[0].log;
    expect(log.advice).toEqual(['Talk to three GPs', 'Shadow a GP clinic']);
    expect(log.privateReflection).toContain('First thought');
    expect(log.privateReflection).toContain('Second thought');
    expect(log.privateReflection.indexOf('First thought')).toBeLessThan(
      log.privateReflection.indexOf('Second thought'),
    );
    expect(saved.meetings[0].prep.topics[0].outcome).toBe('covered');
  });
});

describe('logging a meeting that is still to come', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await ok(['prep', '--when', '2026-11-28 10:00', '--topic', 'Exams'], { journal });
  });
  afterAll(() => cleanup());

  it('is refused for a planned meeting days ahead, saying when it is planned', async () => {
    await refused(
      ['log', 'm1', '--advice', 'Too early'],
      journal,
      1,
      'm1 is planned for Sat 28 Nov 2026, 10:00; log it once it has happened',
    );
  });

  it('is refused for a planned meeting two hours ahead of now', async () => {
    await ok(['prep', '--when', '2026-11-25 11:00', '--topic', 'Later today'], { journal });
    await refused(
      ['log', 'm2', '--advice', 'Too early'],
      journal,
      1,
      /m2 is planned for .*log it once it has happened/,
    );
  });

  it('is refused for log --mentor X --when tomorrow, and no meeting is added', async () => {
    await refused(
      ['log', '--mentor', 'lovelace', '--when', 'tomorrow', '--advice', 'Too early'],
      journal,
      1,
      'log it once it has happened',
    );
    expect((await readJournal(journal)).meetings).toHaveLength(2);
  });

  it('is allowed within the hour before a meeting starts, so it can be logged as it ends', async () => {
    const { journal: other, cleanup: clean } = await withLovelace();
    try {
      await ok(['prep', '--when', '2026-11-25 09:30', '--topic', 'Quick catch-up'], { journal: other });
      await ok(['log', 'm1', '--advice', 'Keep it short'], { journal: other });
      expect((await readJournal(other)).meetings[0]).toMatchObject({ status: 'held' });
    } finally {
      await clean();
    }
  });
});

describe('log --next', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await ok(['prep', '--when', '2026-11-20 17:30', '--topic', 'Specialty choice'], { journal });
    await ok(['prep', '--when', '2026-12-03 17:30', '--topic', 'Research plan'], { journal });
  });
  afterAll(() => cleanup());

  it.each([
    ['before the meeting', '2026-11-19'],
    ['at the same moment as the meeting', '2026-11-20 17:30'],
  ])('is refused with a date %s', async (_label, next) => {
    await refused(
      ['log', 'm1', '--advice', 'x', '--next', next],
      journal,
      2,
      '--next: the next meeting must come after this one (Fri 20 Nov 2026, 17:30).',
    );
  });

  it('on the day of another planned meeting moves that meeting to the time given instead of adding one', async () => {
    await ok(['log', 'm1', '--advice', 'Read the curriculum', '--next', '2026-12-03 18:15'], { journal });
    const saved = await readJournal(journal);
    expect(saved.meetings).toHaveLength(2);
    expect(saved.meetings[1]).toMatchObject({ id: 'm2', when: '2026-12-03T18:15:00.000Z', status: 'planned' });
    expect(saved.meetings[1].prep.topics).toEqual([{ title: 'Research plan' }]);
    expect(saved.meetings[0].log.nextMeeting).toBe('2026-12-03T18:15:00.000Z');
  });

  it('never moves the meeting being logged, even to a later time the same day', async () => {
    const { journal: other, cleanup: clean } = await withLovelace();
    try {
      await ok(['prep', '--when', '2026-11-24 10:00', '--topic', 'Morning review'], { journal: other });
      await ok(['log', 'm1', '--covered', '1', '--next', '2026-11-24 16:00'], { journal: other });
      const saved = await readJournal(other);
      expect(saved.meetings).toHaveLength(2);
      expect(saved.meetings[0]).toMatchObject({ id: 'm1', when: '2026-11-24T10:00:00.000Z', status: 'held' });
      expect(saved.meetings[1]).toMatchObject({ id: 'm2', when: '2026-11-24T16:00:00.000Z', status: 'planned' });
    } finally {
      await clean();
    }
  });
});

describe('log --mentor X --when yesterday, twice', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await ok(['log', '--mentor', 'lovelace', '--when', 'yesterday', '--advice', 'First advice'], { journal });
  });
  afterAll(() => cleanup());

  it('the second time finds the same meeting and refuses without --amend', async () => {
    await refused(
      ['log', '--mentor', 'lovelace', '--when', 'yesterday', '--advice', 'Second advice'],
      journal,
      1,
      'm1 already has notes; add --amend',
    );
  });

  it('with --amend adds to that meeting rather than creating a duplicate', async () => {
    await ok(['log', '--mentor', 'lovelace', '--when', 'yesterday', '--advice', 'Second advice', '--amend'], {
      journal,
    });
    const saved = await readJournal(journal);
    expect(saved.meetings).toHaveLength(1);
    expect(saved.meetings[0].log.advice).toEqual(['First advice', 'Second advice']);
  });
});

describe('dates as people write them (now is Wed 25 Nov 2026)', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
  });
  afterAll(() => cleanup());

  it('"last monday" is Mon 23 Nov, in the past', async () => {
    const action = JSON.parse(await ok(['action', 'add', 'Call', '--due', 'last monday', '--json'], { journal }));
    expect(action.due).toBe('2026-11-23');
    const logged = await ok(['log', '--mentor', 'lovelace', '--when', 'last monday 17:00', '--advice', 'x'], {
      journal,
    });
    expect(logged).toContain('Mon 23 Nov 2026, 17:00');
    const meeting = (await readJournal(journal)).meetings.at(-1);
    expect(meeting).toMatchObject({ when: '2026-11-23T17:00:00.000Z', status: 'held' });
  });

  it('"friday" is the coming Friday, 27 Nov', async () => {
    const action = JSON.parse(await ok(['action', 'add', 'Send CV', '--due', 'friday', '--json'], { journal }));
    expect(action.due).toBe('2026-11-27');
    await ok(['prep', '--when', 'friday 17:30', '--topic', 'CV'], { journal });
    expect((await readJournal(journal)).meetings.at(-1)).toMatchObject({
      when: '2026-11-27T17:30:00.000Z',
      status: 'planned',
    });
  });

  it.each([
    ['action', 'add', 'Call', '--due', '03/12/2026'],
    ['prep', '--when', '12/03/2026 17:30'],
    ['goal', 'add', 'Exam', '--target', '3.12.2026'],
  ])('refuses a slash or dot date with the usual one-line date error: %s %s …', async (...args) => {
    const value = args.at(-1)!;
    await refused(args, journal, 2, `cannot read "${value}" as a date.`);
  });
});

describe('export --out never writes over the journal', () => {
  let dir: string;
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, journal, cleanup } = await withLovelace());
    await ok(['prep', '--when', '2026-12-03 17:30', '--topic', 'Specialty choice'], { journal });
    await symlink(journal, join(dir, 'link-to-journal.json'));
  });
  afterAll(() => cleanup());

  const target = (name: string) => {
    if (name === 'journal') return journal;
    if (name === 'journal by another spelling') return `${dir}/./sub/../journal.json`;
    if (name === 'symlink to the journal') return join(dir, 'link-to-journal.json');
    return join(`${journal}.backups`, 'agenda.md');
  };

  it.each([
    ['journal', []],
    ['journal', ['--force']],
    ['journal by another spelling', ['--force']],
    ['symlink to the journal', ['--force']],
    ['backups folder', []],
    ['backups folder', ['--force']],
  ])('refuses --out %s %j', async (name, extra) => {
    const backupsBefore = (await readdir(`${journal}.backups`)).sort();
    const out = target(name);
    await refused(
      ['export', '--format', 'md', '--out', out, ...extra],
      journal,
      1,
      'is your journal or one of its backups; write the export somewhere else.',
    );
    expect((await readdir(`${journal}.backups`)).sort()).toEqual(backupsBefore);
  });
});

describe('control characters in typed text', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await tempJournal());
  });
  afterAll(() => cleanup());

  it('are removed from an action title before saving, the rest of the text kept', async () => {
    await ok(['action', 'add', 'Call the lead\u001b]0;pwned\u0007 today\u001b[2J now\u202E reversed'], { journal });
    const title = (await readJournal(journal)).actions[0].title;
    expect(title).not.toMatch(UNSAFE);
    expect(title).toBe('Call the lead]0;pwned today[2J now reversed');
  });

  it('are removed from a mentor name, advice and a private reflection', async () => {
    await ok(['mentor', 'add', 'Dr Ada\u0007 Lovelace'], { journal });
    await ok(
      [
        'log',
        '--mentor',
        'lovelace',
        '--when',
        'yesterday',
        '--advice',
        '\u001b[2JTalk to three GPs',
        '--private',
        'Felt \u202Eanxious\u202C',
      ],
      { journal },
    );
    const saved = await readJournal(journal);
    expect(saved.mentors[0].name).toBe('Dr Ada Lovelace');
    expect(saved.meetings[0].log.advice).toEqual(['[2JTalk to three GPs']);
    expect(saved.meetings[0].log.privateReflection).toBe('Felt anxious');
  });
});

describe('errors stay on one line', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
  });
  afterAll(() => cleanup());

  it('when a date the user typed contains a newline', async () => {
    await refused(['action', 'add', 'Call', '--due', 'a\nb'], journal, 2, /--due: cannot read "a\s?b" as a date\./);
  });

  it('when a mentor reference contains a newline', async () => {
    await refused(['show', 'no\nbody'], journal, 1, /No mentor matches "no\s?body"/);
  });

  it('when a user error carries a hint (the hint joins the same line)', async () => {
    await refused(['done', 'a9\r\n'], journal, 1, /No action with id "a9\s*"\. See the ids with: mentee actions --all/);
  });

  it('including the suggestion for a mistyped option', async () => {
    const result = await refused(['actions', '--mentr', 'lovelace'], journal, 2, "unknown option '--mentr'");
    expect(result.stderr).toContain('Did you mean --mentor?');
  });
});

describe('a reader that closes stdout early (mentee actions --json | head -c 1)', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await tempJournal());
    // Far more output than a pipe holds, so mentee is still writing when the reader goes away.
    const now = new Date(NOW);
    const big = emptyJournal(now);
    for (let n = 1; n <= 3000; n++)
      createAction(big, { title: `Action number ${n}`, owner: 'me', due: '2026-12-01' }, now);
    await writeFile(journal, serialiseJournal(big), { mode: 0o600 });
  });
  afterAll(() => cleanup());

  it('gets no error message or stack trace, and mentee exits 0', async () => {
    const { code, stderr, received } = await new Promise<{ code: number | null; stderr: string; received: number }>(
      (resolve, reject) => {
        const child = spawn(process.execPath, [BIN, 'actions', '--json'], {
          env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', MENTEE_NOW: NOW, MENTEE_JOURNAL: journal },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let errors = '';
        let received = 0;
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
        child.stdout.once('data', (chunk: Buffer) => {
          received = chunk.length;
          child.stdout.destroy();
        });
        child.on('error', reject);
        child.on('close', (exit) => resolve({ code: exit, stderr: errors, received }));
      },
    );
    expect(received).toBeGreaterThan(0);
    expect(stderr).not.toMatch(/Error|EPIPE|\n\s+at /);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('a huge topic range', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await ok(['prep', '--when', '2026-11-20 17:30', '--topic', 'Specialty choice', '--topic', 'Rota'], { journal });
  });
  afterAll(() => cleanup());

  it('log m1 --covered 1-99999999 is refused quickly with a one-line message', async () => {
    const started = Date.now();
    await refused(['log', 'm1', '--covered', '1-99999999'], journal, 2, '--covered: "1-99999999" goes past any agenda');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('file problems are one sentence, exit 1, no stack', () => {
  let dir: string;
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, journal, cleanup } = await withLovelace());
    await ok(['prep', '--when', '2026-12-03 17:30', '--topic', 'Specialty choice'], { journal });
  });
  afterAll(() => cleanup());

  it('a journal path under a file (--journal /dev/null/j.json)', async () => {
    const result = await runMentee(['--journal', '/dev/null/j.json', 'action', 'add', 'x'], {
      env: { MENTEE_JOURNAL: undefined },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expectOneLineError(
      result.stderr,
      'mentee: Cannot write the journal at /dev/null/j.json: part of the path is a file, not a folder.',
    );
  });

  it('export --out into a folder that does not exist', async () => {
    await refused(
      ['export', '--out', '/no/such/dir/x.md', '--force'],
      journal,
      1,
      'mentee: Cannot write /no/such/dir/x.md: its folder does not exist.',
    );
  });

  it('export --out an existing folder, leaving no temporary file behind', async () => {
    const folder = join(dir, 'exports');
    await mkdir(folder);
    const before = (await readdir(dir)).sort();
    await refused(
      ['export', '--format', 'md', '--out', folder, '--force'],
      journal,
      1,
      `mentee: Cannot write ${folder}: it is a folder.`,
    );
    expect((await readdir(dir)).sort()).toEqual(before);
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('values that are refused', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await ok(['goal', 'add', 'Pass the exam'], { journal });
  });
  afterAll(() => cleanup());

  it.each([
    ['1e3', '--length: must be a whole number of minutes.'],
    ['0x10', '--length: must be a whole number of minutes.'],
    ['0', '--length: must be more than 0 minutes.'],
  ])('--length %s', async (length, message) => {
    await refused(['mentor', 'add', 'Prof Bob Blair', '--length', length], journal, 2, message);
    await refused(['prep', '--when', '2026-12-03 17:30', '--length', length], journal, 2, message);
  });

  it.each(['m1', 'G12', 'a3'])('--handle %s, which looks like a record id', async (handle) => {
    await refused(
      ['mentor', 'add', 'Prof Bob Blair', '--handle', handle],
      journal,
      2,
      `--handle: "${handle.toLowerCase()}" looks like a record id (m1, g1, a1); choose another.`,
    );
  });

  it('mentor edit with no change flags', async () => {
    await refused(['mentor', 'edit', 'lovelace'], journal, 2, 'Nothing to change: give --role');
  });

  it('goal done with a blank --note', async () => {
    await refused(['goal', 'done', 'g1', '--note', '   '], journal, 2, '--note: must not be empty.');
  });
});

describe('status', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ journal, cleanup } = await withLovelace());
    await ok(['mentor', 'add', 'Prof Bob Blair'], { journal });
    await ok(['prep', '--mentor', 'blair', '--when', '2026-12-01 10:00', '--topic', 'Old plans'], { journal });
    await ok(['action', 'add', 'Introduce me to Dr Xu', '--owner', 'mentor', '--mentor', 'blair'], { journal });
    await ok(['prep', '--mentor', 'lovelace', '--when', '2026-12-05 10:00', '--topic', 'Exams'], { journal });
    await ok(['action', 'add', 'Send the rota', '--owner', 'mentor', '--mentor', 'lovelace'], { journal });
    await ok(['mentor', 'end', 'blair', '--note', 'Moved away'], { journal });
  });
  afterAll(() => cleanup());

  it('leaves out the planned meeting of a mentor whose mentorship has ended', async () => {
    const status = JSON.parse(await ok(['status', '--json'], { journal }));
    expect(status.nextMeeting).toMatchObject({ id: 'm2', mentor: 'lovelace' });
    const text = await ok(['status'], { journal });
    const nextLine = text.split('\n').find((line) => line.startsWith('Next meeting'));
    expect(nextLine).toBe('Next meeting  Dr Ada Lovelace, Sat 5 Dec 2026, 10:00 (in 10 days) m2');
  });

  it('leaves out the commitments of a mentor whose mentorship has ended', async () => {
    const status = JSON.parse(await ok(['status', '--json'], { journal }));
    expect(status.mentorCommitments.map((action: { id: string }) => action.id)).toEqual(['a2']);
    const text = await ok(['status'], { journal });
    expect(text).toContain('Send the rota');
    expect(text).not.toContain('Introduce me to Dr Xu');
  });

  it('counts a meeting that started earlier today and has run its length as awaiting notes, not as next', async () => {
    const { journal: other, cleanup: clean } = await withLovelace();
    try {
      await ok(['prep', '--when', '2026-11-25 08:00', '--length', '30', '--topic', 'Handover'], { journal: other });
      await ok(['prep', '--when', '2026-12-03 17:30', '--topic', 'Exams'], { journal: other });
      const status = JSON.parse(await ok(['status', '--json'], { journal: other }));
      expect(status.awaitingLog).toBe('m1');
      expect(status.nextMeeting).toMatchObject({ id: 'm2' });
      const text = await ok(['status'], { journal: other });
      expect(text).toContain('m1 on Wed 25 Nov 2026, 08:00 has no notes yet: mentee log m1');
      expect(text).toMatch(/Next meeting {2}Dr Ada Lovelace, Thu 3 Dec 2026, 17:30/);
    } finally {
      await clean();
    }
  });
});

describe('prep topics', () => {
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ journal, cleanup } = await withLovelace());
  });
  afterEach(() => cleanup());

  it("--template without the wizard adds the template's suggested topics, with their minutes", async () => {
    const { templates } = JSON.parse(await ok(['templates', '--json']));
    const template =
      templates.find((candidate: { name: string }) => candidate.name === 'career-decision') ??
      templates.find((candidate: { topics: unknown[] }) => candidate.topics.length > 0);
    expect(template.topics.length).toBeGreaterThan(0);
    await ok(['prep', '--when', '2026-12-03 17:30', '--template', template.name, '--topic', 'My own question'], {
      journal,
    });
    const prep = (await readJournal(journal)).meetings[0].prep;
    expect(prep.template).toBe(template.name);
    expect(prep.topics.map((topic: { title: string }) => topic.title)).toEqual([
      'My own question',
      ...template.topics.map((topic: { title: string }) => topic.title),
    ]);
    for (const suggested of template.topics) {
      expect(prep.topics).toContainEqual(expect.objectContaining(suggested));
    }
  });

  it('preparing twice with the same --template does not add its topics twice', async () => {
    await ok(['prep', '--when', '2026-12-03 17:30', '--template', 'check-in'], { journal });
    const once = (await readJournal(journal)).meetings[0].prep.topics;
    await ok(['prep', '--meeting', 'm1', '--template', 'check-in'], { journal });
    expect((await readJournal(journal)).meetings[0].prep.topics).toEqual(once);
  });

  it('"Handover at 17:30" keeps the whole text as its title, with no minutes', async () => {
    await ok(['prep', '--when', '2026-12-03 17:30', '--topic', 'Handover at 17:30'], { journal });
    expect((await readJournal(journal)).meetings[0].prep.topics).toEqual([{ title: 'Handover at 17:30' }]);
  });

  it('naming a topic again without minutes keeps the minutes it had', async () => {
    await ok(['prep', '--when', '2026-12-03 17:30', '--topic', 'Rota:15', '--topic', 'Exams:10'], { journal });
    await ok(['prep', '--meeting', 'm1', '--topic', 'rota', '--kind', 'update'], { journal });
    const topics = (await readJournal(journal)).meetings[0].prep.topics;
    expect(topics).toHaveLength(2);
    expect(topics[0]).toMatchObject({ minutes: 15, kind: 'update' });
    expect(topics[0].title.toLowerCase()).toBe('rota');
    expect(topics[1]).toEqual({ title: 'Exams', minutes: 10 });
  });
});

describe('backups', () => {
  let dir: string;
  let journal: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir, journal, cleanup } = await withLovelace());
    await ok(['goal', 'add', 'Pass the exam'], { journal });
    await ok(['prep', '--when', '2026-12-03 17:30', '--topic', 'Exams'], { journal });
    await ok(['action', 'add', 'Book the exam', '--due', 'tomorrow'], { journal });
  });
  afterAll(() => cleanup());

  const newestBackup = async () => {
    const names = (await readdir(`${journal}.backups`)).filter((name) => name.endsWith('.json')).sort();
    return join(`${journal}.backups`, names.at(-1)!);
  };

  it('after several changes, the newest backup is the journal byte for byte', async () => {
    expect(await readFile(await newestBackup())).toEqual(await readFile(journal));
  });

  it('after a hand edit and another change, the newest backup is still the journal byte for byte', async () => {
    const edited = (await readFile(journal, 'utf8')).replace('"Pass the exam"', '"Pass the written exam"');
    await writeFile(journal, edited);
    await ok(['goal', 'update', 'g1', '--note', 'Booked a revision course'], { journal });
    expect(await readFile(await newestBackup())).toEqual(await readFile(journal));
  });

  it('the cp command printed for a damaged journal restores exactly the last saved journal', async () => {
    await ok(['action', 'add', 'Ask about study leave', '--due', 'friday'], { journal });
    const lastSaved = await readFile(journal);
    await writeFile(journal, '{"version": 1, "mentors": [\n');

    const damaged = await runMentee(['status'], { journal });
    expect(damaged.code).toBe(1);
    expectOneLineError(damaged.stderr, `${journal} is not valid JSON`);
    const command = /cp "([^"]+)" "([^"]+)"/.exec(damaged.stderr);
    expect(command, damaged.stderr).not.toBeNull();
    const [, source, target] = command!;
    expect(target).toBe(journal);
    expect(source!.startsWith(join(dir, 'journal.json.backups'))).toBe(true);

    await copyFile(source!, target!);
    expect(await readFile(journal)).toEqual(lastSaved);
    const status = await runMentee(['status'], { journal });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('Ask about study leave');
  });
});
