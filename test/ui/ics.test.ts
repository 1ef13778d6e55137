import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarItems } from '../../src/core/calendar-items.js';
import { logMeeting } from '../../src/core/log.js';
import { closeAction, editAction } from '../../src/core/actions.js';
import { cancelMeeting } from '../../src/core/meetings.js';
import { emptyJournal } from '../../src/core/model.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { calendarFile } from '../../src/ui/export/ics.js';
import {
  action,
  actionEdit,
  exportSelection,
  goal,
  journal,
  logInput,
  mentor,
  NOW,
  prepInput,
} from '../core/fixtures.js';

const LATER = new Date('2026-11-26T10:00:00Z');

function withAda(j: Journal = journal(), name = 'Dr Ada Lovelace'): Journal {
  mentor(j, { name, handle: 'ada', since: '2026-01-01' }, new Date('2026-01-01T09:00:00Z'));
  return j;
}

const plan = (j: Journal, when: string, fields: Record<string, unknown> = {}, now = NOW) =>
  prepMeeting(j, prepInput({ when, ...fields }), now);

/** The file for an export: --meeting <id>, or a summary of everything when no id is given. */
/** The journal exported last: readCalendar finds a record's event by the UID the record has. */
let exported: Journal;

function exportCalendar(j: Journal, fields: Record<string, unknown> = {}, now: Date = NOW): string {
  exported = j;
  const selection = exportSelection(j, fields.meeting ? fields : { to: '2026-11-25', ...fields });
  return calendarFile(j, calendarItems(j, selection), now);
}

/** Parses with a real iCalendar parser, after checking what it lets through: CRLF only, lines ≤ 75 octets. */
function readCalendar(ics: string) {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  for (const line of ics.slice(0, -2).split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate,
      status: component.getFirstPropertyValue('status'),
      transparency: component.getFirstPropertyValue('transp'),
      sequence: event.sequence,
      alarms: component.getAllSubcomponents('valarm').map((alarm) => ({
        action: alarm.getFirstPropertyValue('action'),
        trigger: String(alarm.getFirstPropertyValue('trigger')),
        description: alarm.getFirstPropertyValue('description'),
      })),
    };
  });
  const event = (id: string) => {
    const record = [...exported.meetings, ...exported.actions].find((each) => each.id === id);
    return record && events.find((each) => each.uid === `${record.uid}@mentee`);
  };
  return { calendar, events, event, uids: events.map((each) => each.uid) };
}

