import { describe, expect, it } from 'vitest';
import { guardedPrompter } from '../../src/cli/identifier-guard.js';
import { pick, scripted } from '../helpers/scripted-prompter.js';

describe('a wizard answer that looks like a patient identifier', () => {
  it('is queried, and taken out by default', async () => {
    const prompt = scripted([
      [/Advice/, 'Review 943 476 5919 with the team'],
      [/Keep it/, pick(/Take it out/)],
    ]);
    expect(await guardedPrompter(prompt, []).text({ message: 'Advice' })).toBe('Review [removed] with the team');
    expect(prompt.said).toEqual([
      'That looks like an NHS number (943 476 5919). Mentoring notes are not a place for patient data.',
    ]);
    prompt.done();
  });

  it('is kept when the user says it is not patient data', async () => {
    const prompt = scripted([
      [/reflection/, 'Order number 943 476 5919 for the course'],
      [/Keep it/, pick(/not patient data/)],
    ]);
    expect(await guardedPrompter(prompt, []).longText({ message: 'Private reflection' })).toBe(
      'Order number 943 476 5919 for the course',
    );
    prompt.done();
  });

  it("asks nothing more about ordinary text, and checks the user's own patterns", async () => {
    const prompt = scripted([
      [/Topic/, 'Specialty choice'],
      [/Topic/, 'Bay 4, RX1234567'],
      [/Keep it/, pick(/Take it out/)],
    ]);
    const guarded = guardedPrompter(prompt, [
      { name: 'a hospital number', matches: (text: string) => text.match(/\bRX\d{7}\b/g) ?? [] },
    ]);
    expect(await guarded.text({ message: 'Topic' })).toBe('Specialty choice');
    expect(await guarded.text({ message: 'Topic' })).toBe('Bay 4, [removed]');
    prompt.done();
  });
});
