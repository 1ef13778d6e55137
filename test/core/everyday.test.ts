import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVERYDAY_VALUES, journalValues } from '../../src/cli/completion-values.js';
import { looksOnlyAtOpen, selectActions, type ActionFilter } from '../../src/core/action-list.js';
import { everydayPart, EVERYDAY_FORM } from '../../src/core/everyday.js';
import { computeStatus } from '../../src/core/status.js';
import { renderActionList } from '../../src/ui/render/actions.js';
import { renderStatus } from '../../src/ui/render/status.js';
import { plainStyle } from '../../src/ui/style.js';
import { action, goal, logInput, NOW, withAda } from './fixtures.js';
import { lifeEditArb, play } from './journal-edits.js';
import { logMeeting } from '../../src/core/log.js';
import { closeAction } from '../../src/core/actions.js';

const RUNS = { numRuns: Number(process.env.EVERYDAY_RUNS ?? 300) };
const MINUTE = 60_000;
const idOf = (record: { id: string }) => record.id;

/** A journal a person could have: a mentor, a goal, then any edits the commands make. */
const journalArb = fc.array(lifeEditArb, { maxLength: 40 }).map((edits) => {
  const start = withAda({ rule: ['Fridays only'], cadence: '2 weeks' });
  goal(start, { title: 'Choose a specialty', mentor: ['ada'] });
  return play(start, edits, 0);
});
/** Any moment from two months before the edits to two months after. */
const nowArb = fc
  .integer({ min: -60 * 24 * 60, max: 60 * 24 * 60 })
  .map((minutes) => new Date(NOW.getTime() + minutes * MINUTE));

const FILTERS: ActionFilter[] = [{}, { overdue: true }, { mine: true }, { all: true }, { tag: 'career' }];

describe('the everyday part of a journal', () => {
  it('gives the home screen, the open actions and a TAB exactly as the whole journal does, on any day', () => {
    fc.assert(
      fc.property(journalArb, nowArb, (whole, now) => {
        const part = everydayPart(whole);
        const options = { now, style: plainStyle };
        expect(computeStatus(part, now)).toEqual(computeStatus(whole, now));
        expect(renderStatus(part, computeStatus(part, now), options)).toBe(
          renderStatus(whole, computeStatus(whole, now), options),
        );
        const filters = [...FILTERS, { mentor: whole.mentors.at(-1)?.handle }, { goal: whole.goals.at(0)?.id }];
        for (const filter of filters.filter(looksOnlyAtOpen)) {
          const listed = selectActions(part, filter, now);
          expect(listed).toEqual(selectActions(whole, filter, now));
          expect(renderActionList(part, listed, options)).toBe(renderActionList(whole, listed, options));
        }
        for (const kind of EVERYDAY_VALUES) expect(journalValues(part, kind)).toEqual(journalValues(whole, kind));
      }),
      RUNS,
    );
  });

  it('leaves out finished work: done actions and meetings held before the last one', () => {
    const j = withAda();
    for (let week = 0; week < 20; week++) {
      const at = new Date(NOW.getTime() - (20 - week) * 7 * 24 * 60 * MINUTE);
      logMeeting(
        j,
        logInput({ mentor: 'ada', when: at.toISOString(), advice: ['Ask early'], action: ['Read the guide'] }, at),
        at,
      );
    }
    for (const each of j.actions.slice(0, 15)) closeAction(j, each.id, 'done', NOW);
    action(j, { title: 'Book the exam' });
    const part = everydayPart(j);
    expect(part.actions.map((each) => each.status)).toEqual(Array(6).fill('open'));
    expect(part.meetings.map((each) => each.id)).toEqual([j.meetings.at(-1)!.id]);
    expect(part.history).toEqual({ undo: [], redo: [] });
  });

  it('keeps the meeting held last, whatever order the meetings were logged in', () => {
    const j = withAda({ cadence: '2 weeks' });
    for (const when of ['2026-10-20 10:00', '2026-06-01 10:00'])
      logMeeting(j, logInput({ mentor: 'ada', when, advice: ['Ask early'] }, NOW), NOW);
    action(j, { title: 'Book the exam' });
    expect(everydayPart(j).meetings.map((each) => each.when)).toEqual(j.meetings.map((each) => each.when));
    logMeeting(j, logInput({ mentor: 'ada', when: '2026-03-01 10:00', advice: ['Ask early'] }, NOW), NOW);
    const [latest] = j.meetings;
    expect(everydayPart(j).meetings).toEqual([latest, j.meetings.at(-1)]);
    expect(computeStatus(everydayPart(j), NOW)).toEqual(computeStatus(j, NOW));
  });

  it('says which rule made it: a change to what it keeps changes its form number', () => {
    const j = withAda();
    action(j, { title: 'Book the exam' });
    logMeeting(j, logInput({ mentor: 'ada', when: '2026-01-05 10:00', advice: ['Ask early'] }, NOW), NOW);
    closeAction(j, 'a1', 'done', NOW);
    const part = everydayPart(j);
    const kept = { keys: Object.keys(part), actions: part.actions.map(idOf), meetings: part.meetings.map(idOf) };
    const made = createHash('sha256').update(JSON.stringify(kept)).digest('hex').slice(0, 12);
    // When this fails, everydayPart keeps something else: give EVERYDAY_FORM the next number, and this its hash.
    expect({ form: EVERYDAY_FORM, made }).toEqual({ form: 1, made: 'eaac12c2c047' });
  });
});