describe('the calendar file (ics)', () => {
  it('a planned meeting is an event at its time, ending after its length, with the agenda as its description', () => {
    const j = withAda();
    goal(j, { title: 'Choose a specialty', mentor: ['ada'] });
    logMeeting(
      j,
      logInput({ mentor: 'ada', when: '2026-11-12 17:30', action: ['Email the training lead:2026-11-30'] }),
      new Date('2026-11-12T19:00:00Z'),
    );
    const intention = 'Leave knowing which specialty to try first';
    plan(j, '2026-12-03 17:30', {
      mode: 'video',
      intention,
      topic: ['Specialty choice:10'],
      kind: 'question',
      goal: ['g1'],
      review: ['a1=blocked:lead on leave'],
    });
    plan(j, '2026-12-03 17:30', { topic: ['Rota:15'] });
    const meeting = readCalendar(exportCalendar(j, { meeting: 'm2' })).event('m2')!;
    expect(meeting).toMatchObject({ summary: 'Mentoring: Dr Ada Lovelace', status: 'CONFIRMED', allDay: false });
    expect([meeting.start, meeting.end]).toEqual(['2026-12-03T17:30:00Z', '2026-12-03T18:00:00Z']);
    expect(meeting.description).toBe(`Mode: video call, 30 minutes

What I want from this meeting: ${intention}

Topics:
1. Specialty choice (question, 10 min)
2. Rota (15 min)
Planned: 25 of 30 minutes

Goals to discuss:
- Choose a specialty

Actions to report on:
- Email the training lead (due Mon 30 Nov 2026) — blocked: lead on leave`);
  });

  it('an open action is an all-day event on its due day, also for someone east of UTC', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tokyo';
    try {
      expect(new Date(2026, 11, 5).getTimezoneOffset()).toBe(-540);
      const j = withAda();
      action(j, { title: 'Book the exam', due: '2026-12-05' });
      action(j, { title: 'Introduce me to the lead', owner: 'mentor', mentor: 'ada', due: '2026-12-05' });
      const ics = exportCalendar(j);
      expect(ics).toContain('DTSTART;VALUE=DATE:20261205\r\n');
      const { event } = readCalendar(ics);
      expect(event('a1')).toMatchObject({
        summary: 'Due: Book the exam',
        allDay: true,
        start: '2026-12-05',
        end: '2026-12-06',
        transparency: 'TRANSPARENT',
      });
      expect(event('a2')?.summary).toBe('Dr Ada Lovelace will: Introduce me to the lead');
    } finally {
      process.env.TZ = zone;
    }
  });

  it('names, titles and agendas with punctuation, backslashes, quotes and emoji come back exactly', () => {
    const awkward = 'Zoë; "rota", A\\B 🎉 👩‍💻';
    const j = withAda(journal(), `Dr ${awkward}`);
    plan(j, '2026-12-03 17:30', { intention: awkward, topic: [`${awkward}:10`] });
    action(j, { title: awkward, due: '2026-12-05' });
    const { event } = readCalendar(exportCalendar(j));
    expect(event('m1')?.summary).toBe(`Mentoring: Dr ${awkward}`);
    expect(event('m1')?.description).toBe(
      `Mode: in person, 30 minutes\n\nWhat I want from this meeting: ${awkward}\n\nTopics:\n1. ${awkward} (10 min)\nPlanned: 10 of 30 minutes`,
    );
    expect(event('a1')?.summary).toBe(`Due: ${awkward}`);
  });

  it('carries no control characters or direction overrides, even from a journal edited by hand', () => {
    const j = withAda();
    plan(j, '2026-12-03 17:30', { intention: 'A plan' });
    action(j, { title: 'Book the exam', due: '2026-12-05' });
    // What a hand edit can put in: input itself never lets these through.
    j.mentors[0]!.name = 'Dr Ada\u001b]0;pwned\u0007 Lovelace\u202e';
    j.meetings[0]!.prep!.intention = 'A plan\u0000 with\u009b a NUL';
    j.actions[0]!.title = 'Book\u2066 the exam\u0008';
    const ics = exportCalendar(j);
    expect(ics).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    const { event } = readCalendar(ics);
    expect(event('m1')?.summary).toBe('Mentoring: Dr Ada]0;pwned Lovelace');
    expect(event('a1')?.summary).toBe('Due: Book the exam');
  });

  it('folds long non-ASCII text so every line ends with CRLF and is at most 75 octets', () => {
    const j = withAda();
    const intention = 'Nächste Schritte: 日本語テキスト, naïve café 🎉👩‍💻; '.repeat(8).trim();
    plan(j, '2026-12-03 17:30', { intention });
    const ics = exportCalendar(j);
    expect(ics).toMatch(/\r\n /);
    expect(readCalendar(ics).event('m1')?.description).toContain(intention);
  });

  it('exporting again gives the same UIDs, and at the same moment the very same file', () => {
    const j = withAda();
    plan(j, '2026-12-03 17:30');
    action(j, { title: 'Book the exam', due: '2026-12-05' });
    const first = exportCalendar(j);
    expect(exportCalendar(j)).toBe(first);
    const uids = readCalendar(first).uids;
    expect(uids).toEqual([`${j.meetings[0]!.uid}@mentee`, `${j.actions[0]!.uid}@mentee`]);
    expect(readCalendar(exportCalendar(j, {}, LATER)).uids).toEqual(uids);
  });

  it("two people's journals give different UIDs for the same meeting id", () => {
    const uidOfM1 = (started: Date) => {
      const j = withAda(emptyJournal(started));
      plan(j, '2026-12-03 17:30');
      return readCalendar(exportCalendar(j)).event('m1')!.uid;
    };
    expect(uidOfM1(new Date('2026-01-01T09:00:00Z'))).not.toBe(uidOfM1(new Date('2026-01-01T09:00:01Z')));
  });

  it('a later export raises SEQUENCE, so a calendar app takes the re-import as an update', () => {
    const j = withAda();
    plan(j, '2026-12-03 17:30');
    const before = readCalendar(exportCalendar(j)).event('m1')!.sequence;
    plan(j, '2026-12-03 18:00', { topic: ['Rota'] }, LATER);
    const after = readCalendar(exportCalendar(j, {}, LATER)).event('m1')!;
    expect(after.sequence).toBeGreaterThan(before);
    expect(after.start).toBe('2026-12-03T18:00:00Z');
  });

  it('a later export raises SEQUENCE even when an undo took the meeting back to an older version', () => {
    const j = withAda();
    plan(j, '2026-12-03 17:30');
    const older = structuredClone(j);
    plan(j, '2026-12-03 18:00', { topic: ['Rota'] }, LATER);
    const edited = readCalendar(exportCalendar(j, {}, LATER)).event('m1')!.sequence;
    const undone = readCalendar(exportCalendar(older, {}, new Date(LATER.getTime() + 60_000))).event('m1')!;
    expect(undone.sequence).toBeGreaterThan(edited);
    expect(undone.start).toBe('2026-12-03T17:30:00Z');
  });

  it('private reflections, reflection answers and log notes never reach the calendar', () => {
    const j = withAda();
    logMeeting(
      j,
      logInput({
        mentor: 'ada',
        when: '2026-11-12 17:30',
        private: 'SECRET-REFLECTION-5b1f',
        advice: ['SECRET-ADVICE-77c2'],
        next: '2026-12-03 17:30',
        action: ['Email the lead:2026-11-30'],
      }),
      new Date('2026-11-12T19:00:00Z'),
    );
    const reflections = [{ prompt: 'What worries you?', answer: 'SECRET-ANSWER-e41d' }];
    prepMeeting(j, prepInput({ meeting: 'm2', topic: ['Rota'], reflections }), NOW);
    for (const ics of [exportCalendar(j), exportCalendar(j, { meeting: 'm1' }), exportCalendar(j, { meeting: 'm2' })]) {
      const unfolded = ics.replace(/\r\n[ \t]/g, '');
      for (const secret of ['SECRET-REFLECTION', 'SECRET-ADVICE', 'SECRET-ANSWER'])
        expect(unfolded).not.toContain(secret);
    }
    expect(readCalendar(exportCalendar(j, { meeting: 'm1' })).event('m1')?.status).toBe('CONFIRMED');
  });

  it('a cancelled meeting keeps its UID and becomes cancelled, with no reminder left', () => {
    const j = withAda();
    plan(j, '2026-12-03 17:30');
    const before = readCalendar(exportCalendar(j)).event('m1')!;
    cancelMeeting(j, 'm1', NOW);
    const after = readCalendar(exportCalendar(j, {}, LATER)).event('m1')!;
    expect(after).toMatchObject({
      uid: before.uid,
      status: 'CANCELLED',
      summary: 'Cancelled: Mentoring: Dr Ada Lovelace',
    });
    expect(after.description).toMatch(/^Cancelled\.\n/);
    expect(after.alarms).toEqual([]);
  });

  it("a cancelled meeting's event says why it was cancelled, in the mentee's words, exactly", () => {
    const j = withAda();
    plan(j, '2026-12-03 17:30');
    cancelMeeting(j, 'm1', NOW, 'Ada is on leave; back in "January", \\ see rota');
    const event = readCalendar(exportCalendar(j, {}, LATER)).event('m1')!;
    expect(event.description).toMatch(/^Cancelled: Ada is on leave; back in "January", \\ see rota\n/);
  });

  it('a cancelled meeting that has passed is still in the file, so an old event for it does not stand', () => {
    const j = withAda();
    plan(j, '2026-11-20 17:30', {}, new Date('2026-11-10T09:00:00Z'));
    cancelMeeting(j, 'm1', new Date('2026-11-19T09:00:00Z'));
    expect(readCalendar(exportCalendar(j)).event('m1')?.status).toBe('CANCELLED');
  });

  it('a moved meeting keeps its UID and gets its new times', () => {
    const j = withAda();
    plan(j, '2026-12-03 17:30');
    const before = readCalendar(exportCalendar(j)).event('m1')!;
    j.meetings[0]!.when = '2026-12-04T09:00:00.000Z';
    j.meetings[0]!.lengthMinutes = 45;
    const after = readCalendar(exportCalendar(j, {}, LATER)).event('m1')!;
    expect(after.uid).toBe(before.uid);
    expect([after.start, after.end]).toEqual(['2026-12-04T09:00:00Z', '2026-12-04T09:45:00Z']);
  });

  it('a planned meeting reminds the mentee to prepare a day before', () => {
    const j = withAda();
    plan(j, '2026-12-03 17:30');
    expect(readCalendar(exportCalendar(j)).event('m1')!.alarms).toEqual([
      {
        action: 'DISPLAY',
        trigger: '-P1D',
        description: "Prepare for tomorrow's meeting with Dr Ada Lovelace: mentee prep m1",
      },
    ]);
  });

  it('a held meeting stays where it happened, marked held, with no reminder', () => {
    const j = withAda();
    logMeeting(j, logInput({ mentor: 'ada', when: '2026-11-12 17:30' }), new Date('2026-11-12T19:00:00Z'));
    const held = readCalendar(exportCalendar(j)).event('m1')!;
    expect(held).toMatchObject({ status: 'CONFIRMED', start: '2026-11-12T17:30:00Z', alarms: [] });
    expect(held.description).toMatch(/^Held\.\n/);
  });

  it('a done action keeps its UID and day, titled done, and stays visible (CONFIRMED)', () => {
    const j = withAda();
    action(j, { title: 'Book the exam', due: '2026-12-05' });
    const before = readCalendar(exportCalendar(j)).event('a1')!;
    closeAction(j, 'a1', 'done', new Date('2026-12-07T09:00:00Z'), 'Booked for March');
    const after = readCalendar(exportCalendar(j, {}, LATER)).event('a1')!;
    expect(after).toMatchObject({
      uid: before.uid,
      start: '2026-12-05',
      status: 'CONFIRMED',
      summary: 'Done: Book the exam',
      description: 'Done on Mon 7 Dec 2026, 2 days late: Booked for March',
    });
  });

  it('a dropped action keeps its UID and is cancelled, saying why (its last note)', () => {
    const j = withAda();
    action(j, { title: 'Introduce me to the lead', owner: 'mentor', mentor: 'ada', due: '2026-12-05' });
    closeAction(j, 'a1', 'dropped', NOW, 'The lead has left');
    expect(readCalendar(exportCalendar(j)).event('a1')).toMatchObject({
      status: 'CANCELLED',
      summary: 'Dropped: Dr Ada Lovelace: Introduce me to the lead',
      description: 'Dropped: The lead has left',
    });
  });

  it('an action whose due date is removed keeps its UID and day, cancelled, saying it is no longer due', () => {
    const j = withAda();
    action(j, { title: 'Book the exam', due: '2026-12-05' });
    const before = readCalendar(exportCalendar(j)).event('a1')!;
    editAction(j, 'a1', actionEdit({ clearDue: true }), NOW);
    const after = readCalendar(exportCalendar(j, {}, LATER)).event('a1')!;
    expect(after).toMatchObject({
      uid: before.uid,
      start: '2026-12-05',
      status: 'CANCELLED',
      summary: 'No longer due: Book the exam',
      description: 'Its due date was removed; it is still open, with no date. See it with: mentee show a1',
    });
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  it("a mentor's offer no longer due says whose it was, and once done says so too", () => {
    const j = withAda();
    action(j, { title: 'Introduce me to the lead', owner: 'mentor', mentor: 'ada', due: '2026-12-05' });
    editAction(j, 'a1', actionEdit({ clearDue: true }), NOW);
    closeAction(j, 'a1', 'done', new Date('2026-12-07T09:00:00Z'));
    expect(readCalendar(exportCalendar(j, {}, LATER)).event('a1')).toMatchObject({
      start: '2026-12-05',
      status: 'CANCELLED',
      summary: 'No longer due: Dr Ada Lovelace: Introduce me to the lead',
      description: 'Its due date was removed. Done on Mon 7 Dec 2026.',
    });
  });

  it('an action given a due date again is an ordinary event on its new day, with the same UID', () => {
    const j = withAda();
    action(j, { title: 'Book the exam', due: '2026-12-05' });
    const before = readCalendar(exportCalendar(j)).event('a1')!;
    editAction(j, 'a1', actionEdit({ clearDue: true }), NOW);
    editAction(j, 'a1', actionEdit({ due: '2026-12-12' }), NOW);
    expect(j.actions[0]!.dueRemoved).toBeUndefined();
    expect(readCalendar(exportCalendar(j, {}, LATER)).event('a1')).toMatchObject({
      uid: before.uid,
      start: '2026-12-12',
      status: 'CONFIRMED',
      summary: 'Due: Book the exam',
    });
  });

  it('an action that never had a due date has no event', () => {
    const j = withAda();
    action(j, { title: 'Read the curriculum' });
    editAction(j, 'a1', actionEdit({ clearDue: true }), NOW);
    expect(j.actions[0]!.dueRemoved).toBeUndefined();
    expect(readCalendar(exportCalendar(j)).events).toEqual([]);
  });

  it("names the mentee in the calendar's name and each meeting, for a mentor who imports it", () => {
    const j = withAda();
    j.profile.name = 'Sam Patel';
    plan(j, '2026-12-03 17:30');
    const { calendar, event } = readCalendar(exportCalendar(j));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('mentee: Sam Patel');
    expect(event('m1')?.summary).toBe('Mentoring: Sam Patel with Dr Ada Lovelace');
  });

  it("leaves out an ended mentor's planned meeting, and with --mentor keeps only that mentor's events", () => {
    const j = withAda();
    mentor(j, { name: 'Prof Alan Turing', since: '2026-01-01' });
    mentor(j, { name: 'Grace Hopper', since: '2026-01-01' });
    plan(j, '2026-12-03 17:30', { mentor: 'ada' });
    plan(j, '2026-12-10 17:30', { mentor: 'turing' });
    plan(j, '2026-12-08 17:30', { mentor: 'hopper' });
    // As a journal from before ending a mentorship cancelled their plans: ended, m3 still planned.
    j.mentors.find((ended) => ended.handle === 'hopper')!.status = 'ended';
    action(j, { title: 'Send Turing the draft', mentor: 'turing', due: '2026-12-02' });
    action(j, { title: 'Book the exam', due: '2026-12-05' });
    const ids = (ics: string) =>
      readCalendar(ics).uids.map(
        (uid) => [...j.meetings, ...j.actions].find((record) => `${record.uid}@mentee` === uid)?.id,
      );
    expect(ids(exportCalendar(j))).toEqual(['m1', 'm2', 'a1', 'a2']);
    expect(ids(exportCalendar(j, { mentor: 'turing' }))).toEqual(['m2', 'a1']);
  });

  it('a calendar with nothing to show is still a valid calendar named mentee', () => {
    const { calendar, events } = readCalendar(exportCalendar(withAda()));
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('mentee');
  });
});
