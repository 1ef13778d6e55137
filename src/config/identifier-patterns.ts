import { describeFileProblem } from '../store/file-errors.js';
import { readRegularFile } from '../store/regular-file.js';
import { join } from 'node:path';
import type { IdentifierPattern } from '../core/identifiers.js';
import { userConfigDir } from '../store/paths.js';

/**
 * Identifier patterns of the user's own (a hospital number format, say), in identifiers.json in the
 * config folder: { "patterns": [{ "name": "a hospital number", "pattern": "\\bRX\\d{7}\\b" }] }.
 */
function identifierPatternsFile(): string {
  return join(userConfigDir(), 'identifiers.json');
}

/** The user's patterns; a missing file means none, and a broken file or pattern is reported, not fatal. */
export async function loadIdentifierPatterns(
  file = identifierPatternsFile(),
): Promise<{ patterns: IdentifierPattern[]; problems: string[] }> {
  let text: string;
  try {
    text = (await readRegularFile(file)).toString('utf8');
  } catch (error) {
    // None is none; a file that is there but cannot be read is said, as a broken one is.
    const problem = describeFileProblem(error, file);
    if (!problem || problem.code === 'ENOENT') return { patterns: [], problems: [] };
    return { patterns: [], problems: [`cannot read ${file}: ${problem.reason}; its patterns are not used`] };
  }
  // The schema is loaded only when there is a file to check: most people have none.
  const { PatternsFile } = await import('./identifier-patterns-schema.js');
  let parsed: { patterns: { name: string; pattern: string }[] };
  try {
    parsed = PatternsFile.parse(JSON.parse(text));
  } catch {
    return {
      patterns: [],
      problems: [`${file} is not {"patterns": [{"name": …, "pattern": …}]}; its patterns are not used`],
    };
  }
  const patterns: IdentifierPattern[] = [];
  const problems: string[] = [];
  if (!parsed.patterns.length) return { patterns, problems };
  // The regex engine is a bundle of its own, read only by those who have patterns.
  const { compileLinear } = await import('./identifier-regex.js');
  for (const { name, pattern } of parsed.patterns) {
    const compiled = compileLinear(pattern);
    if (typeof compiled === 'function') patterns.push({ name, matches: compiled });
    else problems.push(`${file}: the pattern for ${name} ${compiled.refused}; it is not used`);
  }
  return { patterns, problems };
}
