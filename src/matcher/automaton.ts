/**
 * One transition of the automaton. Three kinds of state answer from complete rows (the
 * root, the word-start state, and the states one letter into a word, for the low classes
 * that hold Latin letters); the rest search their sorted edges and follow failure links.
 */
import type { StateArray } from './index-format';

/** The tables a transition reads (see index-format for each). */
export interface Automaton {
  firstChild: StateArray;
  edgeClass: Uint16Array;
  fail: StateArray;
  sepClass: number;
  rootNext: StateArray;
  boundaryState: number;
  boundaryNext: StateArray;
  wordRows: StateArray;
  wordRowFirst: number;
  wordRowCount: number;
  wordRowWidth: number;
}

export function step(d: Automaton, s: number, cls: number): number {
  const { firstChild, edgeClass, fail, sepClass } = d;
  for (;;) {
    if (s === 0) return d.rootNext[cls]!;
    if (s === d.boundaryState) return d.boundaryNext[cls]!;
    const row = s - d.wordRowFirst;
    if (row >= 0 && row < d.wordRowCount && cls < d.wordRowWidth) return d.wordRows[row * d.wordRowWidth + cls]!;
    let lo = firstChild[s]!;
    let hi = firstChild[s + 1]!;
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) {
        const e = edgeClass[lo]!;
        if (e >= cls) { if (e === cls) return lo; break; }
      }
    } else {
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const e = edgeClass[mid]!;
        if (e === cls) return mid;
        if (e < cls) lo = mid + 1;
        else hi = mid;
      }
    }
    // A run of spaces or dashes walks one separator edge: stay on it.
    if (cls === sepClass && edgeClass[s] === sepClass) return s;
    s = fail[s]!;
  }
}
