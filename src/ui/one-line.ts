/**
 * `text` on one line: each line break, with the spaces around it, becomes one space (what
 * `/\s*[\r\n]+\s*\/g` says, without that regex's backtracking, which takes minutes over a long run of
 * spaces in typed text).
 */
export function oneLine(text: string): string {
  if (!/[\r\n]/.test(text)) return text;
  const lines = text.split(/[\r\n]+/);
  const last = lines.length - 1;
  return lines
    .map((line, at) => {
      const start = at > 0 ? line.trimStart() : line;
      return at < last ? start.trimEnd() : start;
    })
    .filter((line, at) => line !== '' || at === 0 || at === last)
    .join(' ');
}
