/**
 * Build time: every alias of every entity -> one binary match index (see index-format).
 *
 * The alias table has one record per distinct (normalized text, case mode); a record
 * holds one "sense" per entity that uses the text, with that entity's flags. An entity
 * listed in `ambiguousWith` but lacking the text itself gets an implied sense that needs
 * context for itself: "Kim" can mean Kim Yo Jong once she is named in full.
 */
import { ENTITY_TYPES, type AliasSpec, type Entity } from '../kb/schema';
import { kindOf } from './char-kind';
import { RecFlag, SenseFlag, writeSections } from './index-format';
import { foldUnit, normalizeAliasText } from './normalize';
import { buildTrie } from './trie-builder';

interface SenseAcc {
  entity: number;
  flags: number;
  /** null once any spec of this entity uses the text without needsContext. */
  ctx: Set<number> | null;
  amb: Set<number>;
  lang: string;
}
interface RecordAcc {
  text: string;
  insensitive: boolean;
  senses: Map<number, SenseAcc>;
}

const MAX_ALIAS_UNITS = 0xffff;

function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return out;
}

function refs(ids: readonly string[] | undefined, index: Map<string, number>): Set<number> {
  const out = new Set<number>();
  for (const id of ids ?? []) {
    const e = index.get(id);
    if (e !== undefined) out.add(e);
  }
  return out;
}

function collectRecords(entities: readonly Entity[], index: Map<string, number>): RecordAcc[] {
  const records = new Map<string, RecordAcc>();
  entities.forEach((entity, e) => {
    const specs: AliasSpec[] = [...entity.aliases];
    // The compiler puts the name first; tolerate entities built without it.
    if (!specs.some((s) => s.text === entity.name)) specs.unshift({ text: entity.name });
    for (const spec of specs) {
      const text = normalizeAliasText(spec.text);
      if (text.length === 0 || text.length > MAX_ALIAS_UNITS) continue;
      const insensitive = spec.case === 'insensitive';
      const key = `${insensitive ? 'i' : 'e'}\u0000${text}`;
      let rec = records.get(key);
      if (!rec) records.set(key, (rec = { text, insensitive, senses: new Map() }));
      const flags =
        (spec.personName ? SenseFlag.personName : 0) |
        (spec.usPlace ? SenseFlag.usPlace : 0) |
        (spec.commonWord ? SenseFlag.commonWord : 0);
      const ctx = spec.needsContext && spec.needsContext.length > 0 ? refs(spec.needsContext, index) : null;
      const amb = refs(spec.ambiguousWith, index);
      amb.delete(e);
      const prev = rec.senses.get(e);
      if (!prev) {
        rec.senses.set(e, { entity: e, flags, ctx, amb, lang: spec.lang ?? '' });
        continue;
      }
      prev.flags |= flags;
      prev.ctx = prev.ctx && ctx ? new Set([...prev.ctx, ...ctx]) : null;
      for (const a of amb) prev.amb.add(a);
      prev.lang ||= spec.lang ?? '';
    }
  });
  for (const rec of records.values()) {
    for (const sense of [...rec.senses.values()]) {
      for (const other of sense.amb) {
        if (rec.senses.has(other)) continue;
        const amb = new Set([sense.entity]);
        rec.senses.set(other, { entity: other, flags: SenseFlag.implied, ctx: new Set([other]), amb, lang: sense.lang });
      }
    }
  }
  return [...records.values()];
}

function edgeKinds(text: string): number {
  const first = text.codePointAt(0)!;
  let lastAt = text.length - 1;
  const lo = text.charCodeAt(lastAt);
  if (lo >= 0xdc00 && lo <= 0xdfff && lastAt > 0) lastAt--;
  return kindOf(first) | (kindOf(text.codePointAt(lastAt)!) << 4);
}

