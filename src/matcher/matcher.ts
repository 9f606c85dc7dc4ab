/**
 * Run time: decode the index (views plus two linear passes) and scan texts with it.
 * `scan` reads each UTF-16 unit once, maps it to a class through one table lookup and
 * steps the automaton; all other work happens only where an alias ends.
 */
import { ENTITY_TYPES, type EntityType } from '../kb/schema';
import * as checks from './hit-checks';
import { CHILD_OVERFLOW, RecFlag, readSections, SenseFlag, TRANSPARENT_CLASS, type Sections } from './index-format';
import { selectLeftmostLongest } from './select';

// Local copies for the hot path (see hit-checks.ts on transpiled imports).
const { boundaryOk, formMatches, hitStart } = checks;
const TRANSPARENT = TRANSPARENT_CLASS;
const INSENSITIVE = RecFlag.insensitive;
const MULTI_WORD = RecFlag.multiWord;
import type { AliasInfo, AliasSense, Candidate } from './types';

const decoder = new TextDecoder();

export class Matcher {
  private readonly classOf = new Uint16Array(0x10000);
  private readonly rootNext: Int32Array;
  private readonly firstChild: Int32Array;
  /** Nearest state on the failure chain (itself included) that ends an alias; 0 if none. */
  private readonly dict: Int32Array;
  private readonly sepClass: number;
  private readonly ids: readonly string[];
  private readonly idIndex = new Map<string, number>();
  private readonly texts: (string | undefined)[] = [];
  private readonly uppers: (string | null | undefined)[] = [];
  private readonly entityLists: (readonly string[] | undefined)[] = [];
  private readonly infos: (AliasInfo | undefined)[] = [];
  /** Reused hit buffer: (start, end, record) triples. */
  private hits = new Int32Array(96);

  private constructor(private readonly s: Sections) {
    const [numStates = 0, numClasses = 0, sepClass = 0] = s.meta;
    this.sepClass = sepClass;
    for (let i = 0; i < s.classUnits.length; i++) this.classOf[s.classUnits[i]!] = s.classIds[i]!;

    this.firstChild = new Int32Array(numStates + 1);
    const overflow = new Map<number, number>();
    for (let i = 0; i < s.childOverflow.length; i += 2) overflow.set(s.childOverflow[i]!, s.childOverflow[i + 1]!);
    let next = 1;
    for (let st = 0; st < numStates; st++) {
      this.firstChild[st] = next;
      const c = s.childCount[st]!;
      next += c === CHILD_OVERFLOW ? overflow.get(st)! : c;
    }
    this.firstChild[numStates] = next;

    // The root is visited after every mismatch, so it gets a dense row.
    this.rootNext = new Int32Array(numClasses + 1);
    for (let t = this.firstChild[0]!, end = this.firstChild[1]!; t < end; t++) this.rootNext[s.edgeClass[t]!] = t;

    this.dict = new Int32Array(numStates);
    for (const t of s.terminals) this.dict[t] = t;
    for (let st = 1; st < numStates; st++) if (this.dict[st] === 0) this.dict[st] = this.dict[s.fail[st]!]!;

    const idText = decoder.decode(s.entityIds);
    this.ids = idText.length === 0 ? [] : idText.split('\n');
    this.ids.forEach((id, i) => this.idIndex.set(id, i));
  }

  static fromBytes(bytes: Uint8Array): Matcher {
    return new Matcher(readSections(bytes));
  }

  /** Number of records in the alias table. */
  get aliasCount(): number {
    return this.s.recLen.length;
  }

  get entityIds(): readonly string[] {
    return this.ids;
  }

  entityType(id: string): EntityType | undefined {
    const i = this.idIndex.get(id);
    return i === undefined ? undefined : ENTITY_TYPES[this.s.entityTypes[i]!];
  }

