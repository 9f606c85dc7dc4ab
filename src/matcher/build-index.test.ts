import { describe, expect, it } from 'vitest';
import type { Entity } from '../kb/schema';
import { decodeAliasText, encodeAliasCase } from './alias-text-codec';
import { buildMatchIndex } from './build-index';
import { FIXTURE_ENTITIES, fixtureIndex, fixtureMatcher, spans } from './fixture-kb';
import { decodeIndex, entityIdAt, entityIdsOf, fillClassBlock, type DecodedIndex } from './index-decode';
import { CLASS_BLOCK_BITS, FORMAT_VERSION, MAGIC, TextTable } from './index-format';
import { verifyIndex } from './index-verify';
import { Matcher } from './matcher';
import { foldAliasText, foldUnit, normalizeAliasText } from './normalize';

const CORPUS = [
  "Kim Jong Un met Trump in the U.S. while Iran-backed groups watched; the U.N. said so.",
  'South Sudan, Papua New Guinea and Equatorial Guinea since the Russian invasion of Ukraine.',
  'La Corée du Nord, Nordkorea, Coreia do Norte, 북한은, 北朝鲜的, Северная Корея, كوريا الشمالية',
  'KIM JONG-UN, Kim\u00a0Jong\u00a0Un, Trump’s, WHO who, US us, Turkey turkey, Türkiye, Guinea-Bissau',
];

function entity(id: string, name: string, aliases: string[]): Entity {
  return {
    id, type: 'person', name, aliases: [name, ...aliases].map((text) => ({ text })), wikipedia: name, summary: '',
    facts: [], timeline: [], related: [], sources: [], asOf: '2025-01-01', packs: ['world'],
  };
}

/** `table` with value i replaced, as a builder bug would write it (the text's tag is not redone). */
function withValue(table: TextTable, i: number, v: number): TextTable {
  const at = table.start + (table.wide ? 2 * i : i);
  return new TextTable(table.text.slice(0, at) + String.fromCharCode(v) + table.text.slice(at + 1), table.start, table.length, table.wide);
}

/** The fixture index decoded over a copy of its bytes, so a test may change it. */
const decodedCopy = () => decodeIndex({ bytes: fixtureIndex().bytes.slice(), text: fixtureIndex().text });

