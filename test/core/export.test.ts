import { describe, expect, it } from 'vitest';
import { UsageError, UserError } from '../../src/errors.js';
import { buildAgenda } from '../../src/core/agenda.js';
import { logMeeting } from '../../src/core/log.js';
import { mentorScope, recordsConcerning } from '../../src/core/mentor-scope.js';
import { prepMeeting } from '../../src/core/prep.js';
import { shareable, withoutPrivate } from '../../src/core/privacy.js';
import type { Journal } from '../../src/core/schema.js';
import { action, exportSelection, goal, journal, logInput, mentor, NOW, prepInput, worded } from './fixtures.js';

const at = (iso: string) => new Date(iso);

/** Ada: held 12 Nov (with a private reflection), planned 3 Dec. Turing: planned 10 Dec. */
function journalWithMeetings(): Journal {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-01' }, at('2026-01-01T09:00:00Z'));
  mentor(j, { name: 'Prof Alan Turing', since: '2026-01-01' }, at('2026-01-01T09:00:00Z'));
  logMeeting(
    j,
    logInput({
      mentor: 'lovelace',
      when: '2026-11-12 17:30',
      advice: ['Talk to three GPs'],
      private: 'Felt anxious about telling my consultant',
      action: ['Email the training lead:2026-11-30'],
    }),
    at('2026-11-12T19:00:00Z'),
  );
  prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-12-03 17:30', topic: ['Specialty choice'] }), NOW);
  prepMeeting(j, prepInput({ mentor: 'turing', when: '2026-12-10 17:30', topic: ['Research'] }), NOW);
  return j;
}

