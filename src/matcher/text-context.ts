/**
 * Reading the words around a candidate, for the resolver's rules. It runs per candidate, not
 * per character, but on every page: so it reads characters from the char-info table instead
 * of matching Unicode property escapes, which cost 0.1 to 1 ms each to compile on a cold page.
 * A word is what /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*\/u matches.
 */
import { CharBit, charInfo, codePointBefore, isWordChar } from './char-kind';
import { isSpaceUnit } from './normalize';
import { NOT_NAMES } from './rule-lexicon';

export interface Word {
  start: number;
  end: number;
  text: string;
  /** The word is followed by a dot ("Mr.", "Gov."), kept out of `text`. */
  dot: boolean;
}

/** How far back prevWord looks for the start of a word. */
const WORD_BEFORE_REACH = 64;

/** Apostrophes and hyphens join word parts: "O'Brien", "Jong-un". */
const isJoiner = (u: number): boolean => u === 0x27 || u === 0x2019 || u === 0x2d || u === 0x2010;

/** Past the word characters from `p` on. */
function skipWordChars(text: string, p: number): number {
  let q = p;
  while (q < text.length) {
    const cp = text.codePointAt(q)!;
    if (!isWordChar(cp)) break;
    q += cp > 0xffff ? 2 : 1;
  }
  return q;
}

/** Back over the word characters before `p`, not before `lim`. */
function skipWordCharsBack(text: string, p: number, lim: number): number {
  let q = p;
  while (q > lim) {
    const cp = q - 2 >= lim ? codePointBefore(text, q) : text.charCodeAt(q - 1);
    if (!isWordChar(cp)) break;
    q -= cp > 0xffff ? 2 : 1;
  }
  return q;
}

/** The end of the word that starts at `p`; `p` when none does. */
function wordEnd(text: string, p: number): number {
  let q = skipWordChars(text, p);
  if (q === p) return p;
  while (q + 1 < text.length && isJoiner(text.charCodeAt(q)) && isWordChar(text.codePointAt(q + 1)!)) q = skipWordChars(text, q + 1);
  return q;
}

/** The word after `end`, only if spaces (no punctuation) separate them. */
export function nextWord(text: string, end: number): Word | null {
  let p = end;
  while (p < text.length && isSpaceUnit(text.charCodeAt(p))) p++;
  if (p === end || p >= text.length) return null;
  const stop = wordEnd(text, p);
  if (stop === p) return null;
  return { start: p, end: stop, text: text.slice(p, stop), dot: text.charCodeAt(stop) === 0x2e };
}

/** The word before `start`, only if spaces (no punctuation but a trailing dot) separate them. */
export function prevWord(text: string, start: number): Word | null {
  let p = start;
  while (p > 0 && isSpaceUnit(text.charCodeAt(p - 1))) p--;
  if (p === start || p === 0) return null;
  const lim = Math.max(0, p - WORD_BEFORE_REACH);
  const dot = text.charCodeAt(p - 1) === 0x2e;
  const end = dot ? p - 1 : p;
  let s = skipWordCharsBack(text, end, lim);
  if (s === end) return null;
  while (s - 1 > lim && isJoiner(text.charCodeAt(s - 1))) {
    const before = skipWordCharsBack(text, s - 1, lim);
    if (before === s - 1) break;
    s = before;
  }
  return { start: s, end, text: text.slice(s, end), dot };
}

const UPPER = CharBit.upper | CharBit.title;

/** "Smith", "McDonald", "O'Brien"; not "NATO", "said" or "A" (/^[\p{Lu}\p{Lt}]['’]?\p{Ll}/u). */
export function isCapitalized(word: string): boolean {
  const first = word.codePointAt(0);
  if (first === undefined || (charInfo(first) & UPPER) === 0) return false;
  let i = first > 0xffff ? 2 : 1;
  const u = word.charCodeAt(i);
  if (u === 0x27 || u === 0x2019) i++;
  const next = word.codePointAt(i);
  return next !== undefined && (charInfo(next) & CharBit.lower) !== 0;
}

/** One upper-case letter and nothing else: a middle initial ("B" of "Michael B. Jordan"). */
export function isSingleCapital(word: string): boolean {
  const cp = word.codePointAt(0);
  return cp !== undefined && word.length === (cp > 0xffff ? 2 : 1) && (charInfo(cp) & CharBit.upper) !== 0;
}

/** The words of a text that begin with a letter: letters, marks and apostrophes (/[\p{L}][\p{L}\p{M}'’]*\/gu). */
export function letterWords(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if ((charInfo(cp) & CharBit.letter) === 0) {
      i += width;
      continue;
    }
    let j = i + width;
    while (j < text.length) {
      const c = text.codePointAt(j)!;
      if (c !== 0x27 && c !== 0x2019 && (charInfo(c) & (CharBit.letter | CharBit.mark)) === 0) break;
      j += c > 0xffff ? 2 : 1;
    }
    words.push(text.slice(i, j));
    i = j;
  }
  return words;
}

/**
 * Headline style ("Talks Between Jordan And Chad Resume"), where capitals say nothing
 * about names: long words mostly capitalized, and at least one capitalized function word
 * past the first (a sentence full of names, "Chad Smith met Jordan Peterson", has none).
 * A prominent text (title, headline) needs no function word: "Kim Visits Moscow".
 */
export function isTitleCase(text: string, prominent = false): boolean {
  const words = letterWords(text);
  const long = words.filter((w) => w.length >= 4);
  if (long.length < (prominent ? 2 : 3) || long.filter(isCapitalized).length / long.length < 0.75) return false;
  return prominent || words.slice(1).some((w) => isCapitalized(w) && NOT_NAMES.has(w.toLowerCase()));
}

/** The part of `block` around `[start, end)` of `text` (a piece of the block), `radius` units each side. */
export function contextWindow(text: string, block: string | undefined, start: number, end: number, radius: number): string {
  if (!block || block === text) return text.slice(Math.max(0, start - radius), end + radius);
  const at = block.indexOf(text);
  if (at < 0) return block.length <= radius * 5 ? block : text.slice(Math.max(0, start - radius), end + radius);
  return block.slice(Math.max(0, at + start - radius), at + end + radius);
}
