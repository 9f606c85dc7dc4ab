/**
 * The binary layout of the match index: a header, a table of sections, and the
 * sections themselves, each 4-byte aligned. The index holds the automaton and the alias
 * table exactly as the scan reads them, so loading it on a page is a base64 decode and a
 * few dozen typed-array views: no per-state or per-record pass, which on a cold page cost
 * more than the whole scan. Every table is computed and checked at build time
 * (index-layout, index-verify). Little-endian, like every platform a browser extension
 * runs on.
 *
 * State numbers and table offsets ("wide" sections) are 16-bit while every one of them
 * fits, and 32-bit beyond; one index uses one width throughout, so the scan's reads stay
 * monomorphic. 32-bit sections are signed (all values < 2^31) because V8 keeps Int32Array loads as
 * small integers where Uint32Array loads may become doubles.
 */

export const MAGIC = 0x584d5342; // "BSMX" read as a little-endian u32
export const FORMAT_VERSION = 5;

/** Class ids beyond the alphabet: 0 = non-word unit in no alias; TRANSPARENT = skipped. */
export const NO_CLASS = 0;
export const TRANSPARENT_CLASS = 0xffff;

export const RecFlag = { insensitive: 1, multiWord: 2 } as const;
export const SenseFlag = { personName: 1, usPlace: 2, commonWord: 4, needsContext: 8, implied: 16 } as const;

/** Indexes into the meta section. */
export const Meta = {
  numStates: 0,
  numClasses: 1,
  sepClass: 2,
  boundaryClass: 3,
  firstGlueClass: 4,
  glueOutsideClass: 5,
  numRecords: 6,
  numSenses: 7,
  numEntities: 8,
  boundaryState: 9,
  wordRowFirst: 10,
  wordRowCount: 11,
  wordRowWidth: 12,
  length: 13,
} as const;

/** A state-number or offset array: Uint16Array or Int32Array, chosen per index by its size. */
export type StateArray = Uint16Array | Int32Array;

type Kind = 'u8' | 'u16' | 'i32' | 'wide';

const SECTION_KINDS = {
  meta: 'i32',
  /** The class table as runs: units runStart[i] .. runStart[i+1]-1 all have class runClass[i]. */
  classRunStart: 'u16',
  classRunClass: 'u16',
  /** The folded unit each class stands for (0 for the BOUNDARY symbol and unmatched word units). */
  alphabet: 'u16',
  /**
   * The automaton, states in breadth-first order with each state's children contiguous and
   * sorted by class: state s's edges are firstChild[s] .. firstChild[s+1]-1, and edgeClass[t]
   * is the class of the edge into t (see trie-builder).
   */
  firstChild: 'wide',
  edgeClass: 'u16',
  fail: 'wide',
  /** Bit per state: some state on its failure chain (itself included) ends an alias. */
  outMask: 'u8',
  /** Bit per state: the state itself ends an alias. */
  termMask: 'u8',
  /** Complete transition rows for the two states every word passes: the root and root+BOUNDARY. */
  rootNext: 'wide',
  boundaryNext: 'wide',
  /** Complete rows, over classes below wordRowWidth, for the states one letter into a word. */
  wordRows: 'wide',
  /** Terminal states ascending (a state's rank is found by binary search); terminal g owns records termRecStart[g] .. termRecStart[g+1]-1. */
  terminals: 'wide',
  termRecStart: 'wide',
  /** Per record (records are in terminal-state order). */
  recLen: 'u16',
  recFlags: 'u8',
  /** Kind (see char-kind) of the alias's first code point | kind of its last << 4. */
  recEdge: 'u8',
  /** Record r's case bytes (see alias-text-codec) are recCase[recCaseStart[r] .. recCaseStart[r+1]]. */
  recCaseStart: 'wide',
  recCase: 'u8',
  /** Record r's senses are recSenseStart[r] .. recSenseStart[r+1]-1. */
  recSenseStart: 'wide',
  /** Per sense. */
  senseEntity: 'u16',
  senseFlags: 'u8',
  senseLang: 'u8',
  /** Sense k's needsContext refs are refList[senseRefStart[k] ..] (senseCtxCount[k] of them), its ambiguousWith refs after them. */
  senseRefStart: 'wide',
  senseCtxCount: 'u8',
  /** Entity indexes. */
  refList: 'u16',
  entityTypes: 'u8',
  /** UTF-8, joined by "\n". */
  entityIds: 'u8',
  langs: 'u8',
} as const satisfies Record<string, Kind>;

