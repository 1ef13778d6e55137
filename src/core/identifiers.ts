/**
 * Likely patient identifiers in free text. Mentoring notes are not a place for patient data, so
 * mentee asks before it keeps text that looks like one: a UK NHS number (ten digits, written
 * together or 3-3-4 with spaces, dashes, dots or slashes, whose last digit is its Modulus 11 check
 * digit), or a pattern the user added.
 */
export interface IdentifierPattern {
  name: string;
  /** Each non-empty match in `text`, left to right; in linear time (the user's patterns run on RE2). */
  matches(text: string): string[];
}

export interface FoundIdentifier {
  kind: string;
  text: string;
}

/**
 * 3-3-4 digits, each gap any mix of up to three spaces, dashes, dots or slashes ("943 476 5919",
 * "943.476.5919", "943 - 476-5919"), or none. Every quantifier is bounded and nothing nests, so it
 * takes linear time whatever the text: the one pattern of mentee's own, kept a plain JS RegExp
 * because it needs lookaround (RE2 has none) and must not load a regex engine for every command.
 */
const TEN_DIGITS = /(?<![\d+])(\d{3})[ \t\-./]{0,3}(\d{3})[ \t\-./]{0,3}(\d{4})(?!\d)/g;

/** Whether ten digits are a valid NHS number: weights 10 down to 2, check digit 11 − (sum mod 11), 11 → 0, 10 never valid. */
export function isNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/**
 * The text as the digit check reads it: pasted numbers often carry no-break or thin spaces, dashes
 * other than "-", slashes other than "/", or full-width digits. Each is one character for one, so
 * positions stay the same.
 */
function forScanning(text: string): string {
  return text
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[\u2044\u2215\uff0f]/g, '/')
    .replace(/[\u2024\uff0e]/g, '.')
    .replace(/[\uff10-\uff19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

export function findIdentifiers(text: string, patterns: readonly IdentifierPattern[] = []): FoundIdentifier[] {
  const found: FoundIdentifier[] = [];
  for (const match of forScanning(text).matchAll(TEN_DIGITS)) {
    if (isNhsNumber(`${match[1]}${match[2]}${match[3]}`))
      found.push({ kind: 'an NHS number', text: text.slice(match.index, match.index + match[0].length) });
  }
  for (const { name, matches } of patterns) for (const match of matches(text)) found.push({ kind: name, text: match });
  return found;
}

/** The text with what was found replaced, offered when the user chooses to take it out. */
export function withoutIdentifiers(text: string, found: FoundIdentifier[]): string {
  return found.reduce((current, { text: identifier }) => current.split(identifier).join('[removed]'), text);
}
