/**
 * The layout of the match index. It comes in two parts, both built at build time and
 * checked there (index-layout, index-verify):
 * - **bytes** (shipped as base64): the small dense tables the scan reads at every unit of
 *   page text: the root's transition rows and the output bitmap. A header, a table of
 *   sections, and the sections, each 4-byte aligned. Decoding costs by the byte (native
 *   base64 took 0.12 ms plus 8 µs per KB on a fresh page), and fresh memory is dear on a page
 *   (about 13 µs per 4 KB page touched on the bench machines), so this part is kept small.
 *   The class table is not in it: the scan fills its table from the class runs in the text, a
 *   block at a time, as the page's units need them (24 KB of classes below U+3000 made the
 *   base64 three times as long).
 * - **text** (shipped as a string literal): everything else, the automaton's per-state
 *   tables and the alias table, as 16-bit values read in place with charCodeAt.
 * Loading is then a small base64 decode and a few dozen views: a string literal costs
 * nothing to load, where decoding the same tables from base64 cost seven times the floor
 * over the corpus. Little-endian, like every platform a browser extension runs on.
 *
 * State numbers and table offsets ("wide" sections) are 16-bit while every one of them
 * fits, and 32-bit beyond; one index uses one width throughout, so the scan's reads stay
 * monomorphic. In the bytes, 32-bit sections are signed (all values < 2^31) because V8
 * keeps Int32Array loads as small integers where Uint32Array loads may become doubles; in
 * the text, a 32-bit value takes two units, low first.
 */

export const MAGIC = 0x584d5342; // "BSMX" read as a little-endian u32
export const FORMAT_VERSION = 7;

/** Class ids beyond the alphabet: 0 = non-word unit in no alias; TRANSPARENT = skipped. */
export const NO_CLASS = 0;
export const TRANSPARENT_CLASS = 0xffff;
/**
 * The classes come from runs in the text, filled into the scan's table a block of this many
 * units at a time, when the scan first meets a unit of the block: until then they read as 0.
 */
export const CLASS_BLOCK_BITS = 8;

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

/** Byte sections (typed-array views), or text sections: 16-bit values, wide values, or plain text. */
type Kind = 'u8' | 'u16' | 'i32' | 'wide' | 't16' | 'twide' | 'text';

const SECTION_KINDS = {
  meta: 'i32',
  /** Bit per state: some state on its failure chain (itself included) ends an alias. */
  outMask: 'u8',
  /** Complete transition rows for the two states every word passes: the root and root+BOUNDARY. */
  rootNext: 'wide',
  boundaryNext: 'wide',
  /** The class of every BMP unit, as runs: units runStart[i] .. runStart[i+1]-1 all have class runClass[i]. */
  classRunStart: 't16',
  classRunClass: 't16',
  /** Bit per state: the state itself ends an alias (a byte of the bitmap per unit). */
  termMask: 't16',
  /** Complete rows, over classes below wordRowWidth, for the states one letter into a word. */
  wordRows: 'twide',
  /** The folded unit each class stands for (0 for the BOUNDARY symbol and unmatched word units). */
  alphabet: 't16',
  /**
   * The automaton, states in breadth-first order with each state's children contiguous and
   * sorted by class: state s's edges are firstChild[s] .. firstChild[s+1]-1, and edgeClass[t]
   * is the class of the edge into t (see trie-builder).
   */
  firstChild: 'twide',
  edgeClass: 't16',
  fail: 'twide',
  /** Terminal states ascending (a state's rank is found by binary search); terminal g owns records termRecStart[g] .. termRecStart[g+1]-1. */
  terminals: 'twide',
  termRecStart: 'twide',
  /** Per record (records are in terminal-state order). */
  recLen: 't16',
  recFlags: 't16',
  /** Kind (see char-kind) of the alias's first code point | kind of its last << 4. */
  recEdge: 't16',
  /** Record r's case bytes (see alias-text-codec), one per unit, are recCase[recCaseStart[r] .. recCaseStart[r+1]]. */
  recCaseStart: 'twide',
  recCase: 't16',
  /** Record r's senses are recSenseStart[r] .. recSenseStart[r+1]-1. */
  recSenseStart: 'twide',
  /** Per sense. */
  senseEntity: 't16',
  senseFlags: 't16',
  senseLang: 't16',
  /** Sense k's needsContext refs are refList[senseRefStart[k] ..] (senseCtxCount[k] of them), its ambiguousWith refs after them. */
  senseRefStart: 'twide',
  senseCtxCount: 't16',
  /** Entity indexes. */
  refList: 't16',
  entityTypes: 't16',
  /** Joined by "\n". */
  entityIds: 'text',
  langs: 'text',
} as const satisfies Record<string, Kind>;

/** Value i of a table that starts at `start` in the index text (see TextTable). */
export function valueAt(text: string, start: number, wide: boolean, i: number): number {
  if (!wide) return text.charCodeAt(start + i);
  const p = start + 2 * i;
  return text.charCodeAt(p) | (text.charCodeAt(p + 1) << 16);
}

/**
 * A table held in the index text: value i is the unit at start + i, or for a wide table the
 * two units at start + 2i (low, then high). Reading past the end gives NaN or 0, never a throw.
 */
export class TextTable {
  constructor(
    readonly text: string,
    readonly start: number,
    readonly length: number,
    readonly wide: boolean,
  ) {}

  at(i: number): number {
    return valueAt(this.text, this.start, this.wide, i);
  }

