/**
 * What values mean in a compiled layout, as liquidjs means them with the options layouts.ts gives it
 * (strictVariables, ownPropertyOnly, jsTruthy): scopes, properties (and size, first, last), nil, the
 * forloop, truthiness, comparisons, loops over a value. Anything else a value may be (a drop, a function)
 * is not compiled: liquidjs renders the layout instead.
 */
import { Drop } from './export-libraries.js';

/** The layout steps outside what is compiled: liquidjs renders it instead. */
export class NotCompiled extends Error {}

export type Scope = Record<string | number, unknown>;

/** liquidjs's Context, as far as the compiled layouts use it. */
export interface Frame {
  scopes: Scope[];
  environments: object;
  globals: object;
}

/** liquidjs's ForloopDrop, read only through the properties it has. */
export class ForLoop {
  i = 0;
  constructor(
    readonly length: number,
    readonly name: string,
  ) {}

  read(key: string | number): unknown {
    switch (key) {
      case 'index0':
      case 'i':
        return this.i;
      case 'index':
        return this.i + 1;
      case 'first':
        return this.i === 0;
      case 'last':
        return this.i === this.length - 1;
      case 'rindex':
        return this.length - this.i;
      case 'rindex0':
        return this.length - this.i - 1;
      case 'length':
        return this.length;
      case 'name':
        return this.name;
      default:
        throw new NotCompiled();
    }
  }
}

const hasOwn = (value: object, key: PropertyKey) => Object.prototype.hasOwnProperty.call(value, key);

export function createScope(): Scope {
  return Object.create(null) as Scope;
}

export function findScope(frame: Frame, key: string | number): unknown {
  for (let index = frame.scopes.length - 1; index >= 0; index--) {
    if (key in frame.scopes[index]!) return frame.scopes[index];
  }
  if (key in frame.environments) return frame.environments;
  return frame.globals;
}

/** liquidjs's Context.readProperty with ownPropertyOnly, for plain data: anything else is not compiled. */
export function readProperty(value: unknown, key: string | number): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'object') {
    if (value instanceof ForLoop) return value.read(key);
    if (isDropLike(value)) throw new NotCompiled();
  }
  if (typeof (value as { toLiquid?: unknown }).toLiquid === 'function') throw new NotCompiled();
  if (Array.isArray(value) && typeof key === 'number') return readElement(value, key);
  const own = hasOwn(Object(value), key) ? (value as Scope)[key] : undefined;
  if (typeof own === 'function') throw new NotCompiled();
  if (key === 'size') return readSize(value);
  if (key === 'first') return Array.isArray(value) ? readElement(value, 0) : readOwn(value, 'first');
  if (key === 'last') return Array.isArray(value) ? readElement(value, -1) : readOwn(value, 'last');
  return own;
}

function readOwn(value: unknown, key: string): unknown {
  return hasOwn(Object(value), key) ? (value as Scope)[key] : undefined;
}

function readElement(list: unknown[], index: number): unknown {
  const at = index < 0 ? list.length + index : index;
  return hasOwn(list, at) ? list[at] : undefined;
}

function readSize(value: unknown): unknown {
  const object = Object(value) as Scope;
  if (hasOwn(object, 'size') || object.size !== undefined) {
    if (typeof object.size === 'function') throw new NotCompiled();
    return object.size;
  }
  if (Array.isArray(value) || typeof value === 'string') return value.length;
  if (typeof value === 'object') return Object.keys(value as object).length;
  return undefined;
}

/** liquidjs's drops, read once: the bundle's exports are getters, too slow to call on every value. */
const LiquidDrop = Drop;

/** liquidjs's `nil` (its NullDrop): null when read, equal only to nil and null, never greater or smaller. */
class Nil {}
export const NIL = new Nil();

/** Values liquidjs would treat as drops: nil (handled where it is compared or tested), the loop, any other. */
export function isDropLike(value: unknown): boolean {
  return value instanceof Nil || value instanceof ForLoop || value instanceof LiquidDrop;
}

/** liquidjs's toValue: nil reads as null; any other drop is not compiled. */
export function toValue(value: unknown): unknown {
  if (value instanceof Nil) return null;
  if (value instanceof ForLoop || value instanceof LiquidDrop) throw new NotCompiled();
  return value;
}

/** jsTruthy: '' and 0 read as false. */
export function truthy(value: unknown): boolean {
  return typeof value === 'object' && value !== null ? Boolean(toValue(value)) : Boolean(value);
}

export function toEnumerable(value: unknown): unknown[] {
  const plain = toValue(value);
  if (Array.isArray(plain)) return plain;
  if (typeof plain === 'string') return plain.length > 0 ? [plain] : [];
  if (plain !== null && (typeof plain === 'object' || typeof plain === 'function')) {
    if (Symbol.iterator in plain) return Array.from(plain as Iterable<unknown>);
    return Object.keys(plain).map((key) => [key, (plain as Scope)[key]]);
  }
  return [];
}

/** liquidjs's stringify, for `| raw`. */
export function stringify(value: unknown): string {
  const plain = toValue(value);
  if (typeof plain === 'string') return plain;
  if (plain === null || plain === undefined) return '';
  if (Array.isArray(plain)) return plain.map(stringify).join('');
  return String(plain);
}

/** liquidjs's isComparable: only nil is one here (data with methods is not compiled). */
function comparable(value: unknown): boolean {
  if (value instanceof Nil) return true;
  if (typeof (value as { equals?: unknown } | null | undefined)?.equals === 'function') throw new NotCompiled();
  return false;
}

function equals(left: unknown, right: unknown): boolean {
  if (comparable(left)) return toValue(right) === null || toValue(right) === undefined;
  if (comparable(right)) return toValue(left) === null || toValue(left) === undefined;
  const l = toValue(left);
  const r = toValue(right);
  if (Array.isArray(l)) return Array.isArray(r) && l.length === r.length && l.every((each, i) => equals(each, r[i]));
  return l === r;
}

/** Ordering: nil on either side is never greater or smaller (liquidjs's NullDrop). */
function order(test: (l: never, r: never) => boolean) {
  return (left: unknown, right: unknown) =>
    comparable(left) || comparable(right) ? false : test(toValue(left) as never, toValue(right) as never);
}

export const OPERATORS: Record<string, (left: unknown, right: unknown) => unknown> = {
  '==': equals,
  '!=': (left, right) => !equals(left, right),
  '>': order((l, r) => l > r),
  '<': order((l, r) => l < r),
  '>=': order((l, r) => l >= r),
  '<=': order((l, r) => l <= r),
  contains: (left, right) => {
    const l = toValue(left);
    if (Array.isArray(l)) return l.some((each) => equals(each, right));
    if (typeof (l as { indexOf?: unknown } | null | undefined)?.indexOf === 'function')
      return (l as string).indexOf(toValue(right) as string) > -1;
    return false;
  },
  and: (left, right) => truthy(left) && truthy(right),
  or: (left, right) => truthy(left) || truthy(right),
  not: () => undefined,
};
