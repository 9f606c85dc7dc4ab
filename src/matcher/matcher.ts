/**
 * Run time: scan texts with the decoded index. `scan` reads each UTF-16 unit once, maps
 * it to a class through one table lookup and steps the automaton (feeding it a BOUNDARY
 * symbol at each word start, see trie-builder); all other work happens only where an
 * alias ends.
 *
 * The transitions that complete rows answer (from the root, from the word-start state, one
 * letter into a word) are read inline and step() takes the rest. Every page starts our code
 * cold, in V8's interpreter, where a call per unit made the first scan of the corpus's pages
 * cost 228–246 ms against 203–207 ms inline (warm, both about 70 ms).
 */
import { ENTITY_TYPES, type EntityType } from '../kb/schema';
import { decodeAliasInfo } from './alias-info';
import { decodeAliasText } from './alias-text-codec';
import * as automaton from './automaton';
import * as checks from './hit-checks';
import { decodeIndex, entityIdAt, entityIdsOf, fillClassBlock, type DecodedIndex } from './index-decode';
import { CLASS_BLOCK_BITS, RecFlag, TRANSPARENT_CLASS, type MatchIndex, type TextTable } from './index-format';
import { selectLeftmostLongest } from './select';
import type { AliasInfo, Candidate } from './types';

// Module-local copies for the hot path: some transpilers (tsx, vitest) turn imported
// bindings into getter calls on every access, which tripled the scan time.
const { boundaryOk, formMatches, hitStart } = checks;
const { step } = automaton;
const TRANSPARENT = TRANSPARENT_CLASS;
const BLOCK_BITS = CLASS_BLOCK_BITS;
const INSENSITIVE = RecFlag.insensitive;
const MULTI_WORD = RecFlag.multiWord;

/** The state whose children include `t`: the last s with firstChild[s] <= t. */
const parentOf = (firstChild: TextTable, t: number): number => firstChild.lastAtMost(t, firstChild.length - 2);

export class Matcher {
  // Per-record caches, filled on first use. Maps, because a page meets a few dozen of the
  // thousands of records, and arrays sized for all of them cost fresh memory on every page.
  private readonly texts = new Map<number, string>();
  private readonly uppers = new Map<number, string | null>();
  private readonly entityLists = new Map<number, readonly string[]>();
  private readonly infos = new Map<number, AliasInfo>();
  private idIndex: Map<string, number> | undefined;
  private langs: string[] | undefined;
  /** Reused hit buffer: (start, end, record) triples. */
  private hits = new Int32Array(96);

  private constructor(private readonly d: DecodedIndex) {}

  /** A matcher over an index from buildMatchIndex (its bytes and its text). */
  static fromIndex(index: MatchIndex): Matcher {
    return new Matcher(decodeIndex(index));
  }

  /** Number of records in the alias table (Candidate.alias is below this). */
  get aliasCount(): number {
    return this.d.s.recLen.length;
  }

  get entityIds(): readonly string[] {
    return entityIdsOf(this.d);
  }

  entityType(id: string): EntityType | undefined {
    this.idIndex ??= new Map(entityIdsOf(this.d).map((e, i) => [e, i]));
    const i = this.idIndex.get(id);
    return i === undefined ? undefined : ENTITY_TYPES[this.d.s.entityTypes.at(i)];
  }

