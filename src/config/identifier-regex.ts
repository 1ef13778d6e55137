import { RE2JS } from 're2js';

/**
 * The user's identifier patterns, run on RE2 (re2js): matching takes time linear in the text whatever
 * the pattern, so a pattern such as (a+)+$ cannot freeze mentee. A bundle of its own (see
 * scripts/build.mjs), loaded only when there is an identifiers.json. RE2 has no backreferences nor
 * lookahead; lookbehind without captures is allowed.
 */
export function compileLinear(source: string): ((text: string) => string[]) | { refused: string } {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, RE2JS.LOOKBEHINDS);
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    let valid = true;
    try {
      new RegExp(source, 'u');
    } catch {
      valid = false;
    }
    return {
      refused: valid
        ? `uses a backreference or lookaround, which mentee does not run because it can take for ever (${reason})`
        : `is not a valid regular expression (${reason})`,
    };
  }
  return (text) => {
    const found: string[] = [];
    const matcher = compiled.matcher(text);
    while (matcher.find()) {
      const match = matcher.group();
      if (match) found.push(match);
    }
    return found;
  };
}
