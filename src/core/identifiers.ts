/**
 * Likely patient identifiers in free text. Mentoring notes are not a place for patient data, so
 * mentee asks before it keeps text that looks like one: a UK NHS number (ten digits, optionally
 * spaced 3-3-4, whose last digit is its Modulus 11 check digit), or a pattern the user added.
 */
export interface IdentifierPattern {
  name: string;
  pattern: RegExp;
}

export interface FoundIdentifier {
  kind: string;
  text: string;
}

const TEN_DIGITS = /(?<![\d+])(\d{3})([ -]?)(\d{3})\2(\d{4})(?!\d)/g;

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
 * other than "-", or full-width digits. Each is one character for one, so positions stay the same.
 */
function forScanning(text: string): string {
  return text
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u2010-\u2015\u2212\ufe63\uff0d]/g, '-')
    .replace(/[\uff10-\uff19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

export function findIdentifiers(text: string, patterns: IdentifierPattern[] = []): FoundIdentifier[] {
  const found: FoundIdentifier[] = [];
  for (const match of forScanning(text).matchAll(TEN_DIGITS)) {
    if (isNhsNumber(`${match[1]}${match[3]}${match[4]}`))
      found.push({ kind: 'an NHS number', text: text.slice(match.index, match.index + match[0].length) });
  }
  for (const { name, pattern } of patterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const match of text.matchAll(global)) if (match[0]) found.push({ kind: name, text: match[0] });
  }
  return found;
}


/** The text with what was found replaced, offered when the user chooses to take it out. */
export function withoutIdentifiers(text: string, found: FoundIdentifier[]): string {
  return found.reduce((current, { text: identifier }) => current.split(identifier).join('[removed]'), text);
}
