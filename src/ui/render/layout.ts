import { stripVTControlCharacters } from 'node:util';

/** Aligns rows into columns; widths ignore colour codes. The last column is never padded. */
export function columns(rows: string[][], gap = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, visibleWidth(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, index) => (index === row.length - 1 ? cell : cell + ' '.repeat(widths[index]! - visibleWidth(cell))))
      .join(gap)
      .trimEnd(),
  );
}

export function visibleWidth(text: string): number {
  return [...stripVTControlCharacters(text)].length;
}

/** A titled block: heading, then indented lines; nothing at all when there are no lines. */
export function section(heading: string, lines: string[], indent = '  '): string[] {
  return lines.length ? [heading, ...lines.map((line) => indent + line)] : [];
}

/** Joins blocks with one blank line between those that are not empty. */
export function blocks(...parts: string[][]): string {
  return parts
    .filter((part) => part.length)
    .map((part) => part.join('\n'))
    .join('\n\n');
}

/** Keeps user text on one line in lists: newlines and control characters become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

/** "1 topic", "3 topics"; irregular plurals passed in. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