describe('what export shares', () => {
  it('--next shares the agenda of the next planned meeting', () => {
    const selection = exportSelection(journalWithMeetings(), { next: true });
    expect(selection.kind).toBe('meeting');
    if (selection.kind !== 'meeting') return;
    expect(selection.agenda.meeting.id).toBe('m2');
    expect(selection.agenda.topics.map((topic) => topic.title)).toEqual(['Specialty choice']);
  });

  it('--next with --mentor shares the next meeting with that mentor', () => {
    const selection = exportSelection(journalWithMeetings(), { next: true, mentor: 'turing' });
    expect(selection.kind === 'meeting' && selection.agenda.meeting.id).toBe('m3');
  });

  it("with no scope, shares the next meeting's agenda when one is planned", () => {
    const selection = exportSelection(journalWithMeetings(), {});
    expect(selection.kind === 'meeting' && selection.agenda.meeting.id).toBe('m2');
  });

  it('with no scope and nothing planned, shares a summary of everything so far', () => {
    const j = journalWithMeetings();
    j.meetings = j.meetings.filter((meeting) => meeting.status === 'held');
    const selection = exportSelection(j, {});
    expect(selection.kind).toBe('summary');
    if (selection.kind !== 'summary') return;
    expect(selection.summary.scope.from).toBeUndefined();
    expect(selection.summary.scope.to).toBe(NOW.toISOString());
    expect(selection.summary.meetings.map((meeting) => meeting.id)).toEqual(['m1']);
  });

  it('--meeting shares that meeting, held ones included, with the actions agreed there', () => {
    const selection = exportSelection(journalWithMeetings(), { meeting: 'm1' });
    expect(selection.kind).toBe('meeting');
    if (selection.kind !== 'meeting') return;
    expect(selection.agenda.meeting.id).toBe('m1');
    expect(selection.agenda.actionsAgreed.map((item) => item.title)).toEqual(['Email the training lead']);
  });

  it('--since shares a summary from the start of that day', () => {
    const selection = exportSelection(journalWithMeetings(), { since: '2026-11-12' });
    expect(selection.kind).toBe('summary');
    if (selection.kind !== 'summary') return;
    expect(selection.summary.scope.from).toBe('2026-11-12T00:00:00.000Z');
    // The meeting at 17:30 that day is in the period.
    expect(selection.summary.meetings.map((meeting) => meeting.id)).toEqual(['m1']);
  });

  it('--since with --to includes the whole of the last day', () => {
    const selection = exportSelection(journalWithMeetings(), { since: '2026-11-01', to: '2026-11-12' });
    expect(selection.kind === 'summary' && selection.summary.meetings.map((meeting) => meeting.id)).toEqual(['m1']);
    const before = exportSelection(journalWithMeetings(), { since: '2026-11-01', to: '2026-11-11' });
    expect(before.kind === 'summary' && before.summary.meetings).toEqual([]);
  });

  it('--from is another name for --since', () => {
    const journal = journalWithMeetings();
    const since = exportSelection(journal, { since: '2026-11-12' });
    const from = exportSelection(journal, { from: '2026-11-12' });
    expect(from).toEqual(since);
    expect(() => exportSelection(journalWithMeetings(), { from: '2026-11-01', since: '2026-11-01' })).toThrow(
      /--since and --from mean the same/,
    );
  });

  it("--all shares the whole journal, optionally one mentor's part of it, and no period goes with it", () => {
    const all = exportSelection(journalWithMeetings(), { all: true });
    expect(all).toMatchObject({ kind: 'summary', all: true });
    expect(all.kind === 'summary' && all.summary.scope.from).toBeUndefined();
    const turing = exportSelection(journalWithMeetings(), { all: true, mentor: 'turing' });
    expect(turing.kind === 'summary' && turing.summary.meetings).toEqual([]);
    expect(() => worded(() => exportSelection(journalWithMeetings(), { all: true, since: '2026-11-01' }))).toThrow(
      UsageError,
    );
  });

  it('the next agenda reports on everything agreed last time, done or not', () => {
    const j = journalWithMeetings();
    const agreed = j.actions.find((candidate) => candidate.title === 'Email the training lead')!;
    agreed.status = 'done';
    agreed.completedAt = '2026-11-20T09:00:00.000Z';
    const selection = exportSelection(j, { next: true, mentor: 'lovelace' });
    expect(selection.kind === 'meeting' && selection.agenda.actionsReviewed).toEqual([
      { action: agreed, state: 'done', note: undefined },
    ]);
  });

  it('refuses more than one scope', () => {
    const j = journalWithMeetings();
    expect(() => worded(() => exportSelection(j, { next: true, meeting: 'm1' }))).toThrow(UsageError);
    expect(() => worded(() => exportSelection(j, { next: true, since: '2026-11-01' }))).toThrow(/only one of/);
    expect(() => worded(() => exportSelection(j, { meeting: 'm1', since: '2026-11-01' }))).toThrow(UsageError);
  });

  it('--next with no planned meeting is an error naming the mentor', () => {
    const j = journalWithMeetings();
    j.meetings = j.meetings.filter((meeting) => meeting.mentor !== 'turing');
    expect(() => worded(() => exportSelection(j, { next: true, mentor: 'turing' }))).toThrow(UserError);
    expect(() => worded(() => exportSelection(j, { next: true, mentor: 'turing' }))).toThrow(
      /No planned meeting with Prof Alan Turing/,
    );
  });

  it('refuses a period that ends before it starts, and an unreadable date', () => {
    const j = journalWithMeetings();
    expect(() => worded(() => exportSelection(j, { since: '2026-11-20', to: '2026-11-01' }))).toThrow(UsageError);
    expect(() => worded(() => exportSelection(j, { since: 'last autumn-ish' }))).toThrow(/--since/);
  });

  it('refuses an unknown meeting or mentor', () => {
    const j = journalWithMeetings();
    expect(() => worded(() => exportSelection(j, { meeting: 'm42' }))).toThrow(/No meeting with id "m42"/);
    expect(() => worded(() => exportSelection(j, { mentor: 'hopper' }))).toThrow(/No mentor matches "hopper"/);
  });
});

