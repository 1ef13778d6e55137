import { stemmer } from 'stemmer';
import { findMentor } from './refs.js';
import { recordTexts, type RecordText, type TextKind } from './record-texts.js';
import { tagsIn } from './tags.js';
import type { Journal } from './schema.js';

/**
 * How search compares words, the one rule for a query and the texts alike: a word is a run of letters
 * and digits; it is compared in lower case, without accents, and by its stem (Porter's), so "GP" finds
 * "GPs", "research" finds "researching" and "resume" finds "résumé".
 */
export interface Word {
  stem: string;
  /** Where the word stands in its text, to highlight it. */
  start: number;
  end: number;
}

// Marks count as part of a word, so "café" written with a combining accent is still one word. Chinese and
// Japanese put no spaces between words: each of their characters is a word, and "研究" a phrase of two.
const WORD =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]\p{M}*|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}\p{M}])+/gu;
const MARKS = /\p{M}+/gu;
// A journal says the same words again and again: each is stemmed once per run.
const stems = new Map<string, string>();

export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemmer(folded(word));
    stems.set(word, stem);
  }
  return stem;
}

/**
 * Lower case, accents off: "Résumé" is "resume"; and the letters typed two ways: "Straße" is "strasse",
 * Turkish "KIRMIZI" and "kırmızı" are one word, the ligature in "ﬁnance" is "fi".
 */
export function folded(text: string): string {
  const lower = text.toLowerCase();
  return ASCII.test(lower) ? lower : lower.normalize('NFKD').replace(MARKS, '').replace(/ß/g, 'ss').replace(/ı/g, 'i');
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * A piece that any word with this stem holds, in folded text: what is left of the stem once the letters
 * Porter's stemmer may have put in are taken off (a last "e" it adds, an "i" for "y", the "l" or "le" of
 * "-ble" made from "-bility"). Lets a text be passed over without cutting it into words.
 */
export function stemCore(stem: string): string {
  if (stem.endsWith('ble')) return stem.slice(0, -2);
  if (stem.endsWith('bl') || stem.endsWith('e') || stem.endsWith('i')) return stem.slice(0, -1);
  return stem;
}

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const stem = stemOf(match[0]);
    if (stem) words.push({ stem, start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/** What to look for: each term a word or a phrase as typed ("GP", "talk to a GP"); every term must match. */
export interface SearchQuery {
  terms: string[];
}

export interface SearchFilter {
  /** A mentor by handle or part of the name. */
  mentor?: string | undefined;
  since?: Date | undefined;
  to?: Date | undefined;
  kind?: TextKind | undefined;
  /** A tag as tagsIn names it: only texts of records that have it. */
  tag?: string | undefined;
  includePrivate?: boolean | undefined;
}

export interface SearchHit extends RecordText {
  /** The mentor the hit is shown with: the one searched for, else its first (undefined when none). */
  mentor: string | undefined;
  /** Where the terms stand in `text`, in order: [start, end) each. */
  matches: [number, number][];
}

/** The texts that hold every term of the query, newest first. */
export function search(journal: Journal, query: SearchQuery, filter: SearchFilter = {}): SearchHit[] {
  const terms = query.terms.map((term) => wordsOf(term).map((word) => word.stem)).filter((stems) => stems.length);
  if (!terms.length && !filter.tag) return [];
  const handle = filter.mentor ? findMentor(journal, filter.mentor).handle : undefined;
  const texts = recordTexts(journal, filter.includePrivate);
  const since = filter.since?.getTime() ?? -Infinity;
  const to = filter.to?.getTime() ?? Infinity;
  const cores = [...new Set(terms.flat().map(stemCore))].map((core) => new RegExp(escaped(core), 'i'));
  const hits: { hit: SearchHit; time: number }[] = [];
  for (const text of texts) {
    if (filter.kind && text.kind !== filter.kind) continue;
    if (handle && !text.mentors.includes(handle)) continue;
    // A text is tagged by what it says itself: a result under --tag always shows the tag.
    if (filter.tag && !(text.text.includes('#') && tagsIn(text.text).includes(filter.tag))) continue;
    if (!cores.every((core) => core.test(text.text)) && !(NOT_ASCII.test(text.text) && holdsAll(text.text, cores)))
      continue;
    const time = Date.parse(text.at);
    if (time < since || time > to) continue;
    const matches = matchTerms(wordsOf(text.text), terms);
    if (matches) hits.push({ hit: { ...text, mentor: handle ?? text.mentors[0], matches }, time });
  }
  // A stable sort: texts of one moment stay in the order the record holds them.
  return hits.sort((a, b) => b.time - a.time).map(({ hit }) => hit);
}

const NOT_ASCII = /[^\x00-\x7f]/;

function holdsAll(text: string, cores: RegExp[]): boolean {
  const plain = folded(text);
  return cores.every((core) => core.test(plain));
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where each term stands among `words` (a phrase's stems one after another), or undefined if one is missing. */
export function matchTerms(words: Word[], terms: string[][]): [number, number][] | undefined {
  const found: [number, number][] = [];
  for (const term of terms) {
    let any = false;
    for (let at = 0; at + term.length <= words.length; at++) {
      if (term.every((stem, offset) => words[at + offset]!.stem === stem)) {
        found.push([words[at]!.start, words[at + term.length - 1]!.end]);
        any = true;
      }
    }
    if (!any) return undefined;
  }
  return found.sort((a, b) => a[0] - b[0]);
}
