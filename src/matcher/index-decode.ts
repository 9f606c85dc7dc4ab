/**
 * Turns an index (bytes and text) into the tables the scan reads. Everything is a view over
 * the bytes or a table over the text (the entity ids are split on first use), so loading costs
 * the same on a cold page as on a warm one. The class table starts empty: a block of 256 units
 * reads as 0 until the scan first meets one of its units and fills it in from the class runs
 * (fillClassBlock). A page in English fills two or three blocks; the rest stay untouched.
 * The checks here are the cheap ones (lengths and totals); the per-state ones ran when the
 * index was built (index-verify).
 */
import type { Automaton } from './automaton';
import { CLASS_BLOCK_BITS, Meta, readSections, type MatchIndex, type Sections, type TextTable } from './index-format';

export interface DecodedIndex extends Automaton {
  s: Sections;
  numStates: number;
  numClasses: number;
  boundaryClass: number;
  firstGlueClass: number;
  glueOutsideClass: number;
  /** Text unit -> class; 0 in a block that fillClassBlock has not filled in yet. */
  classOf: Uint16Array;
  /** Per block of classOf (a unit's block is unit >> CLASS_BLOCK_BITS): 1 once filled in. */
  classBlocks: Uint8Array;
  outMask: Uint8Array;
  termMask: TextTable;
  fail: TextTable;
  terminals: TextTable;
  termRecStart: TextTable;
  recCaseStart: TextTable;
  recSenseStart: TextTable;
  senseRefStart: TextTable;
  /** Where each entity id starts in the joined ids, found on first use (entityIdAt): a page without hits never needs them. */
  entityIdStarts: Int32Array | undefined;
}

export function decodeIndex(index: MatchIndex): DecodedIndex {
  const s = readSections(index);
  const meta = (i: number): number => s.meta[i] ?? -1;
  const classOf = new Uint16Array(0x10000);
  const d: DecodedIndex = {
    s,
    text: index.text,
    firstChildAt: s.firstChild.start,
    edgeClassAt: s.edgeClass.start,
    failAt: s.fail.start,
    wordRowsAt: s.wordRows.start,
    wide: s.firstChild.wide,
    numStates: meta(Meta.numStates),
    numClasses: meta(Meta.numClasses),
    sepClass: meta(Meta.sepClass),
    boundaryClass: meta(Meta.boundaryClass),
    firstGlueClass: meta(Meta.firstGlueClass),
    glueOutsideClass: meta(Meta.glueOutsideClass),
    classOf,
    classBlocks: new Uint8Array(0x10000 >> CLASS_BLOCK_BITS),
    fail: s.fail,
    outMask: s.outMask,
    termMask: s.termMask,
    rootNext: s.rootNext,
    boundaryState: meta(Meta.boundaryState),
    boundaryNext: s.boundaryNext,
    wordRowFirst: meta(Meta.wordRowFirst),
    wordRowCount: meta(Meta.wordRowCount),
    wordRowWidth: meta(Meta.wordRowWidth),
    terminals: s.terminals,
    termRecStart: s.termRecStart,
    recCaseStart: s.recCaseStart,
    recSenseStart: s.recSenseStart,
    senseRefStart: s.senseRefStart,
    entityIdStarts: undefined,
  };
  checkShape(d);
  return d;
}

/**
 * Entity id `i`. The ids are one text joined by "\n"; the first call finds where each starts,
 * instead of splitting them all: 5,900 strings in fresh memory, which a profile put at 0.86 ms
 * of a page's pass.
 */
export function entityIdAt(d: DecodedIndex, i: number): string {
  const ids = d.s.entityIds;
  let starts = d.entityIdStarts;
  if (starts === undefined) {
    const n = d.s.entityTypes.length;
    starts = new Int32Array(n + 1);
    let at = 0;
    let ok = (n === 0) === (ids.length === 0);
    for (let k = 0; k < n && ok; k++) {
      starts[k] = at;
      const nl = ids.indexOf('\n', at);
      // Only the last id has no "\n" after it.
      ok = (nl < 0) === (k === n - 1);
      at = nl < 0 ? ids.length + 1 : nl + 1;
    }
    if (!ok) throw new Error('match index: inconsistent tables');
    starts[n] = at;
    d.entityIdStarts = starts;
  }
  if (!(i >= 0 && i < starts.length - 1)) return '';
  return ids.slice(starts[i], starts[i + 1]! - 1);
}

