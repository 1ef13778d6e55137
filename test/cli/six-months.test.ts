/**
 * Six months as a trainee with two mentors, Dr Ada Lovelace every 4 weeks and Prof Bob Blair every 6:
 * meetings prepared and logged, one cancelled, one moved, one unplanned, a pause and a resume, actions
 * reviewed and left open, done, dropped and reopened, a goal past its target. After each step the home
 * screen and the agendas are read as a user would: nothing falls off, every planned meeting in the next
 * 6 weeks is on the home screen, and every date has its day beside the relative wording.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, runCli } from '../helpers/run-cli.js';
import { tempFolder } from '../helpers/temp.js';

interface Stored {
  meetings: { id: string; mentor: string; when: string; status: string; lengthMinutes: number; mode: string }[];
  actions: { id: string; mentor?: string; status: string; title: string }[];
}

const DAY = 24 * 60 * 60 * 1000;
let journal: string;
let cleanup: () => Promise<void>;
let now = '';

/** The words of a command line: plain words split on spaces, each `${'...'}` one argument as is. */
function argv(strings: TemplateStringsArray, ...values: string[]): string[] {
  return strings.flatMap((part, index) => [...part.split(/\s+/).filter(Boolean), ...values.slice(index, index + 1)]);
}
const run = (strings: TemplateStringsArray, ...values: string[]) => cli(argv(strings, ...values), { journal, now });
const lines = (text: string) => text.trimEnd().split('\n');
const stored = async (): Promise<Stored> => JSON.parse(await readFile(journal, 'utf8'));

/** The ids of the actions listed under "Actions since last time" on a meeting's agenda. */
function agendaActions(text: string): string[] {
  const section = text.split('Actions since last time\n')[1] ?? '';
  return [...section.matchAll(/^ {2}(a\d+) /gm)].map((match) => match[1] ?? '');
}

/**
 * What must hold after every step: the home screen lists every planned meeting of the next 6 weeks,
 * in order, and each planned meeting's agenda (show and export) carries every open action with its mentor.
 */
async function journalStaysTrue(): Promise<void> {
  const { meetings, actions } = await stored();
  const from = Date.parse(now);
  const planned = meetings
    .filter((meeting) => meeting.status === 'planned' && Date.parse(meeting.when) >= from)
    .sort((a, b) => a.when.localeCompare(b.when));
  const soon = planned.filter((meeting) => Date.parse(meeting.when) <= from + 42 * DAY);
  const home = JSON.parse(await run`status --json`);
  expect(home.upcoming.map((meeting: { id: string }) => meeting.id)).toEqual(soon.map((meeting) => meeting.id));
  const text = await run`status`;
  for (const meeting of soon)
    expect(text).toMatch(new RegExp(`^  .*, \\w{3} \\d+ \\w{3} \\d{4}, \\d\\d:\\d\\d \\(.*\\) ${meeting.id}$`, 'm'));
  for (const meeting of planned) {
    const open = actions.filter((action) => action.status === 'open' && action.mentor === meeting.mentor);
    const agenda = await run`show ${meeting.id}`;
    expect(agendaActions(agenda)).toEqual(expect.arrayContaining(open.map((action) => action.id)));
    const exported = await run`export --meeting ${meeting.id}`;
    for (const action of open) expect(exported).toContain(action.title);
  }
}

/** A refusal: one line on stderr, a non-zero exit, and the journal byte-identical. */
async function refusedInOneLine(args: string[], message: string): Promise<void> {
  const before = await readFile(journal, 'utf8');
  const result = await runCli(args, { journal, now });
  expect(result).toMatchObject({ stdout: '', stderr: `${message}\n` });
  expect(result.code).not.toBe(0);
  expect(await readFile(journal, 'utf8')).toBe(before);
}

