/**
 * Reading the words around a candidate, for the resolver's rules. Not on the hot path
 * (it runs per candidate, not per character), so plain regexes are fine here.
 */
import { isSpaceUnit } from './normalize';
import { NOT_NAMES } from './rule-lexicon';

export interface Word {
  start: number;
  end: number;
  text: string;
  /** The word is followed by a dot ("Mr.", "Gov."), kept out of `text`. */
  dot: boolean;
}

const WORD_AT = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/uy;
const WORD_BEFORE = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*(\.?)$/u;

/** The word after `end`, only if spaces (no punctuation) separate them. */
export function nextWord(text: string, end: number): Word | null {
  let p = end;
  while (p < text.length && isSpaceUnit(text.charCodeAt(p))) p++;
  if (p === end || p >= text.length) return null;
  WORD_AT.lastIndex = p;
  const m = WORD_AT.exec(text);
  if (!m) return null;
  const stop = p + m[0].length;
  return { start: p, end: stop, text: m[0], dot: text.charCodeAt(stop) === 0x2e };
}

/** The word before `start`, only if spaces (no punctuation but a trailing dot) separate them. */
export function prevWord(text: string, start: number): Word | null {
  let p = start;
  while (p > 0 && isSpaceUnit(text.charCodeAt(p - 1))) p--;
  if (p === start || p === 0) return null;
  const m = WORD_BEFORE.exec(text.slice(Math.max(0, p - 64), p));
  if (!m) return null;
  const dot = m[1] === '.';
  const word = dot ? m[0].slice(0, -1) : m[0];
  const end = p - (dot ? 1 : 0);
  return { start: end - word.length, end, text: word, dot };
}

/** "Smith", "McDonald", "O'Brien"; not "NATO", "said" or "A". */
export function isCapitalized(word: string): boolean {
  return /^[\p{Lu}\p{Lt}]['’]?\p{Ll}/u.test(word);
}

/**
 * Headline style ("Talks Between Jordan And Chad Resume"), where capitals say nothing
 * about names: long words mostly capitalized, and at least one capitalized function word
 * past the first (a sentence full of names, "Chad Smith met Jordan Peterson", has none).
 * A prominent text (title, headline) needs no function word: "Kim Visits Moscow".
 */
export function isTitleCase(text: string, prominent = false): boolean {
  const words = text.match(/[\p{L}][\p{L}\p{M}'’]*/gu) ?? [];
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
