/**
 * Build-time Aho–Corasick automaton over alias keys.
 *
 * A key is the folded alias with a BOUNDARY symbol before every word start (a word
 * character after a non-word one), and the matcher feeds the same symbol into the
 * automaton at every word start of the page text. So "us" can only be reached at the
 * start of a word: "thus" and "focus" never reach it, mid-word text falls straight back
 * to the root, and the start boundary is enforced by the automaton itself. Scripts
 * without spaces (Han, kana, Thai...) are not word characters here and need no symbol.
 *
 * Layout: states are numbered breadth-first with each state's children contiguous and
 * sorted by class, so a state's edges are the slice firstChild[s] .. firstChild[s+1] of
 * `edgeClass` (the class of each state's incoming edge). BFS order also guarantees
 * fail[s] < s, which lets index-layout derive output links in one pass. index-format
 * stores these arrays as they are, in the index text, for the page to read in place.
 */
import { Kind, kindOf } from './char-kind';
import { NO_CLASS, TRANSPARENT_CLASS } from './index-format';
import { foldUnit, isTransparentUnit, SPACE } from './normalize';

export const BOUNDARY_SYMBOL = -1;

/** Letters, digits and marks of scripts written with spaces: the ones a word boundary is about. */
export function isGlueUnit(u: number): boolean {
  const k = kindOf(u);
  return k === Kind.Word || k === Kind.Mark || k === Kind.Hangul;
}

/** The automaton key of a normalized alias: folded units with BOUNDARY before each word start. */
export function aliasKey(text: string): number[] {
  const key: number[] = [];
  let prevGlue = false;
  for (let i = 0; i < text.length; i++) {
    const f = foldUnit(text.charCodeAt(i));
    const glue = isGlueUnit(f);
    if (glue && !prevGlue) key.push(BOUNDARY_SYMBOL);
    key.push(f);
    prevGlue = glue;
  }
  return key;
}

export interface BuiltTrie {
  numStates: number;
  /** Largest class id in use (GLUE_OUTSIDE). */
  numClasses: number;
  sepClass: number;
  boundaryClass: number;
  firstGlueClass: number;
  glueOutsideClass: number;
  /** The class of every BMP unit, as runs: units classRunStart[i] .. classRunStart[i+1]-1 have classRunClass[i]. */
  classRunStart: Uint16Array;
  classRunClass: Uint16Array;
  /** Class id -> the folded unit it stands for. */
  alphabet: Uint16Array;
  firstChild: Int32Array;
  edgeClass: Uint16Array;
  fail: Int32Array;
  /** The terminal state of each key, aligned with the input keys. */
  terminalOf: Int32Array;
}

/**
 * Class ids: 1.. the non-word units, then BOUNDARY, then the word units, then one class
 * for word units in no alias. The matcher tells word from non-word by one comparison.
 */
function assignClasses(keys: readonly number[][]) {
  const seen = new Set<number>();
  for (const k of keys) for (const u of k) if (u !== BOUNDARY_SYMBOL) seen.add(u);
  const units = [...seen].sort((a, b) => a - b);
  const nonGlue = units.filter((u) => !isGlueUnit(u));
  const glue = units.filter(isGlueUnit);
  const classOfUnit = new Map<number, number>();
  nonGlue.forEach((u, i) => classOfUnit.set(u, i + 1));
  const boundaryClass = nonGlue.length + 1;
  glue.forEach((u, i) => classOfUnit.set(u, boundaryClass + 1 + i));
  const glueOutsideClass = boundaryClass + glue.length + 1;
  if (glueOutsideClass >= TRANSPARENT_CLASS) throw new Error('match index: alphabet too large');
  classOfUnit.set(BOUNDARY_SYMBOL, boundaryClass);
  // With no multi-word alias there is no separator class; an id no unit has stands in.
  const sepClass = classOfUnit.get(SPACE) ?? glueOutsideClass + 1;
  const alphabet = new Uint16Array(glueOutsideClass + 1);
  for (const [u, c] of classOfUnit) if (u !== BOUNDARY_SYMBOL) alphabet[c] = u;
  return { classOfUnit, boundaryClass, firstGlueClass: boundaryClass + 1, glueOutsideClass, sepClass, alphabet };
}

/** Raw text unit -> class, as runs over the BMP. */
function classTables(classOfUnit: Map<number, number>, glueOutsideClass: number) {
  const starts: number[] = [];
  const classes: number[] = [];
  let prev = -1;
  for (let u = 0; u < 0x10000; u++) {
    const c = isTransparentUnit(u)
      ? TRANSPARENT_CLASS
      : classOfUnit.get(foldUnit(u)) ?? (isGlueUnit(u) ? glueOutsideClass : NO_CLASS);
    if (c !== prev) { starts.push(u); classes.push(c); prev = c; }
  }
  return { classRunStart: Uint16Array.from(starts), classRunClass: Uint16Array.from(classes) };
}

/** `keys` come from aliasKey and are non-empty. */
export function buildTrie(keys: readonly number[][]): BuiltTrie {
  const cls = assignClasses(keys);
  const kids: Map<number, number>[] = [new Map()];
  const keyNode: number[] = [];
  for (const k of keys) {
    let s = 0;
    for (const u of k) {
      const c = cls.classOfUnit.get(u)!;
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
  const firstChild = new Int32Array(n + 1);
  for (let head = 0; head < order.length; head++) {
    const sorted = [...kids[order[head]!]!.entries()].sort((a, b) => a[0] - b[0]);
    firstChild[head] = order.length;
    for (const [c, child] of sorted) {
      newId[child] = order.length;
      edgeClass[order.length] = c;
      order.push(child);
    }
  }
  firstChild[n] = n;

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
  for (let s = 1; s < n; s++) {
    for (let t = firstChild[s]!, end = firstChild[s + 1]!; t < end; t++) {
      const c = edgeClass[t]!;
      for (let f = fail[s]!; ; f = fail[f]!) {
        const g = goto(f, c);
        if (g >= 0) { fail[t] = g; break; }
        if (f === 0) break;
      }
    }
  }

  return {
    numStates: n,
    numClasses: cls.glueOutsideClass,
    sepClass: cls.sepClass,
    boundaryClass: cls.boundaryClass,
    firstGlueClass: cls.firstGlueClass,
    glueOutsideClass: cls.glueOutsideClass,
    ...classTables(cls.classOfUnit, cls.glueOutsideClass),
    alphabet: cls.alphabet,
    firstChild,
    edgeClass,
    fail,
    terminalOf: Int32Array.from(keyNode, (old) => newId[old]!),
  };
}
