/**
 * Alias texts are not stored: the automaton path already spells each alias folded, so the
 * index keeps only where the written alias differs from its fold. "Kim Jong Un" is the path
 * "kim jong un" plus "capital at 0, 4, 9"; "Guinea-Bissau" adds "a hyphen at 6". That is
 * 2–4 bytes an alias instead of its whole text.
 *
 * Each difference is a varint of (gap since the previous one << 1 | literal), followed,
 * for a literal, by the written UTF-16 unit in two bytes. A non-literal is the fold's
 * single-unit upper case.
 */
import { foldUnit } from './normalize';

function upperUnit(u: number): number {
  const up = String.fromCharCode(u).toUpperCase();
  return up.length === 1 ? up.charCodeAt(0) : -1;
}

function pushVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

/** The differences between a normalized alias and its fold, appended to `out`. */
export function encodeAliasCase(text: string, out: number[]): void {
  let last = -1;
  for (let k = 0; k < text.length; k++) {
    const written = text.charCodeAt(k);
    const folded = foldUnit(written);
    if (written === folded) continue;
    const literal = upperUnit(folded) !== written;
    pushVarint(out, ((k - last - 1) << 1) | (literal ? 1 : 0));
    if (literal) out.push(written & 0xff, written >> 8);
    last = k;
  }
}

/** Rebuilds the written alias from its fold and the bytes encodeAliasCase wrote. */
export function decodeAliasText(folded: string, bytes: { at(i: number): number | undefined }, from: number, to: number): string {
  const units: number[] = [];
  for (let k = 0; k < folded.length; k++) units.push(folded.charCodeAt(k));
  let k = -1;
  let p = from;
  while (p < to) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes.at(p++) ?? 0;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80 && p < to);
    k += Math.floor(v / 2) + 1;
    if (k >= units.length) break;
    if (v % 2 === 1) {
      units[k] = (bytes.at(p) ?? 0) | ((bytes.at(p + 1) ?? 0) << 8);
      p += 2;
    } else {
      const up = upperUnit(units[k]!);
      if (up >= 0) units[k] = up;
    }
  }
  return String.fromCharCode(...units);
}