  scan(text: string): Candidate[] {
    const { classOf, rootNext, firstChild, dict, sepClass } = this;
    const { edgeClass, fail } = this.s;
    const n = text.length;
    let nh = 0;
    let s = 0;
    let prevSep = false;
    for (let i = 0; i < n; i++) {
      const cls = classOf[text.charCodeAt(i)]!;
      if (cls === 0) {
        s = 0;
        prevSep = false;
        continue;
      }
      if (cls === TRANSPARENT) continue;
      if (cls === sepClass) {
        if (prevSep) continue; // a run of spaces/dashes walks one edge
        prevSep = true;
      } else prevSep = false;

      for (;;) {
        if (s === 0) {
          s = rootNext[cls]!;
          break;
        }
        let lo = firstChild[s]!;
        let hi = firstChild[s + 1]!;
        let t = 0;
        if (hi - lo <= 8) {
          for (; lo < hi; lo++) {
            const e = edgeClass[lo]!;
            if (e >= cls) { if (e === cls) t = lo; break; }
          }
        } else {
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            const e = edgeClass[mid]!;
            if (e === cls) { t = mid; break; }
            if (e < cls) lo = mid + 1;
            else hi = mid;
          }
        }
        if (t !== 0) { s = t; break; }
        s = fail[s]!;
      }
      if (dict[s] !== 0) nh = this.collect(text, i, s, nh);
    }
    return nh === 0 ? [] : selectLeftmostLongest(this.hits, nh, (r) => this.recordEntities(r));
  }

  /** Checks every alias ending at `last` and appends the ones that pass to the hit buffer. */
  private collect(text: string, last: number, state: number, nh: number): number {
    const { terminals, termRecStart, recLen, recFlags, recEdge, fail } = this.s;
    for (let t = this.dict[state]!; t !== 0; t = this.dict[fail[t]!]!) {
      let lo = 0;
      let hi = terminals.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (terminals[mid]! < t) lo = mid + 1;
        else hi = mid;
      }
      for (let r = termRecStart[lo]!, rEnd = termRecStart[lo + 1]!; r < rEnd; r++) {
        const start = hitStart(text, this.classOf, this.sepClass, last, recLen[r]!);
        if (!boundaryOk(text, start, last + 1, recEdge[r]!)) continue;
        const flags = recFlags[r]!;
        if ((flags & INSENSITIVE) === 0 && !this.caseOk(r, flags, text, start)) continue;
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

  /** 'exact' case: the alias as written, or for multi-word aliases its ALL-CAPS form. */
  private caseOk(r: number, flags: number, text: string, start: number): boolean {
    if (formMatches(this.recordText(r), text, start, this.classOf, this.sepClass)) return true;
    if ((flags & MULTI_WORD) === 0) return false;
    let upper = this.uppers[r];
    if (upper === undefined) {
      const u = this.recordText(r).toUpperCase();
      upper = u.length === this.recordText(r).length ? u : null;
      this.uppers[r] = upper;
    }
    return upper !== null && formMatches(upper, text, start, this.classOf, this.sepClass);
  }

  private recordText(r: number): string {
    let t = this.texts[r];
    if (t === undefined) {
      const at = this.s.recTextStart;
      t = decoder.decode(this.s.recText.subarray(at[r]!, at[r + 1]!));
      this.texts[r] = t;
    }
    return t;
  }

  private recordEntities(r: number): readonly string[] {
    let list = this.entityLists[r];
    if (list === undefined) {
      const { recSenseStart, senseEntity } = this.s;
      const out: string[] = [];
      for (let k = recSenseStart[r]!; k < recSenseStart[r + 1]!; k++) out.push(this.ids[senseEntity[k]!]!);
      list = Object.freeze(out);
      this.entityLists[r] = list;
    }
    return list;
  }

  /** The alias table entry a Candidate points to, decoded on first use. */
  aliasInfo(alias: number): AliasInfo {
    const cached = this.infos[alias];
    if (cached) return cached;
    if (!(alias >= 0 && alias < this.aliasCount)) throw new RangeError(`no alias ${alias}`);
    const s = this.s;
    const langs = decoder.decode(s.langs).split('\n');
    const refs = (from: number, to: number): string[] => [...s.refList.subarray(from, to)].map((e) => this.ids[e]!);
    const senses: AliasSense[] = [];
    for (let k = s.recSenseStart[alias]!; k < s.recSenseStart[alias + 1]!; k++) {
      const f = s.senseFlags[k]!;
      const entityId = this.ids[s.senseEntity[k]!]!;
      const lang = langs[s.senseLang[k]!];
      senses.push({
        entityId,
        type: this.entityType(entityId) ?? 'concept',
        personName: (f & SenseFlag.personName) !== 0,
        usPlace: (f & SenseFlag.usPlace) !== 0,
        commonWord: (f & SenseFlag.commonWord) !== 0,
        needsContext: (f & SenseFlag.needsContext) !== 0 ? refs(s.senseCtxStart[k]!, s.senseAmbStart[k]!) : null,
        ambiguousWith: refs(s.senseAmbStart[k]!, s.senseCtxStart[k + 1]!),
        implied: (f & SenseFlag.implied) !== 0,
        ...(lang ? { lang } : {}),
      });
    }
    const flags = s.recFlags[alias]!;
    const info: AliasInfo = {
      text: this.recordText(alias),
      insensitive: (flags & RecFlag.insensitive) !== 0,
      multiWord: (flags & RecFlag.multiWord) !== 0,
      senses,
    };
    return (this.infos[alias] = info);
  }
}