describe('six months with two mentors', () => {
  beforeAll(async () => {
    ({ journal, cleanup } = await tempFolder());
  });
  afterAll(() => cleanup());

  it('June: two mentors, two goals, two first meetings on the home screen with their days', async () => {
    now = '2026-06-01T09:00:00.000Z';
    await run`init --name ${'Sam Patel'} --stage ${'FY2 doctor'} -y`;
    await run`mentor add ${'Dr Ada Lovelace'} --cadence 4w --length 30`;
    await run`mentor add ${'Prof Bob Blair'} --cadence 6w --length 45`;
    await run`goal add ${'Pass the membership exam'} --category education --target 2026-09-01 --mentor lovelace`;
    await run`goal add ${'Choose a specialty'} --category career --target 2027-03-01 --mentor blair`;
    const prepared =
      await run`prep --mentor lovelace --when ${'2026-06-04 17:30'} --mode video --intention ${'A plan for the exam'} --topic ${'Exam plan:10'} --topic ${'Rota swaps:5'} -y`;
    expect(lines(prepared)[0]).toBe(
      'm1  Dr Ada Lovelace — Thu 4 Jun 2026, 17:30 (in 3 days), 30 min, video call, planned',
    );
    const second =
      await run`prep --mentor blair --when ${'2026-06-11 10:00'} --mode in-person --topic ${'Specialty choice:20'} -y`;
    expect(lines(second)[0]).toBe(
      'm2  Prof Bob Blair — Thu 11 Jun 2026, 10:00 (in 10 days), 45 min, in person, planned',
    );
    expect(lines(await run`status`)).toEqual([
      'Coming up in the next 6 weeks',
      '  Dr Ada Lovelace, Thu 4 Jun 2026, 17:30 (in 3 days) m1',
      '    Agenda prepared.',
      '  Prof Bob Blair, Thu 11 Jun 2026, 10:00 (in 10 days) m2',
      '    Agenda prepared.',
      '',
      'Nothing overdue. Well done.',
    ]);
    expect(await run`export --meeting m1`).toContain(
      '**When:** Thu 4 Jun 2026, 17:30 · **Length:** 30 min · **Mode:** video call',
    );
    await journalStaysTrue();
  });

  it("June: logging each first meeting plans the next at the mentor's usual length and mode, with the actions", async () => {
    now = '2026-06-05T09:00:00.000Z';
    const logged =
      await run`log m1 --covered 1 --parked 2 --advice ${'Book the exam early'} --action ${'Draft a personal statement:2026-06-19'} --mentor-action ${'Send the rota:2026-06-12'} --next ${'2026-07-02 17:30'} -y`;
    expect(lines(logged)).toEqual([
      'Logged m1 with Dr Ada Lovelace on Thu 4 Jun 2026, 17:30: 1 topic covered, 1 parked, 1 piece of advice.',
      '  a1  You will: Draft a personal statement (due Fri 19 Jun, in 2 weeks)',
      '  a2  Dr Ada Lovelace offered: Send the rota (due Fri 12 Jun, in 7 days)',
      'Due next:',
      '  a1  Draft a personal statement (due Fri 19 Jun, in 2 weeks)',
      'Next meeting: Thu 2 Jul 2026, 17:30 (m3). Prepare it with: mentee prep --meeting m3',
    ]);
    expect(lines(await run`show m3`)).toEqual([
      'm3  Dr Ada Lovelace — Thu 2 Jul 2026, 17:30 (in 3 weeks), 30 min, video call, planned',
      '',
      'Actions since last time',
      '  a1  Draft a personal statement  with Dr Ada Lovelace  due Fri 19 Jun, in 2 weeks',
      '  a2  Send the rota               Dr Ada Lovelace will  due Fri 12 Jun, in 7 days',
    ]);
    await journalStaysTrue();

    now = '2026-06-12T09:00:00.000Z';
    await run`log m2 --covered 1 --action ${'Shadow a paediatric clinic:2026-07-10'} --mentor-action ${'Introduce me to Dr Xu'} --next ${'2026-07-23 10:00'} -y`;
    expect(lines(await run`show m4`)[0]).toBe(
      'm4  Prof Bob Blair — Thu 23 Jul 2026, 10:00 (in 5 weeks), 45 min, in person, planned',
    );
    await journalStaysTrue();
  });

  it('July: prep reviews an action and leaves it open, carries the parked topic, and the action stays on the next agenda', async () => {
    now = '2026-06-30T09:00:00.000Z';
    expect(await run`status`).toContain(
      'Overdue\n  a1  Draft a personal statement  with Dr Ada Lovelace  due Fri 19 Jun, 11 days overdue',
    );
    const prepared =
      await run`prep --meeting m3 --review ${'a1=progress:first half drafted'} --review a2=done --carry-parked --topic Portfolio:10 -y`;
    expect(lines(prepared).slice(0, 11)).toEqual([
      'm3  Dr Ada Lovelace — Thu 2 Jul 2026, 17:30 (in 2 days), 30 min, video call, planned',
      '',
      'Topics',
      '  1.  Rota swaps    5 min   carried from m1',
      '  2.  Portfolio     10 min',
      '  Total 15 of 30 min, 15 to spare',
      '',
      'Actions since last time',
      '  a1  Draft a personal statement  with Dr Ada Lovelace  progress: first half drafted',
      '  a2  Send the rota               Dr Ada Lovelace will  done Tue 30 Jun, today',
      '',
    ]);
    const exported = await run`export --meeting m3`;
    expect(exported).toContain('| 1 | Rota swaps (carried over) |  | 5 |');
    expect(exported).toContain('- [ ] Draft a personal statement (due Fri 19 Jun 2026) — progress: first half drafted');
    await journalStaysTrue();

    now = '2026-07-03T09:00:00.000Z';
    await run`log m3 --covered 1-2 --action ${'Book the exam:2026-07-20'} --next ${'2026-07-30 17:30'} -y`;
    expect(lines(await run`show m5`)).toEqual([
      'm5  Dr Ada Lovelace — Thu 30 Jul 2026, 17:30 (in 3 weeks), 30 min, video call, planned',
      '',
      'Actions since last time',
      '  a1  Draft a personal statement  with Dr Ada Lovelace  due Fri 19 Jun, 2 weeks overdue',
      '  a5  Book the exam               with Dr Ada Lovelace  due Mon 20 Jul, in 2 weeks',
    ]);
    expect(await run`export --meeting m5`).toContain('- [ ] Draft a personal statement (due Fri 19 Jun 2026)');
    await journalStaysTrue();
  });

  it('July: a cancelled meeting keeps its reason and its actions; pausing a mentor keeps what they offered on the home screen', async () => {
    now = '2026-07-15T09:00:00.000Z';
    expect(await run`meeting cancel m4 --note ${'Bob is on leave'}`).toBe(
      'Cancelled m4, with your reason. Its agenda stays in your journal.\n',
    );
    await run`mentor pause blair`;
    expect(lines(await run`show m4`)[0]).toBe(
      'm4  Prof Bob Blair — Thu 23 Jul 2026, 10:00 (in 8 days), 45 min, in person, cancelled',
    );
    expect(await run`export --meeting m4`).toContain('**Status:** cancelled');
    expect((await stored()).meetings.find((meeting) => meeting.id === 'm4')).toMatchObject({
      status: 'cancelled',
      cancelNote: 'Bob is on leave',
    });
    const home = await run`status`;
    expect(home).not.toContain('m4');
    expect(home).toContain(
      'Overdue\n  a1  Draft a personal statement  with Dr Ada Lovelace  due Fri 19 Jun, 3 weeks overdue\n  a3  Shadow a paediatric clinic  with Prof Bob Blair   due Fri 10 Jul, 5 days overdue',
    );
    expect(home).toContain('What mentors offered to do\n  a4  Introduce me to Dr Xu  Prof Bob Blair will  no due date');
    await refusedInOneLine(argv`meeting cancel m4 --note again`, 'mentee: m4 is already cancelled.');
    await refusedInOneLine(
      argv`meeting move m4 --when ${'2026-07-30 10:00'}`,
      'mentee: m4 is cancelled; only a planned meeting can be moved. Plan a new one with: mentee prep --when "..."',
    );
    await journalStaysTrue();
  });

  it('August: a moved meeting shows its new day everywhere; a day without a time is refused in one line', async () => {
    now = '2026-07-28T09:00:00.000Z';
    await refusedInOneLine(
      argv`meeting move m5 --when thursday`,
      'mentee: --when: "thursday" has no time; add one, e.g. "thursday 17:30".',
    );
    expect(await run`meeting move m5 --when ${'2026-08-06 17:30'}`).toBe(
      'Moved m5: Thu 6 Aug 2026, 17:30, 30 min, video call.\n',
    );
    expect(lines(await run`status`).slice(0, 3)).toEqual([
      'Coming up in the next 6 weeks',
      '  Dr Ada Lovelace, Thu 6 Aug 2026, 17:30 (in 9 days) m5',
      '    Not prepared yet: mentee prep --meeting m5',
    ]);
    expect(await run`export --meeting m5`).toContain('**When:** Thu 6 Aug 2026, 17:30');
    await journalStaysTrue();

    now = '2026-08-07T09:00:00.000Z';
    await run`log m5 --topic ${'Exam booking:10'} --covered 1 -y`;
    expect(await run`action done a5 --note ${'Booked for October'}`).toBe('Done: a5 Book the exam.\n');
    expect(await run`action drop a3 --note ${'Clinic closed for summer'}`).toBe(
      'Dropped: a3 Shadow a paediatric clinic.\n',
    );
    await refusedInOneLine(
      argv`action done a3`,
      'mentee: a3 is dropped; to mark it done, reopen it first with: mentee action reopen a3',
    );
    expect(lines(await run`status`)).toEqual([
      'Next meeting  none planned. Plan one with: mentee prep --when "next thursday 17:30"',
      '',
      'Overdue',
      '  a1  Draft a personal statement  with Dr Ada Lovelace  due Fri 19 Jun, 7 weeks overdue',
      '',
      'What mentors offered to do',
      '  a4  Introduce me to Dr Xu  Prof Bob Blair will  no due date',
      '',
      'Goals with no progress in 60 days',
      '  g1  Pass the membership exam (last Mon 1 Jun, 2 months ago)',
      '  g2  Choose a specialty (last Mon 1 Jun, 2 months ago)',
    ]);
    await journalStaysTrue();
  });

  it("August: an unplanned short phone call is logged, and the next meeting still takes the mentor's usual length and mode", async () => {
    now = '2026-08-19T14:00:00.000Z';
    expect(
      lines(
        await run`log --mentor lovelace --when ${'2026-08-19 12:30'} --length 15 --mode phone --topic ${'Exam nerves'} --covered 1 --advice ${'Sleep first'} -y`,
      )[0],
    ).toBe('Logged m6 with Dr Ada Lovelace on Wed 19 Aug 2026, 12:30: 1 topic covered, 0 parked, 1 piece of advice.');
    expect((await stored()).meetings.find((meeting) => meeting.id === 'm6')).toMatchObject({
      lengthMinutes: 15,
      mode: 'phone',
    });
    const prepared = await run`prep --mentor lovelace --when ${'2026-09-03 17:30'} --topic Revision:10 -y`;
    expect(lines(prepared)[0]).toBe(
      'm7  Dr Ada Lovelace — Thu 3 Sep 2026, 17:30 (in 2 weeks), 30 min, video call, planned',
    );
    expect(agendaActions(prepared)).toEqual(['a1']);
    await journalStaysTrue();
  });

  it('September: resuming a mentor and reopening a dropped action bring both back to the next agenda; a goal past its target shows', async () => {
    now = '2026-09-02T09:00:00.000Z';
    expect(await run`mentor resume blair`).toBe('Prof Bob Blair is active again.\n');
    expect(await run`action reopen a3 --note ${'Clinic open again'}`).toBe(
      'Reopened: a3 Shadow a paediatric clinic.\n',
    );
    const prepared = await run`prep --mentor blair --when ${'2026-09-10 10:00'} --topic ${'Specialty choice:20'} -y`;
    expect(lines(prepared)[0]).toBe(
      'm8  Prof Bob Blair — Thu 10 Sep 2026, 10:00 (in 8 days), 45 min, in person, planned',
    );
    expect(agendaActions(prepared)).toEqual(['a3', 'a4']);
    const home = await run`status`;
    expect(lines(home).slice(0, 5)).toEqual([
      'Coming up in the next 6 weeks',
      '  Dr Ada Lovelace, Thu 3 Sep 2026, 17:30 (tomorrow) m7',
      '    Agenda prepared.',
      '  Prof Bob Blair, Thu 10 Sep 2026, 10:00 (in 8 days) m8',
      '    Agenda prepared.',
    ]);
    expect(home).toContain(
      'Goals past their target date\n  g1  Pass the membership exam (target Tue 1 Sep 2026, yesterday)',
    );
    const json = JSON.parse(await run`status --json`);
    expect(json.goalsPastTarget).toMatchObject([{ id: 'g1', targetDate: '2026-09-01', daysPastTarget: 1 }]);
    expect(json.mentorCommitments.map((action: { id: string }) => action.id)).toEqual(['a4']);
    await journalStaysTrue();
  });
  it('September to October: a move, a blocked review, a pause with a meeting still planned, and a resume', async () => {
    now = '2026-09-04T09:00:00.000Z';
    await run`log m7 --covered 1 --action ${'Sit a mock exam:2026-09-25'} --next ${'2026-10-01 17:30'} -y`;
    expect(await run`action done a1 --note ${'Sent to Ada'}`).toBe('Done: a1 Draft a personal statement.\n');
    await journalStaysTrue();

    now = '2026-09-11T09:00:00.000Z';
    expect(
      lines(await run`log m8 --covered 1 --decision ${'Paediatrics first'} --next ${'2026-10-22 10:00'} -y`).at(-1),
    ).toBe('Next meeting: Thu 22 Oct 2026, 10:00 (m10). Prepare it with: mentee prep --meeting m10');
    expect(agendaActions(await run`show m10`)).toEqual(['a3', 'a4']);
    expect(lines(await run`status`).slice(0, 5)).toEqual([
      'Coming up in the next 6 weeks',
      '  Dr Ada Lovelace, Thu 1 Oct 2026, 17:30 (in 2 weeks) m9',
      '    Not prepared yet: mentee prep --meeting m9',
      '  Prof Bob Blair, Thu 22 Oct 2026, 10:00 (in 5 weeks) m10',
      '    Not prepared yet: mentee prep --meeting m10',
    ]);
    await journalStaysTrue();

    now = '2026-09-29T09:00:00.000Z';
    expect(await run`meeting move m9 --when ${'2026-10-08 18:00'}`).toBe(
      'Moved m9: Thu 8 Oct 2026, 18:00, 30 min, video call.\n',
    );
    const prepared =
      await run`prep --meeting m9 --review ${'a6=blocked:no slot until October'} --topic ${'Mock results:10'} -y`;
    // a1 was done since the last meeting with her: reported once, whichever meeting it was agreed at.
    expect(prepared).toContain(
      'Actions since last time\n' +
        '  a1  Draft a personal statement  with Dr Ada Lovelace  done Fri 4 Sep, 3 weeks ago\n' +
        '  a6  Sit a mock exam             with Dr Ada Lovelace  blocked: no slot until October\n',
    );
    expect(lines(await run`mentor pause lovelace`)).toEqual([
      'Paused your mentoring with Dr Ada Lovelace; resume with: mentee mentor resume lovelace',
      'Still planned with them: m9; cancel one with: mentee meeting cancel m9',
    ]);
    expect(lines(await run`status`).slice(0, 5)).toEqual([
      'Coming up in the next 6 weeks',
      '  Dr Ada Lovelace (mentoring paused), Thu 8 Oct 2026, 18:00 (in 9 days) m9',
      '    Agenda prepared.',
      '  Prof Bob Blair, Thu 22 Oct 2026, 10:00 (in 3 weeks) m10',
      '    Not prepared yet: mentee prep --meeting m10',
    ]);
    await journalStaysTrue();

    now = '2026-10-09T09:00:00.000Z';
    await run`log m9 --covered 1 --mentor-action ${'Lend me her notes:2026-10-30'} --next ${'2026-11-05 17:30'} -y`;
    expect(await run`mentor resume lovelace`).toBe('Dr Ada Lovelace is active again.\n');
    expect(agendaActions(await run`show m11`)).toEqual(['a6', 'a7']);
    await journalStaysTrue();
  });

  it('October to November: a second cancellation, an unplanned call in its place, and the home screen six months on', async () => {
    now = '2026-10-21T09:00:00.000Z';
    await run`meeting cancel m10 --note ${'Clash with on-call'}`;
    const logged =
      await run`log --mentor blair --when ${'2026-10-20 13:00'} --length 20 --mode video --topic Applications --covered 1 --next ${'2026-12-03 10:00'} -y`;
    expect(lines(logged)[0]).toBe(
      'Logged m12 with Prof Bob Blair on Tue 20 Oct 2026, 13:00: 1 topic covered, 0 parked.',
    );
    expect(lines(await run`show m13`)[0]).toBe(
      'm13  Prof Bob Blair — Thu 3 Dec 2026, 10:00 (in 6 weeks), 45 min, in person, planned',
    );
    await journalStaysTrue();

    now = '2026-11-25T09:00:00.000Z';
    expect(lines(await run`status`)).toEqual([
      'Coming up in the next 6 weeks',
      '  Prof Bob Blair, Thu 3 Dec 2026, 10:00 (in 8 days) m13',
      '    Not prepared yet: mentee prep --meeting m13',
      'm11 on Thu 5 Nov 2026, 17:30 has no notes yet: mentee log m11',
      '',
      'Overdue',
      '  a3  Shadow a paediatric clinic  with Prof Bob Blair   due Fri 10 Jul, 4 months overdue',
      '  a6  Sit a mock exam             with Dr Ada Lovelace  due Fri 25 Sep, 2 months overdue',
      '',
      'Goals past their target date',
      '  g1  Pass the membership exam (target Tue 1 Sep 2026, 2 months ago)',
      '',
      'What mentors offered to do',
      '  a4  Introduce me to Dr Xu  Prof Bob Blair will   no due date',
      '  a7  Lend me her notes      Dr Ada Lovelace will  due Fri 30 Oct, 3 weeks overdue',
      '',
      'Goals with no progress in 60 days',
      '  g2  Choose a specialty (last Mon 1 Jun, 5 months ago)',
    ]);
    const exported = await run`export --meeting m13`;
    expect(exported).toContain('**When:** Thu 3 Dec 2026, 10:00 · **Length:** 45 min · **Mode:** in person');
    expect(exported).toContain(
      '## Progress on actions\n\n- [ ] Shadow a paediatric clinic (due Fri 10 Jul 2026)\n- [ ] Prof Bob Blair: Introduce me to Dr Xu\n',
    );
    await journalStaysTrue();

    const { meetings, actions } = await stored();
    expect(meetings.map((meeting) => `${meeting.id} ${meeting.mentor} ${meeting.status}`)).toEqual([
      'm1 lovelace held',
      'm2 blair held',
      'm3 lovelace held',
      'm4 blair cancelled',
      'm5 lovelace held',
      'm6 lovelace held',
      'm7 lovelace held',
      'm8 blair held',
      'm9 lovelace held',
      'm10 blair cancelled',
      'm11 lovelace planned',
      'm12 blair held',
      'm13 blair planned',
    ]);
    expect(actions.map((action) => `${action.id} ${action.status}`)).toEqual([
      'a1 done',
      'a2 done',
      'a3 open',
      'a4 open',
      'a5 done',
      'a6 open',
      'a7 open',
    ]);
  });
});
