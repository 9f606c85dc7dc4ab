/**
 * The binary layout of the match index: a header, a table of sections, and the
 * sections themselves, each 4-byte aligned so the matcher can take typed-array views
 * over the bytes instead of parsing anything. Little-endian, like every platform
 * a browser extension runs on. 32-bit sections are signed (all values < 2^31) because V8
 * keeps Int32Array loads as small integers where Uint32Array loads may become doubles.
 */

export const MAGIC = 0x584d5342; // "BSMX" read as a little-endian u32
export const FORMAT_VERSION = 1;

/** Class ids: 0 = unit in no alias, TRANSPARENT = unit the automaton steps over. */
export const NO_CLASS = 0;
export const TRANSPARENT_CLASS = 0xffff;
export const NO_SEPARATOR_CLASS = 0xfffe;
/** childCount value meaning "look the count up in childOverflow". */
export const CHILD_OVERFLOW = 0xff;

export const RecFlag = { insensitive: 1, multiWord: 2 } as const;
export const SenseFlag = { personName: 1, usPlace: 2, commonWord: 4, needsContext: 8, implied: 16 } as const;

const SECTION_TYPES = {
  /** numStates, numClasses, sepClass, numTerminals, numRecords, numSenses, numEntities */
  meta: Int32Array,
  classUnits: Uint16Array,
  classIds: Uint16Array,
  childCount: Uint8Array,
  /** (state, count) pairs for states with CHILD_OVERFLOW children or more. */
  childOverflow: Int32Array,
  edgeClass: Uint16Array,
  fail: Int32Array,
  /** Terminal states, ascending; terminal g owns records termRecStart[g] .. termRecStart[g+1]. */
  terminals: Int32Array,
  termRecStart: Int32Array,
  recLen: Uint16Array,
  recFlags: Uint8Array,
  /** Kind (see char-kind) of the alias's first code point | kind of its last << 4. */
  recEdge: Uint8Array,
  recTextStart: Int32Array,
  recSenseStart: Int32Array,
  senseEntity: Uint16Array,
  senseFlags: Uint8Array,
  senseLang: Uint8Array,
  senseCtxStart: Int32Array,
  senseAmbStart: Int32Array,
  refList: Uint16Array,
  entityTypes: Uint8Array,
  /** UTF-8: alias texts back to back; entity ids and language codes joined by "\n". */
  recText: Uint8Array,
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
  const header = new Uint32Array(out.buffer, 0, HEADER_WORDS);
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
  // Typed-array views need aligned offsets; a copy is the rare fallback.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < HEADER_WORDS * 4) throw new Error('match index: truncated header');
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS);
  if (header[0] !== MAGIC) throw new Error('match index: bad magic (not an index, or big-endian host)');
  if (header[1] !== FORMAT_VERSION) throw new Error(`match index: version ${header[1]}, expected ${FORMAT_VERSION}`);
  if (header[2] !== NAMES.length) throw new Error('match index: section count mismatch');
  const result: Partial<Record<SectionName, unknown>> = {};
  NAMES.forEach((name, i) => {
    const Ctor = SECTION_TYPES[name];
    const at = header[3 + 2 * i]!;
    const length = header[4 + 2 * i]!;
    if (at + length * Ctor.BYTES_PER_ELEMENT > bytes.byteLength) throw new Error(`match index: section ${name} out of range`);
    const View = Ctor as unknown as new (buffer: ArrayBufferLike, offset: number, length: number) => unknown;
    result[name] = new View(bytes.buffer, bytes.byteOffset + at, length);
  });
  return result as Sections;
}
