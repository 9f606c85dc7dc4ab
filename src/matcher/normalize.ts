/**
 * Character normalization shared by the index builder and the matcher.
 * Every mapping is one UTF-16 unit to one unit, so an offset in the folded
 * text is the same offset in the page text.
 */

export const SPACE = 0x20;
export const HYPHEN = 0x2d;
export const APOSTROPHE = 0x27;

/** Typography only (no case): curly apostrophes, dashes and odd spaces to ASCII. */
export function typoUnit(u: number): number {
  if (u < 0x80) return u === 0x09 || u === 0x0a || u === 0x0b || u === 0x0c || u === 0x0d ? SPACE : u;
  switch (u) {
    case 0x2019: // ’
    case 0x2018: // ‘
    case 0x02bc: // ʼ
    case 0x2032: // ′
      return APOSTROPHE;
    case 0x2010: // ‐
    case 0x2011: // ‑
    case 0x2012: // ‒
    case 0x2013: // –
    case 0x2014: // —
    case 0x2015: // ―
    case 0x2212: // −
      return HYPHEN;
    default:
      return isSpaceUnit(u) ? SPACE : u;
  }
}

/** Whitespace of any kind, including NBSP and the narrow/thin spaces news sites put inside names. */
export function isSpaceUnit(u: number): boolean {
  if (u < 0x80) return u === SPACE || (u >= 0x09 && u <= 0x0d);
  return (
    u === 0xa0 || u === 0x1680 || (u >= 0x2000 && u <= 0x200a) ||
    u === 0x2028 || u === 0x2029 || u === 0x202f || u === 0x205f || u === 0x3000
  );
}

/**
 * Invisible units that may sit inside a word without changing it (soft hyphen,
 * zero-width space, word joiner, BOM). The matcher steps over them; ZWJ/ZWNJ are
 * not here because they carry meaning in Persian and Indic spellings.
 */
export function isTransparentUnit(u: number): boolean {
  return u === 0xad || u === 0x200b || u === 0x2060 || u === 0xfeff;
}

/**
 * The automaton's fold: typography, separators to one space (so "Jong-un" walks the
 * same path as "Jong Un") and a 1:1 lower-case. Multi-unit lower-cases (İ) keep a
 * 1-unit approximation so the offsets never drift. Build time only: the matcher reads
 * the resulting class table from the index and never calls toLowerCase.
 */
export function foldUnit(u: number): number {
  const t = typoUnit(u);
  if (t === SPACE || t === HYPHEN) return SPACE;
  if (t < 0x80) return t >= 0x41 && t <= 0x5a ? t + 0x20 : t;
  if (t >= 0xd800 && t <= 0xdfff) return t;
  if (t === 0x130) return 0x69; // İ lower-cases to two units
  const lower = String.fromCharCode(t).toLowerCase();
  if (lower.length !== 1) return t;
  const l = lower.charCodeAt(0);
  return l === 0x3c2 ? 0x3c3 : l; // final sigma folds with sigma
}

/**
 * An alias as the index stores it: typography normalized, separator runs collapsed to
 * one unit (a space, or the dash if the run was only a dash), ends trimmed.
 */
export function normalizeAliasText(text: string): string {
  let out = '';
  let pendingSep = -1;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (isTransparentUnit(u)) continue;
    const t = typoUnit(u);
    if (t === SPACE || t === HYPHEN) {
      // A run with any space is a space; a pure dash run stays a dash ("Guinea-Bissau").
      pendingSep = pendingSep === SPACE || t === SPACE ? SPACE : HYPHEN;
      continue;
    }
    if (pendingSep >= 0 && out.length > 0) out += String.fromCharCode(pendingSep);
    pendingSep = -1;
    out += String.fromCharCode(t);
  }
  return out;
}

/** An alias as the automaton sees it: two texts with the same key match the same spans. */
export function foldAliasText(text: string): string {
  const normalized = normalizeAliasText(text);
  let out = '';
  for (let i = 0; i < normalized.length; i++) out += String.fromCharCode(foldUnit(normalized.charCodeAt(i)));
  return out;
}
