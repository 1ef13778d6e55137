/**
 * A document (a string, or the pieces a layout wrote it in) cut again into pieces of about `size`
 * characters or fewer, each ending with a line break that `cut` matches: the whole journal is tens of
 * MB, which export checks and prints a piece at a time rather than copy. `cut` is a global RegExp that
 * matches one line break, looking at most `lookahead` characters past it; a place is taken only once
 * they are known, so that what follows is read as it is in the whole document. The pieces the document
 * was written in are kept as they are wherever they end at such a place (no copy is made); joined, the
 * pieces are the document.
 */
export function* recut(
  document: string | readonly string[],
  size: number,
  cut: RegExp,
  lookahead: number,
): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  // When a piece would be long enough and no place to cut it is found, the next try waits until twice
  // as much is pending: a document without such places is not read again and again.
  let tryAt = size;
  for (const part of typeof document === 'string' ? [document] : document) {
    if (length && part.length >= lookahead && endsAtCut(pending[pending.length - 1]!, part, cut)) {
      yield pending.length === 1 ? pending[0]! : pending.join('');
      [pending, length, tryAt] = [[], 0, size];
    }
    pending.push(part);
    length += part.length;
    while (length >= tryAt) {
      const text = pending.length === 1 ? pending[0]! : pending.join('');
      cut.lastIndex = size;
      const found = cut.exec(text);
      const end = found ? found.index + found[0].length : -1;
      if (end === -1 || end + lookahead > text.length) {
        [pending, tryAt] = [[text], 2 * length];
        break;
      }
      yield text.slice(0, end);
      const rest = text.slice(end);
      [pending, length, tryAt] = [[rest], rest.length, size];
    }
  }
  yield pending.join('');
}

/** Whether a place `cut` matches lies between `before` and `after`. */
function endsAtCut(before: string, after: string, cut: RegExp): boolean {
  if (!before.endsWith('\n')) return false;
  cut.lastIndex = 0;
  const found = cut.exec(`\n${after.slice(0, 8)}`);
  return found?.index === 0;
}
