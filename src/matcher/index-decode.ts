/**
 * Turns the index bytes into the tables the scan reads. Everything is a typed-array view
 * over the bytes: the only work is filling the 64K class table from its runs and splitting
 * the entity ids, so loading costs the same on a cold page as on a warm one. The checks
 * here are the cheap ones (lengths and totals); the per-state ones ran when the index was
 * built (index-verify).
 */
import type { Automaton } from './automaton';
import { Meta, readSections, type Sections, type StateArray } from './index-format';

export interface DecodedIndex extends Automaton {
  s: Sections;
  numStates: number;
  numClasses: number;
  boundaryClass: number;
  firstGlueClass: number;
  glueOutsideClass: number;
  /** Text unit -> class. */
  classOf: Uint16Array;
  outMask: Uint8Array;
  termMask: Uint8Array;
  terminals: StateArray;
  termRecStart: StateArray;
  recCaseStart: StateArray;
  recSenseStart: StateArray;
  senseRefStart: StateArray;
  entityIds: string[];
}

export function decodeIndex(bytes: Uint8Array): DecodedIndex {
  const s = readSections(bytes);
  const meta = (i: number): number => s.meta[i] ?? -1;
  const classOf = new Uint16Array(0x10000);
  const runs = s.classRunStart;
  for (let i = 0; i < runs.length; i++) classOf.fill(s.classRunClass[i]!, runs[i]!, runs[i + 1] ?? 0x10000);
  const idText = new TextDecoder().decode(s.entityIds);
  const d: DecodedIndex = {
    s,
    numStates: meta(Meta.numStates),
    numClasses: meta(Meta.numClasses),
    sepClass: meta(Meta.sepClass),
    boundaryClass: meta(Meta.boundaryClass),
    firstGlueClass: meta(Meta.firstGlueClass),
    glueOutsideClass: meta(Meta.glueOutsideClass),
    classOf,
    firstChild: s.firstChild,
    edgeClass: s.edgeClass,
    fail: s.fail,
    outMask: s.outMask,
    termMask: s.termMask,
    rootNext: s.rootNext,
    boundaryState: meta(Meta.boundaryState),
    boundaryNext: s.boundaryNext,
    wordRows: s.wordRows,
    wordRowFirst: meta(Meta.wordRowFirst),
    wordRowCount: meta(Meta.wordRowCount),
    wordRowWidth: meta(Meta.wordRowWidth),
    terminals: s.terminals,
    termRecStart: s.termRecStart,
    recCaseStart: s.recCaseStart,
    recSenseStart: s.recSenseStart,
    senseRefStart: s.senseRefStart,
    entityIds: idText.length === 0 ? [] : idText.split('\n'),
  };
  checkShape(d);
  return d;
}

/** Lengths and totals agree, so a truncated or mismatched index fails here and not mid-scan. */
function checkShape(d: DecodedIndex): void {
  const { s, numStates: n, numClasses } = d;
  const numRecords = s.meta[Meta.numRecords] ?? -1;
  const numSenses = s.meta[Meta.numSenses] ?? -1;
  const T = d.terminals.length;
  const ok =
    s.meta.length === Meta.length &&
    n >= 1 &&
    d.firstChild.length === n + 1 &&
    d.firstChild[n] === n &&
    d.edgeClass.length === n &&
    d.fail.length === n &&
    d.outMask.length === (n + 7) >> 3 &&
    d.termMask.length === (n + 7) >> 3 &&
    d.rootNext.length === numClasses + 1 &&
    d.boundaryNext.length === numClasses + 1 &&
    d.boundaryState >= 0 && d.boundaryState < n &&
    d.wordRows.length === d.wordRowCount * d.wordRowWidth &&
    d.wordRowFirst >= 0 && d.wordRowFirst + d.wordRowCount <= n &&
    d.wordRowWidth <= numClasses + 1 &&
    d.termRecStart.length === T + 1 &&
    d.termRecStart[T] === numRecords &&
    [s.recLen, s.recFlags, s.recEdge].every((a) => a.length === numRecords) &&
    d.recCaseStart.length === numRecords + 1 &&
    d.recCaseStart[numRecords] === s.recCase.length &&
    d.recSenseStart.length === numRecords + 1 &&
    d.recSenseStart[numRecords] === numSenses &&
    [s.senseEntity, s.senseFlags, s.senseLang, s.senseCtxCount].every((a) => a.length === numSenses) &&
    d.senseRefStart.length === numSenses + 1 &&
    d.senseRefStart[numSenses] === s.refList.length &&
    d.entityIds.length === s.meta[Meta.numEntities] &&
    s.entityTypes.length === d.entityIds.length;
  if (!ok) throw new Error('match index: inconsistent tables');
}