  scan(text: string): Candidate[] {
    const d = this.d;
    const { classOf, classBlocks, outMask, boundaryClass, firstGlueClass, glueOutsideClass, rootNext, boundaryNext } = d;
    // The rows of the states one letter into a word, read here for narrow indexes (a width of 0
    // sends the wide ones to step()).
    const { text: rows, wordRowFirst, wordRowCount, wordRowsAt } = d;
    const rowWidth = d.wide ? 0 : d.wordRowWidth;
    const n = text.length;
    let nh = 0;
    let s = 0;
    let prevGlue = false;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      const cls = classOf[code]!;
      if (cls < firstGlueClass) {
        if (cls === 0) {
          if (classBlocks[code >> BLOCK_BITS] === 0) {
            // The first unit of its block: fill in the block's classes, then take this unit again.
            fillClassBlock(d, code >> BLOCK_BITS);
            i--;
            continue;
          }
          prevGlue = false;
          s = 0;
          continue;
        }
        prevGlue = false;
        s = s === 0 ? rootNext[cls]! : step(d, s, cls);
      } else if (prevGlue) {
        // Mid-word at the root: no key continues here, the common case in any text.
        if (s === 0 || cls === TRANSPARENT) continue;
        if (cls === glueOutsideClass) {
          s = 0;
          continue;
        }
        const row = s - wordRowFirst;
        s = row >= 0 && row < wordRowCount && cls < rowWidth ? rows.charCodeAt(wordRowsAt + row * rowWidth + cls) : step(d, s, cls);
      } else {
        if (cls === TRANSPARENT) continue;
        prevGlue = true;
        if (cls === glueOutsideClass) {
          s = 0;
          continue;
        }
        // A word starts: the BOUNDARY symbol, then the unit (from the root, one row read).
        s = s === 0 ? boundaryNext[cls]! : step(d, step(d, s, boundaryClass), cls);
      }
      if ((outMask[s >> 3]! & (1 << (s & 7))) === 0) continue;
      // An ASCII letter or digit right after a word character: every alias ending here is
      // the start of a longer word ("th" in "the", "Iran" in "Iranian"). Reject them all.
      // (Not after Hangul and beyond, where boundaryOk has its own say.)
      if (prevGlue && code < 0x1100) {
        const next = text.charCodeAt(i + 1) | 0x20;
        if ((next >= 0x61 && next <= 0x7a) || (next >= 0x30 && next <= 0x39)) continue;
      }
      nh = this.collect(text, i, s, nh);
    }
    return nh === 0 ? [] : selectLeftmostLongest(this.hits, nh, (r) => this.recordEntities(r));
  }

  /** Checks every alias ending at `last` and appends the ones that pass to the hit buffer. */
  private collect(text: string, last: number, state: number, nh: number): number {
    const { termRecStart, outMask, termMask, fail, classOf, sepClass } = this.d;
    const { recLen, recFlags, recEdge } = this.d.s;
    // Every terminal on the failure chain from `state`; outMask says whether any is left.
    for (let x = state; x > 0 && (outMask[x >> 3]! & (1 << (x & 7))) !== 0; x = fail.at(x)) {
      if ((termMask.at(x >> 3) & (1 << (x & 7))) === 0) continue;
      const g = this.terminalRank(x);
      for (let r = termRecStart.at(g), rEnd = termRecStart.at(g + 1); r < rEnd; r++) {
        const start = hitStart(text, classOf, sepClass, last, recLen.at(r));
        // Case first: it rejects "us" for "US" at the first letter.
        const flags = recFlags.at(r);
        if ((flags & INSENSITIVE) === 0 && !this.caseOk(r, flags, text, start)) continue;
        if (!boundaryOk(text, start, last + 1, recEdge.at(r))) continue;
        if (nh + 3 > this.hits.length) {
          const grown = new Int32Array(this.hits.length * 2);
          grown.set(this.hits);
          this.hits = grown;
        }
        this.hits[nh] = start;
        this.hits[nh + 1] = last + 1;
        this.hits[nh + 2] = r;
        nh += 3;
      }
    }
    return nh;
  }

  /** The index of terminal state `x` in the ascending terminal list. */
  private terminalRank(x: number): number {
    const { terminals } = this.d;
    let lo = 0;
    let hi = terminals.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terminals.at(mid) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** 'exact' case: the alias as written, or for multi-word aliases its ALL-CAPS form. */
  private caseOk(r: number, flags: number, text: string, start: number): boolean {
    const { classOf, sepClass } = this.d;
    const written = this.recordText(r);
    if (formMatches(written, text, start, classOf, sepClass)) return true;
    if ((flags & MULTI_WORD) === 0) return false;
    let upper = this.uppers.get(r);
    if (upper === undefined) {
      const u = written.toUpperCase();
      upper = u.length === written.length ? u : null;
      this.uppers.set(r, upper);
    }
    return upper !== null && formMatches(upper, text, start, classOf, sepClass);
  }

  /** The written alias: its automaton path spelled back, with its case restored (alias-text-codec). */
  private recordText(r: number): string {
    let text = this.texts.get(r);
    if (text === undefined) {
      const { terminals, termRecStart, recCaseStart, boundaryClass, s } = this.d;
      // The terminal whose records include r.
      const terminal = termRecStart.lastAtMost(r, terminals.length - 1);
      const units: number[] = [];
      for (let st = terminals.at(terminal); st !== 0; st = parentOf(s.firstChild, st)) {
        const c = s.edgeClass.at(st);
        if (c !== boundaryClass) units.push(s.alphabet.at(c));
      }
      const folded = String.fromCharCode(...units.reverse());
      text = decodeAliasText(folded, s.recCase, recCaseStart.at(r), recCaseStart.at(r + 1));
      this.texts.set(r, text);
    }
    return text;
  }

  private recordEntities(r: number): readonly string[] {
    let list = this.entityLists.get(r);
    if (list === undefined) {
      const { recSenseStart, s } = this.d;
      const out: string[] = [];
      for (let k = recSenseStart.at(r), end = recSenseStart.at(r + 1); k < end; k++) out.push(entityIdAt(this.d, s.senseEntity.at(k)));
      list = Object.freeze(out);
      this.entityLists.set(r, list);
    }
    return list;
  }

  /** The alias table entry a Candidate points to, decoded on first use. */
  aliasInfo(alias: number): AliasInfo {
    const cached = this.infos.get(alias);
    if (cached) return cached;
    if (!(alias >= 0 && alias < this.aliasCount)) throw new RangeError(`no alias ${alias}`);
    this.langs ??= this.d.s.langs.split('\n');
    const info = decodeAliasInfo(this.d, alias, this.recordText(alias), this.langs);
    this.infos.set(alias, info);
    return info;
  }
}