describe("one mentor's part of the journal", () => {
  it('is that mentor, their meetings, the actions linked to them and the goals they help with', () => {
    const j = journalWithMeetings();
    goal(j, { title: 'Choose a specialty', mentor: ['lovelace'] });
    goal(j, { title: 'Publish', mentor: ['turing', 'lovelace'] });
    goal(j, { title: 'Sleep more' });
    action(j, { title: 'For Turing', mentor: 'turing' });
    action(j, { title: 'A personal to-do' });
    const turing = recordsConcerning(j, 'turing');
    expect(turing.mentors.map((each) => each.handle)).toEqual(['turing']);
    expect(turing.meetings.map((meeting) => meeting.id)).toEqual(['m3']);
    expect(turing.actions.map((each) => each.title)).toEqual(['For Turing']);
    expect(turing.goals.map((each) => each.title)).toEqual(['Publish']);
  });

  it('is the whole journal when no mentor is named', () => {
    const j = journalWithMeetings();
    action(j, { title: 'A personal to-do' });
    const all = recordsConcerning(j, undefined);
    expect(all).toEqual({ mentors: j.mentors, goals: j.goals, meetings: j.meetings, actions: j.actions });
    expect(j.actions.every(mentorScope(undefined).action)).toBe(true);
  });
});

describe('the agenda sent ahead', () => {
  it("lists open actions from earlier meetings with this mentor for review, not other mentors' ones nor private to-dos", () => {
    const j = journalWithMeetings();
    action(j, { title: 'For Turing', mentor: 'turing' }, at('2026-11-13T09:00:00Z'));
    action(j, { title: 'A personal to-do', due: '2026-12-01' }, at('2026-11-13T09:00:00Z'));
    const agenda = buildAgenda(
      j,
      j.meetings.find((meeting) => meeting.id === 'm2')!,
    );
    expect(agenda.actionsReviewed.map((item) => item.action.title)).toEqual(['Email the training lead']);
    expect(agenda.actionsAgreed).toEqual([]);
  });

  it('shows the state the mentee reported in prep', () => {
    const j = journalWithMeetings();
    prepMeeting(
      j,
      prepInput({ mentor: 'lovelace', when: '2026-12-03 17:30', review: ['a1=blocked:lead on leave'] }),
      NOW,
    );
    const agenda = buildAgenda(
      j,
      j.meetings.find((meeting) => meeting.id === 'm2')!,
    );
    expect(agenda.actionsReviewed).toEqual([
      expect.objectContaining({
        state: 'blocked',
        note: 'lead on leave',
        action: expect.objectContaining({ id: 'a1' }),
      }),
    ]);
  });
});

describe('private reflections', () => {
  it('are removed from a meeting before it is shared, keeping everything else', () => {
    const j = journalWithMeetings();
    const held = j.meetings[0]!;
    const shared = withoutPrivate(held);
    expect(shared.log?.privateReflection).toBeUndefined();
    expect(JSON.stringify(shared)).not.toContain('Felt anxious');
    expect(shared.log?.advice).toEqual(['Talk to three GPs']);
    expect(shared.id).toBe('m1');
  });

  it('stay in the journal itself when a shareable copy is made', () => {
    const j = journalWithMeetings();
    withoutPrivate(j.meetings[0]!);
    expect(j.meetings[0]?.log?.privateReflection).toBe('Felt anxious about telling my consultant');
  });

  it('are shared only when asked for with --include-private', () => {
    const held = journalWithMeetings().meetings[0]!;
    expect(shareable(held, true).log?.privateReflection).toBe('Felt anxious about telling my consultant');
    expect(shareable(held, false).log?.privateReflection).toBeUndefined();
  });

  it('leave a meeting with nothing private unchanged', () => {
    const planned = journalWithMeetings().meetings[1]!;
    expect(withoutPrivate(planned)).toEqual(planned);
  });
});
