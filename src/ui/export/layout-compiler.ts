/**
 * Layouts run as JavaScript closures made from liquidjs's own parse, not through its interpreter, which
 * spends microseconds of generators on every tag and value: a whole journal's export is millions of
 * them (8 s on the benchmark's largest journal). Only the part of Liquid the built-in layouts use is
 * compiled (text, {{ value }} escaped or `| raw`, if/elsif/else, unless, for with its forloop, assign,
 * render and include of a named file, comment, raw), each with liquidjs's meaning to the letter (its
 * scopes, strict variables, own properties only, JavaScript truthiness, nil, size/first/last); a layout
 * that uses anything else, or that would fail (an undefined variable, a missing partial), is rendered by
 * liquidjs itself, so its output and its errors are liquidjs's. test/ui/layout-compiler.test.ts renders
 * every layout both ways.
 */
import {
  AssignTag,
  CommentTag,
  ForTag,
  IfTag,
  IncludeTag,
  isFalsy,
  isTruthy,
  RawTag,
  RenderTag,
  TokenKind,
  toValueSync,
  UnlessTag,
  type Liquid,
} from './export-libraries.js';
import {
  createScope,
  findScope,
  ForLoop,
  isDropLike,
  NIL,
  NotCompiled,
  OPERATORS,
  readProperty,
  stringify,
  toEnumerable,
  toValue,
  truthy,
  type Frame,
} from './layout-values.js';

/** What a layout may write and how long it may run, as the liquidjs engine is given them. */
export interface LayoutLimits {
  outputLimit: number;
  renderLimitMs: number;
}

/** A limit reached by a compiled layout, worded as liquidjs words its own ("output limit exceeded, line:3, col:5"). */
export class LayoutLimitError extends Error {}

type Step = (frame: Frame, run: Run) => void;
type Getter = (frame: Frame) => unknown;

/** The values a render or include is given, in a scope of their own. */
function argumentScope(args: [string, Getter][], frame: Frame): ReturnType<typeof createScope> {
  const scope = createScope();
  for (const [key, get] of args) scope[key] = get(frame);
  return scope;
}
type Key = string | number | ((frame: Frame) => string | number);

interface Token {
  kind: number;
  file?: string;
  getPosition(): [number, number];
  getText(): string;
}
interface ValueToken extends Token {
  content?: unknown;
  literal?: string;
  variable?: ValueToken;
  props?: ValueToken[];
  operator?: string;
}
interface ParsedValue {
  initial: { postfix: ValueToken[] };
  filters: { name: string; raw: boolean; args: unknown[]; handler: unknown }[];
}
interface Template {
  token: Token;
  str?: string;
  value?: ParsedValue;
}

/**
 * `templates` (a parsed layout) as one function of the data, which returns the text in pieces of a few
 * thousand values each (see Run), or undefined when a part of it is not compiled. The function throws LayoutLimitError at a limit; for anything else it cannot do as liquidjs
 * would, it throws, and the caller renders with liquidjs.
 */
export function compileLayout(
  engine: Liquid,
  templates: unknown[],
  limits: LayoutLimits,
): ((data: object) => string[]) | undefined {
  const compiler = new Compiler(engine);
  let body: Step;
  try {
    body = compiler.templates(templates as Template[]);
  } catch (error) {
    if (error instanceof NotCompiled) return undefined;
    throw error;
  }
  return (data) => {
    const run = new Run(limits);
    body({ scopes: [createScope()], environments: data, globals: engine.options.globals }, run);
    return run.text();
  };
}

/** Whether `error` from a compiled layout is one liquidjs would not give (then it renders the layout itself). */
export function isLimit(error: unknown): error is LayoutLimitError {
  return error instanceof LayoutLimitError;
}

/**
 * Where the output goes, counted as liquidjs's output is (see layouts.ts), and the clock of the render
 * limit. Values are joined a few thousand at a time (an array of millions of small strings is slow to
 * join and costly to hold), and the pieces are never joined into one: the whole journal is tens of MB.
 */
