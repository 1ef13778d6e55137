import { describe, expect, it } from 'vitest';
import { describeFound } from '../../src/ui/field-words.js';
import { findIdentifiers, isNhsNumber, withoutIdentifiers } from '../../src/core/identifiers.js';

describe('spotting NHS numbers', () => {
  it('knows a valid NHS number by its Modulus 11 check digit', () => {
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('9434765918')).toBe(false);
    expect(isNhsNumber('4010232137')).toBe(true);
  });

  it('never accepts a number whose check digit would be 10', () => {
    // 123456789 weighted 10 down to 2 sums to 210, remainder 1, check 11 − 1 = 10: no tenth digit fits.
    for (let last = 0; last <= 9; last++) expect(isNhsNumber(`123456789${last}`)).toBe(false);
  });

  it('finds one written together, spaced 3-3-4, or with hyphens', () => {
    for (const text of ['9434765919', '943 476 5919', '943-476-5919'])
      expect(findIdentifiers(`Saw patient ${text} today`)).toEqual([{ kind: 'an NHS number', text }]);
  });

  it('finds one written with dots, slashes, or a mix of spaces and dashes in each gap', () => {
    for (const text of [
      '943.476.5919',
      '943/476/5919',
      '943 476-5919',
      '943 - 476 - 5919',
      '943. 476 /5919',
      '943476 5919',
    ])
      expect(findIdentifiers(`Saw patient ${text} today`)).toEqual([{ kind: 'an NHS number', text }]);
  });

  it('is not fooled into a false alarm by dates, times and phone numbers that fail the check', () => {
    expect(
      findIdentifiers('On 03/12/2026 at 17.30, 2026.12.03, ring 020 7946 0958, 07700 900123 or 123.456.7890'),
    ).toEqual([]);
  });

  it('finds one pasted with no-break or thin spaces, other dashes, or full-width digits', () => {
    for (const text of [
      '943\u00a0476\u00a05919',
      '943\u202f476\u202f5919',
      '943\u2013476\u20135919',
      '９４３４７６５９１９',
    ])
      expect(findIdentifiers(`Patient ${text}.`)).toEqual([{ kind: 'an NHS number', text }]);
  });

  it('ignores ten digits that fail the check, longer numbers, and phone numbers', () => {
    expect(findIdentifiers('Bleep 943 476 5918, ref 19434765919, call 020 7946 0958 or 07700 900123')).toEqual([]);
  });

  it("finds the user's own patterns too", () => {
    const found = findIdentifiers('Hospital no. RX1234567 in bay 4', [
      { name: 'a hospital number', matches: (text: string) => text.match(/\bRX\d{7}\b/g) ?? [] },
    ]);
    expect(found).toEqual([{ kind: 'a hospital number', text: 'RX1234567' }]);
  });

  it('describes and takes out what it found', () => {
    const found = findIdentifiers('943 476 5919 and 401 023 2137');
    expect(describeFound(found)).toBe('an NHS number (943 476 5919) and 1 more');
    expect(withoutIdentifiers('Patient 943 476 5919 and 401 023 2137', found)).toBe('Patient [removed] and [removed]');
  });
});
