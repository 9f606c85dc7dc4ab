/**
 * The Unicode properties the matcher needs, from the RegExp property escapes: the source the
 * generated char-info table is made from (scripts/gen-char-info.ts) and checked against
 * (char-kind.test.ts). Never used on a page: these expressions are slow to compile there.
 */

import { CharBit } from './char-kind';

const PROPERTIES: [RegExp, number][] = [
  [/\p{L}/u, CharBit.letter],
  [/\p{N}/u, CharBit.number],
  [/\p{M}/u, CharBit.mark],
  [/\p{Lu}/u, CharBit.upper],
  [/\p{Lt}/u, CharBit.title],
  [/\p{Ll}/u, CharBit.lower],
];
const HANGUL = /\p{scx=Hangul}/u;
const NO_SPACE =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tibetan}]/u;

/** The info bits of one code point (lone surrogates: none). */
export function charInfoFromRegExps(cp: number): number {
  if (cp >= 0xd800 && cp <= 0xdfff) return 0;
  const s = String.fromCodePoint(cp);
  let bits = 0;
  for (const [re, bit] of PROPERTIES) if (re.test(s)) bits |= bit;
  // Script matters only for word characters: the kind of a punctuation mark is "other" anyway.
  if (bits & (CharBit.letter | CharBit.number | CharBit.mark)) {
    if (HANGUL.test(s)) bits |= CharBit.hangul;
    else if (NO_SPACE.test(s)) bits |= CharBit.noSpace;
  }
  return bits;
}

/** Runs over all code points: [first, bits, first, bits, ...]. */
export function charInfoRuns(): number[] {
  const runs: number[] = [];
  let prev = -1;
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const bits = charInfoFromRegExps(cp);
    if (bits !== prev) {
      runs.push(cp, bits);
      prev = bits;
    }
  }
  return runs;
}
