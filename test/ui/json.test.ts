import { describe, expect, it } from 'vitest';
import { buildAgenda } from '../../src/core/agenda.js';
import { logMeeting } from '../../src/core/log.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { computeStatus } from '../../src/core/status.js';
import {
  AgendaJsonSchema,
  ExportJsonSchema,
  exportJsonSchemaDocument,
  StatusJsonSchema,
} from '../../src/ui/json-shapes.js';
import { agendaJson, exportJson, statusJson } from '../../src/ui/json.js';
import { action, exportSelection, goal, journal, logInput, mentor, NOW, prepInput } from '../core/fixtures.js';

const at = (iso: string) => new Date(iso);

/** Ada: held 12 Nov (private reflection, an action), planned 3 Dec. Turing: no meeting for months. */
function busyJournal(): Journal {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace', since: '2026-01-01', cadence: '4w' }, at('2026-01-01T09:00:00Z'));
  mentor(j, { name: 'Prof Alan Turing', since: '2026-01-01', cadence: '2w' }, at('2026-01-01T09:00:00Z'));
  goal(j, { title: 'Choose a specialty', mentor: ['lovelace'] }, at('2026-01-02T09:00:00Z'));
  action(j, { title: 'Overdue', due: '2026-11-01' }, at('2026-10-01T09:00:00Z'));
  action(j, { title: 'Due soon', due: '2026-11-27' }, at('2026-10-01T09:00:00Z'));
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
  prepMeeting(
    j,
    prepInput({ mentor: 'lovelace', when: '2026-12-03 17:30', topic: ['Specialty choice:20'], goal: ['g1'] }),
    NOW,
  );
  return j;
}

const meetingOf = (j: Journal, id: string) => j.meetings.find((meeting) => meeting.id === id)!;

describe('--json output is exactly its declared shape', () => {
  it('an agenda (prep --json, show --json), planned or held, has every declared field and no other', () => {
    const j = busyJournal();
    for (const id of ['m1', 'm2']) {
      const json = JSON.parse(JSON.stringify(agendaJson(buildAgenda(j, meetingOf(j, id)))));
      expect(AgendaJsonSchema.parse(json)).toEqual(json);
    }
  });

  it('status --json, with something in every list, has every declared field and no other', () => {
    const j = busyJournal();
    goal(j, { title: 'Pass the exam', target: '2026-12-01' }, NOW);
    prepMeeting(j, prepInput({ mentor: 'turing', when: '2027-01-07 10:00' }), NOW);
    // Turing's meeting answers his nudge; Blair, never met, is the mentor overdue.
    mentor(j, { name: 'Dr Jo Blair', since: '2026-01-01', cadence: '4w' }, at('2026-01-01T09:00:00Z'));
    const later = at('2026-12-20T09:00:00Z');
    const json = JSON.parse(JSON.stringify(statusJson(computeStatus(j, later))));
    expect(json.mentorsOverdue.length).toBeGreaterThan(0);
    expect(json.overdue.length).toBeGreaterThan(0);
    expect(json.upcoming.length).toBeGreaterThan(0);
    expect(json.goalsPastTarget.length).toBeGreaterThan(0);
    expect(StatusJsonSchema.parse(json)).toEqual(json);
  });

  it.each([
    ['a meeting', { meeting: 'm1' }],
    ['a summary', { since: '2026-11-01' }],
    ['the journal', { all: true }],
    ["one mentor's part of the journal", { all: true, mentor: 'turing' }],
  ])('export --format json of %s has every declared field and no other, with or without private parts', (_, scope) => {
    const j = busyJournal();
    for (const includePrivate of [false, true]) {
      const data = exportJson(j, exportSelection(j, scope), includePrivate, NOW);
      const json = JSON.parse(JSON.stringify(data));
      expect(ExportJsonSchema.parse(json)).toEqual(json);
    }
  });

  it('export --schema describes the same three kinds the export writes', () => {
    const document = exportJsonSchemaDocument() as { title: string; oneOf?: unknown[]; anyOf?: unknown[] };
    expect(document.title).toBe('mentee export');
    const kinds = JSON.stringify(document.oneOf ?? document.anyOf);
    for (const kind of ['"meeting"', '"summary"', '"journal"']) expect(kinds).toContain(kind);
  });
});

describe('private reflections in JSON', () => {
  it('are left out of an agenda unless asked for, and the same whether shown or exported', () => {
    const j = busyJournal();
    const agenda = buildAgenda(j, meetingOf(j, 'm1'));
    expect(JSON.stringify(agendaJson(agenda))).not.toContain('Felt anxious');
    expect(agendaJson(agenda, true).meeting.log?.privateReflection).toBe('Felt anxious');
    const exported = exportJson(j, exportSelection(j, { meeting: 'm1' }), false, NOW);
    expect(exported).toEqual({ kind: 'meeting', ...agendaJson(agenda) });
  });

  it('are left out of a summary and the journal unless asked for', () => {
    const j = busyJournal();
    for (const scope of [{ since: '2026-11-01' }, { all: true }]) {
      const selection = exportSelection(j, scope);
      expect(JSON.stringify(exportJson(j, selection, false, NOW))).not.toContain('Felt anxious');
      expect(JSON.stringify(exportJson(j, selection, true, NOW))).toContain('Felt anxious');
    }
  });
});
