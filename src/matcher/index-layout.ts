/**
 * Build time: the tables the scan reads besides the bare trie, computed once here instead
 * of on every page: which states have output on their failure chain, and complete
 * transition rows for the states every word passes through.
 */
import { step, type Automaton } from './automaton';
import { bitmap, tableText } from './index-format';

/** Classes past the non-word ones given complete rows one letter into a word: digits and Latin letters. */
const WORD_ROW_CLASSES = 48;

export interface TrieTables {
  numStates: number;
  numClasses: number;
  sepClass: number;
  boundaryClass: number;
  firstGlueClass: number;
  firstChild: Int32Array;
  edgeClass: Uint16Array;
  fail: Int32Array;
}

export interface Layout extends Omit<Automaton, 'text' | 'firstChildAt' | 'edgeClassAt' | 'failAt' | 'wordRowsAt' | 'wide'> {
  /** A bit per state whose failure chain (itself included) holds a terminal, and a bit per terminal. */
  outMask: Uint8Array;
  termMask: Uint8Array;
  rootNext: Int32Array;
  boundaryNext: Int32Array;
  wordRows: Int32Array;
}

/** `terminals`: the states that end at least one alias, ascending. */
export function layoutAutomaton(trie: TrieTables, terminals: ArrayLike<number>): Layout {
  const { numStates, numClasses, firstChild, edgeClass, fail } = trie;
  const hasOut = new Uint8Array(numStates);
  for (let g = 0; g < terminals.length; g++) hasOut[terminals[g]!] = 1;
  // Breadth-first order puts fail[s] before s, so one forward pass fills the chains.
  for (let st = 1; st < numStates; st++) hasOut[st] ||= hasOut[fail[st]!]!;

  const rootNext = new Int32Array(numClasses + 1);
  for (let t = firstChild[0] ?? 0, end = firstChild[1] ?? 0; t < end; t++) rootNext[edgeClass[t]!] = t;
  const boundaryState = rootNext[trie.boundaryClass] ?? 0;
  // The boundary state fails to the root, so its row falls back to the root's.
  const boundaryNext = rootNext.slice();
  if (boundaryState !== 0) {
    for (let t = firstChild[boundaryState]!, end = firstChild[boundaryState + 1]!; t < end; t++) boundaryNext[edgeClass[t]!] = t;
  }
  const outStates: number[] = [];
  hasOut.forEach((v, st) => { if (v) outStates.push(st); });
  const layout: Layout = {
    sepClass: trie.sepClass, rootNext, boundaryState, boundaryNext,
    outMask: bitmap(numStates, outStates), termMask: bitmap(numStates, Array.from(terminals)),
    wordRows: new Int32Array(0), wordRowFirst: 0, wordRowCount: 0, wordRowWidth: 0,
  };
  if (boundaryState === 0) return layout;

  // Every word of the page passes a state "one letter into a word", which has the most
  // children of any state below the root: give the Latin ones complete rows (a few KB).
  const first = firstChild[boundaryState]!;
  const end = firstChild[boundaryState + 1]!;
  const width = Math.min(numClasses + 1, trie.firstGlueClass + WORD_ROW_CLASSES);
  let count = 0;
  while (first + count < end && edgeClass[first + count]! < width) count++;
  // The rows come from the transitions the page would take, over the same text tables.
  const wide = numStates > 0xffff;
  const firstChildText = tableText(firstChild, wide, 'firstChild');
  const walk: Automaton = {
    ...layout,
    text: firstChildText + tableText(edgeClass, false, 'edgeClass') + tableText(fail, wide, 'fail'),
    firstChildAt: 0,
    edgeClassAt: firstChildText.length,
    failAt: firstChildText.length + numStates,
    wordRowsAt: 0, // none yet: wordRowCount is 0
    wide,
  };
  const rows = new Int32Array(count * width);
  for (let r = 0; r < count; r++) for (let c = 0; c < width; c++) rows[r * width + c] = step(walk, first + r, c);
  return { ...layout, wordRows: rows, wordRowFirst: first, wordRowCount: count, wordRowWidth: width };
}
