/** Every default for a new meeting is the mentor's usual (length, mode), never one unusual meeting's. */
import { describe, expect, it } from 'vitest';
import { logMeeting } from '../../src/core/log.js';
import { cancelMeeting, usualMeeting, usualMode } from '../../src/core/meetings.js';
import { prepMeeting } from '../../src/core/prep.js';
import type { Journal } from '../../src/core/schema.js';
import { logInput, mentor, NOW, prepInput, withAda } from './fixtures.js';

/** Meetings held with Dr Lovelace in these modes, a week apart, oldest first, all in the past. */
function heldIn(j: Journal, modes: string[]): void {
  modes.forEach((mode, index) => {
    const day = String(1 + index * 7).padStart(2, '0');
    const at = new Date(`2026-10-${day}T18:00:00Z`);
    logMeeting(j, logInput({ mentor: 'lovelace', when: `2026-10-${day} 17:00`, mode }, at), at);
  });
}

describe("the mentor's usual meeting", () => {
  it('one video call does not make every next meeting a video call', () => {
    const j = withAda({ length: '45' });
    heldIn(j, ['in-person', 'in-person', 'video']);
    expect(usualMeeting(j, j.mentors[0]!)).toEqual({ lengthMinutes: 45, mode: 'in-person' });
    const { meeting } = prepMeeting(j, prepInput({ when: '2026-12-03 17:30' }), NOW);
    expect(meeting).toMatchObject({ lengthMinutes: 45, mode: 'in-person' });
  });

  it('log --next plans the next meeting on the usual terms, not those of the unusual meeting just logged', () => {
    const j = withAda({ length: '45' });
    heldIn(j, ['in-person', 'in-person']);
    prepMeeting(j, prepInput({ when: '2026-11-24 17:30', topic: ['Rota'] }), NOW);
    const { meeting, nextMeeting } = logMeeting(
      j,
      logInput({ meeting: 'm3', length: '15', mode: 'phone', next: '2027-01-07 17:30' }),
      NOW,
    );
    expect(meeting).toMatchObject({ lengthMinutes: 15, mode: 'phone' });
    expect(nextMeeting).toMatchObject({ id: 'm4', lengthMinutes: 45, mode: 'in-person' });
  });

  it('log --next onto a meeting already planned that day keeps its own length and mode', () => {
    const j = withAda();
    prepMeeting(j, prepInput({ when: '2026-11-24 17:30', mode: 'phone' }), NOW);
    prepMeeting(j, prepInput({ when: '2027-01-07 12:00', length: '60', mode: 'video' }), NOW);
    const { nextMeeting } = logMeeting(j, logInput({ meeting: 'm1', length: '20', next: '2027-01-07 17:30' }), NOW);
    expect(nextMeeting).toMatchObject({ id: 'm2', when: '2027-01-07T17:30:00.000Z', lengthMinutes: 60, mode: 'video' });
  });

  it('a way of meeting that has become the most common becomes the usual', () => {
    const j = withAda();
    heldIn(j, ['in-person', 'video', 'video']);
    expect(usualMode(j, 'lovelace')).toBe('video');
  });

  it('between equally common ways, the one used most recently is the usual', () => {
    const j = withAda();
    heldIn(j, ['video', 'in-person', 'in-person', 'video']);
    expect(usualMode(j, 'lovelace')).toBe('video');
    const other = withAda();
    heldIn(other, ['in-person', 'video', 'video', 'in-person']);
    expect(usualMode(other, 'lovelace')).toBe('in-person');
  });

  it('before any meeting is held, the way the latest planned one will be is the usual; with none, in person', () => {
    const j = withAda();
    expect(usualMode(j, 'lovelace')).toBe('in-person');
    prepMeeting(j, prepInput({ when: '2026-12-03 17:30', mode: 'video' }), NOW);
    expect(usualMode(j, 'lovelace')).toBe('video');
    cancelMeeting(j, 'm1', NOW);
    expect(usualMode(j, 'lovelace')).toBe('in-person');
  });

  it("another mentor's meetings and planned or cancelled ones do not count once some are held", () => {
    const j = withAda();
    mentor(j, { name: 'Prof Bob Blair' });
    heldIn(j, ['phone']);
    for (const day of ['10', '11', '12'])
      prepMeeting(j, prepInput({ mentor: 'blair', when: `2026-12-${day} 10:00`, mode: 'video' }), NOW);
    prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-12-03 17:30', mode: 'video' }), NOW);
    prepMeeting(j, prepInput({ mentor: 'lovelace', when: '2026-12-04 17:30', mode: 'video' }), NOW);
    cancelMeeting(j, 'm6', NOW);
    expect(usualMode(j, 'lovelace')).toBe('phone');
    expect(usualMode(j, 'blair')).toBe('video');
  });
});
