/**
 * What a character means for word boundaries. Computed lazily per code unit and
 * cached, so a page pays one regex test per distinct character it actually has
 * next to a hit, not a 64K-entry table at start-up.
 */

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

const WORD = /[\p{L}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;
const HANGUL = /\p{scx=Hangul}/u;
const NO_SPACE =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tibetan}]/u;

const bmpCache = new Uint8Array(0x10000);

function classify(s: string): Kind {
  if (!WORD.test(s)) return Kind.Other;
  if (MARK.test(s)) return Kind.Mark;
  if (HANGUL.test(s)) return Kind.Hangul;
  if (NO_SPACE.test(s)) return Kind.NoSpace;
  return Kind.Word;
}

export function kindOf(cp: number): Kind {
  if (cp < 0x80) {
    // ASCII fast path: letters and digits are words, the rest punctuation.
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)
      ? Kind.Word
      : Kind.Other;
  }
  if (cp < 0x10000) {
    // Lone surrogates classify as Other: they are no one's letter.
    const cached = bmpCache[cp]!;
    if (cached !== 0) return cached as Kind;
    const k = classify(String.fromCharCode(cp));
    bmpCache[cp] = k;
    return k;
  }
  return classify(String.fromCodePoint(cp));
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
