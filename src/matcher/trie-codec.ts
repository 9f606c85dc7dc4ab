/**
 * Compact storage of the automaton, about two bytes a state. Everything is per state in
 * breadth-first order and decoded in one forward pass, where a state's parent is always
 * decoded before it:
 * - children: most states have exactly one; a bitmap marks the others, whose counts follow
 *   in one byte each (255 escapes to childOverflow).
 * - edge: the class of the incoming edge minus the parent's, plus 128, in one byte (letters
 *   of one script sit close together in the class numbering); 0 escapes to edgeOverflow.
 * - fail: a bitmap marks states whose failure link is not the root; for those, k in one
 *   byte means "the (k-1)-th child of my parent's failure target", where the Aho–Corasick
 *   construction lands nearly every time; 255 escapes to failOverflow.
 */

const ESCAPE = 0xff;
const EDGE_ESCAPE = 0;

export interface EncodedTrie {
  childMask: Uint8Array;
  childCounts: Uint8Array;
  childOverflow: Int32Array;
  edgeCode: Uint8Array;
  edgeOverflow: Uint16Array;
  failMask: Uint8Array;
  failCodes: Uint8Array;
  failOverflow: Int32Array;
}

export interface TrieArrays {
  firstChild: Int32Array;
  edgeClass: Uint16Array;
  fail: Int32Array;
}

const bit = (mask: Uint8Array, i: number): boolean => ((mask[i >> 3]! >> (i & 7)) & 1) === 1;

export function encodeTrie({ firstChild, edgeClass, fail }: TrieArrays): EncodedTrie {
  const n = edgeClass.length;
  const childMask = new Uint8Array((n + 7) >> 3);
  const failMask = new Uint8Array((n + 7) >> 3);
  const childCounts: number[] = [];
  const childOverflow: number[] = [];
  const edgeCode = new Uint8Array(n);
  const edgeOverflow: number[] = [];
  const failCodes: number[] = [];
  const failOverflow: number[] = [];
  for (let s = 0; s < n; s++) {
    const count = firstChild[s + 1]! - firstChild[s]!;
    if (count !== 1) {
      childMask[s >> 3]! |= 1 << (s & 7);
      childCounts.push(Math.min(count, ESCAPE));
      if (count >= ESCAPE) childOverflow.push(count);
    }
    const failBase = firstChild[fail[s]!]!;
    const failEnd = firstChild[fail[s]! + 1]!;
    for (let t = firstChild[s]!; t < firstChild[s + 1]!; t++) {
      const delta = edgeClass[t]! - edgeClass[s]! + 128;
      if (delta > EDGE_ESCAPE && delta < 256) edgeCode[t] = delta;
      else edgeOverflow.push(edgeClass[t]!);
      const f = fail[t]!;
      if (f === 0) continue;
      failMask[t >> 3]! |= 1 << (t & 7);
      const rank = f - failBase;
      if (s !== 0 && f < failEnd && rank >= 0 && rank + 1 < ESCAPE) failCodes.push(rank + 1);
      else { failCodes.push(ESCAPE); failOverflow.push(f); }
    }
  }
  return {
    childMask,
    childCounts: Uint8Array.from(childCounts),
    childOverflow: Int32Array.from(childOverflow),
    edgeCode,
    edgeOverflow: Uint16Array.from(edgeOverflow),
    failMask,
    failCodes: Uint8Array.from(failCodes),
    failOverflow: Int32Array.from(failOverflow),
  };
}

export function decodeTrie(e: EncodedTrie): TrieArrays {
  // Locals, not property reads: these loops run once per state on every page load.
  const { childMask, childCounts, childOverflow, edgeCode, edgeOverflow, failMask, failCodes, failOverflow } = e;
  const n = edgeCode.length;
  const firstChild = new Int32Array(n + 1);
  let next = 1;
  let counted = 0;
  let overflowed = 0;
  for (let s = 0; s < n; s++) {
    firstChild[s] = next;
    if (!bit(childMask, s)) { next++; continue; }
    const c = childCounts[counted++]!;
    next += c === ESCAPE ? childOverflow[overflowed++]! : c;
  }
  firstChild[n] = next;
  if (next !== n || counted !== childCounts.length) throw new Error('match index: inconsistent child counts');

  const edgeClass = new Uint16Array(n);
  const fail = new Int32Array(n);
  let edgeEsc = 0;
  let failed = 0;
  let failEsc = 0;
  let bad = false;
  for (let s = 0; s < n; s++) {
    const parentClass = edgeClass[s]!;
    const failBase = firstChild[fail[s]!]! - 1;
    for (let t = firstChild[s]!, end = firstChild[s + 1]!; t < end; t++) {
      const code = edgeCode[t]!;
      edgeClass[t] = code === EDGE_ESCAPE ? edgeOverflow[edgeEsc++]! : parentClass + code - 128;
      if (!bit(failMask, t)) continue;
      const f = failCodes[failed++]!;
      const target = f === ESCAPE ? failOverflow[failEsc++]! : failBase + f;
      // Failure chains must strictly descend, or a corrupt index could loop the scanner.
      bad ||= !(target > 0 && target < t);
      fail[t] = target;
    }
  }
  if (bad || edgeEsc !== edgeOverflow.length || failed !== failCodes.length) throw new Error('match index: bad automaton');
  return { firstChild, edgeClass, fail };
}