type SectionKinds = typeof SECTION_KINDS;
export type SectionName = keyof SectionKinds;
type ViewOf<K extends Kind> = K extends 'u8' ? Uint8Array : K extends 'u16' ? Uint16Array : K extends 'i32' ? Int32Array : StateArray;
export type Sections = { [K in SectionName]: ViewOf<SectionKinds[K]> };

const NAMES = Object.keys(SECTION_KINDS) as SectionName[];
/** magic, version, section count, bytes per element of the wide sections, then (offset, length) per section. */
const HEADER_WORDS = 4 + 2 * NAMES.length;

const align4 = (n: number): number => (n + 3) & ~3;

type ViewCtor = new (buffer: ArrayBufferLike, offset: number, length: number) => Uint8Array | Uint16Array | Int32Array;

function ctorOf(kind: Kind, wideBytes: number): ViewCtor & { BYTES_PER_ELEMENT: number } {
  if (kind === 'wide') return wideBytes === 2 ? Uint16Array : Int32Array;
  return kind === 'u8' ? Uint8Array : kind === 'u16' ? Uint16Array : Int32Array;
}

/** The width of the wide sections, given the largest value they hold. */
export function wideBytesFor(largest: number): 2 | 4 {
  return largest <= 0xffff ? 2 : 4;
}

export function writeSections(sections: Sections, wideBytes: 2 | 4): Uint8Array {
  let size = HEADER_WORDS * 4;
  const offsets: number[] = [];
  for (const name of NAMES) {
    const arr = sections[name];
    const want = ctorOf(SECTION_KINDS[name], wideBytes);
    if (!(arr instanceof want)) throw new Error(`match index: section ${name} is not a ${want.name}`);
    offsets.push(size);
    size = align4(size + arr.byteLength);
  }
  const out = new Uint8Array(size);
  const header = new Int32Array(out.buffer, 0, HEADER_WORDS);
  header[0] = MAGIC;
  header[1] = FORMAT_VERSION;
  header[2] = NAMES.length;
  header[3] = wideBytes;
  NAMES.forEach((name, i) => {
    const arr = sections[name];
    const at = offsets[i]!;
    header[4 + 2 * i] = at;
    header[5 + 2 * i] = arr.length;
    out.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), at);
  });
  return out;
}

export function readSections(input: Uint8Array): Sections {
  // Typed-array views need aligned offsets; a copy is the rare fallback (e.g. a pooled Node Buffer).
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < 16) throw new Error('match index: truncated header');
  const head = new Int32Array(bytes.buffer, bytes.byteOffset, 4);
  if (head[0] !== MAGIC) throw new Error('match index: bad magic (not an index, or a big-endian host)');
  if (head[1] !== FORMAT_VERSION) throw new Error(`match index: version ${head[1]}, expected ${FORMAT_VERSION}`);
  if (head[2] !== NAMES.length) throw new Error('match index: section count mismatch');
  const wideBytes = head[3]!;
  if (wideBytes !== 2 && wideBytes !== 4) throw new Error('match index: bad section width');
  if (bytes.byteLength < HEADER_WORDS * 4) throw new Error('match index: truncated header');
  const header = new Int32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  const result: Partial<Record<SectionName, unknown>> = {};
  NAMES.forEach((name, i) => {
    const Ctor = ctorOf(SECTION_KINDS[name], wideBytes);
    const at = header[4 + 2 * i]!;
    const length = header[5 + 2 * i]!;
    if (at < 0 || at % 4 !== 0 || length < 0 || at + length * Ctor.BYTES_PER_ELEMENT > bytes.byteLength) {
      throw new Error(`match index: section ${name} out of range`);
    }
    result[name] = new Ctor(bytes.buffer, bytes.byteOffset + at, length);
  });
  return result as Sections;
}

/** A bitmap of `n` bits with the given ones set. */
export function bitmap(n: number, ones: Iterable<number>): Uint8Array {
  const out = new Uint8Array((n + 7) >> 3);
  for (const i of ones) out[i >> 3]! |= 1 << (i & 7);
  return out;
}

/** Start offsets from counts: out[i] = counts[0] + ... + counts[i-1], out[n] = total. */
export function prefixSums(counts: ArrayLike<number>): Int32Array {
  const out = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) out[i + 1] = out[i]! + counts[i]!;
  return out;
}