export function buildMatchIndex(entities: Entity[]): Uint8Array {
  if (entities.length > 0xffff) throw new Error('match index: too many entities');
  const index = new Map<string, number>();
  entities.forEach((e, i) => index.set(e.id, i));
  const records = collectRecords(entities, index);

  const keyOf = records.map((r) => foldText(r.text));
  const keys = [...new Set(keyOf)];
  const trie = buildTrie(keys);
  const stateOfKey = new Map(keys.map((k, i) => [k, trie.terminalOf[i]!]));
  const order = records
    .map((r, i) => ({ r, state: stateOfKey.get(keyOf[i]!)! }))
    .sort((a, b) => a.state - b.state || Number(a.r.insensitive) - Number(b.r.insensitive) || (a.r.text < b.r.text ? -1 : 1));

  const terminals: number[] = [];
  const termRecStart: number[] = [];
  const langs: string[] = [''];
  const enc = new TextEncoder();
  const textBytes: Uint8Array[] = [];
  const recTextStart = [0];
  const recSenseStart = [0];
  const senseEntity: number[] = [];
  const senseFlags: number[] = [];
  const senseLang: number[] = [];
  const senseCtxStart: number[] = [];
  const senseAmbStart: number[] = [];
  const refList: number[] = [];
  const recLen: number[] = [];
  const recFlags: number[] = [];
  const recEdge: number[] = [];
  let textSize = 0;

  order.forEach(({ r, state }, i) => {
    if (terminals[terminals.length - 1] !== state) {
      terminals.push(state);
      termRecStart.push(i);
    }
    recLen.push(r.text.length);
    const multiWord = /[ -]/.test(r.text); // normalized: separators are exactly these two
    recFlags.push((r.insensitive ? RecFlag.insensitive : 0) | (multiWord ? RecFlag.multiWord : 0));
    recEdge.push(edgeKinds(r.text));
    const bytes = enc.encode(r.text);
    textBytes.push(bytes);
    textSize += bytes.length;
    recTextStart.push(textSize);
    const senses = [...r.senses.values()].sort((a, b) => a.entity - b.entity);
    for (const s of senses) {
      senseEntity.push(s.entity);
      senseFlags.push(s.flags | (s.ctx ? SenseFlag.needsContext : 0));
      let lang = langs.indexOf(s.lang);
      if (lang < 0) lang = langs.push(s.lang) - 1;
      if (lang > 0xff) throw new Error('match index: too many alias languages');
      senseLang.push(lang);
      senseCtxStart.push(refList.length);
      refList.push(...(s.ctx ?? []));
      senseAmbStart.push(refList.length);
      refList.push(...s.amb);
    }
    recSenseStart.push(senseEntity.length);
  });
  termRecStart.push(order.length);
  senseCtxStart.push(refList.length);
  senseAmbStart.push(refList.length);

  const recText = new Uint8Array(textSize);
  let at = 0;
  for (const b of textBytes) { recText.set(b, at); at += b.length; }

  return writeSections({
    meta: Int32Array.from([
      trie.numStates, trie.numClasses, trie.sepClass, terminals.length,
      order.length, senseEntity.length, entities.length,
    ]),
    classUnits: trie.classUnits,
    classIds: trie.classIds,
    childCount: trie.childCount,
    childOverflow: trie.childOverflow,
    edgeClass: trie.edgeClass,
    fail: trie.fail,
    terminals: Int32Array.from(terminals),
    termRecStart: Int32Array.from(termRecStart),
    recLen: Uint16Array.from(recLen),
    recFlags: Uint8Array.from(recFlags),
    recEdge: Uint8Array.from(recEdge),
    recTextStart: Int32Array.from(recTextStart),
    recSenseStart: Int32Array.from(recSenseStart),
    senseEntity: Uint16Array.from(senseEntity),
    senseFlags: Uint8Array.from(senseFlags),
    senseLang: Uint8Array.from(senseLang),
    senseCtxStart: Int32Array.from(senseCtxStart),
    senseAmbStart: Int32Array.from(senseAmbStart),
    refList: Uint16Array.from(refList),
    entityTypes: Uint8Array.from(entities, (e) => Math.max(0, ENTITY_TYPES.indexOf(e.type))),
    recText,
    entityIds: enc.encode(entities.map((e) => e.id).join('\n')),
    langs: enc.encode(langs.join('\n')),
  });
}
