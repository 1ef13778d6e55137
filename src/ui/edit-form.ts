/**
 * The text of `mentee edit`: a small, commented subset of YAML that mentee writes and reads itself.
 * Each field is a line `key: value`; a list is `key:` followed by `  - item` lines, and a list of
 * records by `  - key: value` with its other keys indented under the first. Text is plain, or in
 * double quotes (JSON escapes) when plain would be misread; long text may be a `|` block. Lines
 * starting with # are comments. Values stay text here: each field's reader turns them into values.
 */

export type FormText = string | undefined | string[] | Record<string, string>[];

export interface FormEntry {
  key: string;
  /** One comment line above it, saying what it takes. */
  comment?: string;
  value: FormText;
  /** How a list is written when empty: `[]` for a list, nothing for text. */
  list?: 'texts' | 'records';
  /** Long text, written as a `|` block when it has several lines. */
  block?: boolean;
}

export class FormSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'FormSyntaxError';
  }
}

export function renderForm(header: string[], entries: FormEntry[]): string {
  const lines = header.map((line) => `# ${line}`.trimEnd());
  for (const entry of entries) {
    lines.push('');
    if (entry.comment) lines.push(`# ${entry.comment}`);
    lines.push(...renderEntry(entry));
  }
  return `${lines.join('\n')}\n`;
}

function renderEntry({ key, value, list, block }: FormEntry): string[] {
  if (Array.isArray(value) || list) {
    const items = (value ?? []) as (string | Record<string, string>)[];
    if (!items.length) return [`${key}: []`];
    return [
      `${key}:`,
      ...items.flatMap((item) =>
        typeof item === 'string'
          ? [`  - ${scalar(item)}`]
          : Object.entries(item).map(([name, text], at) => `${at ? '    ' : '  - '}${name}: ${scalar(text)}`),
      ),
    ];
  }
  if (value === undefined) return [`${key}:`];
  if (block && value.includes('\n')) return [`${key}: |`, ...value.split('\n').map((line) => `  ${line}`.trimEnd())];
  return [`${key}: ${scalar(value)}`];
}

/** Plain when YAML would read it back as the same text, else quoted. */
function scalar(text: string): string {
  const plain =
    /^[^\s"'#\-[\]{}&*!|>%@`?,:~]/.test(text) &&
    !/\s$|: |:$| #|[\n\r\t]/.test(text) &&
    !/^(true|false|null|yes|no|on|off)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

/** The fields of a form's text, by key, as text; a syntax problem names its line. */
export function parseForm(source: string, listKeys: Set<string>): Map<string, FormText> {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const fields = new Map<string, FormText>();
  let at = 0;
  const skip = () => {
    while (at < lines.length && /^\s*(#.*)?$/.test(lines[at]!)) at++;
  };
  for (skip(); at < lines.length; skip()) {
    const line = lines[at]!;
    const number = at + 1;
    const top = /^([A-Za-z][\w-]*)\s*:(?:\s+(.*))?$/.exec(line.trimEnd());
    if (!top || /^\s/.test(line)) throw new FormSyntaxError(number, 'expected "field: value" at the start of the line');
    const [, key, rest = ''] = top as unknown as [string, string, string | undefined];
    if (fields.has(key!)) throw new FormSyntaxError(number, `"${key}" is given twice`);
    at++;
    if (/^\|-?\s*(#.*)?$/.test(rest)) {
      const body: string[] = [];
      while (at < lines.length && (/^\s+\S/.test(lines[at]!) || /^\s*$/.test(lines[at]!))) body.push(lines[at++]!);
      const indent = Math.min(...body.filter((each) => each.trim()).map((each) => /^\s*/.exec(each)![0].length));
      fields.set(
        key!,
        body
          .map((each) => each.slice(indent))
          .join('\n')
          .replace(/\n+$/, '') || undefined,
      );
    } else if (listKeys.has(key!)) {
      if (rest && !/^\[\s*\]\s*(#.*)?$/.test(rest))
        throw new FormSyntaxError(number, `"${key}" is a list: put each item on its own line, starting "  - "`);
      const items: (string | Record<string, string>)[] = [];
      for (skip(); at < lines.length && /^\s+-(\s|$)/.test(lines[at]!); skip()) items.push(listItem());
      fields.set(key!, items as FormText);
    } else {
      fields.set(key!, readScalar(rest, number));
    }
  }
  return fields;

  function listItem(): string | Record<string, string> {
    const number = at + 1;
    const first = /^(\s+)-\s*(.*)$/.exec(lines[at++]!)!;
    const pair = /^([a-z][\w-]*):(?:\s+(.*))?$/.exec(first[2]!.trim());
    if (!pair) return readScalar(first[2]!, number) ?? '';
    const item: Record<string, string> = {};
    const put = (name: string, value: string, where: number) => {
      if (Object.hasOwn(item, name)) throw new FormSyntaxError(where, `"${name}" is given twice in one item`);
      const read = readScalar(value, where);
      if (read !== undefined) item[name] = read;
    };
    put(pair[1]!, pair[2] ?? '', number);
    const deeper = first[1]!.length + 1;
    while (at < lines.length) {
      const next = lines[at]!;
      if (/^\s*(#.*)?$/.test(next)) {
        at++;
        continue;
      }
      const more = /^(\s+)([a-z][\w-]*):(?:\s+(.*))?$/.exec(next.trimEnd());
      if (!more || more[1]!.length < deeper) break;
      put(more[2]!, more[3] ?? '', ++at);
    }
    return item;
  }
}

/** A value after "key:": plain up to a " #" comment, or quoted. Empty is undefined. */
function readScalar(rest: string, line: number): string | undefined {
  const value = rest.trim();
  if (value.startsWith('"')) {
    const end = /^"(?:[^"\\]|\\.)*"/.exec(value);
    if (!end || !/^\s*(#.*)?$/.test(value.slice(end[0].length)))
      throw new FormSyntaxError(line, 'a quoted value must end with " (write \\" for a quote inside)');
    try {
      return JSON.parse(end[0]) as string;
    } catch {
      throw new FormSyntaxError(line, 'cannot read the quoted value (write \\\\ for a backslash)');
    }
  }
  if (value.startsWith("'")) {
    const end = /^'(?:[^']|'')*'/.exec(value);
    if (!end) throw new FormSyntaxError(line, "a quoted value must end with '");
    return end[0].slice(1, -1).replace(/''/g, "'");
  }
  const plain = value.replace(/(^|\s)#.*$/, '').trim();
  return plain === '' || plain === '~' || plain === 'null' ? undefined : plain;
}