  /** For an ascending table: the last i in [0, last] with value i <= x (0 when there is none). */
  lastAtMost(x: number, last = this.length - 1): number {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.at(mid) <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Every value, for build-time checks. */
  toArray(): Int32Array {
    return Int32Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

type SectionKinds = typeof SECTION_KINDS;
export type SectionName = keyof SectionKinds;
type ViewOf<K extends Kind> = K extends 'u8' ? Uint8Array : K extends 'u16' ? Uint16Array : K extends 'i32' ? Int32Array : K extends 'wide' ? StateArray : K extends 'text' ? string : TextTable;
type InputOf<K extends Kind> = K extends 't16' | 'twide' ? ArrayLike<number> : ViewOf<K>;
export type Sections = { [K in SectionName]: ViewOf<SectionKinds[K]> };
export type SectionInput = { [K in SectionName]: InputOf<SectionKinds[K]> };

/** The two parts of an index; `text` must be the one written with these bytes. */
export interface MatchIndex {
  bytes: Uint8Array;
  text: string;
}

const NAMES = Object.keys(SECTION_KINDS) as SectionName[];
/** magic, version, section count, bytes per element of the wide sections, text length, text tag, then (offset, length) per section. */
const HEADER_WORDS = 6 + 2 * NAMES.length;

const align4 = (n: number): number => (n + 3) & ~3;
const inText = (kind: Kind): kind is 't16' | 'twide' | 'text' => kind[0] === 't';

type ViewCtor = new (buffer: ArrayBufferLike, offset: number, length: number) => Uint8Array | Uint16Array | Int32Array;

function ctorOf(kind: Kind, wideBytes: number): ViewCtor & { BYTES_PER_ELEMENT: number } {
  if (kind === 'wide') return wideBytes === 2 ? Uint16Array : Int32Array;
  return kind === 'u8' ? Uint8Array : kind === 'u16' ? Uint16Array : Int32Array;
}

/** The width of the wide sections, given the largest value they hold. */
export function wideBytesFor(largest: number): 2 | 4 {
  return largest <= 0xffff ? 2 : 4;
}

/** 16-bit values as text units; 32-bit ones as two units each, low first. */
export function tableText(values: ArrayLike<number>, wide: boolean, name: string): string {
  const units = new Uint16Array(wide ? 2 * values.length : values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || v < 0 || v > (wide ? 0x7fffffff : 0xffff)) throw new Error(`match index: section ${name} holds ${v}, out of range`);
    if (wide) {
      units[2 * i] = v & 0xffff;
      units[2 * i + 1] = v >>> 16;
    } else units[i] = v;
  }
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}

/** A 16-bit digest of the text, kept in the header and as the text's first unit: bytes and text of different builds do not pair. */
function textTag(body: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) & 0xffff;
}

export function writeSections(sections: SectionInput, wideBytes: 2 | 4): MatchIndex {
  let size = HEADER_WORDS * 4;
  const offsets: number[] = [];
  const lengths: number[] = [];
  const parts: string[] = [];
  let textLength = 1; // the tag
  for (const name of NAMES) {
    const kind = SECTION_KINDS[name];
    const arr = sections[name];
    if (inText(kind)) {
      const units = typeof arr === 'string' ? arr : tableText(arr as ArrayLike<number>, kind === 'twide' && wideBytes === 4, name);
      if (kind === 'text' && typeof arr !== 'string') throw new Error(`match index: section ${name} is not text`);
      offsets.push(textLength);
      lengths.push(typeof arr === 'string' ? arr.length : (arr as ArrayLike<number>).length);
      parts.push(units);
      textLength += units.length;
      continue;
    }
    const want = ctorOf(kind, wideBytes);
    if (!(arr instanceof want)) throw new Error(`match index: section ${name} is not a ${want.name}`);
    offsets.push(size);
    lengths.push(arr.length);
    size = align4(size + arr.byteLength);
  }
  const body = parts.join('');
  const tag = textTag(body);
  const out = new Uint8Array(size);
  const header = new Int32Array(out.buffer, 0, HEADER_WORDS);
  header.set([MAGIC, FORMAT_VERSION, NAMES.length, wideBytes, textLength, tag]);
  NAMES.forEach((name, i) => {
    header[6 + 2 * i] = offsets[i]!;
    header[7 + 2 * i] = lengths[i]!;
    const arr = sections[name];
    if (!inText(SECTION_KINDS[name])) {
      const view = arr as Uint8Array | Uint16Array | Int32Array;
      out.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), offsets[i]!);
    }
  });
  return { bytes: out, text: String.fromCharCode(tag) + body };
}

export function readSections({ bytes: input, text }: MatchIndex): Sections {
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
  if (header[4] !== text.length || header[5] !== text.charCodeAt(0)) throw new Error('match index: the text does not belong to these bytes');
  const result: Partial<Record<SectionName, unknown>> = {};
  NAMES.forEach((name, i) => {
    const kind = SECTION_KINDS[name];
    const at = header[6 + 2 * i]!;
    const length = header[7 + 2 * i]!;
    if (inText(kind)) {
      const wide = kind === 'twide' && wideBytes === 4;
      if (at < 1 || length < 0 || at + (wide ? 2 * length : length) > text.length) throw new Error(`match index: section ${name} out of range`);
      result[name] = kind === 'text' ? text.slice(at, at + length) : new TextTable(text, at, length, wide);
      return;
    }
    const Ctor = ctorOf(kind, wideBytes);
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
