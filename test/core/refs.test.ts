import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { findAction, findGoal, findMeeting, findMentor, soleActiveMentor } from '../../src/core/refs.js';
import { setMentorStatus } from '../../src/core/mentors.js';
import { goal, journal, mentor, NOW, worded } from './fixtures.js';

function twoMentors() {
  const j = journal();
  mentor(j, { name: 'Dr Ada Lovelace' });
  mentor(j, { name: 'Prof Alan Turing' });
  return j;
}

describe('naming a mentor', () => {
  it('finds a mentor by handle', () => {
    expect(findMentor(twoMentors(), 'turing').name).toBe('Prof Alan Turing');
  });

  it('finds a mentor by a unique part of the name, in any case', () => {
    const j = twoMentors();
    expect(findMentor(j, 'ada').handle).toBe('lovelace');
    expect(findMentor(j, 'ALAN').handle).toBe('turing');
    expect(findMentor(j, '  Ada Love ').handle).toBe('lovelace');
  });

  it('prefers an exact handle over a name that merely contains the text', () => {
    const j = journal();
    mentor(j, { name: 'Dr Lee Smith', handle: 'lee' });
    mentor(j, { name: 'Dr Ann Leeson' });
    expect(findMentor(j, 'lee').name).toBe('Dr Lee Smith');
  });

  it('refuses an ambiguous part of a name and lists the candidates', () => {
    const j = twoMentors();
    // "a" is in both names.
    expect(() => worded(() => findMentor(j, 'a'))).toThrow(UserError);
    expect(() => worded(() => findMentor(j, 'a'))).toThrow(/matches several mentors/);
    expect(() => worded(() => findMentor(j, 'a'))).toThrow('lovelace (Dr Ada Lovelace)');
    expect(() => worded(() => findMentor(j, 'a'))).toThrow('turing (Prof Alan Turing)');
  });

  it('refuses an unknown mentor and lists the known ones', () => {
    const j = twoMentors();
    expect(() => worded(() => findMentor(j, 'hopper'))).toThrow(/No mentor matches "hopper"/);
    expect(() => worded(() => findMentor(j, 'hopper'))).toThrow(/lovelace \(Dr Ada Lovelace\)/);
  });

  it('suggests adding a mentor when there are none', () => {
    try {
      worded(() => findMentor(journal(), 'ada'));
      expect.unreachable('should have refused');
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).hint).toMatch(/mentee mentor add/);
    }
  });

  it('lets --mentor be left out only when exactly one mentor is active', () => {
    const j = twoMentors();
    expect(soleActiveMentor(j)).toBeUndefined();
    setMentorStatus(j, 'turing', 'ended', NOW, 'Moved abroad');
    expect(soleActiveMentor(j)?.handle).toBe('lovelace');
  });
});

describe('ids of goals, meetings and actions', () => {
  it('finds a goal by id, ignoring case and spaces', () => {
    const j = journal();
    goal(j, { title: 'Choose a specialty' });
    expect(findGoal(j, ' G1 ').title).toBe('Choose a specialty');
  });

  it('refuses an unknown id and says where to find the ids', () => {
    const j = journal();
    expect(() => worded(() => findGoal(j, 'g9'))).toThrow('No goal with id "g9".');
    expect(() => worded(() => findMeeting(j, 'm2'))).toThrow(UserError);
    expect(() => worded(() => findAction(j, 'a4'))).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/mentee actions/) }),
    );
  });
});