class Run {
  private left: number;
  private readonly deadline: number;
  private readonly joined: string[] = [];
  private pieces: string[] = [];
  private steps = 0;

  constructor(limits: LayoutLimits) {
    this.left = limits.outputLimit;
    this.deadline = performance.now() + limits.renderLimitMs;
  }

  write(text: string, token: Token): void {
    this.left -= text.length;
    if (this.left < 0) throw limitError('output', token);
    // Where a line ends if it can, so a piece can be checked and printed alone (see document-pieces.ts).
    const count = this.pieces.push(text);
    if ((count >= 2048 && text.endsWith('\n')) || count === 16384) this.settle();
  }

  /** Called on every loop turn and partial: the clock is read every so often, not every time. */
  tick(token: Token): void {
    if (++this.steps % 1024 === 0 && performance.now() > this.deadline) throw limitError('template render', token);
  }

  text(): string[] {
    this.settle();
    return this.joined;
  }

  private settle(): void {
    if (this.pieces.length) this.joined.push(this.pieces.join(''));
    this.pieces = [];
  }
}

function limitError(resource: string, token: Token): LayoutLimitError {
  const [line, col] = token.getPosition();
  const file = token.file ? `, file:${token.file}` : '';
  return new LayoutLimitError(`${resource} limit exceeded${file}, line:${line}, col:${col}`);
}

class Compiler {
  /** Partials compiled so far, by the parse liquidjs caches for each file. */
  private readonly partials = new WeakMap<unknown[], Step>();

  constructor(private readonly engine: Liquid) {}

  templates(templates: Template[]): Step {
    const steps = templates.map((template) => this.template(template));
    if (steps.length === 1) return steps[0]!;
    return (frame, run) => {
      for (let index = 0; index < steps.length; index++) steps[index]!(frame, run);
    };
  }

  private template(template: Template): Step {
    const { token } = template;
    if (token.kind === TokenKind.HTML) {
      const text = template.str!;
      return (_frame, run) => run.write(text, token);
    }
    if (token.kind === TokenKind.Output) return this.output(template.value!, token);
    if (template instanceof IfTag || template instanceof UnlessTag) return this.branches(template);
    if (template instanceof ForTag) return this.loop(template);
    if (template instanceof AssignTag) return this.assign(template);
    if (template instanceof RenderTag) return this.render(template);
    if (template instanceof IncludeTag) return this.include(template);
    if (template instanceof CommentTag) return () => undefined;
    if (template instanceof RawTag) {
      const text = (template as unknown as { tokens: Token[] }).tokens.map((each) => each.getText()).join('');
      return (_frame, run) => void (text && run.write(text, token));
    }
    throw new NotCompiled();
  }

  /** `{{ value }}`, through the layout's escape, or `{{ value | raw }}`. */
  private output(value: ParsedValue, token: Token): Step {
    const get = this.expression(value.initial.postfix);
    const [filter, ...more] = value.filters;
    if (!filter || more.length) throw new NotCompiled();
    if (filter.handler === this.engine.options.outputEscape) {
      const escape = filter.handler as (value: unknown) => string;
      return (frame, run) => {
        const plain = get(frame);
        if (typeof plain === 'object' && isDropLike(plain)) throw new NotCompiled();
        run.write(String(escape(plain)), token);
      };
    }
    if (filter.name === 'raw' && filter.raw && !filter.args.length)
      return (frame, run) => run.write(stringify(get(frame)), token);
    throw new NotCompiled();
  }