/** Every entity id, for build-time checks and tests. */
export function entityIdsOf(d: DecodedIndex): string[] {
  return Array.from({ length: d.s.entityTypes.length }, (_, i) => entityIdAt(d, i));
}

/**
 * Fills in the classes of block `block` from the runs; the scan calls it when it first meets a
 * unit of the block. It reads the runs straight from the text and stores unit by unit: block 0
 * alone holds 155 runs, and a TextTable.at() and a fill() call per run made the first fill of a
 * page cost 0.3-0.8 ms, cold in V8's interpreter (a third of a small page's whole pass).
 */
export function fillClassBlock(d: DecodedIndex, block: number): void {
  const { classOf } = d;
  const { classRunStart: runs, classRunClass: classes } = d.s;
  const { text } = runs;
  const runsAt = runs.start;
  const classesAt = classes.start;
  const n = runs.length;
  const from = block << CLASS_BLOCK_BITS;
  const to = from + (1 << CLASS_BLOCK_BITS);
  // The run holding `from`: the last to start at or before it (the first starts at 0).
  let i = 0;
  let hi = n - 1;
  while (i < hi) {
    const mid = (i + hi + 1) >>> 1;
    if (text.charCodeAt(runsAt + mid) <= from) i = mid;
    else hi = mid - 1;
  }
  for (let u = from; u < to; i++) {
    const next = i + 1 < n ? text.charCodeAt(runsAt + i + 1) : 0x10000;
    const end = next < to ? next : to;
    const c = classes.text.charCodeAt(classesAt + i);
    for (; u < end; u++) classOf[u] = c;
  }
  d.classBlocks[block] = 1;
}

/** Lengths and totals agree, so a truncated or mismatched index fails here and not mid-scan. */
function checkShape(d: DecodedIndex): void {
  const { s, numStates: n, numClasses } = d;
  const numRecords = s.meta[Meta.numRecords] ?? -1;
  const numSenses = s.meta[Meta.numSenses] ?? -1;
  const T = d.terminals.length;
  const runs = s.classRunStart;
  const ok =
    s.meta.length === Meta.length &&
    n >= 1 &&
    runs.length === s.classRunClass.length &&
    runs.length >= 1 &&
    runs.at(0) === 0 &&
    s.firstChild.length === n + 1 &&
    s.firstChild.at(n) === n &&
    s.edgeClass.length === n &&
    d.fail.length === n &&
    d.outMask.length === (n + 7) >> 3 &&
    d.termMask.length === (n + 7) >> 3 &&
    d.rootNext.length === numClasses + 1 &&
    d.boundaryNext.length === numClasses + 1 &&
    d.boundaryState >= 0 && d.boundaryState < n &&
    s.wordRows.length === d.wordRowCount * d.wordRowWidth &&
    d.wordRowFirst >= 0 && d.wordRowFirst + d.wordRowCount <= n &&
    d.wordRowWidth <= numClasses + 1 &&
    d.termRecStart.length === T + 1 &&
    d.termRecStart.at(T) === numRecords &&
    [s.recLen, s.recFlags, s.recEdge].every((a) => a.length === numRecords) &&
    d.recCaseStart.length === numRecords + 1 &&
    d.recCaseStart.at(numRecords) === s.recCase.length &&
    d.recSenseStart.length === numRecords + 1 &&
    d.recSenseStart.at(numRecords) === numSenses &&
    [s.senseEntity, s.senseFlags, s.senseLang, s.senseCtxCount].every((a) => a.length === numSenses) &&
    d.senseRefStart.length === numSenses + 1 &&
    d.senseRefStart.at(numSenses) === s.refList.length &&
    s.entityTypes.length === s.meta[Meta.numEntities];
  if (!ok) throw new Error('match index: inconsistent tables');
}
