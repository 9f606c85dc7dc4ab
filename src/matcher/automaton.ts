/**
 * One transition of the automaton. Three kinds of state answer from complete rows (the
 * root, the word-start state, and the states one letter into a word, for the low classes
 * that hold Latin letters); the rest search their sorted edges in the index text and
 * follow failure links.
 */
import { valueAt, type StateArray } from './index-format';

/** The tables a transition reads (see index-format for each). */
export interface Automaton {
  /** The index text, and where firstChild, edgeClass, fail and wordRows start in it. */
  text: string;
  firstChildAt: number;
  edgeClassAt: number;
  failAt: number;
  wordRowsAt: number;
  /** State numbers take two text units each (a wide index). */
  wide: boolean;
  sepClass: number;
  rootNext: StateArray;
  boundaryState: number;
  boundaryNext: StateArray;
  wordRowFirst: number;
  wordRowCount: number;
  wordRowWidth: number;
}

export function step(d: Automaton, s: number, cls: number): number {
  const { text, firstChildAt, edgeClassAt, sepClass, wide } = d;
  for (;;) {
    if (s === 0) return d.rootNext[cls]!;
    if (s === d.boundaryState) return d.boundaryNext[cls]!;
    const row = s - d.wordRowFirst;
    if (row >= 0 && row < d.wordRowCount && cls < d.wordRowWidth) {
      const k = row * d.wordRowWidth + cls;
      return wide ? valueAt(text, d.wordRowsAt, true, k) : text.charCodeAt(d.wordRowsAt + k);
    }
    let lo: number;
    let hi: number;
    if (wide) {
      lo = valueAt(text, firstChildAt, true, s);
      hi = valueAt(text, firstChildAt, true, s + 1);
    } else {
      lo = text.charCodeAt(firstChildAt + s);
      hi = text.charCodeAt(firstChildAt + s + 1);
    }
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) {
        const e = text.charCodeAt(edgeClassAt + lo);
        if (e >= cls) { if (e === cls) return lo; break; }
      }
    } else {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const e = text.charCodeAt(edgeClassAt + mid);
        if (e === cls) return mid;
        if (e < cls) lo = mid + 1;
        else hi = mid;
      }
    }
    // A run of spaces or dashes walks one separator edge: stay on it.
    if (cls === sepClass && text.charCodeAt(edgeClassAt + s) === sepClass) return s;
    s = wide ? valueAt(text, d.failAt, true, s) : text.charCodeAt(d.failAt + s);
  }
}