  private branches(template: unknown): Step {
    const tag = template as {
      branches: { value: ParsedValue; test?: unknown; templates: Template[] }[];
      elseTemplates?: Template[];
    };
    const branches = tag.branches.map(({ value, test, templates }) => {
      if (value.filters.length) throw new NotCompiled();
      // An if's branches have no test of their own: each is taken when its value is truthy.
      const wanted = test === undefined || test === isTruthy ? true : test === isFalsy ? false : undefined;
      if (wanted === undefined) throw new NotCompiled();
      return { get: this.expression(value.initial.postfix), wanted, body: this.templates(templates) };
    });
    const otherwise = this.templates(tag.elseTemplates ?? []);
    if (branches.length === 1) {
      const [{ get, wanted, body }] = branches as [(typeof branches)[0]];
      return (frame, run) => (truthy(get(frame)) === wanted ? body(frame, run) : otherwise(frame, run));
    }
    return (frame, run) => {
      for (const { get, wanted, body } of branches) {
        if (truthy(get(frame)) === wanted) return body(frame, run);
      }
      otherwise(frame, run);
    };
  }

  private loop(template: unknown): Step {
    const tag = template as {
      token: Token;
      variable: string;
      collection: ValueToken;
      hash: { hash: Record<string, unknown> };
      templates: Template[];
      elseTemplates: Template[];
    };
    // limit, offset, reversed: not compiled.
    if (Object.keys(tag.hash.hash).length) throw new NotCompiled();
    const collectionOf = this.operand(tag.collection);
    const name = `${tag.variable}-${tag.collection.getText()}`;
    const body = this.templates(tag.templates);
    const otherwise = this.templates(tag.elseTemplates);
    const { variable, token } = tag;
    return (frame, run) => {
      const collection = toEnumerable(collectionOf(frame));
      if (!collection.length) return otherwise(frame, run);
      const loop = new ForLoop(collection.length, name);
      const scope = createScope();
      scope.forloop = loop;
      frame.scopes.push(scope);
      for (const item of collection) {
        run.tick(token);
        scope[variable] = item;
        body(frame, run);
        loop.i++;
      }
      frame.scopes.pop();
    };
  }

  private assign(template: unknown): Step {
    const tag = template as { key: string; value: ParsedValue };
    if (tag.value.filters.length) throw new NotCompiled();
    const get = this.expression(tag.value.initial.postfix);
    const { key } = tag;
    return (frame) => void (frame.scopes[0]![key] = get(frame));
  }

  /** `{% render 'file', name: value %}`: the partial alone with the values given, in a context of its own. */
  private render(template: unknown): Step {
    const tag = template as PartialTag & { with?: unknown; forBinding?: unknown };
    if (typeof tag.file !== 'string' || !tag.file || tag.with || tag.forBinding) throw new NotCompiled();
    const args = this.hash(tag.hash.hash);
    const partial = this.partial(tag);
    return (frame, run) => {
      run.tick(tag.token);
      partial()({ scopes: [argumentScope(args, frame)], environments: {}, globals: frame.globals }, run);
    };
  }

  /** `{% include 'file' %}`: the partial in the same context, with any values given in a scope of their own. */
  private include(template: unknown): Step {
    const tag = template as PartialTag & { withVar?: unknown };
    if (typeof tag.file !== 'string' || !tag.file || tag.withVar) throw new NotCompiled();
    const args = this.hash(tag.hash.hash);
    const partial = this.partial(tag);
    return (frame, run) => {
      run.tick(tag.token);
      const scope = argumentScope(args, frame);
      const step = partial();
      frame.scopes.push(scope);
      step(frame, run);
      frame.scopes.pop();
    };
  }

  /** The partial's compiled form, made when it is first rendered (as liquidjs reads it only then). */
  private partial(tag: PartialTag): () => Step {
    let step: Step | undefined;
    return () => {
      if (step) return step;
      let templates: unknown[];
      try {
        const engine = this.engine as unknown as {
          _parsePartialFile(file: string, sync: boolean, current?: string): unknown;
        };
        templates = toValueSync(engine._parsePartialFile(tag.file as string, true, tag.currentFile)) as unknown[];
      } catch {
        throw new NotCompiled();
      }
      step = this.partials.get(templates);
      if (!step) this.partials.set(templates, (step = this.templates(templates as Template[])));
      return step;
    };
  }

