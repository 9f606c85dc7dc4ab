/** Build time: every alias of every entity -> one match index, bytes and text (see index-format). */
import { ENTITY_TYPES, type Entity } from '../kb/schema';
import { collectRecords, type RecordAcc } from './alias-records';
import { kindOf } from './char-kind';
import { encodeAliasCase } from './alias-text-codec';
import { decodeIndex } from './index-decode';
import { prefixSums, RecFlag, SenseFlag, wideBytesFor, writeSections, type MatchIndex } from './index-format';
import { layoutAutomaton } from './index-layout';
import { verifyIndex } from './index-verify';
import { aliasKey, buildTrie } from './trie-builder';

/** The alias table's columns, filled record by record in terminal order. */
class Tables {
  readonly recLen: number[] = [];
  readonly recFlags: number[] = [];
  readonly recEdge: number[] = [];
  readonly recCaseBytes: number[] = [];
  readonly recCase: number[] = [];
  readonly recSenseCount: number[] = [];
  readonly senseEntity: number[] = [];
  readonly senseFlags: number[] = [];
  readonly senseLang: number[] = [];
  readonly senseCtxCount: number[] = [];
  readonly senseAmbCount: number[] = [];
  readonly refList: number[] = [];
  readonly langs: string[] = [''];

  addRecord(r: RecordAcc): void {
    const senses = [...r.senses.values()].sort((a, b) => a.entity - b.entity);
    if (senses.length > 0xff) throw new Error(`match index: too many entities share "${r.text}"`);
    if (r.text.length > 0xffff) throw new Error('match index: alias too long');
    this.recLen.push(r.text.length);
    const caseStart = this.recCase.length;
    encodeAliasCase(r.text, this.recCase);
    this.recCaseBytes.push(this.recCase.length - caseStart);
    const multiWord = /[ -]/.test(r.text); // normalized: separators are exactly these two
    this.recFlags.push((r.insensitive ? RecFlag.insensitive : 0) | (multiWord ? RecFlag.multiWord : 0));
    this.recEdge.push(edgeKinds(r.text));
    this.recSenseCount.push(senses.length);
    for (const s of senses) {
      this.senseEntity.push(s.entity);
      this.senseFlags.push(s.flags | (s.ctx ? SenseFlag.needsContext : 0));
      let lang = this.langs.indexOf(s.lang);
      if (lang < 0) lang = this.langs.push(s.lang) - 1;
      if (lang > 0xff) throw new Error('match index: too many alias languages');
      this.senseLang.push(lang);
      const ctx = [...(s.ctx ?? [])].slice(0, 0xff);
      const amb = [...s.amb].slice(0, 0xff);
      this.senseCtxCount.push(ctx.length);
      this.senseAmbCount.push(amb.length);
      this.refList.push(...ctx, ...amb);
    }
  }

  sections() {
    return {
      recLen: this.recLen,
      recFlags: this.recFlags,
      recEdge: this.recEdge,
      recCaseStart: prefixSums(this.recCaseBytes),
      recCase: this.recCase,
      recSenseStart: prefixSums(this.recSenseCount),
      senseEntity: this.senseEntity,
      senseFlags: this.senseFlags,
      senseLang: this.senseLang,
      senseRefStart: prefixSums(this.senseCtxCount.map((c, k) => c + this.senseAmbCount[k]!)),
      senseCtxCount: this.senseCtxCount,
      refList: this.refList,
      langs: this.langs.join('\n'),
    };
  }
}

function edgeKinds(text: string): number {
  const first = text.codePointAt(0)!;
  let lastAt = text.length - 1;
  const lo = text.charCodeAt(lastAt);
  if (lo >= 0xdc00 && lo <= 0xdfff && lastAt > 0) lastAt--;
  return kindOf(first) | (kindOf(text.codePointAt(lastAt)!) << 4);
}

export interface BuildOptions {
  /** Force the width of state numbers and offsets (tests); by default 16-bit while they fit. */
  wideBytes?: 2 | 4;
}

export function buildMatchIndex(entities: Entity[], opts: BuildOptions = {}): MatchIndex {
  if (entities.length > 0xffff) throw new Error('match index: too many entities');
  const index = new Map<string, number>();
  entities.forEach((e, i) => index.set(e.id, i));
  const records = collectRecords(entities, index);

  // Records sharing a key (e.g. an exact and an insensitive spelling) share a terminal.
  const keyIds = new Map<string, number>();
  const keys: number[][] = [];
  const keyOf = records.map((r) => {
    const key = aliasKey(r.text);
    const id = key.join(',');
    let k = keyIds.get(id);
    if (k === undefined) keyIds.set(id, (k = keys.push(key) - 1));
    return k;
  });
  const trie = buildTrie(keys);
  const order = records
    .map((r, i) => ({ r, state: trie.terminalOf[keyOf[i]!]! }))
    .sort((a, b) => a.state - b.state || Number(a.r.insensitive) - Number(b.r.insensitive) || (a.r.text < b.r.text ? -1 : 1));

  const terminals: number[] = [];
  const termRecCount: number[] = [];
  const t = new Tables();
  for (const { r, state } of order) {
    if (state !== terminals[terminals.length - 1]) {
      terminals.push(state);
      termRecCount.push(0);
    }
    termRecCount[termRecCount.length - 1]!++;
    t.addRecord(r);
  }
  const layout = layoutAutomaton(trie, terminals);
  const tables = t.sections();
  // firstChild holds numStates itself; each offset table ends with its total.
  const largest = Math.max(trie.numStates, order.length, t.recCase.length, t.senseEntity.length, t.refList.length);
  const wideBytes = opts.wideBytes ?? wideBytesFor(largest);
  if (wideBytes < wideBytesFor(largest)) throw new Error('match index: too many states or records for 16-bit tables');
  const wide = (a: ArrayLike<number>) => (wideBytes === 2 ? Uint16Array.from(a) : Int32Array.from(a));
  const built = writeSections(
    {
      meta: Int32Array.from([
        trie.numStates, trie.numClasses, trie.sepClass, trie.boundaryClass, trie.firstGlueClass,
        trie.glueOutsideClass, order.length, t.senseEntity.length, entities.length,
        layout.boundaryState, layout.wordRowFirst, layout.wordRowCount, layout.wordRowWidth,
      ]),
      classRunStart: trie.classRunStart,
      classRunClass: trie.classRunClass,
      alphabet: trie.alphabet,
      firstChild: trie.firstChild,
      edgeClass: trie.edgeClass,
      fail: trie.fail,
      outMask: layout.outMask,
      termMask: layout.termMask,
      rootNext: wide(layout.rootNext),
      boundaryNext: wide(layout.boundaryNext),
      wordRows: layout.wordRows,
      terminals,
      termRecStart: prefixSums(termRecCount),
      ...tables,
      entityTypes: entities.map((e) => Math.max(0, ENTITY_TYPES.indexOf(e.type))),
      entityIds: entities.map((e) => e.id).join('\n'),
    },
    wideBytes,
  );
  verifyIndex(decodeIndex(built));
  return built;
}
