import { stripVTControlCharacters } from 'node:util';
import { oneLine } from '../../core/text.js';
import type { Style } from '../style.js';
import { formatDay } from '../words.js';

// Still imported from here by commands/log.ts; the pluraliser itself is in ui/words.ts.

/** Aligns rows into columns; widths ignore colour codes. The last column is never padded. */
export function columns(rows: string[][], gap = '  '): string[] {
  const measured = rows.map((row) => row.map(visibleWidth));
  const widths: number[] = [];
  for (const row of measured) row.forEach((width, index) => (widths[index] = Math.max(widths[index] ?? 0, width)));
  return rows.map((row, at) =>
    row
      .map((cell, index) =>
        index === row.length - 1 ? cell : cell + ' '.repeat(widths[index]! - measured[at]![index]!),
      )
      .join(gap)
      .trimEnd(),
  );
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Characters a terminal shows: colour codes left out, a character outside the BMP counted once. */
export function visibleWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const _character of stripVTControlCharacters(text)) width++;
  return width;
}

/** A titled block: heading, then indented lines; nothing at all when there are no lines. */
export function section(heading: string, lines: string[], indent = '  '): string[] {
  return lines.length ? [heading, ...lines.map((line) => indent + line)] : [];
}

/** A titled list of user text, one "- item" a line. */
export function bullets(heading: string, items: string[]): string[] {
  return section(
    heading,
    items.map((item) => `- ${oneLine(item)}`),
  );
}

/** Joins blocks with one blank line between those that are not empty. */
export function blocks(...parts: string[][]): string {
  return parts
    .filter((part) => part.length)
    .map((part) => part.join('\n'))
    .join('\n\n');
}

/** A record's heading and its labelled facts, aligned; facts with no value are left out. Values are printed as given. */
export function card(title: string, facts: [label: string, value: string | undefined][], style: Style): string[] {
  const rows = facts
    .filter((fact): fact is [string, string] => Boolean(fact[1]))
    .map(([label, value]) => [style.dim(label), value]);
  return [title, ...columns(rows).map((line) => `  ${line}`)];
}

/** Dated notes, oldest first: "Thu 3 Dec 2026  Shadowed two GP clinics". */
export function datedNotes(notes: { at: string; note: string }[], style: Style): string[] {
  return notes.map((note) => `${style.dim(formatDay(note.at))}  ${oneLine(note.note)}`);
}
