/**
 * What a character means for word boundaries and capitals. Read from a table generated from
 * the Unicode property escapes (char-info-table.ts, runs over every code point; see
 * scripts/gen-char-info.ts) and cached per BMP unit, so a page never compiles a Unicode
 * property RegExp: on a cold page each costs 0.1 to 1 ms to compile, more than a small
 * page's whole walk.
 */
import { CHAR_INFO_RUNS } from './char-info-table';

/** Bits of a code point's info. */
export const CharBit = {
  /** \p{L}, \p{N}, \p{M}: together, the characters a word is made of. */
  letter: 1,
  number: 2,
  mark: 4,
  /** \p{Lu}, \p{Lt}, \p{Ll}. */
  upper: 8,
  title: 16,
  lower: 32,
  /** Word characters of Hangul, and of the scripts written without spaces between words. */
  hangul: 64,
  noSpace: 128,
} as const;

export const Kind = {
  /** Punctuation, space, symbol, emoji: always a boundary. */
  Other: 1,
  /** A letter or digit of a script that separates words with spaces. */
  Word: 2,
  /** Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan: no spaces between words, so no boundary needed. */
  NoSpace: 3,
  /** Hangul: spaced, but particles attach to the end of nouns ("북한은"). */
  Hangul: 4,
  /** A combining mark: it belongs to the character before it. */
  Mark: 5,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

const WORD_BITS = CharBit.letter | CharBit.number | CharBit.mark;
const RUNS = CHAR_INFO_RUNS;
/** BMP unit -> its bits + 0x100, filled on first use (0 = not looked up yet). */
const bmpCache = new Uint16Array(0x10000);

function lookUp(cp: number): number {
  // The last run starting at or before cp.
  let lo = 0;
  let hi = RUNS.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (RUNS[2 * mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  return RUNS[2 * lo + 1]!;
}

/** The CharBit bits of a code point. */
export function charInfo(cp: number): number {
  if (cp >= 0x10000) return cp <= 0x10ffff ? lookUp(cp) : 0;
  const cached = bmpCache[cp]!;
  if (cached !== 0) return cached & 0xff;
  const bits = lookUp(cp);
  bmpCache[cp] = bits | 0x100;
  return bits;
}

/** \p{L}, \p{N} or \p{M}. */
export const isWordChar = (cp: number): boolean => (charInfo(cp) & WORD_BITS) !== 0;

export function kindOf(cp: number): Kind {
  if (cp < 0x80) {
    // ASCII fast path: letters and digits are words, the rest punctuation.
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)
      ? Kind.Word
      : Kind.Other;
  }
  const bits = charInfo(cp);
  if ((bits & WORD_BITS) === 0) return Kind.Other;
  if (bits & CharBit.mark) return Kind.Mark;
  if (bits & CharBit.hangul) return Kind.Hangul;
  if (bits & CharBit.noSpace) return Kind.NoSpace;
  return Kind.Word;
}

/** The code point that ends just before `i`, pairing surrogates; -1 at the start. */
export function codePointBefore(text: string, i: number): number {
  if (i <= 0) return -1;
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return ((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/** The code point that starts at `i`, pairing surrogates; -1 at the end. */
export function codePointAtOrEnd(text: string, i: number): number {
  return i >= text.length ? -1 : text.codePointAt(i)!;
}
