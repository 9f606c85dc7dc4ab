/**
 * Turns the index sections into the tables the scan loop reads. Everything here is a
 * typed-array view or one linear pass over states or records: no parsing, no per-alias
 * objects, so a page pays well under a millisecond per thousand aliases.
 */
import { forEachSetBit, Meta, prefixSums, readSections, type Sections } from './index-format';
import { step } from './automaton';
import { decodeTrie } from './trie-codec';

/** Classes past the non-word ones given complete rows one letter into a word: digits and Latin letters. */
const WORD_ROW_CLASSES = 48;

export interface DecodedIndex {
  s: Sections;
  numStates: number;
  numClasses: number;
  sepClass: number;
  boundaryClass: number;
  firstGlueClass: number;
  glueOutsideClass: number;
  /** Text unit -> class. */
  classOf: Uint16Array;
  firstChild: Int32Array;
  edgeClass: Uint16Array;
  fail: Int32Array;
  /**
   * For the nearest state on the failure chain (itself included) that ends an alias:
   * its rank among terminal states + 1; 0 if there is none.
   */
  dict: Int32Array;
  /** Complete transition rows for the two states every word passes: the root and root+BOUNDARY. */
  rootNext: Int32Array;
  boundaryState: number;
  boundaryNext: Int32Array;
  /** Complete rows, over classes below wordRowWidth, for states wordRowFirst .. + wordRowCount - 1. */
  wordRows: Int32Array;
  wordRowFirst: number;
  wordRowCount: number;
  wordRowWidth: number;
  /** Terminal states ascending; terminal g owns records termRecStart[g] .. termRecStart[g+1]. */
  terminals: Int32Array;
  termRecStart: Int32Array;
  recCaseStart: Int32Array;
  recSenseStart: Int32Array;
  /** Sense k's needsContext refs start at senseRefStart[k], its ambiguousWith refs after them. */
  senseRefStart: Int32Array;
  entityIds: string[];
}

export function decodeIndex(bytes: Uint8Array): DecodedIndex {
  const s = readSections(bytes);
  const meta = (i: number): number => s.meta[i] ?? 0;
  const numStates = meta(Meta.numStates);
  const numClasses = meta(Meta.numClasses);
  const { firstChild, edgeClass, fail } = decodeTrie(s);
  if (firstChild.length !== numStates + 1) throw new Error('match index: inconsistent states');

  const classOf = new Uint16Array(0x10000);
  const runs = s.classRunStart;
  for (let i = 0; i < runs.length; i++) classOf.fill(s.classRunClass[i]!, runs[i]!, runs[i + 1] ?? 0x10000);

  const terminals: number[] = [];
  forEachSetBit(s.termMask, numStates, (st) => terminals.push(st));
  const dict = new Int32Array(numStates);
  terminals.forEach((t, rank) => { dict[t] = rank + 1; });
  for (let st = 1; st < numStates; st++) if (dict[st] === 0) dict[st] = dict[fail[st]!]!;

  const rootNext = new Int32Array(numClasses + 1);
  for (let t = firstChild[0] ?? 0, end = firstChild[1] ?? 0; t < end; t++) rootNext[edgeClass[t]!] = t;
  const boundaryClass = meta(Meta.boundaryClass);
  const boundaryState = rootNext[boundaryClass] ?? 0;
  // The boundary state fails to the root, so its row falls back to the root's.
  const boundaryNext = rootNext.slice();
  if (boundaryState !== 0) {
    for (let t = firstChild[boundaryState]!, end = firstChild[boundaryState + 1]!; t < end; t++) boundaryNext[edgeClass[t]!] = t;
  }

  const refCounts = Array.from(s.senseCtxCount, (c, k) => c + (s.senseAmbCount[k] ?? 0));
  const idText = new TextDecoder().decode(s.entityIds);
  const d: DecodedIndex = {
    s,
    numStates,
    numClasses,
    sepClass: meta(Meta.sepClass),
    boundaryClass,
    firstGlueClass: meta(Meta.firstGlueClass),
    glueOutsideClass: meta(Meta.glueOutsideClass),
    classOf,
    firstChild,
    edgeClass,
    fail,
    dict,
    rootNext,
    boundaryState,
    boundaryNext,
    wordRows: new Int32Array(0),
    wordRowFirst: 0,
    wordRowCount: 0,
    wordRowWidth: 0,
    terminals: Int32Array.from(terminals),
    termRecStart: prefixSums(s.termRecCount),
    recCaseStart: prefixSums(s.recCaseBytes),
    recSenseStart: prefixSums(s.recSenseCount),
    senseRefStart: prefixSums(refCounts),
    entityIds: idText.length === 0 ? [] : idText.split('\n'),
  };
  validate(d);
  addWordRows(d);
  return d;
}

/** Cheap consistency checks, so a damaged index fails here and not mid-scan. */
function validate(d: DecodedIndex): void {
  const { s } = d;
  const numRecords = s.meta[Meta.numRecords];
  const ok =
    s.recLen.length === numRecords &&
    [s.recFlags, s.recEdge, s.recCaseBytes, s.recSenseCount].every((a) => a.length === numRecords) &&
    d.termRecStart[d.terminals.length] === numRecords &&
    d.recCaseStart[numRecords] === s.recCase.length &&
    d.recSenseStart[numRecords] === s.senseEntity.length &&
    d.senseRefStart[s.senseEntity.length] === s.refList.length &&
    d.entityIds.length === s.meta[Meta.numEntities] &&
    s.entityTypes.length === d.entityIds.length &&
    s.senseEntity.every((e) => e < d.entityIds.length) &&
    s.refList.every((e) => e < d.entityIds.length);
  if (!ok) throw new Error('match index: inconsistent alias table');
}

/**
 * Every word of the page passes a state "one letter into a word", which has the most
 * children of any state below the root: give the Latin ones complete rows (a few KB).
 */
function addWordRows(d: DecodedIndex): void {
  if (d.boundaryState === 0) return;
  const first = d.firstChild[d.boundaryState]!;
  const end = d.firstChild[d.boundaryState + 1]!;
  const width = Math.min(d.numClasses + 1, d.firstGlueClass + WORD_ROW_CLASSES);
  let count = 0;
  while (first + count < end && d.edgeClass[first + count]! < width) count++;
  const rows = new Int32Array(count * width);
  for (let r = 0; r < count; r++) for (let c = 0; c < width; c++) rows[r * width + c] = step(d, first + r, c);
  d.wordRows = rows;
  d.wordRowFirst = first;
  d.wordRowCount = count;
  d.wordRowWidth = width;
}
