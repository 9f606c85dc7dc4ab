/**
 * Turns an index (bytes and text) into the tables the scan reads. Everything is a view over
 * the bytes or a table over the text: the only work is one copy of the low class table (the
 * entity ids are split on first use), so loading costs the same on a cold page as on a warm one.
 * The classes of units from U+3000 up read as 0 until the scan first meets such a unit with a
 * class and fills them in from their runs (completeClasses): most pages never do, and the
 * 106 KB they take stay untouched. The checks here are the cheap ones (lengths and totals); the
 * per-state ones ran when the index was built (index-verify).
 */
import type { Automaton } from './automaton';
import { CLASS_LOW_UNITS, Meta, readSections, type MatchIndex, type Sections, type TextTable } from './index-format';

export interface DecodedIndex extends Automaton {
  s: Sections;
  numStates: number;
  numClasses: number;
  boundaryClass: number;
  firstGlueClass: number;
  glueOutsideClass: number;
  /** Text unit -> class; 0 from CLASS_LOW_UNITS up until completeClasses has run. */
  classOf: Uint16Array;
  /** completeClasses has not run yet. */
  classesPending: boolean;
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
  classOf.set(s.classLow);
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
    classesPending: true,
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
 * The class of a unit from CLASS_LOW_UNITS up, read from the runs. The scan asks before it fills
 * them all in: emoji (surrogates) and icon fonts (private use) have none, and they are what
 * most pages in Latin script hold up there.
 */
export function highClassOf(d: DecodedIndex, unit: number): number {
  return d.s.classRunClass.at(d.s.classRunStart.lastAtMost(unit));
}

/** Fills in the classes from CLASS_LOW_UNITS up; the scan calls it when it meets the first such unit that has one. */
export function completeClasses(d: DecodedIndex): void {
  const { classOf, s } = d;
  const runs = s.classRunStart;
  for (let i = 0; i < runs.length; i++) {
    const end = i + 1 < runs.length ? runs.at(i + 1) : 0x10000;
    classOf.fill(s.classRunClass.at(i), runs.at(i), end);
  }
  d.classesPending = false;
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
    s.classLow.length === CLASS_LOW_UNITS &&
    runs.length === s.classRunClass.length &&
    runs.length >= 1 &&
    runs.at(0) === CLASS_LOW_UNITS &&
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
