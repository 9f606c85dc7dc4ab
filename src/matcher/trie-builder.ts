/**
 * Build-time Aho–Corasick automaton over folded alias keys.
 *
 * Layout: states are numbered breadth-first with each state's children contiguous and
 * sorted by class, so a state's edges are the slice firstChild[s] .. firstChild[s+1]
 * of `edgeClass` (the class of each state's incoming edge). Only child counts are
 * stored (one byte each); the matcher rebuilds firstChild by a prefix sum. BFS order
 * also guarantees fail[s] < s, which lets the matcher derive output links in one pass.
 */
import { foldUnit, isTransparentUnit, SPACE } from './normalize';
import { CHILD_OVERFLOW, NO_SEPARATOR_CLASS, TRANSPARENT_CLASS } from './index-format';

export interface BuiltTrie {
  numStates: number;
  numClasses: number;
  sepClass: number;
  classUnits: Uint16Array;
  classIds: Uint16Array;
  childCount: Uint8Array;
  childOverflow: Int32Array;
  edgeClass: Uint16Array;
  fail: Int32Array;
  /** The terminal state of each key, aligned with the input keys. */
  terminalOf: Int32Array;
}

/** `keys` are already folded (see foldUnit) and non-empty. */
export function buildTrie(keys: readonly string[]): BuiltTrie {
  const alphabet = new Set<number>();
  for (const k of keys) for (let i = 0; i < k.length; i++) alphabet.add(k.charCodeAt(i));
  const units = [...alphabet].sort((a, b) => a - b);
  if (units.length >= NO_SEPARATOR_CLASS) throw new Error('match index: alphabet too large');
  const classOfUnit = new Map<number, number>();
  units.forEach((u, i) => classOfUnit.set(u, i + 1));
  const sepClass = classOfUnit.get(SPACE) ?? NO_SEPARATOR_CLASS;

  // Insertion into a pointer trie (build time only, so Maps are fine).
  const kids: Map<number, number>[] = [new Map()];
  const keyNode: number[] = [];
  for (const k of keys) {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const c = classOfUnit.get(k.charCodeAt(i))!;
      let t = kids[s]!.get(c);
      if (t === undefined) {
        t = kids.length;
        kids.push(new Map());
        kids[s]!.set(c, t);
      }
      s = t;
    }
    keyNode.push(s);
  }

  // Breadth-first renumbering with sorted children.
  const n = kids.length;
  const newId = new Int32Array(n);
  const order: number[] = [0];
  const edgeClass = new Uint16Array(n);
  for (let head = 0; head < order.length; head++) {
    const old = order[head]!;
    const sorted = [...kids[old]!.entries()].sort((a, b) => a[0] - b[0]);
    for (const [c, child] of sorted) {
      newId[child] = order.length;
      edgeClass[order.length] = c;
      order.push(child);
    }
  }

  const childCount = new Uint8Array(n);
  const overflow: number[] = [];
  const firstChild = new Int32Array(n + 1);
  let next = 1;
  for (let s = 0; s < n; s++) {
    const count = kids[order[s]!]!.size;
    firstChild[s] = next;
    next += count;
    if (count >= CHILD_OVERFLOW) {
      childCount[s] = CHILD_OVERFLOW;
      overflow.push(s, count);
    } else childCount[s] = count;
  }
  firstChild[n] = next;

  const goto = (s: number, c: number): number => {
    let lo = firstChild[s]!;
    let hi = firstChild[s + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = edgeClass[mid]!;
      if (e === c) return mid;
      if (e < c) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  };
  // Classic BFS failure links: the longest proper suffix that is also a trie path.
  const fail = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    for (let t = firstChild[s]!, end = firstChild[s + 1]!; t < end; t++) {
      if (s === 0) continue;
      const c = edgeClass[t]!;
      let f = fail[s]!;
      for (;;) {
        const g = goto(f, c);
        if (g >= 0) { fail[t] = g; break; }
        if (f === 0) { fail[t] = 0; break; }
        f = fail[f]!;
      }
    }
  }

  // Raw text unit -> class, for every unit whose fold lands in the alphabet.
  const pairUnits: number[] = [];
  const pairIds: number[] = [];
  for (let u = 0; u < 0x10000; u++) {
    const c = isTransparentUnit(u) ? TRANSPARENT_CLASS : classOfUnit.get(foldUnit(u));
    if (c !== undefined) { pairUnits.push(u); pairIds.push(c); }
  }

  return {
    numStates: n,
    numClasses: units.length,
    sepClass,
    classUnits: Uint16Array.from(pairUnits),
    classIds: Uint16Array.from(pairIds),
    childCount,
    childOverflow: Int32Array.from(overflow),
    edgeClass,
    fail,
    terminalOf: Int32Array.from(keyNode, (old) => newId[old]!),
  };
}
