import { describe, expect, it } from 'vitest';
import { hasShared, readSeeds } from '../../tests/support/shared';
import { charInfoFromRegExps, charInfoRuns } from './char-info-source';
import { CHAR_INFO_RUNS, CHAR_INFO_UNICODE } from './char-info-table';
import { charInfo, Kind, kindOf } from './char-kind';
import { countCues } from './local-rules';
import { isCapitalized, isSingleCapital, letterWords, nextWord, prevWord } from './text-context';

/** The RegExp forms the table-driven code replaces: the oracles it must agree with. */
const WORD_AT = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/uy;
const WORD_BEFORE = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*(\.?)$/u;
const isSpace = (u: number) => /\s/.test(String.fromCharCode(u)) && u !== 0xfeff;

function nextWordByRegExp(text: string, end: number) {
  let p = end;
  while (p < text.length && isSpace(text.charCodeAt(p))) p++;
  if (p === end || p >= text.length) return null;
  WORD_AT.lastIndex = p;
  const m = WORD_AT.exec(text);
  if (!m) return null;
  const stop = p + m[0].length;
  return { start: p, end: stop, text: m[0], dot: text.charCodeAt(stop) === 0x2e };
}

function prevWordByRegExp(text: string, start: number) {
  let p = start;
  while (p > 0 && isSpace(text.charCodeAt(p - 1))) p--;
  if (p === start || p === 0) return null;
  const m = WORD_BEFORE.exec(text.slice(Math.max(0, p - 64), p));
  if (!m) return null;
  const dot = m[1] === '.';
  const word = dot ? m[0].slice(0, -1) : m[0];
  const end = p - (dot ? 1 : 0);
  return { start: end - word.length, end, text: word, dot };
}

function countCuesByRegExp(window: string, cues: readonly string[]): number {
  if (cues.length === 0) return 0;
  const body = [...cues].sort((a, b) => b.length - a.length).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return [...window.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'gu'))].length;
}

const TRICKY = [
  'Michael B. Jordan met Kim Jong-un and O’Brien in the U.S. on Tuesday.',
  "Mr. Kim, Gov. Newsom; Andy Kim's aide — Dr. Jordan Peterson (ret.) said 'no'.",
  'TALKS BETWEEN JORDAN AND CHAD RESUME, Kim Visits Moscow',
  'café Ǆemal ǅemal ǆemal ßtraße İstanbul Ωmega 𝐀lpha 😀Trump 😀 north-- - -south ‐joined‐ x-',
  'الرئيس ترامب, 김정은 위원장, 北朝鲜的 领导人, Северная Корея, देवनागरी नाम',
  '  \u00a0 Chad\u2009Smith \u3000 Washington state, the state of Georgia, Fulton County, Georgia Senate race',
  "a-'b a''b 'lead trail' -x- 12-34 x.y. A. B.. .",
];

function texts(): string[] {
  const seeds = hasShared() ? readSeeds().map((s) => s.text) : [];
  return [...TRICKY, ...seeds];
}

describe('the char-info table', () => {
  const sameUnicode = CHAR_INFO_UNICODE === process.versions.unicode;
  if (!sameUnicode) {
    console.warn(`\n  NOTICE: the char-info table is from Unicode ${CHAR_INFO_UNICODE}, this Node has ${process.versions.unicode}: run npm run gen:char-info. The table check is SKIPPED.\n`);
  }
  it.skipIf(!sameUnicode)('is what the Unicode property escapes say, for every code point', () => {
    expect(CHAR_INFO_RUNS).toEqual(charInfoRuns());
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x30000 ? 1 : 97) {
      if (charInfo(cp) !== charInfoFromRegExps(cp)) throw new Error(`U+${cp.toString(16)}: ${charInfo(cp)} vs ${charInfoFromRegExps(cp)}`);
    }
  });

  it('gives the boundary kinds of letters, marks, Hangul and scripts without spaces', () => {
    const kinds = ['a', 'é', '\u0301', '김', '北', 'ก', '😀', '-', '\u00a0', '𝐀', '٣'].map((c) => kindOf(c.codePointAt(0)!));
    expect(kinds).toEqual([Kind.Word, Kind.Word, Kind.Mark, Kind.Hangul, Kind.NoSpace, Kind.NoSpace, Kind.Other, Kind.Other, Kind.Other, Kind.Word, Kind.Word]);
  });
});

describe('reading words without Unicode RegExps', () => {
  it('finds the same words before and after every position as the RegExps did', () => {
    let compared = 0;
    for (const text of texts()) {
      for (let i = 0; i <= text.length; i++) {
        expect(nextWord(text, i), `nextWord at ${i} of ${JSON.stringify(text.slice(i, i + 20))}`).toEqual(nextWordByRegExp(text, i));
        expect(prevWord(text, i), `prevWord at ${i} of ${JSON.stringify(text.slice(Math.max(0, i - 20), i))}`).toEqual(prevWordByRegExp(text, i));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('tells capitals, initials and letter words as the RegExps did', () => {
    for (const text of texts()) {
      expect(letterWords(text)).toEqual(text.match(/[\p{L}][\p{L}\p{M}'’]*/gu) ?? []);
      for (const w of text.split(/[\s,.;:()]+/)) {
        expect(isCapitalized(w), w).toBe(/^[\p{Lu}\p{Lt}]['’]?\p{Ll}/u.test(w));
        expect(isSingleCapital(w), w).toBe(/^\p{Lu}$/u.test(w));
      }
    }
  });

  it('counts cues as whole words, longest first and never twice, as the RegExp did', () => {
    const cues = ['Georgia', 'Georgia Senate', 'Senate', 'county', 'County', 'Fulton County', 'state', 'U.S.', 'New York', 'York'];
    const windows = [...texts(), 'Fulton County, Georgia Senate race in New York and York; Georgians, county-wide, Senate-run, U.S.A and U.S.', ''];
    for (const w of windows) expect(countCues(w, cues), w.slice(0, 40)).toBe(countCuesByRegExp(w, cues));
    expect(countCues('Fulton County, Georgia Senate race', cues)).toBe(2);
  });
});
