/**
 * Compact storage of the automaton's edges and failure links, about 3 bytes a state.
 *
 * Both are stored per state in breadth-first order and decoded in one forward pass,
 * where a state's parent is always decoded before it:
 * - edge: the class of the incoming edge minus the parent's, plus 128, in one byte (letters
 *   of one script sit close together in the class numbering); 0 escapes to edgeOverflow.
 * - fail: 0 for the root; k > 0 for "the (k-1)-th child of my parent's failure target",
 *   which is where the Aho–Corasick construction lands nearly every time; 255 escapes
 *   to failOverflow.
 */
import { CHILD_OVERFLOW } from './index-format';

const EDGE_ESCAPE = 0;
const FAIL_ESCAPE = 0xff;

export interface EncodedTrie {
  childCount: Uint8Array;
  childOverflow: Int32Array;
  edgeCode: Uint8Array;
  edgeOverflow: Uint16Array;
  failCode: Uint8Array;
  failOverflow: Int32Array;
}

export interface TrieArrays {
  firstChild: Int32Array;
  edgeClass: Uint16Array;
  fail: Int32Array;
}

/** Visits (parent, child) pairs in breadth-first order. */
function forEachEdge(firstChild: Int32Array, n: number, each: (parent: number, child: number) => void): void {
  for (let s = 0; s < n; s++) for (let t = firstChild[s]!, end = firstChild[s + 1]!; t < end; t++) each(s, t);
}

export function encodeTrie({ firstChild, edgeClass, fail }: TrieArrays): EncodedTrie {
  const n = edgeClass.length;
  const childCount = new Uint8Array(n);
  const childOverflow: number[] = [];
  for (let s = 0; s < n; s++) {
    const count = firstChild[s + 1]! - firstChild[s]!;
    childCount[s] = Math.min(count, CHILD_OVERFLOW);
    if (count >= CHILD_OVERFLOW) childOverflow.push(s, count);
  }
  const edgeCode = new Uint8Array(n);
  const edgeOverflow: number[] = [];
  const failCode = new Uint8Array(n);
  const failOverflow: number[] = [];
  forEachEdge(firstChild, n, (s, t) => {
    const delta = edgeClass[t]! - edgeClass[s]! + 128;
    if (delta > 0 && delta < 256) edgeCode[t] = delta;
    else { edgeCode[t] = EDGE_ESCAPE; edgeOverflow.push(edgeClass[t]!); }

    const f = fail[t]!;
    const rank = f - firstChild[fail[s]!]!;
    const fromParent = s !== 0 && f !== 0 && rank >= 0 && f < firstChild[fail[s]! + 1]! && rank + 1 < FAIL_ESCAPE;
    if (f === 0) failCode[t] = 0;
    else if (fromParent) failCode[t] = rank + 1;
    else { failCode[t] = FAIL_ESCAPE; failOverflow.push(f); }
  });
  return {
    childCount,
    childOverflow: Int32Array.from(childOverflow),
    edgeCode,
    edgeOverflow: Uint16Array.from(edgeOverflow),
    failCode,
    failOverflow: Int32Array.from(failOverflow),
  };
}

export function decodeTrie(e: EncodedTrie): TrieArrays {
  // Locals, not property reads: this loop runs once per state on every page load.
  const { childCount, childOverflow, edgeCode, edgeOverflow, failCode, failOverflow } = e;
  const n = childCount.length;
  if (edgeCode.length !== n || failCode.length !== n) throw new Error('match index: inconsistent states');
  const overflow = new Map<number, number>();
  for (let i = 0; i + 1 < childOverflow.length; i += 2) overflow.set(childOverflow[i]!, childOverflow[i + 1]!);
  const firstChild = new Int32Array(n + 1);
  let next = 1;
  for (let s = 0; s < n; s++) {
    firstChild[s] = next;
    const c = childCount[s]!;
    next += c === CHILD_OVERFLOW ? overflow.get(s) ?? c : c;
  }
  firstChild[n] = next;
  if (n > 0 && next !== n) throw new Error('match index: inconsistent child counts');

  const edgeClass = new Uint16Array(n);
  const fail = new Int32Array(n);
  let edgeEsc = 0;
  let failEsc = 0;
  let bad = false;
  for (let s = 0; s < n; s++) {
    const parentClass = edgeClass[s]!;
    const failBase = firstChild[fail[s]!]! - 1;
    for (let t = firstChild[s]!, end = firstChild[s + 1]!; t < end; t++) {
      const code = edgeCode[t]!;
      edgeClass[t] = code === EDGE_ESCAPE ? edgeOverflow[edgeEsc++]! : parentClass + code - 128;
      const f = failCode[t]!;
      const target = f === 0 ? 0 : f === FAIL_ESCAPE ? failOverflow[failEsc++]! : failBase + f;
      // Failure chains must strictly descend, or a corrupt index could loop the scanner.
      bad ||= !(target >= 0 && target < t);
      fail[t] = target;
    }
  }
  if (bad || edgeEsc > edgeOverflow.length || failEsc > failOverflow.length) throw new Error('match index: bad automaton');
  return { firstChild, edgeClass, fail };
}