describe('buildMatchIndex / Matcher.fromIndex', () => {
  it('is deterministic and round-trips to identical scans, from any byte offset', () => {
    const index = fixtureIndex();
    expect(buildMatchIndex(FIXTURE_ENTITIES)).toEqual(index);
    // A copy that starts at an odd offset inside a bigger buffer, like a pooled Node Buffer.
    const host = new Uint8Array(index.bytes.length + 3);
    host.set(index.bytes, 3);
    const again = Matcher.fromIndex({ bytes: host.subarray(3), text: index.text });
    const first = fixtureMatcher();
    for (const text of CORPUS) {
      const a = first.scan(text);
      expect(a.length).toBeGreaterThan(3);
      expect(again.scan(text)).toEqual(a);
    }
  });

  it('fills in a block of classes when a scan first meets one of its units', () => {
    const m = Matcher.fromIndex(fixtureIndex());
    // Latin first: the other blocks are not needed and stay unfilled.
    expect(spans(m, 'Kim Jong Un in Seoul')).toEqual(['Kim Jong Un=kim-jong-un']);
    // The Hangul unit in mid-text fills its block and is taken again, with the state it came with.
    expect(spans(m, 'Trump: 북한은 Kim Jong Un')).toEqual(['Trump=donald-trump', '북한=north-korea', 'Kim Jong Un=kim-jong-un']);
    expect(spans(m, '北朝鲜的')).toEqual(spans(fixtureMatcher(), '北朝鲜的'));
    expect(spans(m, '北朝鲜的').length).toBe(1);
  });

  it('fills each block with the classes of its runs, and only that block', () => {
    const d = decodedCopy();
    const blocks = 0x10000 >> CLASS_BLOCK_BITS;
    const runClass = (u: number): number => d.s.classRunClass.at(d.s.classRunStart.lastAtMost(u));
    // Odd blocks first, from the top: the even ones stay empty meanwhile.
    for (let b = blocks - 1; b >= 0; b--) if (b % 2 === 1) fillClassBlock(d, b);
    for (let u = 0; u < 0x10000; u++) if ((u >> CLASS_BLOCK_BITS) % 2 === 0) expect(d.classOf[u]).toBe(0);
    for (let b = 0; b < blocks; b += 2) fillClassBlock(d, b);
    const wrong = Array.from({ length: 0x10000 }, (_, u) => u).filter((u) => d.classOf[u] !== runClass(u));
    expect(wrong).toEqual([]);
    // The table holds real classes: letters, the separator, transparent units.
    expect(d.classOf['K'.charCodeAt(0)]).toBeGreaterThan(0);
    expect(d.classOf[0x20]).toBe(d.sepClass);
    expect(d.classOf[0xad]).toBe(0xffff);
  });

  it('a scan fills the blocks of the units it meets and no others, and scans as a full table does', () => {
    const m = Matcher.fromIndex(fixtureIndex());
    const d = (m as unknown as { d: DecodedIndex }).d;
    const filled = (): number[] => [...d.classBlocks.keys()].filter((b) => d.classBlocks[b] === 1);
    expect(filled()).toEqual([]);
    expect(spans(m, 'Kim Jong Un in Seoul')).toEqual(['Kim Jong Un=kim-jong-un']);
    expect(filled()).toEqual([0]);
    // Emoji (surrogates) and icon fonts (private use) fill their own small blocks only.
    expect(spans(m, 'Trump’s \u{1F600} met Kim Jong Un \uE001 in Seoul')).toEqual(['Trump=donald-trump', 'Kim Jong Un=kim-jong-un']);
    expect(filled()).toEqual([0x00, 0x20, 0xd8, 0xde, 0xe0]);
    const full = Matcher.fromIndex(fixtureIndex());
    const fd = (full as unknown as { d: DecodedIndex }).d;
    for (let b = 0; b < fd.classBlocks.length; b++) fillClassBlock(fd, b);
    for (const text of CORPUS) expect(m.scan(text)).toEqual(full.scan(text));
  });

  it('keeps every alias text, flag and entity in the alias table', () => {
    const m = fixtureMatcher();
    const texts = new Set<string>();
    for (let r = 0; r < m.aliasCount; r++) texts.add(m.aliasInfo(r).text);
    for (const e of FIXTURE_ENTITIES) for (const a of e.aliases) expect(texts).toContain(normalizeAliasText(a.text));

    const [kim] = m.scan('Kim');
    const info = m.aliasInfo(kim!.alias);
    expect(info).toMatchObject({ text: 'Kim', insensitive: false, multiWord: false });
    expect(info.senses).toEqual([
      expect.objectContaining({ entityId: 'kim-jong-un', type: 'person', needsContext: ['kim-jong-un'], ambiguousWith: ['kim-yo-jong'], implied: false }),
      expect.objectContaining({ entityId: 'kim-yo-jong', needsContext: ['kim-yo-jong'], implied: true }),
    ]);
    const georgia = m.aliasInfo(m.scan('Georgia')[0]!.alias).senses[0];
    expect(georgia).toMatchObject({ entityId: 'georgia', type: 'country', usPlace: true, personName: true, commonWord: false, needsContext: null });
    const korean = m.aliasInfo(m.scan('북한')[0]!.alias).senses[0];
    expect(korean).toMatchObject({ entityId: 'north-korea', lang: 'ko' });
    expect(m.entityType('washington-dc')).toBe('place');
    expect(m.entityType('nobody')).toBeUndefined();
  });

  it('scans the same with 32-bit state numbers and offsets as with 16-bit ones', () => {
    const narrow = fixtureMatcher();
    const wideIndex = buildMatchIndex(FIXTURE_ENTITIES, { wideBytes: 4 });
    expect(new DataView(wideIndex.bytes.buffer).getInt32(12, true)).toBe(4);
    expect(wideIndex.text.length).toBeGreaterThan(fixtureIndex().text.length);
    const wide = Matcher.fromIndex(wideIndex);
    for (const text of CORPUS) expect(wide.scan(text)).toEqual(narrow.scan(text));
  });

  it('refuses to write an automaton whose tables are inconsistent', () => {
    expect(() => verifyIndex(decodedCopy())).not.toThrow();
    // A failure link that points forward could loop the scan.
    const loop = decodedCopy();
    loop.fail = withValue(loop.fail, 5, 9);
    expect(() => verifyIndex(loop)).toThrow(/state 5 has a bad failure link/);
    const stale = decodedCopy();
    const t0 = stale.terminals.at(0);
    stale.outMask[t0 >> 3]! &= ~(1 << (t0 & 7));
    expect(() => verifyIndex(stale)).toThrow(/derived tables/);
    const dangling = decodedCopy();
    dangling.s.refList = withValue(dangling.s.refList, 0, 0xffff);
    expect(() => verifyIndex(dangling)).toThrow(/entity reference/);
  });

  it('rejects bytes that are not an index of this version, and text from another index', () => {
    const { bytes, text } = fixtureIndex();
    expect(() => Matcher.fromIndex({ bytes: new Uint8Array(8), text })).toThrow(/truncated/);
    const wrongMagic = bytes.slice();
    new DataView(wrongMagic.buffer).setUint32(0, MAGIC + 1, true);
    expect(() => Matcher.fromIndex({ bytes: wrongMagic, text })).toThrow(/magic/);
    const wrongVersion = bytes.slice();
    new DataView(wrongVersion.buffer).setUint32(4, FORMAT_VERSION + 1, true);
    expect(() => Matcher.fromIndex({ bytes: wrongVersion, text })).toThrow(/version/);
    expect(() => Matcher.fromIndex({ bytes: bytes.subarray(0, bytes.length / 2), text })).toThrow(/out of range/);
    const other = buildMatchIndex(FIXTURE_ENTITIES.slice(1)).text;
    expect(() => Matcher.fromIndex({ bytes, text: other })).toThrow(/does not belong/);
    expect(() => Matcher.fromIndex({ bytes, text: text.slice(0, -1) })).toThrow(/does not belong/);
    // The same length and a changed unit: the tag in the first unit no longer agrees.
    expect(() => Matcher.fromIndex({ bytes, text: '\u0000' + text.slice(1) })).toThrow(/does not belong/);
  });

  it('reads each entity id in place, and refuses an id list that does not match the entity table', () => {
    const d = decodeIndex(fixtureIndex());
    expect(d.entityIdStarts).toBeUndefined();
    expect(entityIdsOf(d)).toEqual(FIXTURE_ENTITIES.map((e) => e.id));
    const last = FIXTURE_ENTITIES.length - 1;
    expect([entityIdAt(d, 0), entityIdAt(d, last)]).toEqual([FIXTURE_ENTITIES[0]!.id, FIXTURE_ENTITIES[last]!.id]);
    expect([entityIdAt(d, -1), entityIdAt(d, last + 1)]).toEqual(['', '']);
    const short = decodedCopy();
    short.s.entityIds = short.s.entityIds.slice(0, short.s.entityIds.lastIndexOf('\n'));
    expect(() => entityIdAt(short, 0)).toThrow(/inconsistent tables/);
    const long = decodedCopy();
    long.s.entityIds += '\nextra';
    expect(() => entityIdAt(long, 0)).toThrow(/inconsistent tables/);
  });

  it('merges the entity name and its aliases, and skips empty aliases', () => {
    const e = entity('x', 'Alpha Beta', ['  ', 'Alpha\u00a0Beta', 'AB']);
    const m = Matcher.fromIndex(buildMatchIndex([e]));
    expect(m.aliasCount).toBe(2);
    expect(m.scan('Alpha Beta, AB').map((c) => c.entityIds)).toEqual([['x'], ['x']]);
    expect(Matcher.fromIndex(buildMatchIndex([])).scan('anything at all 北朝鲜')).toEqual([]);
  });

  it('builds and scans a synthetic index of 8,000 aliases, past the 16-bit state limit', () => {
    const syllables = ['ka', 'ri', 'mo', 'tan', 'sel', 'vo', 'lu', 'bra', 'zen', 'dor', 'fi', 'gha', 'nu', 'pe', 'ros', 'ti'];
    let seed = 1;
    const rnd = (n: number) => (seed = (seed * 48271) % 2147483647) % n; // MINSTD
    const word = () => {
      let w = '';
      for (let i = 0, n = 2 + rnd(4); i < n; i++) w += syllables[rnd(syllables.length)];
      return w[0]!.toUpperCase() + w.slice(1);
    };
    const entities: Entity[] = [];
    for (let i = 0; i < 800; i++) {
      const names = Array.from({ length: 10 }, () => Array.from({ length: 1 + rnd(3) }, word).join(' '));
      entities.push(entity(`e${i}`, names[0]!, names.slice(1)));
    }
    const index = buildMatchIndex(entities);
    const states = decodeIndex(index).numStates;
    expect(states).toBeGreaterThan(0xffff);
    expect(new DataView(index.bytes.buffer).getInt32(12, true)).toBe(4);
    expect(() => buildMatchIndex(entities, { wideBytes: 2 })).toThrow(/16-bit/);
    // Three tables a state (firstChild, edgeClass, fail: 10 bytes as text) and two bitmaps, plus the
    // alias table (its byte columns take a 2-byte unit each as text) and the 24 KB low class table.
    expect(index.bytes.length + 2 * index.text.length).toBeLessThan(states * 11 + 280 * 1024);
    const m = Matcher.fromIndex(index);
    expect(m.aliasCount).toBeGreaterThan(7500);
    const picked = [entities[3]!, entities[400]!, entities[799]!];
    const text = picked.map((e) => `News about ${e.aliases[1]!.text} today.`).join(' ');
    const found = m.scan(text);
    for (const e of picked) expect(found.some((c) => c.entityIds.includes(e.id) && text.slice(c.start, c.end) === e.aliases[1]!.text)).toBe(true);
  });
});

