import type { Journal } from './schema.js';

export type IdPrefix = keyof Journal['counters'];

/** Takes the next id for a prefix ("g3"); counters only grow, so an id is never handed out twice. */
export function takeId(journal: Journal, prefix: IdPrefix): string {
  const id = `${prefix}${journal.counters[prefix]}`;
  journal.counters[prefix] += 1;
  return id;
}

/** A new record's uid: random, so two devices never make the same one. */
export function newUid(): string {
  return globalThis.crypto.randomUUID();
}

const HONORIFICS = new Set(['dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'sir', 'dame', 'rev']);
const MAX_HANDLE = 32;

/** "Dr Ada Lovelace" → "lovelace"; then "ada-lovelace", "lovelace-2" … when taken. */
export function deriveHandle(name: string, taken: ReadonlySet<string>): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !HONORIFICS.has(word));
  const letters = words.map((word) => word.replace(/^[0-9]+/, '')).filter(Boolean);
  const last = letters.at(-1) ?? 'mentor';
  const candidates = [last, letters.length > 1 ? letters.slice(-2).join('-') : undefined]
    .filter((candidate): candidate is string => Boolean(candidate))
    .map((candidate) => candidate.slice(0, MAX_HANDLE).replace(/-$/, ''));
  for (const candidate of candidates) if (!taken.has(candidate)) return candidate;
  const stem = last.slice(0, MAX_HANDLE - 4);
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
