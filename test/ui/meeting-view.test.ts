import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../src/core/agenda.js';
import { logMeeting } from '../../src/core/log.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { calendarFile } from '../../src/ui/export/ics.js';
import { renderExport } from '../../src/ui/export/render-export.js';
import { renderAgenda, renderMeeting } from '../../src/ui/render/meetings.js';
import { plainStyle } from '../../src/ui/style.js';
import { meetingView } from '../../src/ui/views/meeting-view.js';
import { goal, journal, logInput, mentor, NOW, prepInput } from '../core/fixtures.js';

const at = (iso: string) => new Date(iso);
const plain = { now: NOW, style: plainStyle };

/** Ada: held 12 Nov (a private reflection, actions agreed both ways), planned 3 Dec by video. */
function withAgenda(): Journal {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-01' }, at('2026-01-01T09:00:00Z'));
  goal(j, { title: 'Choose a specialty', mentor: ['lovelace'] }, at('2026-01-02T09:00:00Z'));
  logMeeting(
    j,
    logInput({
      mentor: 'lovelace',
      when: '2026-11-12 17:30',
      advice: ['Talk to three GPs'],
      private: 'Felt anxious',
      action: ['Email the training lead:2026-11-30'],
      mentorAction: ['Introduce me to Dr Blair'],
    }),
    at('2026-11-12T19:00:00Z'),
  );
  logMeeting(j, logInput({ meeting: 'm1', amend: true, action: ['Book a taster week'] }), at('2026-11-13T09:00:00Z'));
  prepMeeting(
    j,
    prepInput({
      mentor: 'lovelace',
      when: '2026-12-03 17:30',
      mode: 'video',
      intention: 'Leave with a plan',
      topic: ['Specialty choice:20'],
      goal: ['g1'],
      review: ['a1=blocked:lead on leave'],
    }),
    NOW,
  );
  return j;
}

const agendaOf = (j: Journal, id: string) =>
  buildAgenda(
    j,
    j.meetings.find((meeting) => meeting.id === id)!,
  );

function calendarDescription(j: Journal, id: string): string {
  const meeting = j.meetings.find((each) => each.id === id)!;
  const ics = calendarFile(j, { meetings: [meeting], actions: [] }, NOW);
  return new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!).description;
}

describe('one view of a meeting, drawn by every renderer', () => {
  it('words how you meet the same in the terminal, the layouts and the calendar ("video call", "in person")', async () => {
    const j = withAgenda();
    expect(renderAgenda(j, agendaOf(j, 'm2'), plain).split('\n')[0]).toContain(', 30 min, video call, planned');
    expect(await renderExport('md', j, { kind: 'meeting', agenda: agendaOf(j, 'm2') }, false, NOW)).toContain(
      '**Mode:** video call',
    );
    expect(calendarDescription(j, 'm2')).toMatch(/^Mode: video call, 30 minutes/);
    expect(renderMeeting(j, agendaOf(j, 'm1'), { ...plain, includePrivate: false })).toContain(', in person, held');
  });

  it('shows the same agenda in the terminal, the layouts and the calendar: intention, topics, reported actions, goals', async () => {
    const j = withAgenda();
    const terminal = renderAgenda(j, agendaOf(j, 'm2'), plain);
    const markdown = await renderExport('md', j, { kind: 'meeting', agenda: agendaOf(j, 'm2') }, false, NOW);
    const calendar = calendarDescription(j, 'm2');
    for (const text of [terminal, markdown, calendar]) {
      expect(text).toContain('Leave with a plan');
      expect(text).toContain('Specialty choice');
      expect(text).toContain('Email the training lead');
      expect(text).toMatch(/blocked: lead on leave/);
      expect(text).toContain('Choose a specialty');
    }
  });

  it("lists a record's action plan in the order agreed in the terminal, and split into yours and the mentor's in the layouts", async () => {
    const j = withAgenda();
    const view = meetingView(j, agendaOf(j, 'm1'), { includePrivate: false, now: NOW });
    expect(view.record?.agreed.map((action) => action.title)).toEqual([
      'Email the training lead',
      'Introduce me to Dr Blair',
      'Book a taster week',
    ]);
    expect(view.record?.myPlan.map((action) => action.title)).toEqual([
      'Email the training lead',
      'Book a taster week',
    ]);
    expect(view.record?.mentorOffers.map((action) => action.owner)).toEqual(['Dr Ada Lovelace']);
    const plan = renderMeeting(j, agendaOf(j, 'm1'), { ...plain, includePrivate: false }).split('Action plan\n')[1]!;
    expect(
      plan
        .split('\n')
        .slice(0, 3)
        .map((line) => line.split(/\s{2,}/)[2]),
    ).toEqual(['Email the training lead', 'Introduce me to Dr Blair', 'Book a taster week']);
  });
});

describe('private reflections in the view of a meeting', () => {
  it('are left out, and said to be hidden, unless asked for', () => {
    const j = withAgenda();
    const hidden = meetingView(j, agendaOf(j, 'm1'), { includePrivate: false, now: NOW });
    expect(hidden).toMatchObject({ private: null, privateLeftOut: true });
    expect(JSON.stringify(hidden)).not.toContain('Felt anxious');
    const terminal = renderMeeting(j, agendaOf(j, 'm1'), { ...plain, includePrivate: false });
    expect(terminal).toContain('Private reflection: hidden (show it with --include-private)');
    expect(terminal).not.toContain('Felt anxious');
  });

  it('are shown, marked as never shared, when asked for', () => {
    const j = withAgenda();
    const shown = meetingView(j, agendaOf(j, 'm1'), { includePrivate: true, now: NOW });
    expect(shown).toMatchObject({ private: { reflection: 'Felt anxious' }, privateLeftOut: false });
    const terminal = renderMeeting(j, agendaOf(j, 'm1'), { ...plain, includePrivate: true });
    expect(terminal).toContain('Private reflection (never shared)\n  Felt anxious');
  });

  it('say nothing of a meeting that has none', () => {
    const j = withAgenda();
    const view = meetingView(j, agendaOf(j, 'm2'), { includePrivate: false, now: NOW });
    expect(view.privateLeftOut).toBe(false);
    expect(renderMeeting(j, agendaOf(j, 'm2'), { ...plain, includePrivate: false })).not.toContain('Private');
  });
});