describe('normalization and alias-text codec', () => {
  it('folds every UTF-16 unit to exactly one unit', () => {
    for (let u = 0; u < 0x10000; u++) {
      const f = foldUnit(u);
      if (!(f >= 0 && f <= 0xffff)) throw new Error(`unit ${u} folds to ${f}`);
    }
    expect(foldUnit('İ'.charCodeAt(0))).toBe('i'.charCodeAt(0));
    expect(foldUnit('–'.charCodeAt(0))).toBe(' '.charCodeAt(0));
    expect(foldUnit('’'.charCodeAt(0))).toBe("'".charCodeAt(0));
  });

  it('normalizes alias texts: typography, separator runs, ends', () => {
    expect(normalizeAliasText('  Côte d’Ivoire ')).toBe("Côte d'Ivoire");
    expect(normalizeAliasText('Kim\u00a0 Jong – Un')).toBe('Kim Jong Un');
    expect(normalizeAliasText('Guinea‑Bissau')).toBe('Guinea-Bissau');
    expect(foldAliasText('Guinea‑Bissau')).toBe(foldAliasText('GUINEA  bissau'));
    expect(foldAliasText('Kim Jong-un')).toBe('kim jong un');
  });

  it('rebuilds written aliases from their fold', () => {
    for (const text of ['Kim Jong Un', 'Guinea-Bissau', 'U.S.', 'İstanbul', 'ΟΔΥΣΣΕΑΣ', 'McDonald\'s', 'Straße', '북한', 'WHO']) {
      const bytes: number[] = [];
      encodeAliasCase(text, bytes);
      const folded = [...text].map((ch) => String.fromCharCode(foldUnit(ch.charCodeAt(0)))).join('');
      expect(decodeAliasText(folded, Uint8Array.from(bytes), 0, bytes.length)).toBe(text);
    }
  });
});
