/**
 * The text of `mentee edit`: the record as commented YAML, written and read by the `yaml` library.
 * Values stay text here (each field's reader turns them into values), so the schema has only text,
 * lists, records and null: `length: 60`, `title: true` and `due: 2026-12-03` are read as the text
 * typed, and only what YAML would misread (`null`, `: `, ` #`, a leading dash...) is quoted.
 */
import {
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  visit,
  type Node,
  type ParsedNode,
  type Range,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';

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

/** Text, lists and records, and null for an empty value: nothing typed is read as a number, yes/no or date. */
const SCHEMA: SchemaOptions = { schema: 'failsafe', customTags: ['null'] };

export function renderForm(header: string[], entries: FormEntry[]): string {
  const doc = new Document(undefined, SCHEMA);
  const form = doc.createNode({});
  if (header.length) doc.commentBefore = header.map((line) => ` ${line}`.trimEnd()).join('\n');
  entries.forEach(({ key, comment, value, list, block }, at) => {
    const name = doc.createNode(key);
    if (comment) name.commentBefore = ` ${comment}`;
    name.spaceBefore = at > 0;
    const node = doc.createNode(value ?? (list ? [] : null));
    if (block && isScalar(node) && String(node.value).includes('\n')) node.type = Scalar.BLOCK_LITERAL;
    form.add(doc.createPair(name, node));
  });
  doc.contents = form;
  return doc.toString({ lineWidth: 0, nullStr: '' });
}

/** The fields of a form's text, by key, as text; a syntax problem names its line. */
export function parseForm(source: string, listKeys: Set<string>): Map<string, FormText> {
  const lines = new LineCounter();
  const doc = parseDocument(source, { ...SCHEMA, lineCounter: lines, prettyErrors: false });
  const lineOf = (range?: Range | [number, number] | null) => (range ? lines.linePos(range[0]).line : 1);
  const [error] = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  if (error) throw new FormSyntaxError(lineOf(error.pos), describe(error, doc));

  const fields = new Map<string, FormText>();
  const resolve = (node: unknown) => (isAlias(node) ? node.resolve(doc) : node) as ParsedNode | null | undefined;
  const fail = (node: Node | null | undefined, message: string): never => {
    throw new FormSyntaxError(lineOf(node?.range), message);
  };
  const text = (node: ParsedNode | null | undefined, where: string): string | undefined => {
    if (node == null || (isScalar(node) && node.value == null)) return undefined;
    if (!isScalar(node))
      return fail(node, `${where} takes text, not a list or "name: value" lines (quote text with ": " in it)`);
    const value = String(node.value);
    // A block's last line break is only where the block ends.
    return node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED ? value.replace(/\n+$/, '') : value;
  };

  const top = resolve(doc.contents);
  if (top == null) return fields;
  if (!isMap(top)) return fail(top, 'expected "field: value" lines');
  for (const pair of top.items) {
    const key = text(resolve(pair.key), 'a field name');
    if (!key) return fail(resolve(pair.key) ?? resolve(pair.value), 'expected "field: value", with a name before ":"');
    const value = resolve(pair.value);
    const empty = value == null || (isScalar(value) && value.value == null);
    if (listKeys.has(key) && !isSeq(value) && !empty)
      fail(value, `"${key}" is a list: put each item on its own line, starting "  - "`);
    if (!isSeq(value)) {
      fields.set(key, listKeys.has(key) ? [] : text(value, `"${key}"`));
      continue;
    }
    fields.set(
      key,
      value.items.map((each) => {
        const item = resolve(each);
        if (!isMap(item)) return text(item, `an item of "${key}"`) ?? '';
        const record: Record<string, string> = {};
        for (const field of item.items) {
          const name = text(resolve(field.key), `a name in "${key}"`) ?? '';
          const read = text(resolve(field.value), `"${name}" in "${key}"`);
          if (read !== undefined) record[name] = read;
        }
        return record;
      }) as FormText,
    );
  }
  return fields;
}

/** yaml's message as one line; a key given twice is named. */
function describe(error: YAMLError, doc: Document.Parsed): string {
  if (error.code === 'DUPLICATE_KEY') {
    let key: unknown;
    visit(doc, {
      Pair(_, pair) {
        if (isScalar(pair.key) && pair.key.range?.[0] === error.pos[0]) key = pair.key.value;
      },
    });
    if (key !== undefined) return `"${String(key)}" is given twice`;
  }
  const message = error.message.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  const hint = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? ' (put text holding ": " in quotes)' : '';
  return message.charAt(0).toLowerCase() + message.slice(1) + hint;
}