  private hash(hash: Record<string, unknown>): [string, Getter][] {
    return Object.entries(hash).map(([key, token]) => [
      key,
      token === undefined ? () => true : this.operand(token as ValueToken),
    ]);
  }

  /** An expression in liquidjs's postfix order: operands, comparisons, and/or (both sides read, as liquidjs does). */
  private expression(postfix: ValueToken[]): Getter {
    const stack: Getter[] = [];
    for (const token of postfix) {
      if (token.kind !== TokenKind.Operator) {
        stack.push(this.operand(token));
        continue;
      }
      const operator = OPERATORS[token.operator!];
      if (!operator) throw new NotCompiled();
      if (token.operator === 'not') {
        const get = stack.pop();
        if (!get) throw new NotCompiled();
        stack.push((frame) => !truthy(get(frame)));
        continue;
      }
      const right = stack.pop();
      const left = stack.pop();
      if (!left || !right) throw new NotCompiled();
      stack.push((frame) => {
        const l = left(frame);
        return operator(l, right(frame));
      });
    }
    if (stack.length !== 1) throw new NotCompiled();
    return stack[0]!;
  }

  /** A value as liquidjs's evalToken gives it: a literal, or a variable and its properties. */
  private operand(token: ValueToken): Getter {
    if (token.kind === TokenKind.PropertyAccess) return this.property(token);
    if (token.kind === TokenKind.Literal) {
      if (token.literal === 'nil' || token.literal === 'null') return () => NIL;
      // true and false; `empty` and `blank` are not compiled.
      const value = token.content;
      if (typeof value !== 'boolean') throw new NotCompiled();
      return () => value;
    }
    if (token.kind === TokenKind.Number || token.kind === TokenKind.Quoted) {
      const value = token.content;
      return () => value;
    }
    throw new NotCompiled();
  }

  private property(token: ValueToken): Getter {
    const keys = token.props!.map((prop) => this.key(prop));
    const base = token.variable ? this.operand(token.variable) : undefined;
    const fixed = keys.every((key) => typeof key !== 'function') ? (keys as (string | number)[]) : undefined;
    if (fixed && !base) {
      const [first, ...rest] = fixed as [string | number, ...(string | number)[]];
      return (frame) => {
        let value = readProperty(findScope(frame, first), first);
        if (value === undefined) throw new NotCompiled();
        for (let index = 0; index < rest.length; index++) {
          value = readProperty(value, rest[index]!);
          // strictVariables: liquidjs throws; the layout is rendered by liquidjs, which says where.
          if (value === undefined) throw new NotCompiled();
        }
        return value;
      };
    }
    return (frame) => {
      const path: (string | number)[] = fixed ?? keys.map((key) => (typeof key === 'function' ? key(frame) : key));
      let value = base ? base(frame) : findScope(frame, path[0]!);
      for (const key of path) {
        value = readProperty(value, key);
        // strictVariables: liquidjs throws; the layout is rendered by liquidjs, which says where.
        if (value === undefined) throw new NotCompiled();
      }
      return value;
    };
  }

  /** A property's name: written (`.title`, `["title"]`, `[0]`) or read from a variable (`[key]`). */
  private key(token: ValueToken): Key {
    if (token.kind === TokenKind.Word || token.kind === TokenKind.Quoted || token.kind === TokenKind.Number)
      return token.content as string | number;
    if (token.kind === TokenKind.PropertyAccess) {
      const get = this.property(token);
      return (frame) => {
        const key = toValue(get(frame));
        if (typeof key !== 'string' && typeof key !== 'number') throw new NotCompiled();
        return key;
      };
    }
    throw new NotCompiled();
  }
}

interface PartialTag {
  token: Token;
  file: unknown;
  currentFile?: string;
  hash: { hash: Record<string, unknown> };
}
