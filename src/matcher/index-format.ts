/**
 * The binary layout of the match index: a header, a table of sections, and the
 * sections themselves, each 4-byte aligned so the matcher takes typed-array views over
 * the bytes instead of parsing anything. Little-endian, like every platform a browser
 * extension runs on. 32-bit sections are signed (all values < 2^31) because V8 keeps
 * Int32Array loads as small integers where Uint32Array loads may become doubles.
 *
 * Most per-state and per-record facts are sparse or tiny, so they are stored as bitmaps,
 * small counts and deltas; the matcher expands them in a few linear passes (index-decode).
 */

export const MAGIC = 0x584d5342; // "BSMX" read as a little-endian u32
export const FORMAT_VERSION = 4;

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
  length: 9,
} as const;

const SECTION_TYPES = {
  meta: Int32Array,
  /** The class table as runs: units runStart[i] .. runStart[i+1]-1 all have class runClass[i]. */
  classRunStart: Uint16Array,
  classRunClass: Uint16Array,
  /** The folded unit each class stands for (0 for the BOUNDARY symbol and unmatched word units). */
  alphabet: Uint16Array,
  /** The automaton, about two bytes a state: see trie-codec. */
  childMask: Uint8Array,
  childCounts: Uint8Array,
  childOverflow: Int32Array,
  edgeCode: Uint8Array,
  edgeOverflow: Uint16Array,
  failMask: Uint8Array,
  failCodes: Uint8Array,
  failOverflow: Int32Array,
  /** Bit per state: ends at least one alias; termRecCount gives how many records, in state order. */
  termMask: Uint8Array,
  termRecCount: Uint8Array,
  /** Per record (records are in terminal-state order). */
  recLen: Uint16Array,
  recFlags: Uint8Array,
  /** Kind (see char-kind) of the alias's first code point | kind of its last << 4. */
  recEdge: Uint8Array,
  /** How the written alias differs from its fold: see alias-text-codec. */
  recCaseBytes: Uint16Array,
  recCase: Uint8Array,
  recSenseCount: Uint8Array,
  /** Per sense (senses are in record order). */
  senseEntity: Uint16Array,
  senseFlags: Uint8Array,
  senseLang: Uint8Array,
  senseCtxCount: Uint8Array,
  senseAmbCount: Uint8Array,
  /** Entity indexes: each sense's needsContext, then its ambiguousWith. */
  refList: Uint16Array,
  entityTypes: Uint8Array,
  /** UTF-8, joined by "\n". */
  entityIds: Uint8Array,
  langs: Uint8Array,
} as const;

type SectionTypes = typeof SECTION_TYPES;
export type SectionName = keyof SectionTypes;
type ViewOf<C> = C extends Uint8ArrayConstructor ? Uint8Array : C extends Uint16ArrayConstructor ? Uint16Array : Int32Array;
export type Sections = { [K in SectionName]: ViewOf<SectionTypes[K]> };

const NAMES = Object.keys(SECTION_TYPES) as SectionName[];
const HEADER_WORDS = 3 + 2 * NAMES.length;

const align4 = (n: number): number => (n + 3) & ~3;

export function writeSections(sections: Sections): Uint8Array {
  let size = HEADER_WORDS * 4;
  const offsets: number[] = [];
  for (const name of NAMES) {
    offsets.push(size);
    size = align4(size + sections[name].byteLength);
  }
  const out = new Uint8Array(size);
  const header = new Int32Array(out.buffer, 0, HEADER_WORDS);
  header[0] = MAGIC;
  header[1] = FORMAT_VERSION;
  header[2] = NAMES.length;
  NAMES.forEach((name, i) => {
    const arr = sections[name];
    const at = offsets[i]!;
    header[3 + 2 * i] = at;
    header[4 + 2 * i] = arr.length;
    out.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), at);
  });
  return out;
}

export function readSections(input: Uint8Array): Sections {
  // Typed-array views need aligned offsets; a copy is the rare fallback (e.g. a pooled Node Buffer).
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < HEADER_WORDS * 4) throw new Error('match index: truncated header');
  const header = new Int32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  if (header[0] !== MAGIC) throw new Error('match index: bad magic (not an index, or a big-endian host)');
  if (header[1] !== FORMAT_VERSION) throw new Error(`match index: version ${header[1]}, expected ${FORMAT_VERSION}`);
  if (header[2] !== NAMES.length) throw new Error('match index: section count mismatch');
  const result: Partial<Record<SectionName, unknown>> = {};
  NAMES.forEach((name, i) => {
    const Ctor = SECTION_TYPES[name];
    const at = header[3 + 2 * i]!;
    const length = header[4 + 2 * i]!;
    if (at < 0 || length < 0 || at + length * Ctor.BYTES_PER_ELEMENT > bytes.byteLength) {
      throw new Error(`match index: section ${name} out of range`);
    }
    const View = Ctor as unknown as new (buffer: ArrayBufferLike, offset: number, length: number) => unknown;
    result[name] = new View(bytes.buffer, bytes.byteOffset + at, length);
  });
  return result as Sections;
}

/** Calls `each(i, rank)` for every set bit i of `mask` below `n`, rank counting from 0. */
export function forEachSetBit(mask: Uint8Array, n: number, each: (i: number, rank: number) => void): void {
  let rank = 0;
  for (let byte = 0; byte < mask.length; byte++) {
    let bits = mask[byte]!;
    while (bits !== 0) {
      const low = bits & -bits;
      const i = (byte << 3) + (31 - Math.clz32(low));
      if (i < n) each(i, rank++);
      bits ^= low;
    }
  }
}

/** Start offsets from counts: out[i] = counts[0] + ... + counts[i-1], out[n] = total. */
export function prefixSums(counts: ArrayLike<number>): Int32Array {
  const out = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) out[i + 1] = out[i]! + counts[i]!;
  return out;
}
